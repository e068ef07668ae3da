"""A search index that holds what readers search for, one entry per claim.

Material's search plugin makes an entry for every section of every page, so a claim page gives
six entries (its verdict, the excerpt in context, the figure, the sources, the connections, the
citation), each repeating the topics; at 10,000 claims the browser would load over 20 MB. After
the plugin writes `search/search_index.json`, the hook replaces each claim page's entries by one
entry built from the record: the claim as title; its verdict, kind, conclusion, entities
(speaker included) and sources as text; its topics as tags. The excerpt is left to the
article's own entry, which holds the article's words. Sections that only list other records
(an article's claims, an entity's quotes and claims, a source's citing claims) are dropped: those claims have
their own entries. Record text is HTML-escaped, as the search results show `text` as HTML.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from .crossref import Index
from .model import Claim
from .paths import claim_page, page_url
from .render_common import KIND_LABELS, RATING_LABELS

# Sections (by heading id) of record pages that list claims shown in full elsewhere.
LISTING_SECTIONS = {"articles": {"claims"}, "entities": {"claims", "quoted"}, "sources": {"cited-by"}}


def claim_entry(index: Index, claim: Claim) -> dict[str, Any]:
    verdict = claim.verdict
    lines = [f"{RATING_LABELS[verdict.rating]} · {KIND_LABELS[claim.kind]}. {verdict.conclusion or ''}"]
    names = [index.entities[e].name for e in claim.entities]
    if claim.quote and claim.quote.speaker not in claim.entities:
        names.append(index.entities[claim.quote.speaker].name)
    facts = []
    if names:
        facts.append("Entities: " + ", ".join(names) + ".")
    if claim.sources:
        facts.append("Sources: " + "; ".join(index.sources[r.source].title for r in claim.sources) + ".")
    lines += facts
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
    claims = {page_url(claim_page(c.id)): c for c in index.claims.values()}
    docs: dict[str, dict[str, Any]] = {}
    for doc in [*(previous or {}).values(), *data["docs"]]:
        page, _, section = doc["location"].partition("#")
        claim = claims.get(page)
        if claim is not None:
            if page not in docs:  # the claim's entry takes the place of the page's first section
                docs[page] = claim_entry(index, claim)
        elif section not in LISTING_SECTIONS.get(page.split("/", 1)[0], ()):
            docs[doc["location"]] = doc
    data["docs"] = list(docs.values())
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return docs
