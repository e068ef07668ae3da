"""The annotated article: every excerpt marked in place, coloured by verdict and linked to its claim."""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass

from dossier.link.backlinks import backlinks
from dossier.link.coverage import split_sentences, uncovered_sentences
from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Article, Claim
from dossier.read.paths import ARTICLES, article_page, claim_anchor, claim_page, link
from dossier.render.accountability.evidence import DATING_ANCHOR, dating_note
from dossier.render.common import RATING_LABELS, badge, byline, claim_link
from dossier.render.markup import external_link, front_matter, md_paragraphs, md_text, safe_title
from dossier.render.provenance import findings_list, rewrite_tally


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
    marks_in: dict[int, list[Mark]] = defaultdict(list)  # by paragraph, in one pass
    for number, claim in enumerate(claims, start=1):
        anchor = index.anchors[claim.id]
        marks_in[anchor.paragraph].append(Mark(claim, number, anchor.start, anchor.end))
    paragraphs = [annotate_paragraph(page, text, marks_in[number]) for number, text in enumerate(article.paragraphs)]
    listing = "\n".join(f"{n}. {badge(c.verdict.rating)} {claim_link(page, c)}" for n, c in enumerate(claims, start=1))
    return (
        front_matter({"title": safe_title(article.title), "hide": ["navigation"]})
        + f"# {md_text(article.title)} {{#article}}\n\n"
        + article_byline(article, dating_link=True)
        + "\n\n"
        + article_findings(index, article)
        + (tally + "\n" if (tally := rewrite_tally(index, article, page)) else "")
        + dating_note(article)
        + "## The article, annotated {#text}\n\n"
        + _legend()
        + "\n\n"
        + '<div class="dossier-article" markdown="1">\n\n'
        + "\n\n".join(paragraphs)
        + "\n\n</div>\n\n"
        + f"## The {plural(len(claims), 'claim')} in this article {{#claims}}\n\n{listing}\n"
    )


def article_findings(index: Index, article: Article) -> str:
    """What we found: the overall finding, each finding linked to its claims, the verdicts and the coverage."""
    page = article_page(article.id)
    claims = backlinks(index).by_article.get(article.id, [])
    ratings: Counter[str] = Counter(c.verdict.rating for c in claims)
    verdicts = ", ".join(f"{RATING_LABELS[r]} {ratings[r]}" for r in RATING_LABELS if ratings[r])
    covered, total = coverage_share(index, article)
    summary = md_paragraphs(article.summary) + "\n\n" if article.summary else ""
    return (
        "## What we found {#findings}\n\n"
        + summary
        + findings_list(index, article, page)
        + f"**{plural(len(claims), 'claim')}:** {verdicts or 'none yet'}. "
        + f"**Coverage:** {covered} of {plural(total, 'sentence')} lie inside the claims' excerpts.\n\n"
    )


def article_byline(article: Article, dating_link: bool = False) -> str:
    """Author, publisher, date (`byline`, the one order every page gives) and the original's link;
    `dating_link` points from the date to how we dated it, further down the page."""
    facts = [md_text(x) for x in byline(article)]
    if dating_link and article.published_note:
        facts[-1] += f" ([how we dated it](#{DATING_ANCHOR}))"
    return " · ".join(facts) + " · " + external_link("original article", article.url)


def _legend() -> str:
    swatches = " ".join(badge(rating) for rating in RATING_LABELS)
    return (
        f"Each marked passage is a claim. Its number carries the verdict's symbol and colour: {swatches}. "
        "Tap, hover over or focus a passage or its number to see the verdict and a one-line summary, "
        "with a link to the full check. Where passages nest, the text shows the innermost claim."
    )


def annotate_paragraph(page: str, text: str, marks: list[Mark]) -> str:
    """A paragraph with each segment linked to the innermost claim covering it, and numbered markers.

    One sweep over the cut points with a heap of the marks open so far (innermost on top), so
    nested excerpts cost O(n log n) rather than a scan of every mark for every segment.
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = defaultdict(list)
    ending: Counter[int] = Counter()
    for mark in marks:
        starting[mark.start].append(mark)
        ending[mark.end] += 1
    open_marks: list[tuple[int, int, int, Mark]] = []  # (length, number, end, mark): innermost first
    depth = 0
    out = []
    for start, end in itertools.pairwise(cuts):
        depth -= ending[start]
        for mark in sorted(starting[start], key=lambda m: -m.end):  # outermost marker first
            out.append(_marker(page, mark))
            heapq.heappush(open_marks, (mark.end - mark.start, mark.number, mark.end, mark))
            depth += 1
        while open_marks and open_marks[0][2] <= start:  # closed before this segment
            heapq.heappop(open_marks)
        segment = md_text(text[start:end])
        if not open_marks:
            out.append(segment)
            continue
        inner = open_marks[0][3]
        rating = inner.claim.verdict.rating
        # A passage is not a link: fragments such as "." made poor link names and dozens of tab
        # stops. Its marker is the link; the page's script previews the claim on hover or tap.
        classes = f"dossier-excerpt dossier-{rating} dossier-depth-{min(depth, 3)}"
        out.append(f'<span class="{classes}" data-marker="{claim_anchor(inner.claim.id)}">{segment}</span>')
    return "".join(out)


def _marker(page: str, mark: Mark) -> str:
    """The numbered link before an excerpt, carrying the claim's anchor; its name says the verdict and the claim."""
    rating = mark.claim.verdict.rating
    verdict = RATING_LABELS[rating]
    target = link(page, claim_page(mark.claim.id))
    name = md_text(f"Claim {mark.number}, {verdict}: {mark.claim.claim}")
    claim = md_text(mark.claim.claim)
    attributes = (
        f'title="Claim {mark.number}: {verdict}" aria-label="{name}" data-number="{mark.number}" '
        f'data-verdict="{verdict}" data-claim="{claim}"' + _summary_attribute(mark.claim)
    )
    return f"[{mark.number}]({target}){{#{claim_anchor(mark.claim.id)} .dossier-marker .dossier-{rating} {attributes}}}"


def _summary_attribute(claim: Claim) -> str:
    """The marker's one-sentence summary for the preview, if the claim has one."""
    summary = claim.verdict.summary
    return f' data-summary="{md_text(summary)}"' if summary else ""


def coverage_share(index: Index, article: Article) -> tuple[int, int]:
    """(sentences whose every word lies inside the claims' excerpts, all sentences)."""
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
        summary = md_paragraphs(article.summary) + "\n\n" if article.summary else ""
        rows.append(
            f"## [{md_text(article.title)}]({target}) {{#{article.id}}}\n\n{article_byline(article)}\n\n{summary}"
            f"{plural(count, 'claim')}; {covered} of {plural(total, 'sentence')} covered. "
            f"[Read the article with every claim marked →]({target})"
        )
    lead = f"{plural(len(rows), 'article')} reviewed, each taken apart claim by claim.\n\n"
    return front_matter({"title": "Articles"}) + "# Articles reviewed {#articles}\n\n" + lead + "\n\n".join(rows) + "\n"
