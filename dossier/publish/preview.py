"""The preview's memory: the dossier loaded, linked and rendered, brought up to date on each save.

`mkdocs serve` rebuilds the site after every save. Doing that from scratch costs time in
proportion to the dossier (seconds at 10,000 claims); `Preview.update` costs time in proportion
to the change. It reads only the files whose size, times or bytes changed (the loader's cache),
links again only the claims the change can affect (dossier/link/relink.py), moves the changed
claims within the reverse indexes, works out which dependency tokens fired
(dossier/link/changes.py), and renders again only the pages whose declared dependencies
(dossier/render/site.py) include one of them. The result is the same site `render_site` gives
for the same records, which tests check after every kind of save.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from dossier.link.backlinks import build_backlinks, remember_backlinks
from dossier.link.changes import Changes, Dep, Linked, changed_claims
from dossier.link.check import cap_problems
from dossier.link.crossref import Index
from dossier.link.relink import Relinker, link_problems, update_backlinks
from dossier.problems import Problem, sort_problems
from dossier.read.loader import Dossier, load_dossier
from dossier.render.site import FAMILIES, PageFamily, Pages, RenderedPage, Site, Subject, checked_pages

Unit = tuple[str, Subject]  # (family name, subject): what one call of a family's `render` covers
Span = tuple[int, int]


class IncrementalSite:
    """The generated pages kept between saves, each rendering with the dependencies it declared."""

    def __init__(self, families: Iterable[PageFamily] = FAMILIES) -> None:
        self.families = {family.name: family for family in families}
        self.pages: Pages = {}
        self.site_url: str | None = None
        self.subjects: dict[str, list[Subject]] = {}
        self.paths: dict[Unit, tuple[str, ...]] = {}  # the pages each unit rendered
        self.owner: dict[str, object] = {}  # path -> the unit that rendered it
        self.deps: dict[Unit, tuple[Dep, ...]] = {}
        self.by_token: defaultdict[Dep, set[Unit]] = defaultdict(set)
        self.by_field: defaultdict[Dep, set[Unit]] = defaultdict(set)
        self.by_place: defaultdict[tuple[object, object], dict[Unit, list[Span]]] = defaultdict(dict)
        self.rendered: list[Unit] = []  # the units the last call rendered

    def render_all(self, site: Site) -> set[str]:
        """Render every page (the first build, or after anything went wrong); every path counts as changed."""
        self.__init__(self.families.values())  # type: ignore[misc]
        self.site_url = site.site_url
        for family in self.families.values():
            self.subjects[family.name] = list(family.subjects(site))
        self._render(site, [(name, subject) for name, subjects in self.subjects.items() for subject in subjects])
        self.pages = dict(sorted(self.pages.items()))
        return set(self.pages)

    def update(self, site: Site, changes: Changes) -> set[str]:
        """Render again the pages `changes` can have changed; the paths whose text changed, came or went."""
        if site.site_url != self.site_url:
            return self.render_all(site)
        fired = changes.fired
        units: set[Unit] = set()
        for token in fired:
            units |= self.by_token.get(token, set())
            if token[0] == "list":
                spans = self.by_place.get((token[1], token[2]))
                if spans:
                    changed = changes.changed_positions(str(token[1]), token[2])  # type: ignore[arg-type]
                    units |= {unit for unit, declared in spans.items() if _overlap(declared, changed)}
        for token, waiting in self.by_field.items():
            if changes.field_fired(token):
                units |= waiting
        gone: set[Unit] = set()
        for family in self.families.values():
            if any(token in fired for token in family.listed_with):
                old = self.subjects[family.name]
                self.subjects[family.name] = new = list(family.subjects(site))
                kept, known = set(new), set(old)
                gone |= {(family.name, s) for s in old if s not in kept}
                units |= {(family.name, s) for s in new if s not in known}
        before = {path: self.pages.get(path) for unit in units | gone for path in self.paths.get(unit, ())}
        for unit in gone:
            self._drop(unit)
            self._forget(unit)
        self._render(site, sorted(units - gone, key=self._order))
        after = {path: self.pages.get(path) for unit in units - gone for path in self.paths.get(unit, ())}
        if after.keys() - before.keys() or before.keys() - after.keys():
            self.pages = dict(sorted(self.pages.items()))
        return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}

    def _order(self, unit: Unit) -> tuple[int, str]:
        """Families in their declared order (a page rendered twice is refused the same way as in render_site)."""
        return list(self.families).index(unit[0]), repr(unit[1])

    def _drop(self, unit: Unit, keep: Iterable[str] = ()) -> None:
        """Forget which pages the unit rendered; take them out of the site unless in `keep`."""
        for path in set(self.paths.pop(unit, ())) - set(keep):
            self.pages.pop(path, None)
        for path in self.paths.get(unit, ()):
            self.owner.pop(path, None)

    def _render(self, site: Site, units: list[Unit]) -> None:
        for unit in units:
            family = self.families[unit[0]]
            for path in self.paths.get(unit, ()):
                self.owner.pop(path, None)
            found = checked_pages(family.render(site, unit[1]), family, unit[1], self.owner)
            self._drop(unit, keep=found)
            self.paths[unit] = tuple(found)
            self.pages.update(found)  # a page rendered before keeps its place in the (sorted) site
            self._forget(unit)
            self._remember(unit, tuple(family.depends(site, unit[1])))
        self.rendered = units

    def _remember(self, unit: Unit, deps: tuple[Dep, ...]) -> None:
        self.deps[unit] = deps
        for token in deps:
            if token[0] == "field":
                self.by_field[token].add(unit)
            elif token[0] == "positions":
                _, name, key, start, stop = token
                self.by_place[(name, key)].setdefault(unit, []).append((int(start), int(stop)))  # type: ignore[call-overload]
            else:
                self.by_token[token].add(unit)

    def _forget(self, unit: Unit) -> None:
        for token in self.deps.pop(unit, ()):
            if token[0] == "field":
                self.by_field[token].discard(unit)
            elif token[0] == "positions":
                self.by_place[(token[1], token[2])].pop(unit, None)
            else:
                waiting = self.by_token.get(token)
                if waiting is not None:
                    waiting.discard(unit)
                    if not waiting:
                        del self.by_token[token]


def _overlap(declared: list[Span], changed: list[Span]) -> bool:
    return any(start < stop_c and start_c < stop for start, stop in declared for start_c, stop_c in changed)


@dataclass
class Update:
    """What one save did: the valid index and the paths whose text changed, or the problems."""

    index: Index | None
    changed: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    dossier: Dossier | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # per stage: load, link, render


class Preview:
    """The dossier of one claims folder as `mkdocs serve` last built it."""

    def __init__(self) -> None:
        self.relinker = Relinker()
        self.site = IncrementalSite()
        self.linked: Linked | None = None  # the last valid state, which `site` shows

    @property
    def pages(self) -> dict[str, RenderedPage]:
        return self.site.pages

    def update(self, claims_dir: str, site_url: str | None = None) -> Update:
        """Bring the preview up to date with the folder. Anything raised leaves it to start afresh next time."""
        try:
            return self._update(claims_dir, site_url)
        except BaseException:
            self.__init__()  # type: ignore[misc]
            raise

    def _update(self, claims_dir: str, site_url: str | None) -> Update:
        seconds: dict[str, float] = {}
        start = time.perf_counter()
        dossier, load_found = load_dossier(claims_dir)
        seconds["load"] = time.perf_counter() - start
        index, valid = self.relinker.link(dossier)
        if load_found or not valid:  # the messages exactly as `check` gives them
            problems = cap_problems(sort_problems(load_found + link_problems(dossier)))
            seconds["link"] = time.perf_counter() - start - seconds["load"]
            return Update(None, problems=problems, dossier=dossier, seconds=seconds)
        seconds["link"] = time.perf_counter() - start - seconds["load"]
        start = time.perf_counter()
        if self.linked is None:
            found = build_backlinks(index)
            remember_backlinks(index, found)
            new = Linked(index, found)
            changed = self.site.render_all(Site(index, site_url))
        else:
            changed_ids, removed = changed_claims(self.linked.index, index)
            old_claims = self.linked.index.claims
            gone = [old_claims[key] for key in changed_ids | removed if key in old_claims]
            come = [index.claims[key] for key in changed_ids]
            new = Linked(index, update_backlinks(self.linked.backlinks, index, gone, come))
            remember_backlinks(index, new.backlinks)
            changed = self.site.update(Site(index, site_url), Changes.between(self.linked, new))
        self.linked = new
        seconds["render"] = time.perf_counter() - start
        return Update(index, changed=changed, dossier=dossier, seconds=seconds)
