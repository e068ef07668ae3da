"""Find the record files in a claims folder and load each one into a typed record."""

from __future__ import annotations

import difflib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from dossier.problems import DossierError, Problem, quote_text
from dossier.read.load_worker import Job, Result, parse_all
from dossier.read.model import Article, Claim, Entity, Masthead, Record, RecordKind, Source, TopicList
from dossier.read.records import SPECIAL, SYMLINK, no_cycle_collection, parse_record_bytes, read_record_file
from dossier.read.spec import FOLDERS, KIND_OF_SINGLE_FILE, SINGLE_FILES, SPECS

RecordT = TypeVar("RecordT", Claim, Article, Source, Entity)
_KIND_OF_FOLDER: dict[str, RecordKind] = {folder: kind for kind, folder in FOLDERS.items() if folder}


@dataclass(frozen=True)
class Dossier:
    """Every valid record, sorted by id, and the ids of every file found (valid or not)."""

    claims: tuple[Claim, ...] = ()
    articles: tuple[Article, ...] = ()
    sources: tuple[Source, ...] = ()
    entities: tuple[Entity, ...] = ()
    present: dict[str, frozenset[str]] = field(default_factory=dict)
    masthead: Masthead | None = None  # dossier.yaml, when it loaded
    topic_list: TopicList | None = None  # topics.yaml, when it loaded


def load_dossier(claims_dir: str, only: frozenset[str] | None = None) -> tuple[Dossier, list[Problem]]:
    """Load every record under `claims_dir`; paths in problems start with `claims_dir` as given.

    With `only` (paths inside the folder), just those files, the articles, dossier.yaml and
    topics.yaml are read; the other records count as present by their file names, which is all
    their references need.
    """
    root = Path(claims_dir)
    if not root.is_dir():
        raise DossierError(f"claims folder {claims_dir!r} not found (give another with --claims DIR)")
    problems: list[Problem] = []
    found: dict[RecordKind, list[tuple[str, str]]] = {kind: [] for kind in SPECS}  # (relative, path) of each file
    for kind, folder, entry in _walk(root, claims_dir, problems):
        found[kind].append((folder + os.sep + entry.name if folder else entry.name, entry.path))
    if only is not None:
        problems = [p for p in problems if os.path.relpath(p.path, claims_dir) in only]
    if not found["dossier"] and only is None:
        problems.append(Problem(os.path.join(claims_dir, SINGLE_FILES["dossier"]), 1, 1, _NO_MASTHEAD))
    records: dict[str, list[Record]] = {kind: [] for kind in SPECS}
    with no_cycle_collection():
        _load_files(claims_dir, found, only, records, problems)
    present: dict[str, frozenset[str]] = {
        kind: frozenset(os.path.basename(rel).removesuffix(".yaml") for rel, _ in files)
        for kind, files in found.items()
    }
    return _grouped(records, present), problems


def _grouped(records: dict[str, list[Record]], present: dict[str, frozenset[str]]) -> Dossier:
    """The loaded records as a `Dossier`, each kind sorted by id."""
    return Dossier(
        claims=_by_id([r for r in records["claim"] if isinstance(r, Claim)]),
        articles=_by_id([r for r in records["article"] if isinstance(r, Article)]),
        sources=_by_id([r for r in records["source"] if isinstance(r, Source)]),
        entities=_by_id([r for r in records["entity"] if isinstance(r, Entity)]),
        present=present,
        masthead=next((r for r in records["dossier"] if isinstance(r, Masthead)), None),
        topic_list=next((r for r in records["topics"] if isinstance(r, TopicList)), None),
    )


def _by_id(records: list[RecordT]) -> tuple[RecordT, ...]:
    return tuple(sorted(records, key=lambda r: r.id))


_NO_MASTHEAD = (
    "missing: every dossier says who stands behind it (publisher, team, funding, contact, corrections "
    "policy, licence); copy tests/example/claims/dossier.yaml here and fill it in"
)


def _load_files(
    claims_dir: str,
    found: dict[RecordKind, list[tuple[str, str]]],
    only: frozenset[str] | None,
    records: dict[str, list[Record]],
    problems: list[Problem],
) -> None:
    wanted = [
        (kind, relative, path)
        for kind, files in found.items()
        for relative, path in files
        if only is None or relative in only or kind == "article" or kind in SINGLE_FILES
    ]
    # Read every file; one unchanged since the last check (`mkdocs serve`) keeps its result, and
    # one whose size, times and inode say it was not written since is not even read again.
    results: list[Result | None] = []
    jobs: list[Job] = []
    signatures: dict[tuple[RecordKind, str, str], tuple[int, ...] | None] = {}
    prefix = os.path.join(claims_dir, "")  # shown paths are os.path.join(claims_dir, relative)
    for kind, relative, path in wanted:
        shown = prefix + relative
        key = (kind, shown, relative)
        last = _loaded.get(key)
        signatures[key] = signature = _signature(path)
        if last is not None and signature is not None and last[0] == signature:
            results.append((last[2], last[3]))
            continue
        data = read_record_file(path)
        if isinstance(data, str):
            results.append((None, [Problem(shown, 1, 1, data)]))
        elif last is not None and last[1] == data:
            results.append((last[2], last[3]))
            _loaded[key] = (signature, *last[1:])
        else:
            results.append(None)
            jobs.append((kind, Path(path), data, shown, relative))
    # Parse the rest (on two cores when there are thousands: load_worker.py).
    fresh = zip(jobs, parse_all(jobs, parse_record_bytes), strict=True)
    for (kind, relative, _), result in zip(wanted, results, strict=True):
        if result is None:
            (_, _, data, shown, _), result = next(fresh)
            if result[0] is not None:  # files with problems are read afresh each time
                _loaded[(kind, shown, relative)] = (signatures[(kind, shown, relative)], data, *result)
        record, file_problems = result
        if only is None or relative in only:
            problems += file_problems  # copies the (immutable) problems, never the cached list
        if record is not None:
            records[kind].append(record)


# The last result for each file, by its bytes: `mkdocs serve` checks the whole dossier on every
# save, and only the saved file needs parsing again (scale work). Records are immutable, and an
# unchanged file gives back the very same record object, which the preview relies on to see
# what changed (dossier/link/changes.py).
_loaded: dict[tuple[RecordKind, str, str], tuple[tuple[int, ...] | None, bytes, Record | None, list[Problem]]] = {}
RACY_NS = 2_000_000_000  # a file written this close to when it was read may change again unseen


def _signature(path: str) -> tuple[int, ...] | None:
    """What `lstat` says about a file (inode, size, modification and change times), or None when
    that cannot vouch for its bytes: it cannot be read, or it was written within RACY_NS of now
    (a file system with coarse times could show a second write within the same tick, as git knows)."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) < RACY_NS:
        return None
    return (status.st_mode, status.st_ino, status.st_dev, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _walk(root: Path, shown_root: str, problems: list[Problem]) -> Iterator[tuple[RecordKind, str, os.DirEntry[str]]]:
    """Yield (kind, folder, entry) for each record file; report files and folders that do not belong.

    Links are never followed (a loop, or a link out of the repository, is only reported) and
    special files are never opened (reading a pipe or a device would hang the checker).
    """
    for entry in _entries(root):
        if entry.name.endswith(".yaml") and entry.is_file(follow_symlinks=False):  # a record file, as most are
            yield KIND_OF_SINGLE_FILE.get(entry.name, "claim"), "", entry
            continue
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
                if inner.name.endswith(".yaml") and inner.is_file(follow_symlinks=False):  # the usual case
                    yield kind, entry.name, inner
                    continue
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
            yield KIND_OF_SINGLE_FILE.get(entry.name, "claim"), "", entry


def _refused(entry: os.DirEntry[str], shown: str, problems: list[Problem]) -> bool:
    """True for a link or special file; reported here unless its name makes it a record file."""
    if entry.is_dir(follow_symlinks=False) or entry.is_file(follow_symlinks=False):
        return False
    if not entry.name.endswith(".yaml"):
        problems.append(Problem(shown, 1, 1, SYMLINK if entry.is_symlink() else SPECIAL))
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
