"""One record file, from its bytes to a typed record.

The file is read without following links or opening special files, composed (quickly by libyaml
when the file is clean), checked against its kind's spec (`fields.py`), and turned into a typed
record by applying the rules the spec cannot state. The loader (`loader.py`, a whole folder) and
the load worker (`load_worker.py`, part of a large folder in a second process) both call
`parse_record_bytes`; neither imports the other for it.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from dossier.problems import Problem, quote_text, with_article
from dossier.read.fields import Checked, check_record, file_hides_nothing, format_path
from dossier.read.model import (
    Article,
    Claim,
    Contact,
    CopyOf,
    Correction,
    Entity,
    FieldPath,
    Figure,
    Finding,
    FirstAppearance,
    Masthead,
    NamedLink,
    Origin,
    Period,
    Publisher,
    Quote,
    Record,
    RecordKind,
    Source,
    SourceRef,
    TeamMember,
    Topic,
    TopicList,
    UsdRate,
    Verdict,
)
from dossier.read.paths import RESERVED_NAMES, article_page, claim_page, entity_page, source_page, topic_page
from dossier.read.spec import FOLDERS, MAX_FIGURE, SINGLE_FILES, SPECS
from dossier.read.yaml_tree import MAX_FILE_BYTES, Located, attach_path, compose_record


def build_record(
    kind: RecordKind, values: dict[str, Any], origin: Origin, stem: str
) -> tuple[Record | None, list[Problem]]:
    """Make the typed record for a file whose values passed the spec, or say why not."""
    problems: list[Problem] = []

    def report(path: FieldPath, message: str) -> None:
        line, col = origin.at(path)
        problems.append(Problem(origin.path, line, col, f"{format_path(path)}: {message}"))

    if kind in SINGLE_FILES:
        _check_single_file(kind, values, report)
    elif values["id"] in RESERVED_NAMES:
        report(
            ("id",),
            _reserved(values["id"], _PAGE_OF[kind](values["id"])) + "; choose another id and rename the file to match",
        )
    elif values["id"] != stem:
        report(
            ("id",),
            f"{quote_text(values['id'])} must equal the file name {quote_text(stem)}; rename the file or change the id",
        )
    if kind == "claim":
        _check_claim(values, report)
    if kind == "source" and "accessed" in values and "published" in values:
        if date_before(values["accessed"], values["published"]):
            report(
                ("accessed",),
                f"{values['accessed']} is before published {values['published']}; "
                "a source cannot be read before it is published",
            )
    if problems:
        return None, problems
    return _MAKERS[kind](values, origin), []


def _check_single_file(kind: RecordKind, values: dict[str, Any], report: Any) -> None:
    contact = values.get("contact")
    if kind == "dossier" and contact is not None and not contact:
        report(("contact",), "give an email address, a contact page url or a note saying how to reach the team")


# A first, cheap pass: a sentence may end at . ! or ? (and any closing quote or bracket) before a
# space and a capital or digit; a full stop after a capital letter is an abbreviation's (U.S.,
# J. Smith), not an end. What it finds ("Dr. Reed", "p. 4", "Mr. Xi" as much as a real second
# sentence) pysbd then confirms, so most summaries cost one regex search and pysbd is never loaded.
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_SENTENCE_CLOSE = re.compile(r"[.!?][\"'”’)\]]*$")


def summary_problem(summary: str) -> str | None:
    """What is wrong with a verdict summary as one sentence, if anything."""
    if _SENTENCE_END.search(summary) and _sentence_count(summary) > 1:
        return "write one sentence; put the rest in the conclusion"
    if not _SENTENCE_CLOSE.search(summary):
        return "end the sentence with a full stop"
    return None


@functools.lru_cache(maxsize=4096)
def _sentence_count(text: str) -> int:
    """How many sentences pysbd finds in `text` (a rule-based splitter that knows "Dr.", "p. 4",
    "Mr." and quoted speech); only pieces holding a letter or digit count."""
    return sum(1 for piece in _segmenter().segment(text) if any(c.isalnum() for c in piece))


@functools.cache
def _segmenter() -> Any:
    import pysbd  # type: ignore[import-untyped]  # only here: most summaries never need it

    return pysbd.Segmenter(language="en", clean=False)


def _check_claim(values: dict[str, Any], report: Any) -> None:
    summary = values["verdict"].get("summary")
    problem = summary_problem(summary) if summary is not None else None
    if problem:
        report(("verdict", "summary"), problem)
    figure = values.get("figure") or {}
    if "high" in figure and figure["high"] < figure["value"]:
        report(("figure", "high"), f"{figure['high']} is below value {figure['value']}; high is the top of the range")
    period = figure.get("period") or {}
    if "start" in period and "end" in period and _date_key(period["end"]) < _date_key(period["start"]):
        report(("figure", "period", "end"), f"{period['end']} is before start {period['start']}")
    rate = (figure.get("usd_rate") or {}).get("rate")
    if rate is not None and not 0 < rate < 10_000:
        message = f"{rate} is not a plausible rate; give the US dollars one unit is worth, e.g. 0.14"
        report(("figure", "usd_rate", "rate"), message)
    elif rate is not None:
        largest = max((figure[k] for k in ("value", "high", "checked_value") if k in figure), key=abs)
        if abs(largest * rate) > MAX_FIGURE:
            report(
                ("figure", "usd_rate", "rate"),
                f"at {rate} US dollars each, {largest} {figure['unit']} is {largest * rate:.3g} US dollars, beyond "
                f"±{MAX_FIGURE:g}, the largest figure the site can chart; check the rate and the figure",
            )
    unit = figure.get("unit", "")
    if "usd_rate" in figure and (unit == "USD" or not (len(unit) == 3 and unit.isupper())):
        report(
            ("figure", "usd_rate"),
            f"only for an amount in a currency other than USD; the unit here is {quote_text(unit)}, so remove usd_rate",
        )
    quote = values.get("quote") or {}
    if "text" in quote and quote["text"] not in values["excerpt"]:
        report(
            ("quote", "text"),
            f"{quote_text(quote['text'])} does not occur in the excerpt; the quote must be part of it",
        )
    if "stated" in figure and figure["stated"] not in values["excerpt"]:
        report(
            ("figure", "stated"),
            f"{quote_text(figure['stated'])} does not occur in the excerpt {quote_text(values['excerpt'], 120)}; "
            "copy the figure exactly as the excerpt writes it",
        )
    for index, topic in enumerate(values.get("topics", [])):
        if topic in RESERVED_NAMES:
            report(("topics", index), _reserved(topic, topic_page(topic)) + "; choose another topic")
    for index, other in enumerate(values.get("related", [])):
        if other == values["id"]:
            report(("related", index), "a claim cannot be related to itself")


def _reserved(name: str, page: str) -> str:
    return f"{quote_text(name)} is the name of a page the site generates ({page})"


def date_before(first: str, second: str) -> bool:
    """Whether date `first` is surely before `second`: partial dates compare by the parts both have."""
    a, b = _date_key(first), _date_key(second)
    common = min(len(a), len(b))
    return a[:common] < b[:common]


def _date_key(iso: str) -> tuple[int, ...]:
    """Partial dates compare by the parts they have: 2020 < 2020-05 < 2020-05-22 < 2021."""
    return tuple(int(part) for part in iso.split("-"))


def _make_claim(v: dict[str, Any], origin: Origin) -> Claim:
    figure = None
    if "figure" in v:
        f = dict(v["figure"])
        period = Period(**f.pop("period")) if "period" in f else None
        usd_rate = UsdRate(**f.pop("usd_rate")) if "usd_rate" in f else None
        figure = Figure(period=period, usd_rate=usd_rate, **f)
    return Claim(
        id=v["id"],
        article=v["article"],
        kind=v["kind"],
        claim=v["claim"],
        excerpt=v["excerpt"],
        verdict=Verdict(**{**v["verdict"], "checked_by": tuple(v["verdict"].get("checked_by", ()))}),
        origin=origin,
        occurrence=v.get("occurrence"),
        figure=figure,
        quote=Quote(**v["quote"]) if "quote" in v else None,
        entities=tuple(v.get("entities", ())),
        topics=tuple(v.get("topics", ())),
        sources=tuple(SourceRef(**ref) for ref in v.get("sources", ())),
        related=tuple(v.get("related", ())),
        corrections=tuple(Correction(**c) for c in v.get("corrections", ())),
        first_appearance=FirstAppearance(**v["first_appearance"]) if "first_appearance" in v else None,
    )


def _make_article(v: dict[str, Any], origin: Origin) -> Article:
    findings = tuple(Finding(text=f["text"], claims=tuple(f["claims"])) for f in v.get("findings", ()))
    return Article(origin=origin, **{**v, "paragraphs": tuple(v["paragraphs"]), "findings": findings})


def _make_source(v: dict[str, Any], origin: Origin) -> Source:
    copy_of = CopyOf(**v["copy_of"]) if "copy_of" in v else None
    return Source(origin=origin, **{**v, "copy_of": copy_of})


def _make_entity(v: dict[str, Any], origin: Origin) -> Entity:
    return Entity(origin=origin, **{**v, "aliases": tuple(v.get("aliases", ()))})


def _make_masthead(v: dict[str, Any], origin: Origin) -> Masthead:
    return Masthead(
        origin=origin,
        **{
            **v,
            "publisher": Publisher(**v["publisher"]),
            "team": tuple(TeamMember(**member) for member in v["team"]),
            "contact": Contact(**v["contact"]),
            "licence": NamedLink(**v["licence"]),
        },
    )


def _make_topic_list(v: dict[str, Any], origin: Origin) -> TopicList:
    return TopicList(topics=tuple(Topic(**topic) for topic in v["topics"]), origin=origin)


_PAGE_OF = {"claim": claim_page, "article": article_page, "source": source_page, "entity": entity_page}

_MAKERS: dict[str, Any] = {
    "claim": _make_claim,
    "article": _make_article,
    "source": _make_source,
    "entity": _make_entity,
    "dossier": _make_masthead,
    "topics": _make_topic_list,
}


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


def record_values(kind: RecordKind, data: bytes, shown: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """One record file's checked values (plain data, as the checker reads them), or what was wrong."""
    checked, problems = _check_bytes(kind, data, shown, quick=False)
    return (None if checked is None or problems else checked.values), problems


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


def read_record_file(path: str | Path) -> bytes | str:
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
        return SYMLINK
    if not stat.S_ISREG(mode):
        return SPECIAL
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            return SPECIAL
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


SYMLINK = "symbolic links are not allowed; commit the file itself"
SPECIAL = "not a regular file (a pipe, socket or device); commit the record as a plain .yaml file"


def _wrong_folder(kind: RecordKind, root: Node) -> Located | None:
    """Say where the record belongs when its fields fit another kind of record better."""
    if not isinstance(root, MappingNode) or kind in SINGLE_FILES:
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
    best = min((k for k in SPECS if k != kind and k not in SINGLE_FILES), key=lambda k: len(misfits(k)))
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
