"""Find the record files in a claims folder and load each one into a typed record."""

from __future__ import annotations

import contextlib
import difflib
import gc
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from .fields import Checked, check_record, file_hides_nothing
from .load_worker import Job, Result, parse_all
from .model import Article, Claim, Entity, Origin, Record, RecordKind, Source
from .problems import DossierError, Problem, quote_text, with_article
from .records import build_record
from .spec import FOLDERS, SPECS
from .yaml_tree import MAX_FILE_BYTES, Located, attach_path, compose_record

_KIND_OF_FOLDER: dict[str, RecordKind] = {folder: kind for kind, folder in FOLDERS.items() if folder}


@dataclass(frozen=True)
class Dossier:
    """Every valid record, sorted by id, and the ids of every file found (valid or not)."""

    claims: tuple[Claim, ...] = ()
    articles: tuple[Article, ...] = ()
    sources: tuple[Source, ...] = ()
    entities: tuple[Entity, ...] = ()
    present: dict[str, frozenset[str]] = field(default_factory=dict)


def load_dossier(claims_dir: str, only: frozenset[str] | None = None) -> tuple[Dossier, list[Problem]]:
    """Load every record under `claims_dir`; paths in problems start with `claims_dir` as given.

    With `only` (paths inside the folder), just those files and the articles are read; the other
    records count as present by their file names, which is all their references need.
    """
    root = Path(claims_dir)
    if not root.is_dir():
        raise DossierError(f"claims folder {claims_dir!r} not found (give another with --claims DIR)")
    problems: list[Problem] = []
    found: dict[RecordKind, list[tuple[str, Path]]] = {kind: [] for kind in SPECS}
    for kind, folder, entry in _walk(root, claims_dir, problems):
        found[kind].append((os.path.join(folder, entry.name) if folder else entry.name, Path(entry.path)))
    if only is not None:
        problems = [p for p in problems if os.path.relpath(p.path, claims_dir) in only]
    records: dict[str, list[Record]] = {kind: [] for kind in SPECS}
    with no_cycle_collection():
        _load_files(claims_dir, found, only, records, problems)
    present = {kind: frozenset(Path(rel).stem for rel, _ in files) for kind, files in found.items()}
    by_id = {kind: tuple(sorted(items, key=lambda r: r.id)) for kind, items in records.items()}
    dossier = Dossier(by_id["claim"], by_id["article"], by_id["source"], by_id["entity"], present)  # type: ignore[arg-type]  # records are grouped by kind above
    return dossier, problems


def _load_files(
    claims_dir: str,
    found: dict[RecordKind, list[tuple[str, Path]]],
    only: frozenset[str] | None,
    records: dict[str, list[Record]],
    problems: list[Problem],
) -> None:
    wanted = [
        (kind, relative, path)
        for kind, files in found.items()
        for relative, path in files
        if only is None or relative in only or kind == "article"
    ]
    # Read every file; one unchanged since the last check (`mkdocs serve`) keeps its result.
    results: list[Result | None] = []
    jobs: list[Job] = []
    for kind, relative, path in wanted:
        shown = os.path.join(claims_dir, relative)
        data = read_record_file(path)
        last = _loaded.get((kind, shown, relative))
        if isinstance(data, str):
            results.append((None, [Problem(shown, 1, 1, data)]))
        elif last is not None and last[0] == data:
            results.append((last[1], last[2]))
        else:
            results.append(None)
            jobs.append((kind, path, data, shown, relative))
    # Parse the rest (on two cores when there are thousands: load_worker.py).
    fresh = zip(jobs, parse_all(jobs, parse_record_bytes), strict=True)
    for (kind, relative, _), result in zip(wanted, results, strict=True):
        if result is None:
            (_, _, data, shown, _), result = next(fresh)
            if result[0] is not None:  # files with problems are read afresh each time
                _loaded[(kind, shown, relative)] = (data, *result)
        record, file_problems = result
        if only is None or relative in only:
            problems += file_problems  # copies the (immutable) problems, never the cached list
        if record is not None:
            records[kind].append(record)


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while files load.

    Loading makes a few hundred thousand short-lived objects per 10,000 records while the records
    already read stay alive, so the collector would keep rescanning them (about 5% of `check`).
    Node trees and records hold no reference cycles, so reference counting still frees the trees
    as it goes; anything cyclic (a caught error's traceback) waits for the next collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# The last result for each file, by its bytes: `mkdocs serve` checks the whole dossier on every
# save, and only the saved file needs parsing again (scale work). Records are immutable.
_loaded: dict[tuple[RecordKind, str, str], tuple[bytes, Record | None, list[Problem]]] = {}


def parse_record_bytes(
    kind: RecordKind, path: Path, data: bytes, shown: str, relative: str
) -> tuple[Record | None, list[Problem]]:
    """Check and type one record from its file's bytes: the record, or what was wrong."""
    checked, problems = _check_bytes(kind, data, shown, quick=True)
    if problems:  # read again the careful way, whose nodes know the column of every character
        checked, problems = _check_bytes(kind, data, shown, quick=False)
    if checked is None or problems:
        return None, problems
    origin = Origin(shown, relative.replace(os.sep, "/"), checked.positions)
    return build_record(kind, checked.values, origin, path.stem)


def _check_bytes(kind: RecordKind, data: bytes, shown: str, quick: bool) -> tuple[Checked | None, list[Problem]]:
    """Compose a file and check its fields: the values, or what was wrong."""
    root, found = compose_record(data, quick)
    problems = attach_path(shown, found)
    if root is None:
        return None, problems
    misplaced = _wrong_folder(kind, root)
    if misplaced is not None:  # one clear problem, not a dozen field errors
        return None, problems + attach_path(shown, [misplaced])
    checked = check_record(root, SPECS[kind], no_hidden_characters=file_hides_nothing(data))
    return checked, problems + attach_path(shown, checked.problems)


def read_record_file(path: Path) -> bytes | str:
    """The file's first bytes (no more than the limit: a huge file costs nothing), or why it is refused.

    A link is never followed and a pipe, socket or device never opened (reading one would hang
    the checker); the open refuses links too and the opened file is checked again, so nothing
    swapped in meanwhile gets through.
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    if stat.S_ISLNK(mode):
        return _SYMLINK
    if not stat.S_ISREG(mode):
        return _SPECIAL
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            return _SPECIAL
        return _read_at_most(fd, MAX_FILE_BYTES + 1, status.st_size)
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int, expected: int) -> bytes:
    """Up to `limit` bytes. `expected` (the size when opened) sizes the reads, so a small file
    costs a small buffer, not one of `limit` bytes; a file that grows meanwhile is still cut off."""
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = os.read(fd, min(limit - total, max(expected - total + 1, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


_SYMLINK = "symbolic links are not allowed; commit the file itself"
_SPECIAL = "not a regular file (a pipe, socket or device); commit the record as a plain .yaml file"


def _walk(root: Path, shown_root: str, problems: list[Problem]) -> Iterator[tuple[RecordKind, str, os.DirEntry[str]]]:
    """Yield (kind, folder, entry) for each record file; report files and folders that do not belong.

    Links are never followed (a loop, or a link out of the repository, is only reported) and
    special files are never opened (reading a pipe or a device would hang the checker).
    """
    for entry in _entries(root):
        if _refused(entry, os.path.join(shown_root, entry.name), problems):
            if entry.name.endswith(".yaml"):
                yield "claim", "", entry  # loading reports it, and the record counts as present
            continue
        if entry.is_dir(follow_symlinks=False):
            kind = _KIND_OF_FOLDER.get(entry.name)
            if kind is None:
                problems.append(_stray_folder(os.path.join(shown_root, entry.name)))
                continue
            for inner in _entries(Path(entry.path)):
                shown = os.path.join(shown_root, entry.name, inner.name)
                if _refused(inner, shown, problems):
                    if inner.name.endswith(".yaml"):
                        yield kind, entry.name, inner  # loading reports it, and the record counts as present
                    continue
                if inner.is_dir(follow_symlinks=False):
                    problems.append(
                        Problem(
                            shown,
                            1,
                            1,
                            f"unexpected folder inside {entry.name}/; {kind} records sit directly in {entry.name}/",
                        )
                    )
                elif _is_record_file(inner.name, shown, problems):
                    yield kind, entry.name, inner
        elif _is_record_file(entry.name, os.path.join(shown_root, entry.name), problems):
            yield "claim", "", entry


def _refused(entry: os.DirEntry[str], shown: str, problems: list[Problem]) -> bool:
    """True for a link or special file; reported here unless its name makes it a record file."""
    if entry.is_dir(follow_symlinks=False) or entry.is_file(follow_symlinks=False):
        return False
    if not entry.name.endswith(".yaml"):
        problems.append(Problem(shown, 1, 1, _SYMLINK if entry.is_symlink() else _SPECIAL))
    return True


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as it:
        return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)


def _is_record_file(name: str, shown: str, problems: list[Problem]) -> bool:
    if name.endswith(".yaml"):
        return True
    if name.endswith(".yml"):
        problems.append(
            Problem(shown, 1, 1, f"record files end in .yaml; rename it to {quote_text(name[:-4] + '.yaml')}")
        )
    else:
        problems.append(Problem(shown, 1, 1, "not a record file; the claims folder holds only .yaml records"))
    return False


def _stray_folder(shown: str) -> Problem:
    name = os.path.basename(shown)
    close = difflib.get_close_matches(name, list(_KIND_OF_FOLDER), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}/?)" if close else ""
    folders = ", ".join(f"{f}/" for f in _KIND_OF_FOLDER)
    return Problem(shown, 1, 1, f"unknown folder{hint}; records go in the claims folder itself or in {folders}")


def _wrong_folder(kind: RecordKind, root: Node) -> Located | None:
    """Say where the record belongs when its fields fit another kind of record better."""
    if not isinstance(root, MappingNode):
        return None
    known = SPECS[kind].by_name
    if all(isinstance(k, ScalarNode) and k.value in known for k, _ in root.value):
        return None  # the usual case, answered without sets
    keys = [(k.value, k) for k, _ in root.value if isinstance(k, ScalarNode)]
    names = {name for name, _ in keys}

    def misfits(other: RecordKind) -> set[str]:
        return names - SPECS[other].by_name.keys()

    strangers = misfits(kind)
    if not strangers:
        return None
    best = min((k for k in SPECS if k != kind), key=lambda k: len(misfits(k)))
    if len(misfits(best)) >= len(strangers):
        return None
    telling = [name for name, _ in keys if name in strangers and name not in misfits(best)]
    first = next(node for name, node in keys if name == telling[0])
    return Located(
        first.start_mark.line + 1,
        first.start_mark.column + 1,
        f"this looks like {with_article(best)} record (it has {_listed(telling)}); "
        f"{_KIND_PLURAL[best]} go {_place(best)}, not {_place(kind)}",
    )


_KIND_PLURAL = {"claim": "claims", "article": "articles", "source": "sources", "entity": "entities"}


def _listed(names: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`, `a, b, c, …`: the first few field names."""
    shown = names[:3]
    if len(names) > 3:
        return ", ".join(shown) + ", …"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _place(kind: RecordKind) -> str:
    return f"in {FOLDERS[kind]}/" if FOLDERS[kind] else "directly in the claims folder"
