"""The annotated article: every excerpt marked in place, coloured by verdict and linked to its claim."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .backlinks import backlinks
from .coverage import split_sentences, uncovered_sentences
from .crossref import Index
from .markup import external_link, front_matter, md_text, safe_title
from .model import Article, Claim
from .paths import ARTICLES, article_page, claim_anchor, claim_page, link
from .render_common import RATING_LABELS, badge, claim_link


@dataclass(frozen=True)
class Mark:
    claim: Claim
    number: int
    start: int
    end: int


def render_article_page(index: Index, article: Article) -> str:
    """Markdown for `articles/<id>.md`."""
    page = article_page(article.id)
    claims = backlinks(index).by_article.get(article.id, [])
    marks = [Mark(c, n, index.anchors[c.id].start, index.anchors[c.id].end) for n, c in enumerate(claims, start=1)]
    paragraphs = [
        annotate_paragraph(page, text, [m for m in marks if index.anchors[m.claim.id].paragraph == number])
        for number, text in enumerate(article.paragraphs)
    ]
    listing = "\n".join(f"{n}. {badge(c.verdict.rating)} {claim_link(page, c)}" for n, c in enumerate(claims, start=1))
    return (
        front_matter({"title": safe_title(article.title), "hide": ["navigation"]})
        + f"# {md_text(article.title)} {{#article}}\n\n"
        + article_byline(article)
        + "\n\n"
        + _legend()
        + "\n\n"
        + '<div class="dossier-article" markdown="1">\n\n'
        + "\n\n".join(paragraphs)
        + "\n\n</div>\n\n"
        + f"## The {len(claims)} claims in this article {{#claims}}\n\n{listing}\n"
    )


def article_byline(article: Article) -> str:
    facts = [md_text(x) for x in (article.author, article.publisher) if x]
    facts.append(f"published {article.published}" if article.published else "publication date not known")
    return " · ".join(facts) + " · " + external_link("original article", article.url)


def _legend() -> str:
    swatches = " ".join(badge(rating) for rating in RATING_LABELS)
    return (
        f"Each marked passage is a claim, coloured by its verdict: {swatches}. "
        "Click a passage, or the number before it, to open the claim. "
        "Where passages nest, the text links to the innermost claim and each number to its own."
    )


def annotate_paragraph(page: str, text: str, marks: list[Mark]) -> str:
    """A paragraph with each segment linked to the innermost claim covering it, and numbered markers."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for start, end in itertools.pairwise(cuts):
        for mark in sorted((m for m in marks if m.start == start), key=lambda m: -m.end):
            rating = mark.claim.verdict.rating
            target = link(page, claim_page(mark.claim.id))
            label = f'title="Claim {mark.number}: {RATING_LABELS[rating]}"'
            marker = f"{{#{claim_anchor(mark.claim.id)} .dossier-marker .dossier-{rating} {label}}}"
            out.append(f"[{mark.number}]({target}){marker}")
        covering = [m for m in marks if m.start <= start and end <= m.end]
        segment = md_text(text[start:end])
        if not covering:
            out.append(segment)
            continue
        inner = min(covering, key=lambda m: (m.end - m.start, m.number))
        target = link(page, claim_page(inner.claim.id))
        depth = min(len(covering), 3)
        out.append(
            f"[{segment}]({target}){{.dossier-excerpt .dossier-{inner.claim.verdict.rating} .dossier-depth-{depth}}}"
        )
    return "".join(out)


def coverage_share(index: Index, article: Article) -> tuple[int, int]:
    """(sentences inside at least one excerpt, all sentences)."""
    anchors = [index.anchors[c.id] for c in backlinks(index).by_article.get(article.id, [])]
    total = len(split_sentences(article.paragraphs))
    return total - len(uncovered_sentences(article.paragraphs, anchors)), total


def render_articles_index(index: Index) -> str:
    """Markdown for `articles/index.md`: every article reviewed, with its coverage."""
    rows = []
    for article in index.articles.values():
        covered, total = coverage_share(index, article)
        count = len(backlinks(index).by_article.get(article.id, []))
        target = link(ARTICLES, article_page(article.id))
        rows.append(
            f"## [{md_text(article.title)}]({target})\n\n{article_byline(article)}\n\n"
            f"{count} claims; {covered} of {total} sentences covered. "
            f"[Read the article with every claim marked →]({target})"
        )
    return front_matter({"title": "Articles"}) + "# Articles reviewed {#articles}\n\n" + "\n\n".join(rows) + "\n"
