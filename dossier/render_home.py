"""The home page and the claims index."""

from __future__ import annotations

from collections import Counter

from .crossref import Index
from .markup import front_matter, md_cell, md_paragraphs, md_text
from .model import Article
from .paths import CLAIMS, CLAIMS_CSV, CLAIMS_JSON, HOME, METHODOLOGY, article_page, entity_page, link, topic_page
from .render_article import article_byline, coverage_share
from .render_common import (
    KIND_LABELS,
    RATING_LABELS,
    RATING_MEANINGS,
    badge,
    claim_link,
    claim_list,
    claims_in_article_order,
)
from .render_provenance import findings_list, rewrite_tally

SITE_TITLE = "Claims dossier"


def render_home(index: Index) -> str:
    """Markdown for `index.md`: the article reviewed, the overall finding, the numbers, where to start."""
    parts = [
        front_matter({"title": SITE_TITLE, "hide": ["navigation"]}),
        f"# {SITE_TITLE} {{#home}}\n",
        "We take a news article apart claim by claim, check each one against the evidence, "
        "and show our working: every figure, quote and statement, its verdict, and the sources behind it.\n",
    ]
    for article in index.articles.values():
        parts.append(_article_summary(index, article))
    parts.append(_did_not_hold_up(index))
    parts.append(rewrite_tally(index))
    parts.append(_counts(index))
    parts.append(
        "## Where to start {#start}\n\n"
        + "".join(
            f"- [Read the annotated article]({link(HOME, article_page(a.id))}): every claim marked in the text.\n"
            for a in index.articles.values()
        )
        + f"- [Browse all claims]({link(HOME, CLAIMS)}), sorted as they appear, by verdict or by kind.\n"
        + f"- [How we check]({link(HOME, METHODOLOGY)}): the rating scale and our corrections policy.\n"
        + f"- Download the data: [claims.json]({link(HOME, CLAIMS_JSON)}) (every record) · "
        + f"[claims.csv]({link(HOME, CLAIMS_CSV)}) (one row per claim).\n"
    )
    return "\n".join(parts)


def _article_summary(index: Index, article: Article) -> str:
    covered, total = coverage_share(index, article)
    share = round(100 * covered / total) if total else 0
    summary = md_paragraphs(article.summary) + "\n\n" if article.summary else ""
    return (
        f"## The article: *{md_text(article.title)}* {{#article-{article.id}}}\n\n"
        + article_byline(article)
        + "\n\n"
        + summary
        + findings_list(index, article)
        + f"**Coverage:** {covered} of {total} sentences ({share}%) lie inside at least one claim's excerpt.\n"
    )


def _did_not_hold_up(index: Index) -> str:
    """The checked claims whose verdict is worse than supported: the findings readers come for."""
    weak = [
        c for c in claims_in_article_order(index) if c.verdict.rating in ("partly-supported", "disputed", "unsupported")
    ]
    if not weak:
        return ""
    return "## Claims that did not fully hold up {#findings}\n\n" + claim_list(HOME, weak)


def _counts(index: Index) -> str:
    ratings: Counter[str] = Counter(c.verdict.rating for c in index.claims.values())
    kinds: Counter[str] = Counter(c.kind for c in index.claims.values())
    verdict_rows = "\n".join(f"| {badge(r)} | {ratings[r]} |" for r in RATING_LABELS if ratings[r])
    kind_rows = "\n".join(f"| {KIND_LABELS[k]} | {kinds[k]} |" for k in KIND_LABELS if kinds[k])
    return (
        f"## {len(index.claims)} claims {{#counts}}\n\n"
        f"| Verdict | Claims |\n|---|---|\n{verdict_rows}\n\n| Kind | Claims |\n|---|---|\n{kind_rows}\n"
    )


def render_claims_index(index: Index) -> str:
    """Markdown for `claims/index.md`: one table in article order, then listings by verdict and kind."""
    claims = claims_in_article_order(index)
    rows = []
    for number, claim in enumerate(claims, start=1):
        entities = ", ".join(
            f"[{md_text(index.entities[e].name)}]({link(CLAIMS, entity_page(e))})" for e in claim.entities
        )
        topics = ", ".join(f"[{t}]({link(CLAIMS, topic_page(t))})" for t in claim.topics)
        cells = [str(number), claim_link(CLAIMS, claim), KIND_LABELS[claim.kind], badge(claim.verdict.rating)]
        rows.append("| " + " | ".join([*cells, entities or " ", topics or " "]) + " |")
    by_verdict = [
        f"### {RATING_LABELS[r]} {{#verdict-{r}}}\n\n{md_cell(RATING_MEANINGS[r])}\n\n"
        + claim_list(CLAIMS, [c for c in claims if c.verdict.rating == r])
        for r in RATING_LABELS
        if any(c.verdict.rating == r for c in claims)
    ]
    by_kind = [
        f"### {KIND_LABELS[k]} {{#kind-{k}}}\n\n" + claim_list(CLAIMS, [c for c in claims if c.kind == k])
        for k in KIND_LABELS
        if any(c.kind == k for c in claims)
    ]
    return (
        front_matter({"title": "Claims", "hide": ["navigation"]})
        + "# All claims {#claims}\n\n"
        + f"{len(claims)} claims, in the order they appear in the article. "
        + f"Also as data: [claims.json]({link(CLAIMS, CLAIMS_JSON)}) · [claims.csv]({link(CLAIMS, CLAIMS_CSV)}).\n\n"
        + '<div class="dossier-claims-table" markdown="1">\n\n'
        + "| # | Claim | Kind | Verdict | Entities | Topics |\n|---|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\n</div>\n\n"
        + "## By verdict {#by-verdict}\n\n"
        + "\n".join(by_verdict)
        + "\n## By kind {#by-kind}\n\n"
        + "\n".join(by_kind)
    )
