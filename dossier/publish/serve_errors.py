"""The error site `mkdocs serve` shows while the records are invalid.

MkDocs' dev server holds every page request, stylesheets included, until a rebuild succeeds, so a
failed check left the browser waiting with nothing on screen. While serving, the hook builds this
site instead: one problem page, escaped, at every page path the dossier's site has (and would
have), so the page the browser is on shows the problems and reloads by itself once a save fixes
them. Hand-written pages stay as they are; the Contribute page explains each message.
`mkdocs build` never gets here: it stays strict and fails.

The page lists each problem once and at most SHOWN_PROBLEMS of them (the terminal lists them
all), so its size does not grow with the number of problems, nor the site's with their square:
thirty broken files once made 49 pages of 12 MB each, and the server never answered.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

from dossier.problems import MAX_MESSAGE, Problem, clip, plural
from dossier.read import paths
from dossier.read.loader import Dossier
from dossier.read.spec import ID_PATTERN, RATINGS
from dossier.render.markup import front_matter, md_text, safe_title
from dossier.render.site import RenderedPage

CONTRIBUTING_PAGE = "contributing.md"
SHOWN_PROBLEMS = 20  # problems listed on the page: with messages of at most MAX_MESSAGE, under 1 MB
# Every page the navigation, the footer or a verdict badge links to, so a server started on invalid
# records (no last good site) answers each of them with the problem page instead of a 404.
_SECTIONS = (
    paths.HOME,
    paths.ARTICLES,
    paths.CLAIMS,
    paths.SOURCES,
    paths.ENTITIES,
    paths.TOPICS,
    paths.FIGURES,
    paths.TIMELINE,
    paths.ABOUT,
    paths.CORRECTIONS,
    *(paths.claims_listing_page(1, rating) for rating in RATINGS.values),
)
_PAGE_OF_KIND = {
    "claim": paths.claim_page,
    "article": paths.article_page,
    "source": paths.source_page,
    "entity": paths.entity_page,
}


def error_site(
    problems: list[Problem], summary: str, dossier: Dossier | None, previous: Iterable[str]
) -> dict[str, RenderedPage]:
    """The error page at every section, record file, topic of a valid claim and page of the last good site."""
    pages = set(_SECTIONS) | {p for p in previous if p.endswith(".md")}
    if dossier is not None:
        for kind, ids in dossier.present.items():
            if kind in _PAGE_OF_KIND:  # dossier.yaml and topics.yaml have no page of their own
                pages |= {_PAGE_OF_KIND[kind](i) for i in ids if re.fullmatch(ID_PATTERN, i)}
        pages |= {paths.topic_page(topic) for claim in dossier.claims for topic in claim.topics}
    return {page: RenderedPage(render_error_page(page, problems, summary)) for page in sorted(pages)}


def render_error_page(page: str, problems: list[Problem], summary: str) -> str:
    """The problem page: the first SHOWN_PROBLEMS problems as `file:line:col` and message, all record text escaped."""
    shown = problems[:SHOWN_PROBLEMS]
    items = [f"- <code>{md_text(f'{p.path}:{p.line}:{p.col}')}</code> {md_text(p.message)}" for p in shown]
    if len(problems) > len(shown):
        rest = plural(len(problems) - len(shown), "more problem")
        items.append(f"- … and {rest}: the terminal running `mkdocs serve` lists them all, as does `check`.")
    guide = paths.link(page, CONTRIBUTING_PAGE)
    summary = clip(summary, MAX_MESSAGE)
    return (
        front_matter({"title": safe_title(f"Not rebuilt: {summary}")})
        + "# The site was not rebuilt {#dossier-problems}\n\n"
        + f"{md_text(summary)}. Fix the records and save: this page reloads by itself once they are "
        + f"valid. [What each message means]({guide}).\n\n"
        + "\n".join(items)
        + "\n"
    )


def copied_pages(pages: Iterable[str], nav: set[str]) -> dict[str, tuple[str, str]]:
    """The error pages MkDocs need not render: each maps to two pages of its folder that it renders.

    Pages in one folder that the navigation does not name (`claims/<id>.md`, `sources/<id>.md`,
    `topics/<t>/page/<n>.md`) come out of the theme the same but for their own address, so at
    10,000 claims the hook writes copies of one instead of having MkDocs render 10,000 problem
    pages. The second page rendered is the proof: the first with its address changed must equal
    it byte for byte, or no copies are made (mkdocs_hook.py).
    """
    folders: dict[str, list[str]] = {}
    for page in pages:
        folder, name = posixpath.split(page)
        if folder and name != "index.md" and page not in nav:
            folders.setdefault(folder, []).append(page)
    copies: dict[str, tuple[str, str]] = {}
    for members in folders.values():
        if len(members) > 2:
            first, second, *rest = sorted(members)
            copies |= dict.fromkeys(rest, (first, second))
    return copies
