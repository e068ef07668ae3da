"""Link a dossier again after a save, redoing only the work the changed files can affect.

`mkdocs serve` keeps one `Relinker`. On each save it compares the freshly loaded records with
the last ones by identity (the loader hands back the same object for a file whose bytes did not
change), finds the claims whose checks can have a different outcome (the changed claims, the
claims that refer to a changed, added or removed record, or every claim when topics.yaml or
dossier.yaml changed), and runs `link_dossier` on those claims alone, with every other record
in place. Whether the dossier is valid is therefore known exactly; the problem messages of an
invalid dossier are left to a whole `link_dossier`, because some depend on the whole dossier
(a closest-passage search has a budget per check). `update_backlinks` then moves the changed
claims within the reverse indexes instead of building them again.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict

from dossier.link.backlinks import LISTS, Backlinks, article_order_key, listing_keys, source_note
from dossier.link.crossref import Index, _references, link_dossier
from dossier.problems import Problem
from dossier.read.loader import Dossier
from dossier.read.model import Claim

Ref = tuple[str, str]  # (kind, id) of a record a claim refers to


class Relinker:
    """The last linked state, kept between saves; `link` brings it up to date."""

    def __init__(self) -> None:
        self.dossier: Dossier | None = None
        self.index: Index | None = None
        self.referrers: defaultdict[Ref, set[str]] = defaultdict(set)  # (kind, id) -> claims referring to it
        self.flagged: set[str] = set()  # claims with a problem of their own
        self.shared_problems = False  # problems of no one claim (entity names, article findings)
        self.relinked = 0  # claims checked by the last `link`

    def link(self, dossier: Dossier) -> tuple[Index, bool]:
        """The linked index of `dossier`, and whether linking found no problem."""
        affected = self._affected(dossier)
        claims = {claim.id: claim for claim in dossier.claims}
        part = dataclasses.replace(dossier, claims=tuple(claims[key] for key in sorted(affected)))
        linked, problems = link_dossier(part)
        own = {claims[key].origin.path: key for key in affected}
        flagged = {own[p.path] for p in problems if p.path in own}
        self.flagged = (self.flagged - affected - self._removed(dossier)) | flagged
        self.shared_problems = any(p.path not in own for p in problems)
        anchors = dict(self.index.anchors) if self.index is not None else {}
        for key in affected | self._removed(dossier):
            anchors.pop(key, None)
        anchors.update(linked.anchors)
        self._refer(dossier, claims, affected)
        kept = self._unchanged(linked)  # a dictionary of records that did not change stays the same object
        index = dataclasses.replace(linked, claims=claims, anchors=anchors, **kept)  # type: ignore[arg-type]
        self.dossier, self.index, self.relinked = dossier, index, len(affected)
        return self.index, not self.flagged and not self.shared_problems

    def _unchanged(self, linked: Index) -> dict[str, object]:
        """The record dictionaries of the last index that equal the new ones (each record the same
        object): renderers keep work by the identity of what they read (dossier/render/common.py)."""
        if self.index is None:
            return {}
        kept = {}
        for name in ("articles", "sources", "entities", "topics"):
            old, new = getattr(self.index, name, None), getattr(linked, name, None)
            if old is not None and new is not None and old.keys() == new.keys() and old == new:
                kept[name] = old
        return kept

    def _removed(self, dossier: Dossier) -> set[str]:
        if self.index is None:
            return set()
        now = {claim.id for claim in dossier.claims}
        return {key for key in self.index.claims if key not in now}

    def _affected(self, dossier: Dossier) -> set[str]:
        """The claims whose link checks can come out differently from last time."""
        every = {claim.id for claim in dossier.claims}
        before = self.dossier
        if before is None or self.index is None:
            return every
        if before.masthead is not dossier.masthead or before.topic_list is not dossier.topic_list:
            return every  # topics and checkers are looked up in them
        if any(before.present.get(k) != dossier.present.get(k) for k in ("dossier", "topics")):
            return every
        touched: set[Ref] = set()
        for kind, old, new in (
            ("article", before.articles, dossier.articles),
            ("source", before.sources, dossier.sources),
            ("entity", before.entities, dossier.entities),
            ("claim", before.claims, dossier.claims),
        ):
            touched |= {(kind, key) for key in _changed_ids(old, new)}
        for kind in dossier.present.keys() | before.present.keys():
            came_or_went = dossier.present.get(kind, frozenset()) ^ before.present.get(kind, frozenset())
            touched |= {(kind, key) for key in came_or_went}
        affected = {key for kind, key in touched if kind == "claim" and key in every}
        for ref in touched:
            affected |= self.referrers.get(ref, set()) & every
        return affected

    def _refer(self, dossier: Dossier, claims: dict[str, Claim], affected: set[str]) -> None:
        """Keep `referrers` up to date for the claims just linked (and drop the removed ones)."""
        if self.dossier is None:
            self.referrers.clear()
            for claim in dossier.claims:
                for ref in _refs(claim):
                    self.referrers[ref].add(claim.id)
            return
        old = {claim.id: claim for claim in self.dossier.claims if claim.id in affected or claim.id not in claims}
        for key, claim in old.items():
            for ref in _refs(claim):
                self.referrers[ref].discard(key)
        for key in affected:
            for ref in _refs(claims[key]):
                self.referrers[ref].add(key)


def _refs(claim: Claim) -> set[Ref]:
    return {(kind, target) for _, kind, target in _references(claim)}


def _changed_ids(old: tuple[object, ...], new: tuple[object, ...]) -> set[str]:
    before = {record.id: record for record in old}  # type: ignore[attr-defined]
    after = {record.id: record for record in new}  # type: ignore[attr-defined]
    return {key for key, value in after.items() if before.get(key) is not value} | (before.keys() - after.keys())


def link_problems(dossier: Dossier) -> list[Problem]:
    """Every link problem of the dossier, exactly as a whole check finds them."""
    return link_dossier(dossier)[1]


def update_backlinks(old: Backlinks, index: Index, gone: list[Claim], come: list[Claim]) -> Backlinks:
    """The reverse indexes of `index`, from `old` (those of the previous index): the claims in
    `gone` (old versions of changed and removed claims) taken out, those in `come` (new versions
    of changed and added claims) put in their places. Lists no change touches are shared."""
    if not gone and not come:
        return old
    leaving = {id(claim) for claim in gone}
    ordered = [claim for claim in old.ordered if id(claim) not in leaving]

    def place(claim: Claim) -> tuple[str, int, int, int, str]:
        return article_order_key(index, claim)

    for claim in sorted(come, key=place):
        bisect.insort(ordered, claim, key=place)
    rank = {claim.id: n for n, claim in enumerate(ordered)}
    touched: dict[str, set[str]] = defaultdict(set)
    for claim in (*gone, *come):
        for name, key in listing_keys(claim):
            touched[name].add(key)
    fields: dict[str, dict[str, list[object]]] = {}
    for name in LISTS:
        lists = dict(old.__dict__[name])
        reorder = False  # build_backlinks lists the keys in the order their first claims come
        for key in touched.get(name, ()):
            before = lists.get(key, [])
            members = [m for m in before if id(_claim(m)) not in leaving]
            for claim in come:
                if (name, key) in set(listing_keys(claim)):
                    entry = (claim, source_note(claim, key)) if name == "by_source" else claim
                    bisect.insort(members, entry, key=lambda m: rank[_claim(m).id])
            if members:
                lists[key] = members
            else:
                lists.pop(key, None)
            if not before or not members or _claim(before[0]) is not _claim(members[0]):
                reorder = True
        if name == "by_topic":
            if lists.keys() != old.by_topic.keys():
                lists = {topic: lists[topic] for topic in sorted(lists)}
        elif reorder:
            lists = dict(sorted(lists.items(), key=lambda item: _first_seen(name, item[0], _claim(item[1][0]), rank)))
        fields[name] = lists
    return Backlinks(ordered=ordered, rank=rank, **fields)  # type: ignore[arg-type]


def _claim(member: object) -> Claim:
    """A list member: a claim, or (for `by_source`) a (claim, note) pair."""
    return member[0] if isinstance(member, tuple) else member  # type: ignore[return-value]


def _first_seen(name: str, key: str, first: Claim, rank: dict[str, int]) -> tuple[int, int]:
    """Where build_backlinks first meets the key of list `name`: at its first claim, in the order
    that claim lists its keys."""
    mine = [k for n, k in listing_keys(first) if n == name]
    return rank[first.id], mine.index(key)
