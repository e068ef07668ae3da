"""Render every page of the site from a linked index, and write pages to a folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossier.link.crossref import Index
from dossier.problems import DossierError
from dossier.read import paths
from dossier.read.model import Claim
from dossier.render.accountability.about import render_about
from dossier.render.accountability.corrections import render_corrections
from dossier.render.accountability.feed import atom_feed
from dossier.render.article import render_article_page, render_articles_index
from dossier.render.charts import draw_charts
from dossier.render.claim import render_claim_page
from dossier.render.common import claims_in_article_order
from dossier.render.exports import claims_csv, claims_json
from dossier.render.figures import render_figures
from dossier.render.home import render_claims_listings, render_home
from dossier.render.markup import front_matter_error
from dossier.render.record_pages import (
    all_topics,
    render_entities_index,
    render_entity_page,
    render_source_page,
    render_sources_index,
    render_topic_page,
    render_topics_index,
)
from dossier.render.timeline import render_timeline


@dataclass(frozen=True)
class RenderedPage:
    """A generated file: its text, and the record file it came from (for the edit button)."""

    text: str
    record: str | None = None  # path inside the claims folder


def render_site(index: Index, site_url: str | None = None) -> dict[str, RenderedPage]:
    """Every generated page and export, keyed by its path in the site's docs tree, sorted."""
    pages: dict[str, RenderedPage] = {}

    def add(path: str, text: str, record: str | None = None) -> None:
        if path in pages:
            raise DossierError(f"two records would write the same page {path!r}; rename one of them ({record})")
        broken = front_matter_error(text) if path.endswith(".md") else None
        if broken is not None:  # MkDocs would silently show the block as page text, where Markdown acts on it
            raise DossierError(f"page {path!r} ({record or 'generated'}): {broken}")
        pages[path] = RenderedPage(text, record)

    figures, charts = render_figures(index)
    # Drawn in a second process while the pages below render (see charts.py).
    with draw_charts(list(charts.values())) as drawing:
        add(paths.HOME, render_home(index))
        add(paths.ARTICLES, render_articles_index(index))
        for path, text in render_claims_listings(index).items():
            add(path, text)
        add(paths.SOURCES, render_sources_index(index))
        add(paths.ENTITIES, render_entities_index(index))
        add(paths.TOPICS, render_topics_index(index))
        add(paths.CLAIMS_JSON, claims_json(index))
        add(paths.CLAIMS_CSV, claims_csv(index))
        add(paths.ABOUT, render_about(index, site_url), index.masthead.origin.file if index.masthead else None)
        add(paths.CORRECTIONS, render_corrections(index))
        add(paths.FEED, atom_feed(index, site_url))
        for timeline_path, text in render_timeline(index).items():
            add(timeline_path, text)
        add(paths.FIGURES, figures)
        for article in index.articles.values():
            add(paths.article_page(article.id), render_article_page(index, article), article.origin.file)
        ordered = claims_in_article_order(index)
        for number, claim in enumerate(ordered):
            page = render_claim_page(index, claim, site_url, _neighbours(ordered, number))
            add(paths.claim_page(claim.id), page, claim.origin.file)
        for source in index.sources.values():
            add(paths.source_page(source.id), render_source_page(index, source), source.origin.file)
        for entity in index.entities.values():
            add(paths.entity_page(entity.id), render_entity_page(index, entity), entity.origin.file)
        for topic in all_topics(index):
            add(paths.topic_page(topic), render_topic_page(index, topic))
        svgs = drawing.result()
        for chart_path, chart in charts.items():
            add(chart_path, svgs[chart])
    return dict(sorted(pages.items()))


def _neighbours(ordered: list[Claim], number: int) -> tuple[Claim | None, Claim | None]:
    """The claims just before and after `ordered[number]`, if they come from the same article."""
    article = ordered[number].article
    before = ordered[number - 1] if number > 0 else None
    after = ordered[number + 1] if number + 1 < len(ordered) else None
    return (
        before if before is not None and before.article == article else None,
        after if after is not None and after.article == article else None,
    )


def write_site(pages: dict[str, RenderedPage], out: Path) -> None:
    """Write the pages under `out` (LF line endings, UTF-8), refusing to write outside it."""
    root = out.resolve()
    for path, page in pages.items():
        target = (root / path).resolve()
        if root not in target.parents:
            raise DossierError(f"page path {path!r} would be written outside {out}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8", newline="\n")
