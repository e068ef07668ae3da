"""Where each page lives and how pages link to each other: built from ids only, never titles."""

from __future__ import annotations

import functools

HOME = "index.md"
ARTICLES = "articles/index.md"
CLAIMS = "claims/index.md"
SOURCES = "sources/index.md"
ENTITIES = "entities/index.md"
TOPICS = "topics/index.md"
METHODOLOGY = "methodology.md"
CLAIMS_JSON = "claims.json"
CLAIMS_CSV = "claims.csv"
CLAIMS_INDEX_JSON = "claims-index.json"  # the compact listing data the claims index's filters load
FIGURES = "figures.md"
TIMELINE = "timeline.md"
ABOUT = "about.md"  # who stands behind the dossier, from dossier.yaml
CORRECTIONS = "corrections.md"  # every dated correction, newest first
FEED = "feed.xml"  # Atom: an entry per claim and per correction


def timeline_year_page(year: str) -> str:
    return f"timeline/{year}.md"


def figure_chart(unit_slug: str) -> str:
    return f"charts/figures-{unit_slug}.svg"


# Page names the site generates itself inside the folders that hold record pages (claims/,
# articles/, sources/, entities/, topics/): no id or topic may take one, or two pages collide.
RESERVED_NAMES = frozenset({"index"})


def claim_page(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def claims_listing_page(number: int, rating: str | None = None) -> str:
    """Page `number` (from 1) of the claims listing, or of the listing of one verdict."""
    if rating is None:
        return CLAIMS if number == 1 else f"claims/page/{number}.md"
    return f"claims/verdict/{rating}.md" if number == 1 else f"claims/verdict/{rating}/page/{number}.md"


def article_page(article_id: str) -> str:
    return f"articles/{article_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def topic_page(topic: str, number: int = 1) -> str:
    """Page `number` (from 1) of a topic's claims: `topics/<topic>.md`, then `topics/<topic>/page/<n>.md`."""
    return f"topics/{topic}.md" if number == 1 else f"topics/{topic}/page/{number}.md"


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's marker on its article page."""
    return f"c-{claim_id}"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one page's source path to another's, which MkDocs checks and rewrites.

    Page paths are normalised (no `.`, `..` or doubled slashes), so the link is the climb out of
    the source page's folder to the folders both share, then the rest of the target: the same
    as `os.path.relpath`, without its filesystem-path work on each of the site's many links.
    """
    target = _folder_to_folder(from_page.rpartition("/")[0], to_page.rpartition("/")[0]) + to_page.rpartition("/")[2]
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=1024)  # a site has a handful of folders, and links between them by the hundred thousand
def _folder_to_folder(start: str, end: str) -> str:
    """The relative path from folder `start` to folder `end`, ending in "/" unless it is empty."""
    mine, theirs = start.split("/") if start else [], end.split("/") if end else []
    shared = 0
    for a, b in zip(mine, theirs, strict=False):
        if a != b:
            break
        shared += 1
    return "../" * (len(mine) - shared) + "".join(f"{part}/" for part in theirs[shared:])


def page_url(page: str) -> str:
    """The URL path of a page with directory URLs: `claims/x.md` -> `claims/x/`."""
    if page == HOME:
        return ""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"
