"""Render every page of the site from a linked index, and write pages to a folder.

Every generated file belongs to one `PageFamily` in `FAMILIES`, the one place that says, for
each kind of page, which pages exist, how one is rendered, and what its text depends on
(tokens from dossier/link/changes.py: records, lists of the reverse indexes, fields, counts).
`render_site` renders every family in full. The preview (dossier/publish/preview.py) renders
again only the pages whose dependencies changed since the last save; tests prove that both give
the same site, byte for byte, and that no family leaves its dependencies out.

A new kind of page is one more `PageFamily` here: its subjects, its renderer, its dependencies.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from dossier.link import changes as dep
from dossier.link.backlinks import Backlinks, backlinks
from dossier.link.changes import Dep
from dossier.link.crossref import Index, _references
from dossier.problems import DossierError
from dossier.read import paths
from dossier.read.model import Claim
from dossier.render.accountability.about import render_about
from dossier.render.accountability.corrections import render_corrections
from dossier.render.accountability.feed import atom_feed, feed_entries
from dossier.render.article import render_article_page, render_articles_index
from dossier.render.charts import Chart, draw, draw_charts
from dossier.render.claim import render_claim_page
from dossier.render.exports import claims_csv, claims_json
from dossier.render.figures import render_figures
from dossier.render.home import (
    PAGE_SIZE,
    claims_index_data,
    claims_listing_numbers,
    render_claims_listing_page,
    render_home,
)
from dossier.render.markup import front_matter_error
from dossier.render.record_pages import (
    render_entities_index,
    render_entity_page,
    render_source_page,
    render_sources_index,
    render_topic_page,
    render_topics_index,
    topic_page_count,
    topic_page_span,
)
from dossier.render.timeline import CLAIMS_PER_EVENT, render_timeline, shared_publications


@dataclass(frozen=True)
class RenderedPage:
    """A generated file: its text, and the record file it came from (for the edit button)."""

    text: str
    record: str | None = None  # path inside the claims folder


class Site:
    """What the renderers read: the linked index, its reverse indexes and the public URL, with
    work several pages share done once (the figures and their charts)."""

    def __init__(self, index: Index, site_url: str | None = None) -> None:
        self.index = index
        self.site_url = site_url

    @functools.cached_property
    def backlinks(self) -> Backlinks:
        return backlinks(self.index)

    @functools.cached_property
    def figures(self) -> tuple[str, dict[str, Chart]]:
        return render_figures(self.index)


Subject = Hashable  # what one rendering of a family covers: a record id, a page number, or None
Pages = dict[str, RenderedPage]


@dataclass(frozen=True)
class PageFamily:
    """One kind of generated page.

    `subjects` lists what the family renders (one claim id per claim page; None for a family of
    one page); `render` gives the page (or pages) of one subject; `depends` the tokens its text
    depends on (dossier/link/changes.py): when none of them fired since it was rendered, its text
    cannot have changed. `listed_with` are the tokens after which `subjects` must be listed again.
    `charts` (optional) are the charts its pages show, drawn ahead in a second process.
    """

    name: str
    subjects: Callable[[Site], Iterable[Subject]]
    render: Callable[[Site, Subject], Pages]
    depends: Callable[[Site, Subject], Iterable[Dep]]
    listed_with: tuple[Dep, ...] = ()
    charts: Callable[[Site, Subject], Iterable[Chart]] | None = None


def _one(path: str, text: str, record: str | None = None) -> Pages:
    return {path: RenderedPage(text, record)}


def _only(site: Site) -> list[Subject]:
    return [None]


# Pages of one record --------------------------------------------------------------------------


def _claim_page(site: Site, key: Subject) -> Pages:
    claim = site.index.claims[str(key)]
    return _one(
        paths.claim_page(claim.id),
        render_claim_page(site.index, claim, site.site_url, _neighbours(site, claim)),
        claim.origin.file,
    )


def _neighbours(site: Site, claim: Claim) -> tuple[Claim | None, Claim | None]:
    """The claims just before and after `claim` in article order, if they come from the same article."""
    ordered, number = site.backlinks.ordered, site.backlinks.rank[claim.id]
    before = ordered[number - 1] if number > 0 else None
    after = ordered[number + 1] if number + 1 < len(ordered) else None
    return (
        before if before is not None and before.article == claim.article else None,
        after if after is not None and after.article == claim.article else None,
    )


def _claim_depends(site: Site, key: Subject) -> Iterable[Dep]:
    claim = site.index.claims[str(key)]
    yield dep.record("claim", claim.id)
    yield dep.neighbours(claim.id)
    # The publisher (in the ClaimReview data and the citation) and the team (who checked it) come from dossier.yaml.
    yield from (dep.field("masthead", "publisher"), dep.field("masthead", "team"))
    if claim.topics:  # named as topics.yaml writes them
        yield dep.every("topics")
    for _, kind, target in _references(claim):  # its article, sources, entities, speaker, related claims
        yield dep.record(kind, target)


def _article_page(site: Site, key: Subject) -> Pages:
    article = site.index.articles[str(key)]
    return _one(paths.article_page(article.id), render_article_page(site.index, article), article.origin.file)


def _article_depends(site: Site, key: Subject) -> tuple[Dep, ...]:
    """The article, its claims, and any other article's claim one of its findings lists (check
    allows it), whose verdict badge the page shows."""
    article = site.index.articles[str(key)]
    listed = sorted({claim for finding in article.findings for claim in finding.claims} - {""})
    return (
        dep.record("article", article.id),
        dep.listing("by_article", article.id),
        *(dep.record("claim", claim) for claim in listed),
    )


def _source_page(site: Site, key: Subject) -> Pages:
    source = site.index.sources[str(key)]
    return _one(paths.source_page(source.id), render_source_page(site.index, source), source.origin.file)


def _entity_page(site: Site, key: Subject) -> Pages:
    entity = site.index.entities[str(key)]
    return _one(paths.entity_page(entity.id), render_entity_page(site.index, entity), entity.origin.file)


def _topic_key(key: Subject) -> tuple[str, int]:
    """A topic page's subject: (topic, page number)."""
    assert isinstance(key, tuple)
    topic, number = key
    return str(topic), int(number)


def _topic_page(site: Site, key: Subject) -> Pages:
    topic, number = _topic_key(key)
    return _one(paths.topic_page(topic, number), render_topic_page(site.index, topic, number))


def _topic_depends(site: Site, key: Subject) -> Iterable[Dep]:
    topic, number = _topic_key(key)
    yield dep.positions("by_topic", topic, *topic_page_span(number))
    yield from (dep.count("by_topic", topic), dep.every("topics"), ARTICLE_TITLES)  # the count and the pager


# Listings ------------------------------------------------------------------------------------


def _listing_key(key: Subject) -> tuple[str | None, int]:
    """A listing page's subject: (verdict, or None for every claim; page number)."""
    assert isinstance(key, tuple)
    rating, number = key
    return rating, int(number)


def _listing_page(site: Site, key: Subject) -> Pages:
    rating, number = _listing_key(key)
    return _one(paths.claims_listing_page(number, rating), render_claims_listing_page(site.index, rating, number))


def _listing_depends(site: Site, key: Subject) -> Iterable[Dep]:
    rating, number = _listing_key(key)
    name = "ordered" if rating is None else "by_rating"
    yield dep.positions(name, rating, (number - 1) * PAGE_SIZE, number * PAGE_SIZE)
    yield dep.count(name, rating)  # the heading's count and the pager
    yield ARTICLE_TITLES
    if rating is None and number == 1:  # the counts by verdict and by kind
        yield from (dep.counts("by_rating"), dep.field("claim", "kind"))


def _timeline_depends(site: Site, key: Subject) -> Iterable[Dep]:
    yield from (dep.every("article"), dep.every("source"), dep.field("claim", "figure"))
    yield dep.field("claim", "corrections")
    for claim in site.index.claims.values():  # the claims each dated figure and correction lists
        if claim.corrections or claim.figure:
            yield dep.record("claim", claim.id)
    for source in site.index.sources:  # a source's first citing claims, and how many more
        yield dep.positions("by_source", source, 0, CLAIMS_PER_EVENT)
        yield dep.count("by_source", source)
    for sources in shared_publications(site.index):  # one event lists the claims citing any of them
        yield from (dep.listing("by_source", source) for source in sources)


def _figures(site: Site, key: Subject) -> Pages:
    page, charts = site.figures
    pages = _one(paths.FIGURES, page)
    for path, chart in charts.items():  # drawn ahead by render_site; here only after a change
        pages |= _one(path, draw(chart))
    return pages


def _figures_depends(site: Site, key: Subject) -> Iterable[Dep]:
    yield from (dep.field("claim", "figure"), ARTICLE_TITLES)  # a figure added, removed or changed
    for claim in site.index.claims.values():  # each figure's claim (its text, verdict and place)
        if claim.figure:
            yield dep.record("claim", claim.id)
            if claim.figure.usd_rate:
                yield dep.record("source", claim.figure.usd_rate.source)


def _masthead_file(site: Site) -> str | None:
    masthead = getattr(site.index, "masthead", None)
    return masthead.origin.file if masthead is not None else None


def _corrections_depends(site: Site, key: Subject) -> Iterable[Dep]:
    yield from (dep.every("masthead"), dep.field("claim", "corrections"))  # the policy; a correction made or undone
    for claim in site.index.claims.values():  # each corrected claim's text and verdict
        if claim.corrections:
            yield dep.record("claim", claim.id)


def _feed_depends(site: Site, key: Subject) -> Iterable[Dep]:
    # The newest verdicts and corrections: which they are depends on every claim's dates; what
    # each entry says, on its claim. The masthead names the publisher and the licence.
    yield from (dep.every("masthead"), dep.field("claim", "verdict.checked"), dep.field("claim", "corrections"))
    for entry in feed_entries(site.index, site.site_url):
        yield dep.record("claim", entry.key.partition("#")[0].removeprefix("claims/").removesuffix(".md"))


# What a page of the whole dossier depends on, when it is built from every claim.
EVERY_CLAIM = (dep.listing("ordered"), dep.every("claim"))
# A listing names each claim's article when the dossier has several (common.in_article, by_article):
# it shows every article's title, and changes when an article comes or goes.
ARTICLE_TITLES = dep.field("article", "title")
EVERY_RECORD = (*EVERY_CLAIM, dep.every("article"), dep.every("source"), dep.every("entity"))

FAMILIES: tuple[PageFamily, ...] = (
    PageFamily(
        "home",
        _only,
        lambda site, _: _one(paths.HOME, render_home(site.index)),
        # Each weak claim says whose text its flaw came from: a source's publisher.
        lambda site, _: (*EVERY_CLAIM, dep.every("article"), dep.every("masthead"), dep.every("source")),
    ),
    PageFamily(
        "articles index",
        _only,
        lambda site, _: _one(paths.ARTICLES, render_articles_index(site.index)),
        lambda site, _: (dep.every("article"), dep.counts("by_article"), dep.field("claim", "anchor")),
    ),
    PageFamily(
        "claims listing",
        lambda site: claims_listing_numbers(site.index),
        _listing_page,
        _listing_depends,
        listed_with=(dep.count("ordered"), dep.counts("by_rating")),
    ),
    PageFamily(
        "claims index data",
        _only,
        lambda site, _: _one(paths.CLAIMS_INDEX_JSON, claims_index_data(site.index)),
        lambda site, _: (*EVERY_RECORD, dep.keys("by_topic"), dep.every("topics")),
    ),
    PageFamily(
        "sources index",
        _only,
        lambda site, _: _one(paths.SOURCES, render_sources_index(site.index)),
        # A source's "published after the article" mark compares its date with the citing claims' articles'.
        lambda site, _: (
            dep.every("source"),
            dep.counts("by_source"),
            dep.field("claim", "article"),
            dep.field("article", "published"),
        ),
    ),
    PageFamily(
        "entities index",
        _only,
        lambda site, _: _one(paths.ENTITIES, render_entities_index(site.index)),
        lambda site, _: (dep.every("entity"), dep.counts("by_entity"), dep.counts("quotes_by_speaker")),
    ),
    PageFamily(
        "topics index",
        _only,
        lambda site, _: _one(paths.TOPICS, render_topics_index(site.index)),
        lambda site, _: (dep.counts("by_topic"), dep.every("topics")),
    ),
    PageFamily(
        "about",
        _only,
        lambda site, _: _one(paths.ABOUT, render_about(site.index, site.site_url), _masthead_file(site)),
        lambda site, _: (dep.every("masthead"), dep.field("claim", "verdict.checked_by")),  # who checked how many
    ),
    PageFamily(
        "corrections",
        _only,
        lambda site, _: _one(paths.CORRECTIONS, render_corrections(site.index)),
        _corrections_depends,
    ),
    PageFamily(
        "feed",
        _only,
        lambda site, _: _one(paths.FEED, atom_feed(site.index, site.site_url)),
        _feed_depends,
    ),
    PageFamily(
        "claims.json",
        _only,
        lambda site, _: _one(paths.CLAIMS_JSON, claims_json(site.index)),
        lambda site, _: (*EVERY_RECORD, dep.every("masthead")),  # the envelope names publisher and licence
    ),
    PageFamily(
        "claims.csv", _only, lambda site, _: _one(paths.CLAIMS_CSV, claims_csv(site.index)), lambda site, _: EVERY_CLAIM
    ),
    PageFamily(
        "timeline",
        _only,
        lambda site, _: dict((p, RenderedPage(t)) for p, t in render_timeline(site.index).items()),
        _timeline_depends,
    ),
    PageFamily(
        "figures",
        _only,
        _figures,
        _figures_depends,
        charts=lambda site, _: site.figures[1].values(),
    ),
    PageFamily(
        "article",
        lambda site: list(site.index.articles),
        _article_page,
        _article_depends,
        listed_with=(dep.ids("article"),),
    ),
    PageFamily(
        "claim",
        lambda site: [claim.id for claim in site.backlinks.ordered],
        _claim_page,
        _claim_depends,
        listed_with=(dep.ids("claim"),),
    ),
    PageFamily(
        "source",
        lambda site: list(site.index.sources),
        _source_page,
        lambda site, key: (
            dep.record("source", str(key)),
            dep.listing("by_source", str(key)),
            dep.listing("by_first_appearance", str(key)),
            ARTICLE_TITLES,
            dep.field("article", "published"),  # the "published after the article" mark
        ),
        listed_with=(dep.ids("source"),),
    ),
    PageFamily(
        "entity",
        lambda site: list(site.index.entities),
        _entity_page,
        lambda site, key: (
            dep.record("entity", str(key)),
            dep.listing("by_entity", str(key)),
            dep.listing("quotes_by_speaker", str(key)),
            ARTICLE_TITLES,
        ),
        listed_with=(dep.ids("entity"),),
    ),
    PageFamily(
        "topic",
        lambda site: [
            (topic, number)
            for topic in site.backlinks.by_topic
            for number in range(1, topic_page_count(site.index, topic) + 1)
        ],
        _topic_page,
        _topic_depends,
        listed_with=(dep.counts("by_topic"),),
    ),
)


def checked_pages(pages: Pages, family: PageFamily, subject: Subject, taken: dict[str, object]) -> Pages:
    """The pages of one rendering, refused if one is another's path or its front matter would not parse."""
    for path, page in pages.items():
        owner = taken.setdefault(path, (family.name, subject))
        if owner != (family.name, subject):
            raise DossierError(f"two records would write the same page {path!r}; rename one of them ({page.record})")
        broken = front_matter_error(page.text) if path.endswith(".md") else None
        if broken is not None:  # MkDocs would silently show the block as page text, where Markdown acts on it
            raise DossierError(f"page {path!r} ({page.record or 'generated'}): {broken}")
    return pages


def render_site(index: Index, site_url: str | None = None) -> dict[str, RenderedPage]:
    """Every generated page and export, keyed by its path in the site's docs tree, sorted."""
    site = Site(index, site_url)
    pages: Pages = {}
    taken: dict[str, object] = {}
    subjects = {family.name: list(family.subjects(site)) for family in FAMILIES}
    charted = [f for f in FAMILIES if f.charts is not None]
    wanted = [chart for f in charted for s in subjects[f.name] for chart in f.charts(site, s)]  # type: ignore[misc]
    # Drawn in a second process while the other pages render (see charts.py).
    with draw_charts(wanted) as drawing:
        for family in FAMILIES:
            if family.charts is None:
                for subject in subjects[family.name]:
                    pages |= checked_pages(family.render(site, subject), family, subject, taken)
        drawing.result()
        for family in charted:
            for subject in subjects[family.name]:
                pages |= checked_pages(family.render(site, subject), family, subject, taken)
    return dict(sorted(pages.items()))


def write_site(pages: dict[str, RenderedPage], out: Path) -> None:
    """Write the pages under `out` (LF line endings, UTF-8), refusing to write outside it."""
    root = out.resolve()
    for path, page in pages.items():
        target = (root / path).resolve()
        if root not in target.parents:
            raise DossierError(f"page path {path!r} would be written outside {out}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8", newline="\n")
