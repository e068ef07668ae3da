"""A search index that answers: one entry per claim, ranked first, showing its verdict and summary.

Material's search plugin makes an entry for every section of every page, so a claim page gives
six entries (its verdict, the excerpt in context, the figure, the sources, the connections, the
citation), each repeating the topics; at 10,000 claims the browser would load over 20 MB. After
the plugin writes `search/search_index.json`, the hook replaces each claim page's entries by one
entry built from the record: the claim as title; its verdict, kind and one-sentence summary as
text (the result a reader sees); its topics and the names of its entities (speaker included) as
tags, which the theme ranks highest and shows with each result; and a boost, so claims come
before the pages that merely mention the same words. Each article page's entries become one
entry of its title, byline and our finding (its claims have their own entries; its full text put
the whole article first for any word). Sections that only list other records (an entity's quotes
and claims, a source's citing claims, the articles index) are dropped, and so is the contributor
guide. Record text is HTML-escaped, as the search results show `text` as HTML.
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
from dossier.render.common import KIND_LABELS, RATING_LABELS, topic_name

# Sections (by heading id) of record pages that list claims shown in full elsewhere.
LISTING_SECTIONS = {"entities": {"claims", "quoted"}, "sources": {"cited-by"}}
LISTING_PAGE = page_url(ARTICLES)  # a section per article, repeating the article's own entry
LEFT_OUT = ("contributing/",)  # the contributor guide: how to write records, not what they found


# Claims rank first: the theme multiplies a document's score by its boost (default 1), so a
# claim outranks an article, entity or source page that matches the same words as well.
CLAIM_BOOST = 10
PREVIEW_CHARS = 200  # a result without a summary shows this much of the conclusion


def claim_entry(index: Index, claim: Claim) -> dict[str, Any]:
    """A claim's one search entry: the claim as title; its verdict, kind and summary as text, so each
    result answers at a glance; its topics and the names of its entities (speaker included) as tags."""
    verdict = claim.verdict
    answer = verdict.summary or _shortened(verdict.conclusion or "Not yet checked.")
    names = [index.entities[e].name for e in claim.entities]
    if claim.quote and claim.quote.speaker not in claim.entities:
        names.append(index.entities[claim.quote.speaker].name)
    entry: dict[str, Any] = {
        "location": page_url(claim_page(claim.id)),
        "title": escape(" ".join(claim.claim.split()), quote=False),
        "text": escape(
            " ".join(f"{RATING_LABELS[verdict.rating]} · {KIND_LABELS[claim.kind]}. {answer}".split()), quote=False
        ),
        "boost": CLAIM_BOOST,
    }
    # Tags weigh most in the theme's ranking: the names a reader types ("Ericsson", "New Deal")
    # lift the claims about them above pages that merely mention the words. Escaped: the theme
    # shows search results as HTML.
    tags = [*(topic_name(index, t) for t in claim.topics), *names]
    if tags:
        entry["tags"] = [escape(tag, quote=False) for tag in tags]
    return entry


def _shortened(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= PREVIEW_CHARS else words[:PREVIEW_CHARS].rsplit(" ", 1)[0] + "…"


def article_entry(article: Article) -> dict[str, Any]:
    """An article's entry: its title, byline and our finding; its claims have entries of their own,
    so its full text would only put the whole article first for any word it contains."""
    byline = [x for x in (article.publisher, article.author, article.published) if x]
    finding = article.summary.replace("\r\n", "\n").split("\n\n", 1)[0] if article.summary else ""
    return {
        "location": page_url(article_page(article.id)),
        "title": escape(" ".join(article.title.split()), quote=False),
        "text": escape(" ".join(" ".join([" · ".join(byline) + ".", finding]).split()), quote=False),
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
        elif (section and page == LISTING_PAGE) or page.startswith(LEFT_OUT):
            continue
        elif section not in LISTING_SECTIONS.get(page.split("/", 1)[0], ()):
            docs[doc["location"]] = doc
    data["docs"] = list(docs.values())
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return docs
