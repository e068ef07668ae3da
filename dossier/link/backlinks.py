"""Reverse indexes over a linked dossier, built once: who cites, names, quotes or covers what.

Every listing page (a source's citers, an entity's claims and quotes, a topic's claims, an
article's claims, the counts on the index pages) reads these lists instead of scanning every
claim, so rendering stays linear in the number of records. Each list is in article order.

`listing_keys` says which lists one claim belongs to; the preview (dossier/link/changes.py) uses
it to find the listings a saved claim touches, so the two can never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from dossier.link.crossref import Index
from dossier.read.model import Claim


@dataclass(frozen=True)
class Backlinks:
    ordered: list[Claim]  # every claim, in article order
    rank: dict[str, int]  # claim id -> its place in `ordered`
    by_article: dict[str, list[Claim]]
    by_source: dict[str, list[tuple[Claim, str | None]]]  # (citing claim, its note on the source)
    by_entity: dict[str, list[Claim]]  # claims listing the entity in `entities`
    quotes_by_speaker: dict[str, list[Claim]]
    by_topic: dict[str, list[Claim]]  # topics sorted by name
    by_first_appearance: dict[str, list[Claim]]  # source id -> claims whose wording first appeared there
    by_rating: dict[str, list[Claim]]  # verdict -> claims with that verdict

    def mentions(self, entity_id: str) -> int:
        """Claims that name the entity or quote it (each claim once)."""
        named = self.by_entity.get(entity_id, [])
        ids = {c.id for c in named}
        return len(named) + sum(c.id not in ids for c in self.quotes_by_speaker.get(entity_id, []))


def article_order_key(index: Index, claim: Claim) -> tuple[str, int, int, int, str]:
    """Where a claim's excerpt starts in its article (longer excerpts first at the same place)."""
    anchor = index.anchors[claim.id]
    return (claim.article, anchor.paragraph, anchor.start, -anchor.end, claim.id)


# The lists keyed by record id or name, as `listing_keys` names them; `ordered` holds every claim.
LISTS = ("by_article", "by_source", "by_entity", "quotes_by_speaker", "by_topic", "by_first_appearance", "by_rating")


def listing_keys(claim: Claim) -> Iterator[tuple[str, str]]:
    """(list, key) for every list in `Backlinks` that holds the claim (besides `ordered`), each once."""
    yield "by_article", claim.article
    for source in dict.fromkeys(ref.source for ref in claim.sources):
        yield "by_source", source
    for entity in dict.fromkeys(claim.entities):
        yield "by_entity", entity
    if claim.quote:
        yield "quotes_by_speaker", claim.quote.speaker
    for topic in dict.fromkeys(claim.topics):
        yield "by_topic", topic
    if claim.first_appearance and claim.first_appearance.source:
        yield "by_first_appearance", claim.first_appearance.source
    yield "by_rating", claim.verdict.rating


def source_note(claim: Claim, source: str) -> str | None:
    """The claim's note on a source it cites (the checker forbids repeats; the first note wins if one slips by)."""
    return next(ref.note for ref in claim.sources if ref.source == source)


def build_backlinks(index: Index) -> Backlinks:
    ordered = sorted(index.claims.values(), key=lambda c: article_order_key(index, c))
    lists: dict[str, defaultdict[str, list[Claim]]] = {name: defaultdict(list) for name in LISTS}
    for claim in ordered:
        for name, key in listing_keys(claim):
            lists[name][key].append(claim)
    return backlinks_from(ordered, {name: dict(found) for name, found in lists.items()})


def backlinks_from(ordered: list[Claim], lists: dict[str, dict[str, list[Claim]]]) -> Backlinks:
    """The `Backlinks` of claims in article order and their lists (each in article order)."""
    by_source = {
        source: [(claim, source_note(claim, source)) for claim in claims]
        for source, claims in lists["by_source"].items()
    }
    return Backlinks(
        ordered=ordered,
        rank={c.id: n for n, c in enumerate(ordered)},
        by_article=lists["by_article"],
        by_source=by_source,
        by_entity=lists["by_entity"],
        quotes_by_speaker=lists["quotes_by_speaker"],
        by_topic={t: lists["by_topic"][t] for t in sorted(lists["by_topic"])},
        by_first_appearance=lists["by_first_appearance"],
        by_rating=lists["by_rating"],
    )


_last: tuple[Index, Backlinks] | None = None


def backlinks(index: Index) -> Backlinks:
    """The reverse indexes of `index`, built on first use and kept for the most recent index only."""
    global _last
    if _last is None or _last[0] is not index:
        _last = (index, build_backlinks(index))
    return _last[1]


def remember_backlinks(index: Index, found: Backlinks) -> None:
    """Use `found` as the reverse indexes of `index` (the preview updates them in place of a rebuild)."""
    global _last
    _last = (index, found)
