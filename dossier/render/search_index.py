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
the whole article first for any word). Each entity page's entries become one entry that leads
with its description (its other names as tags), not its list of facts; each source page's become
one sentence saying whose it is, what sort and when ("Capacity Media news story, undated; read
6 December 2026."), not its run of "Publisher: … Kind: …" facts. Sections that only list
other records (a source's citing claims, the articles index) are dropped. (The contributor guide is
never indexed: the hook marks it excluded before the search plugin reads it.) Record text is
HTML-escaped, as the search results show `text` as HTML.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from dossier.link.crossref import Index
from dossier.read.model import Article, Claim, Entity, Source
from dossier.read.paths import ARTICLES, article_page, claim_page, entity_page, page_url, source_page
from dossier.render.common import RATING_LABELS, SOURCE_KIND_NAMES, byline, display_date, shown_kind, topic_name
from dossier.render.provenance import UNDATED, copy_host

# Sections (by heading id) of record pages that list claims shown in full elsewhere, with the
# sections under them per article (`cited-by-<article>`, when the dossier has several).
LISTING_SECTIONS = {"sources": ("cited-by",)}
LISTING_PAGE = page_url(ARTICLES)  # a section per article, repeating the article's own entry


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
    kind = shown_kind(claim)
    label = RATING_LABELS[verdict.rating] + (f" · {kind}" if kind else "")
    entry: dict[str, Any] = {
        "location": page_url(claim_page(claim.id)),
        "title": escape(" ".join(claim.claim.split()), quote=False),
        "text": _paragraph(f"{label}. {answer}"),
        "boost": CLAIM_BOOST,
    }
    # Tags weigh most in the theme's ranking: the names a reader types ("Ericsson", "New Deal")
    # lift the claims about them above pages that merely mention the words. Escaped: the theme
    # shows search results as HTML.
    # A topic may share an entity's name: each name once.
    tags = list(dict.fromkeys([*(topic_name(index, t) for t in claim.topics), *names]))
    if tags:
        entry["tags"] = [escape(tag, quote=False) for tag in tags]
    return entry


def _paragraph(text: str) -> str:
    """Entry text as one HTML paragraph. The theme shows a result's matching stretch of text from
    its first matching word to the end of its paragraph's element: bare text would lose everything
    after the last word, such as a summary's final full stop."""
    return "<p>" + escape(" ".join(text.split()), quote=False) + "</p>"


def entity_entry(entity: Entity) -> dict[str, Any]:
    """An entity's entry: its name, and what it is in its own words (the description), not the
    page's list of facts; its other names as tags, which the theme ranks high and shows."""
    what = entity.description or ENTITY_KINDS[entity.kind]
    entry: dict[str, Any] = {
        "location": page_url(entity_page(entity.id)),
        "title": escape(" ".join(entity.name.split()), quote=False),
        "text": _paragraph(what),
    }
    if entity.aliases:
        entry["tags"] = [escape(alias, quote=False) for alias in entity.aliases]
    return entry


def source_entry(source: Source) -> dict[str, Any]:
    """A source's entry: its title, and one sentence saying whose it is, what sort, when it was
    published and when we read it ("Capacity Media news story, undated; read 6 December 2026."),
    not the page's run of "Publisher: … Published: … Kind: …" facts."""
    original = source.copy_of
    publisher = original.publisher if original else source.publisher
    published = (original.published if original else None) or source.published
    # A copy's kind is the copying page's ("other" for an aggregator): the original is a story.
    what = "story" if original else SOURCE_KIND_NAMES[source.kind] if source.kind else "publication"
    when = display_date(published, unbroken=False) if published else UNDATED
    copy = f", in a copy at {copy_host(source)}" if original else ""
    read = display_date(source.accessed, unbroken=False)
    return {
        "location": page_url(source_page(source.id)),
        "title": escape(" ".join(source.title.split()), quote=False),
        "text": _paragraph(f"{publisher} {what}, {when}{copy}; read {read}."),
    }


# What an entity without a description is, in a word or two.
ENTITY_KINDS = {
    "person": "A person.",
    "organization": "An organisation.",
    "government": "A government or public body.",
    "place": "A place.",
    "program": "A programme or policy.",
    "other": "Named in the dossier's claims.",
}


def _shortened(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= PREVIEW_CHARS else words[:PREVIEW_CHARS].rsplit(" ", 1)[0] + "…"


def article_entry(article: Article) -> dict[str, Any]:
    """An article's entry: its title, byline and our finding; its claims have entries of their own,
    so its full text would only put the whole article first for any word it contains."""
    finding = article.summary.replace("\r\n", "\n").split("\n\n", 1)[0] if article.summary else ""
    text = " ".join(" ".join([" · ".join(byline(article)) + ".", finding]).split())
    return {
        "location": page_url(article_page(article.id)),
        "title": escape(" ".join(article.title.split()), quote=False),
        "text": _paragraph(text),
    }


def compact_search_index(path: Path, index: Index) -> None:
    """Rewrite Material's search index in place: one entry per claim, listing sections dropped."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["docs"] = [entry for entries in _by_page(data["docs"]).values() for entry in compact_page(entries, index)]
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _by_page(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The entries grouped by the page they belong to, pages in the order they first appear."""
    pages: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].partition("#")[0], []).append(doc)
    return pages


def compact_page(entries: list[dict[str, Any]], index: Index) -> list[dict[str, Any]]:
    """One page's entries as the site shows them: a claim or article page's one entry from its record
    in place of its sections, a listing page's sections dropped; one entry per location, the newest."""
    if not entries:
        return []
    page = entries[0]["location"].partition("#")[0]
    record = _record_entry(page, index)
    if record is not None:
        return [record()]
    docs: dict[str, dict[str, Any]] = {}
    for doc in entries:
        section = doc["location"].partition("#")[2]
        if section and page == LISTING_PAGE:
            continue
        listing = LISTING_SECTIONS.get(page.split("/", 1)[0], ())
        if not any(section == name or section.startswith(f"{name}-") for name in listing):
            docs[doc["location"]] = doc
    return list(docs.values())


def _record_entry(page: str, index: Index) -> Callable[[], dict[str, Any]] | None:
    """The builder of the entry a claim or article page gets from its record, if the page is one."""
    key = page.rstrip("/").rpartition("/")[2]
    claim, article, entity = index.claims.get(key), index.articles.get(key), index.entities.get(key)
    source = index.sources.get(key)
    if claim is not None and page_url(claim_page(key)) == page:
        return functools.partial(claim_entry, index, claim)
    if article is not None and page_url(article_page(key)) == page:
        return functools.partial(article_entry, article)
    if entity is not None and page_url(entity_page(key)) == page:
        return functools.partial(entity_entry, entity)
    if source is not None and page_url(source_page(key)) == page:
        return functools.partial(source_entry, source)
    return None


class SearchEntries:
    """Every page's search entries, kept between the builds of `mkdocs serve --dirty`.

    Under `--dirty` Material's plugin writes only the pages MkDocs built this time (the hook has it
    forget earlier builds: merging them cost seconds at 10,000 claims). `update` takes those
    pages' entries, compacted as `compact_search_index` does, keeps every other page's from
    before, and writes them all in the order a full build lists the pages; each page's entries
    are kept as JSON text, so a save costs the pages it changed plus one join. While the records
    are invalid (no index), entries are written as the plugin writes them, as in a full build.
    """

    def __init__(self) -> None:
        self.pages: dict[str, list[dict[str, Any]]] = {}  # page URL -> its entries, in site order
        self.texts: dict[str, str] = {}  # page URL -> its entries as compact JSON, comma-separated

    def update(self, path: Path, index: Index | None, built: set[str], order: list[str]) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        fresh = _by_page(data["docs"])
        for page in built | fresh.keys():
            entries = fresh.get(page, [])
            self.pages[page] = compact_page(entries, index) if index is not None else entries
            self.texts[page] = ",".join(_encode(entry) for entry in self.pages[page])
        self.pages = {page: self.pages[page] for page in order if page in self.pages}
        self.texts = {page: self.texts[page] for page in self.pages}
        if index is None:  # as the plugin writes it (ASCII only), like a full build of invalid records
            data["docs"] = [entry for entries in self.pages.values() for entry in entries]
            path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
            return
        docs = ",".join(text for text in self.texts.values() if text)
        config = json.dumps(data["config"], ensure_ascii=False, separators=(",", ":"))
        path.write_text('{"config":' + config + ',"docs":[' + docs + "]}", encoding="utf-8")


def _encode(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
