"""Where each page lives and how pages link to each other: built from ids only, never titles."""

from __future__ import annotations

import posixpath

HOME = "index.md"
ARTICLES = "articles/index.md"
CLAIMS = "claims/index.md"
SOURCES = "sources/index.md"
ENTITIES = "entities/index.md"
TOPICS = "topics/index.md"
METHODOLOGY = "methodology.md"
CLAIMS_JSON = "claims.json"
CLAIMS_CSV = "claims.csv"
FIGURES = "figures.md"
TIMELINE = "timeline.md"
VERDICT_CHART = "charts/verdicts.svg"


def timeline_year_page(year: str) -> str:
    return f"timeline/{year}.md"


def figure_chart(unit_slug: str) -> str:
    return f"charts/figures-{unit_slug}.svg"


# Page names the site generates itself inside the folders that hold record pages (claims/,
# articles/, sources/, entities/, topics/): no id or topic may take one, or two pages collide.
RESERVED_NAMES = frozenset({"index"})


def claim_page(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def article_page(article_id: str) -> str:
    return f"articles/{article_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def topic_page(topic: str) -> str:
    return f"topics/{topic}.md"


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's marker on its article page."""
    return f"c-{claim_id}"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one page's source path to another's, which MkDocs checks and rewrites."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


def page_url(page: str) -> str:
    """The URL path of a page with directory URLs: `claims/x.md` -> `claims/x/`."""
    if page == HOME:
        return ""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"
