"""Reverse indexes over a linked dossier, built once: who cites, names, quotes or covers what.

Every listing page (a source's citers, an entity's claims and quotes, a topic's claims, an
article's claims, the counts on the index pages) reads these lists instead of scanning every
claim, so rendering stays linear in the number of records. Each list is in article order.
"""

from __future__ import annotations

from collections import defaultdict
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

    def mentions(self, entity_id: str) -> int:
        """Claims that name the entity or quote it (each claim once)."""
        named = self.by_entity.get(entity_id, [])
        ids = {c.id for c in named}
        return len(named) + sum(c.id not in ids for c in self.quotes_by_speaker.get(entity_id, []))


def article_order_key(index: Index, claim: Claim) -> tuple[str, int, int, int, str]:
    """Where a claim's excerpt starts in its article (longer excerpts first at the same place)."""
    anchor = index.anchors[claim.id]
    return (claim.article, anchor.paragraph, anchor.start, -anchor.end, claim.id)


def build_backlinks(index: Index) -> Backlinks:
    ordered = sorted(index.claims.values(), key=lambda c: article_order_key(index, c))
    by_article: defaultdict[str, list[Claim]] = defaultdict(list)
    by_source: defaultdict[str, list[tuple[Claim, str | None]]] = defaultdict(list)
    by_entity: defaultdict[str, list[Claim]] = defaultdict(list)
    quotes: defaultdict[str, list[Claim]] = defaultdict(list)
    by_topic: defaultdict[str, list[Claim]] = defaultdict(list)
    first: defaultdict[str, list[Claim]] = defaultdict(list)
    for claim in ordered:
        if claim.first_appearance and claim.first_appearance.source:
            first[claim.first_appearance.source].append(claim)
        by_article[claim.article].append(claim)
        seen = set()
        for ref in claim.sources:
            if ref.source not in seen:  # the checker forbids repeats; the first note wins if one slips by
                seen.add(ref.source)
                by_source[ref.source].append((claim, ref.note))
        for entity in dict.fromkeys(claim.entities):
            by_entity[entity].append(claim)
        if claim.quote:
            quotes[claim.quote.speaker].append(claim)
        for topic in dict.fromkeys(claim.topics):
            by_topic[topic].append(claim)
    return Backlinks(
        ordered=ordered,
        rank={c.id: n for n, c in enumerate(ordered)},
        by_article=dict(by_article),
        by_source=dict(by_source),
        by_entity=dict(by_entity),
        quotes_by_speaker=dict(quotes),
        by_topic={t: by_topic[t] for t in sorted(by_topic)},
        by_first_appearance=dict(first),
    )


_last: tuple[Index, Backlinks] | None = None


def backlinks(index: Index) -> Backlinks:
    """The reverse indexes of `index`, built on first use and kept for the most recent index only."""
    global _last
    if _last is None or _last[0] is not index:
        _last = (index, build_backlinks(index))
    return _last[1]
