"""Where an excerpt comes from: the article, paragraph and occurrence a new claim should name.

The same search `check` runs (`link.excerpts.ArticleText`), over every article or the one
named, so a claim started here anchors exactly as `check` will anchor it. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dossier.link.excerpts import MAX_PLACES, Anchor, ArticleText, cut_words
from dossier.problems import DossierError, plural, quote_text
from dossier.read.model import Article


@dataclass(frozen=True)
class Place:
    article: str
    anchor: Anchor
    occurrence: int | None  # the number to write; None when the excerpt occurs once in its article


def article_ids(articles: Sequence[Article]) -> str:
    return ", ".join(a.id for a in articles)


def choose_article(articles: Sequence[Article], article_id: str) -> Article:
    """The article named `article_id`, or an error listing the ones there are."""
    for article in articles:
        if article.id == article_id:
            return article
    there = f"the articles are: {article_ids(articles)}" if articles else "there is no article yet"
    raise DossierError(f"no article {quote_text(article_id)}; {there}")


def place_excerpt(
    articles: Sequence[Article], excerpt: str, article_id: str | None = None, occurrence: int | None = None
) -> Place:
    """The one place `excerpt` can mean, or an error that says how to pick one (or what is closest)."""
    searched = [choose_article(articles, article_id)] if article_id else list(articles)
    if not searched:
        raise DossierError("there is no article yet; start one with: new article ID --from FILE|URL")
    texts = {a.id: ArticleText(a.paragraphs) for a in searched}
    results = {a.id: texts[a.id].find(excerpt) for a in searched}
    for where, result in results.items():
        if result.more:
            raise DossierError(
                f"excerpt: occurs more than {MAX_PLACES:,} times in article {quote_text(where)}; quote a longer passage"
            )
    found = {a: result.anchors for a, result in results.items() if result.anchors}
    if not found:
        raise _not_found(searched, texts, excerpt)
    if len(found) > 1 and (occurrence is not None or sum(len(a) for a in found.values()) > 1):
        raise _ambiguous(found, texts, "give --article ID (and --occurrence N) to say which")
    ((where, anchors),) = found.items()
    if occurrence is not None and occurrence > len(anchors):
        times = "once" if len(anchors) == 1 else f"{len(anchors)} times"
        raise DossierError(
            f"--occurrence {occurrence}, but the excerpt occurs only {times} in article {quote_text(where)}"
        )
    if occurrence is None and len(anchors) > 1:
        raise _ambiguous(found, texts, f"give --occurrence 1 to {len(anchors)} to say which")
    anchor = anchors[(occurrence or 1) - 1]
    article = next(a for a in searched if a.id == where)
    starts_in, ends_in = cut_words(article.paragraphs[anchor.paragraph], anchor)
    if starts_in:
        raise DossierError(
            f"excerpt: starts inside the word {quote_text(starts_in)}; begin the excerpt at a word boundary"
        )
    if ends_in:
        raise DossierError(f"excerpt: ends inside the word {quote_text(ends_in)}; end the excerpt at a word boundary")
    return Place(where, anchor, (occurrence or 1) if len(anchors) > 1 else None)


def _not_found(searched: list[Article], texts: dict[str, ArticleText], excerpt: str) -> DossierError:
    if len(searched) == 1:
        article = searched[0]
        return DossierError(
            f"excerpt: not found in article {quote_text(article.id)}; {texts[article.id].closest_passage(excerpt)}"
        )
    details = [f"article {quote_text(a.id)}: {texts[a.id].closest_passage(excerpt)}" for a in searched]
    return DossierError(f"excerpt: not found in any of the {len(searched)} articles", details)


def _ambiguous(found: dict[str, tuple[Anchor, ...]], texts: dict[str, ArticleText], ask: str) -> DossierError:
    total = sum(len(anchors) for anchors in found.values())
    several = len(found) > 1
    details = []
    for article, anchors in found.items():
        for n, anchor in enumerate(anchors, 1):
            options = [f"--article {article}"] if several else []
            options += [f"--occurrence {n}"] if len(anchors) > 1 else []
            paragraph = texts[article].paragraphs[anchor.paragraph]
            details.append(f"{' '.join(options)}: paragraph {anchor.paragraph + 1}: {_in_context(paragraph, anchor)}")
    where = f"in {plural(len(found), 'article')}" if several else f"in article {quote_text(next(iter(found)))}"
    return DossierError(f"excerpt: occurs {total} times {where}; {ask}:", details)


def _in_context(paragraph: str, anchor: Anchor, around: int = 30) -> str:
    """The excerpt with a few words either side, quoted: where in the paragraph this occurrence is."""
    start, end = max(0, anchor.start - around), min(len(paragraph), anchor.end + around)
    shown = ("…" if start else "") + paragraph[start:end] + ("…" if end < len(paragraph) else "")
    return quote_text(shown, anchor.end - anchor.start + 2 * around + 3)
