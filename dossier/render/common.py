"""Fragments shared by several pages: labels, verdict badges, claim links and claim lists."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from dossier.link.backlinks import backlinks
from dossier.link.crossref import Index
from dossier.read.model import Article, Claim
from dossier.read.paths import article_page, claim_page, link
from dossier.read.spec import RATINGS
from dossier.render.markup import md_text

T = TypeVar("T")

RATING_LABELS = {
    "supported": "Supported",
    "partly-supported": "Partly supported",
    "disputed": "Disputed",
    "unsupported": "Unsupported",
    "unverified": "Unverified",
    "opinion": "Opinion",
}
RATING_MEANINGS = dict(RATINGS.options)
# A shape for each verdict, so a verdict never rests on colour alone: the claim page's verdict
# block shows it, and docs/stylesheets/dossier.css puts the same symbol before every badge and
# article marker (tests/test_browser_reader.py holds the two to each other).
RATING_ICONS = {
    "supported": "✓",
    "partly-supported": "◐",
    "disputed": "⇄",
    "unsupported": "✗",
    "unverified": "?",
    "opinion": "❝",
}
# Front matter for listing pages: they repeat what the record pages say, and a search index
# holding them grows with the square of the dossier; the search plugin skips them.
NOT_SEARCHED: dict[str, object] = {"search": {"exclude": True}}
KIND_LABELS = {
    "figure": "Figure",
    "quote": "Quote",
    "statement": "Statement",
    "forecast": "Forecast",
    "opinion": "Opinion",
}


def kind_phrase(kind: str) -> str:
    """The kind as a phrase in a sentence: `A figure`, `An opinion` (listings show `Figure`)."""
    label = KIND_LABELS[kind].lower()
    return f"{'An' if label[0] in 'aeiou' else 'A'} {label}"


# What one source or one entity is, as its page's "Type" line and a search result say it (the
# records' kind words are the spec's ids: "research", "organization").
SOURCE_KIND_NAMES = {
    "news": "news story",
    "official": "official publication",
    "research": "research report",
    "company": "company publication",
    "reference": "reference page",
    "other": "web page",
}
ENTITY_KIND_NAMES = {
    "person": "Person",
    "organization": "Organisation",
    "government": "Government or public body",
    "place": "Place",
    "program": "Programme or policy",
    "other": "Other",
}
ENTITY_KIND_LABELS = {
    "person": "People",
    "organization": "Organisations",
    "government": "Governments and public bodies",
    "place": "Places",
    "program": "Programmes and policies",
    "other": "Other",
}


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NO_BREAK = "\u00a0"


def display_date(iso: str, unbroken: bool = True) -> str:
    """A record date as a reader reads it: `2026-12-06` -> `6 December 2026`, `2020-05` -> `May 2020`,
    `2020` stays `2020`. Every page shows dates through this; data exports, JSON-LD and the feed
    keep the ISO form. Its words are joined by no-break spaces, so a narrow table cell never splits
    a date across lines (`unbroken=False` for text a reader copies, such as a citation). Text that
    is not a record date is returned as it is.
    """
    parts = iso.split("-")
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        return iso
    year, *rest = parts
    if rest and not 1 <= int(rest[0]) <= 12:
        return iso
    words = [year] if not rest else [MONTHS[int(rest[0]) - 1], year]
    if len(rest) == 2:
        words.insert(0, str(int(rest[1])))
    return (NO_BREAK if unbroken else " ").join(words)


def date_phrase(iso: str) -> str:
    """A date in running text, with its preposition: `on 6 December 2026`, `in May 2020`, `in 2020`."""
    return ("on " if iso.count("-") == 2 else "in ") + display_date(iso)


def byline(article: Article) -> list[str]:
    """An article's byline as plain text, in the one order every page and the search give it:
    author, publisher, when it was published."""
    parts = [x for x in (article.author, article.publisher) if x]
    parts.append(f"published {date_phrase(article.published)}" if article.published else "publication date not known")
    return parts


def join_words(parts: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def shown_kind(claim: Claim) -> str | None:
    """The claim's kind as a listing names it beside its verdict badge; None where the two are the
    same word (an opinion rated "Opinion"), which would only repeat it."""
    kind = KIND_LABELS[claim.kind]
    return None if kind == RATING_LABELS[claim.verdict.rating] else kind


def badge(rating: str) -> str:
    """An inline verdict badge, coloured by the site's stylesheet."""
    return f'<span class="dossier-badge dossier-{rating}">{RATING_LABELS[rating]}</span>'


def claims_in_article_order(index: Index, claims: list[Claim] | None = None) -> list[Claim]:
    """Claims ordered by where their excerpt starts in the article (longer excerpts first)."""
    order = backlinks(index)
    if claims is None:
        return list(order.ordered)
    return sorted(claims, key=lambda c: order.rank[c.id])


def claim_link(from_page: str, claim: Claim) -> str:
    return f"[{md_text(claim.claim)}]({link(from_page, claim_page(claim.id))})"


def claim_list(from_page: str, claims: list[Claim]) -> str:
    """A bullet list of claims with their verdicts, one per line."""
    return "\n".join(f"- {badge(c.verdict.rating)} {claim_link(from_page, c)}" for c in claims) + "\n"


def several_articles(index: Index) -> bool:
    """Whether listings must say which article each claim comes from."""
    return len(index.articles) > 1


def article_link(index: Index, from_page: str, article_id: str) -> str:
    """The article's title, linked to its annotated page."""
    return f"[{md_text(index.articles[article_id].title)}]({link(from_page, article_page(article_id))})"


def in_article(index: Index, from_page: str, claim: Claim) -> str:
    """` · in <article>` after a claim in a listing, when the dossier has several articles; else nothing."""
    return f" · in {article_link(index, from_page, claim.article)}" if several_articles(index) else ""


def by_article(
    index: Index, from_page: str, claims: Sequence[Claim], line: Callable[[Claim], str], anchor: str, level: str = "###"
) -> str:
    """Claims' lines (in the order given), under a heading per article when the dossier has several."""
    if not several_articles(index):
        return "\n".join(line(c) for c in claims) + "\n"
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.article, []).append(claim)
    return "\n".join(
        f"{level} In {article_link(index, from_page, article_id)} {{#{anchor}-{article_id}}}\n\n"
        + "\n".join(line(c) for c in members)
        + "\n"
        for article_id, members in groups.items()
    )


def grouped_claim_list(index: Index, from_page: str, claims: Sequence[Claim], anchor: str) -> str:
    """`claim_list`, grouped by article when the dossier has several."""
    return by_article(
        index, from_page, claims, lambda c: f"- {badge(c.verdict.rating)} {claim_link(from_page, c)}", anchor
    )


def topic_name(index: Index, topic: str) -> str:
    """A topic's name as `topics.yaml` writes it ("South Korea", "5G"): never made from the id.

    The checker refuses a topic the registry lacks; the id stands in only for a dossier rendered
    without that check.
    """
    entry = index.topics.get(topic)
    return entry.name if entry is not None else topic


class Memo:
    """Results of pure functions of records, kept by the identity of their arguments from one
    render of a page to the next (the preview renders claims.json again after every save).

    Records are immutable and the loader hands back the same object for a file that did not
    change, so an argument that is the same object gives the same result. Inside `round()`,
    `get(fn, *args)` answers from the last round when it can; the entries a round did not use
    are dropped when it ends, so the memo holds one page's worth: give each page its own memo.
    Outside a round it just calls.
    """

    def __init__(self) -> None:
        self._last: dict[tuple[int, ...], tuple[tuple[object, ...], object]] = {}
        self._now: dict[tuple[int, ...], tuple[tuple[object, ...], object]] | None = None

    @contextlib.contextmanager
    def round(self) -> Iterator[Memo]:
        self._now = {}
        try:
            yield self
        finally:
            self._last, self._now = self._now, None

    def get(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(*args)`, known by `fn` and the identity of each argument."""
        return self.keyed(args, fn, *args)

    def keyed(self, by: tuple[object, ...], fn: Callable[..., T], *args: object) -> T:
        """`fn(*args)`, known by `fn` and the identity of each object in `by`: for a function that
        reads only those of its arguments' parts (say, only the index's articles)."""
        now = self._now
        if now is None:
            return fn(*args)
        # The objects of an entry are kept alive by it, and two live objects never share an id:
        # the same ids are the same objects.
        key = (id(fn), *map(id, by))
        hit = now.get(key) or self._last.get(key)
        if hit is not None:
            now[key] = hit
            return hit[1]  # type: ignore[return-value]
        result = fn(*args)
        now[key] = ((fn, *by), result)  # the objects kept alive, so their ids stay theirs
        return result
