"""What a save changed, in the words pages use to say what they depend on.

Every generated page declares its dependencies (dossier/render/site.py) as tokens made here:

- `record(kind, id)`: one record's content (a claim's includes where its excerpt sits), or its
  coming and going;
- `every(kind)`: any record of that kind; `ids(kind)`: a record of that kind added or removed;
- `field(kind, name)`: one field (`verdict.rating`, or `anchor` for a claim's place in its
  article) of any record of the kind, or a record of that kind added or removed;
- `listing(name, key)`: a list of the reverse indexes (dossier/link/backlinks.py: `ordered`
  holds every claim, `by_topic`, `by_source`, ...): who is in it, in what order, what each says;
- `count(name, key)`, `counts(name)`, `keys(name)`: how long one list is; whether any list of
  that name changed length; whether a list of that name appeared or went;
- `positions(name, key, start, stop)`: the members at those places of a list (a paged listing);
- `neighbours(claim id)`: the claims just before and after the claim in article order.

`Changes` compares two linked states (each index with its reverse indexes) and says which tokens
fired. It works from the records that changed, looked up by identity: the loader hands back the
very same record object for a file whose bytes did not change, so an unchanged record costs a
dictionary lookup.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from dossier.link.backlinks import LISTS, Backlinks, listing_keys
from dossier.link.crossref import Index
from dossier.read.model import Claim

Dep = tuple[Hashable, ...]
KINDS = ("claim", "article", "source", "entity")
SINGLES = ("masthead", "topics")  # dossier.yaml and topics.yaml, each one record


def record(kind: str, record_id: str) -> Dep:
    return ("record", kind, record_id)


def every(kind: str) -> Dep:
    return ("every", kind)


def ids(kind: str) -> Dep:
    return ("ids", kind)


def field(kind: str, name: str) -> Dep:
    return ("field", kind, name)


def listing(name: str, key: str | None = None) -> Dep:
    return ("list", name, key)


def count(name: str, key: str | None = None) -> Dep:
    return ("count", name, key)


def counts(name: str) -> Dep:
    return ("counts", name)


def keys(name: str) -> Dep:
    return ("keys", name)


def positions(name: str, key: str | None, start: int, stop: int) -> Dep:
    return ("positions", name, key, start, stop)


def neighbours(claim_id: str) -> Dep:
    return ("neighbours", claim_id)


TOKEN_KINDS = ("record", "every", "ids", "field", "list", "count", "counts", "keys", "positions", "neighbours")


@dataclass(frozen=True)
class Linked:
    """One linked, valid state of the dossier: what the renderers read."""

    index: Index
    backlinks: Backlinks


@dataclass
class Changes:
    """The tokens that fired between two linked states (`fired`), and where lists changed."""

    old: Linked
    new: Linked
    changed: dict[str, set[str]] = dataclass_field(default_factory=dict)  # kind -> ids changed, added or removed
    added: dict[str, set[str]] = dataclass_field(default_factory=dict)
    removed: dict[str, set[str]] = dataclass_field(default_factory=dict)
    fired: set[Dep] = dataclass_field(default_factory=set)

    @classmethod
    def between(cls, old: Linked, new: Linked) -> Changes:
        changes = cls(old, new)
        changes._compare_records()
        changes._fire()
        return changes

    def _compare_records(self) -> None:
        old, new = self.old.index, self.new.index
        for kind, before, after in (
            ("claim", old.claims, new.claims),
            ("article", old.articles, new.articles),
            ("source", old.sources, new.sources),
            ("entity", old.entities, new.entities),
        ):
            if kind == "claim":  # a claim's place in its article is part of what its pages show
                changed = changed_claims(old, new)[0]
            else:
                changed = {key for key, value in after.items() if before.get(key) is not value}
            self.added[kind] = {key for key in changed if key not in before}
            self.removed[kind] = {key for key in before if key not in after}
            self.changed[kind] = changed | self.removed[kind]
        for kind in SINGLES:
            before, after = _single(old, kind), _single(new, kind)
            if before is not after and before != after:
                self.changed[kind] = {kind}

    def _fire(self) -> None:
        fired = self.fired
        for kind, changed in self.changed.items():
            if not changed:
                continue
            fired.add(every(kind))
            fired.update(record(kind, key) for key in changed)
            if self.added.get(kind) or self.removed.get(kind):
                fired.add(ids(kind))
            fired.update(field(kind, name) for name in self._fields(kind, changed))
        claims = self.changed.get("claim", set())
        if not claims:
            return
        fired.add(listing("ordered"))
        if self.added["claim"] or self.removed["claim"]:
            fired.add(count("ordered"))
        for key in claims:
            before, after = self.old_claim(key), self.new_claim(key)
            old_keys = set(listing_keys(before)) if before else set()
            new_keys = set(listing_keys(after)) if after else set()
            fired.update(listing(name, list_key) for name, list_key in old_keys | new_keys)
            for name, list_key in old_keys ^ new_keys:
                fired.update((count(name, list_key), counts(name)))
            for neighbour in (*self._neighbours(self.old, key), *self._neighbours(self.new, key)):
                fired.add(neighbours(neighbour))
        for name in LISTS:
            if (
                counts(name) in fired
                and self.old.backlinks.__dict__[name].keys() != self.new.backlinks.__dict__[name].keys()
            ):
                fired.add(keys(name))

    def old_claim(self, key: str) -> Claim | None:
        return self.old.index.claims.get(key)

    def new_claim(self, key: str) -> Claim | None:
        return self.new.index.claims.get(key)

    def _fields(self, kind: str, changed: set[str]) -> set[str]:
        """Names of the fields (and the fields of nested records, dotted) that differ in any changed record."""
        if kind == "masthead":  # dossier.yaml: which of its fields changed (all, when it came or went)
            before, after = _single(self.old.index, kind), _single(self.new.index, kind)
            return {"*"} if before is None or after is None else _differing(before, after)
        if kind in SINGLES:
            return {"*"}
        found: set[str] = set()
        old, new = _records(self.old.index, kind), _records(self.new.index, kind)
        for key in changed:
            before, after = old.get(key), new.get(key)
            if before is None or after is None:
                found.add("*")  # added or removed: every field changed
                continue
            found |= _differing(before, after)
            if kind == "claim" and self.old.index.anchors.get(key) != self.new.index.anchors.get(key):
                found.add("anchor")
        return found

    @staticmethod
    def _neighbours(state: Linked, key: str) -> Iterable[str]:
        rank = state.backlinks.rank.get(key)
        if rank is None:
            return ()
        ordered = state.backlinks.ordered
        return [ordered[n].id for n in (rank - 1, rank + 1) if 0 <= n < len(ordered)]

    def field_fired(self, token: Dep) -> bool:
        """A `field` token fires when that field differs, or when a record of the kind came or went."""
        _, kind, _ = token
        return token in self.fired or field(str(kind), "*") in self.fired

    def changed_positions(self, name: str, key: str | None) -> list[tuple[int, int]]:
        """The ranges of places in list `name[key]` whose member, or what it says, may differ."""
        before, after = _list(self.old.backlinks, name, key), _list(self.new.backlinks, name, key)
        claims = self.changed.get("claim", set())
        ordered = name == "ordered"
        old_at = _places(before, claims, self.old.backlinks.rank if ordered else None)
        new_at = _places(after, claims, self.new.backlinks.rank if ordered else None)
        if not old_at and not new_at:
            return []
        if len(before) == len(after) and all(old_at.get(k) == new_at.get(k) for k in old_at.keys() | new_at.keys()):
            return [(place, place + 1) for place in sorted(set(old_at.values()))]
        first = min([*old_at.values(), *new_at.values()])
        if len(before) == len(after):  # moved within the list: the places between shift by one
            return [(first, max([*old_at.values(), *new_at.values()]) + 1)]
        return [(first, max(len(before), len(after)))]


def changed_claims(old: Index, new: Index) -> tuple[set[str], set[str]]:
    """(claims changed or added, claims removed) from `old` to `new`: a claim changed if its record
    is another object, or its excerpt now sits elsewhere in the article."""
    before, places = old.claims, old.anchors
    changed = set()
    for key, claim in new.claims.items():
        if before.get(key) is not claim:
            changed.add(key)
        else:
            place, was = new.anchors.get(key), places.get(key)
            if place is not was and place != was:
                changed.add(key)
    return changed, {key for key in before if key not in new.claims}


def _single(index: Index, kind: str) -> Any:
    """dossier.yaml's record, or topics.yaml's topics in their order (what the pages can show)."""
    if kind == "masthead":
        return getattr(index, "masthead", None)
    return list(getattr(index, "topics", {}).items())


def _records(index: Index, kind: str) -> dict[str, Any]:
    found: dict[str, dict[str, Any]] = {
        "claim": index.claims,
        "article": index.articles,
        "source": index.sources,
        "entity": index.entities,
    }
    return found[kind]


def _differing(before: Any, after: Any, prefix: str = "") -> set[str]:
    """Dotted names of the fields that differ between two records (one level into nested records)."""
    found = set()
    for item in dataclasses.fields(before):
        if item.name == "origin":
            continue
        a, b = getattr(before, item.name), getattr(after, item.name)
        if a is b or a == b:
            continue
        found.add(prefix + item.name)
        if not prefix and dataclasses.is_dataclass(a) and dataclasses.is_dataclass(b) and type(a) is type(b):
            found |= _differing(a, b, item.name + ".")
    return found


def _list(found: Backlinks, name: str, key: str | None) -> list[Any]:
    if name == "ordered":
        return found.ordered
    return found.__dict__[name].get(key, [])


def _places(members: list[Any], claims: set[str], rank: dict[str, int] | None = None) -> dict[str, int]:
    """Where each of `claims` sits in a list of claims (or of (claim, note) pairs)."""
    if rank is not None:  # the list of every claim: its places are known
        return {key: rank[key] for key in claims if key in rank}
    if not members:
        return {}
    places = {}
    for place, member in enumerate(members):
        claim = member[0] if isinstance(member, tuple) else member
        if claim.id in claims:
            places[claim.id] = place
    return places
