"""A search index that holds what readers search for, one entry per claim and per article.

Material's search plugin makes an entry for every section of every page, so a claim page gives
six entries (its verdict, the excerpt in context, the figure, the sources, the connections, the
citation), each repeating the topics; at 10,000 claims the browser would load over 20 MB. After
the plugin writes `search/search_index.json`, the hook replaces each claim page's entries by one
entry built from the record: the claim as title; its verdict, kind, conclusion and sources as
text; its topics and the names of its entities (speaker included) as tags, which the theme
ranks highest and shows with each result. Each article page's entries become one entry of its
byline and paragraphs, also from the record (the page adds marker numbers to every passage and
the same legend to every article). Sections that only list other records (an entity's quotes
and claims, a source's citing claims, the articles index) are dropped: what they list has its
own entry. Record text is HTML-escaped, as the search results show `text` as HTML.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from dossier.link.crossref import Index
from dossier.read.model import Article, Claim
from dossier.read.paths import ARTICLES, article_page, claim_page, page_url
from dossier.render.common import KIND_LABELS, RATING_LABELS

# Sections (by heading id) of record pages that list claims shown in full elsewhere.
LISTING_SECTIONS = {"entities": {"claims", "quoted"}, "sources": {"cited-by"}}
LISTING_PAGE = page_url(ARTICLES)  # a section per article, repeating the article's own entry


def claim_entry(index: Index, claim: Claim) -> dict[str, Any]:
    verdict = claim.verdict
    lines = [
        f"{RATING_LABELS[verdict.rating]} · {KIND_LABELS[claim.kind]}.",
        verdict.summary or "",
        verdict.conclusion or "",
    ]
    names = [index.entities[e].name for e in claim.entities]
    if claim.quote and claim.quote.speaker not in claim.entities:
        names.append(index.entities[claim.quote.speaker].name)
    if claim.sources:  # the entities' names are its tags, shown with each result: not repeated here
        lines.append("Sources: " + "; ".join(index.sources[r.source].title for r in claim.sources) + ".")
    entry: dict[str, Any] = {
        "location": page_url(claim_page(claim.id)),
        "title": escape(" ".join(claim.claim.split()), quote=False),
        "text": escape(" ".join(" ".join(lines).split()), quote=False),
    }
    # Tags weigh most in the theme's ranking: the names a reader types ("Ericsson", "New Deal")
    # lift the claims about them above pages that merely mention the words. Escaped: the theme
    # shows search results as HTML.
    tags = [*claim.topics, *(escape(name, quote=False) for name in names)]
    if tags:
        entry["tags"] = tags
    return entry


def article_entry(article: Article) -> dict[str, Any]:
    """An article's words, from its record: the page around them (the marker numbers glued to
    each passage, the legend every article repeats) would only add noise to every search."""
    byline = [x for x in (article.author, article.publisher, article.published) if x]
    return {
        "location": page_url(article_page(article.id)),
        "title": escape(" ".join(article.title.split()), quote=False),
        "text": escape(" ".join(" ".join([" · ".join(byline), *article.paragraphs]).split()), quote=False),
    }


def compact_search_index(
    path: Path, index: Index, previous: dict[str, dict[str, Any]] | None = None
) -> dict[str, dict[str, Any]]:
    """Rewrite Material's search index in place: one entry per claim, listing sections dropped.

    Under `mkdocs serve --dirty` the plugin merges the rebuilt pages' entries into the previous
    build's, and can drop the rest (it keys the merge on the first rebuilt page, and the home
    page's location "" prefixes every other). So in a dirty preview the hook passes the entries it
    wrote last time as `previous`: they are kept unless rebuilt, and every claim's entry is made
    afresh. An entry appears once per location, with its newest text. Returns what was written.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    from_records: dict[str, Callable[[], dict[str, Any]]] = {
        page_url(claim_page(c.id)): functools.partial(claim_entry, index, c) for c in index.claims.values()
    } | {page_url(article_page(a.id)): functools.partial(article_entry, a) for a in index.articles.values()}
    docs: dict[str, dict[str, Any]] = {}
    for doc in [*(previous or {}).values(), *data["docs"]]:
        page, _, section = doc["location"].partition("#")
        entry = from_records.get(page)
        if entry is not None:
            if page not in docs:  # the record's entry takes the place of the page's sections
                docs[page] = entry()
        elif section and page == LISTING_PAGE:
            continue
        elif section not in LISTING_SECTIONS.get(page.split("/", 1)[0], ()):
            docs[doc["location"]] = doc
    data["docs"] = list(docs.values())
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return docs
