"""Typed records: what the rest of the pipeline works with once a file has been validated."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dossier.read.spec import RecordKind

__all__ = ["RecordKind"]  # re-exported: record kinds are declared with the specs
Kind = Literal["figure", "quote", "statement", "forecast", "opinion"]
Rating = Literal["supported", "partly-supported", "disputed", "unsupported", "unverified", "opinion"]
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Origin:
    """Where a record came from: its path as shown to the user, and each value's line and column."""

    path: str
    file: str  # path inside the claims folder, e.g. `sources/scmp.yaml`
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict, compare=False, hash=False)

    def at(self, path: FieldPath) -> tuple[int, int]:
        """The line and column of the value at `path`, else of its nearest enclosing value."""
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


@dataclass(frozen=True)
class Period:
    start: str
    end: str


@dataclass(frozen=True)
class UsdRate:
    rate: float
    date: str
    source: str


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    stated: str
    high: float | None = None
    qualifier: str | None = None
    point_in_time: str | None = None
    period: Period | None = None
    method: str | None = None
    checked_value: float | None = None
    usd_rate: UsdRate | None = None


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str


@dataclass(frozen=True)
class Verdict:
    rating: Rating
    checked: str
    summary: str | None = None
    conclusion: str | None = None
    checked_by: tuple[str, ...] = ()  # team member ids from dossier.yaml


@dataclass(frozen=True)
class SourceRef:
    source: str
    note: str | None = None
    quote: str | None = None  # the source's own words the note relies on


@dataclass(frozen=True)
class Correction:
    date: str
    note: str


@dataclass(frozen=True)
class FirstAppearance:
    """Where a claim's wording first appeared (a source record) and how the article changed it."""

    change: Literal["kept", "reworded", "changed", "own"]
    source: str | None = None  # absent only when change is "own"
    note: str | None = None


@dataclass(frozen=True)
class CopyOf:
    """The original publication a source page reposts."""

    publisher: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Finding:
    """One statement of an article's overall finding and the claims that back it."""

    text: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    id: str
    article: str
    kind: Kind
    claim: str
    excerpt: str
    verdict: Verdict
    origin: Origin
    occurrence: int | None = None
    figure: Figure | None = None
    quote: Quote | None = None
    entities: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    related: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    first_appearance: FirstAppearance | None = None


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    publisher: str
    url: str
    paragraphs: tuple[str, ...]
    origin: Origin
    published: str | None = None
    published_note: str | None = None
    author: str | None = None
    retrieved: str | None = None
    summary: str | None = None
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    accessed: str  # when an editor last read it
    origin: Origin
    published: str | None = None
    archive_url: str | None = None
    kind: str | None = None
    copy_of: CopyOf | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    origin: Origin
    description: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class NamedLink:
    name: str
    url: str


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str | None = None  # without it, the site's own address stands for the publisher


@dataclass(frozen=True)
class TeamMember:
    id: str
    name: str
    role: str
    url: str | None = None


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Masthead:
    """`dossier.yaml`: who publishes the dossier and stands behind its verdicts, as a masthead does."""

    publisher: Publisher
    team: tuple[TeamMember, ...]
    funding: str
    contact: Contact
    corrections_policy: str
    licence: NamedLink
    origin: Origin
    description: str | None = None


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class TopicList:
    """`topics.yaml`: every topic claims may use, with the name readers see."""

    topics: tuple[Topic, ...]
    origin: Origin


Record = Claim | Article | Source | Entity | Masthead | TopicList
