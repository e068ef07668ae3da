"""The page of one claim: verdict, excerpt in context, figure or quote, evidence, and ClaimReview data."""

from __future__ import annotations

import html
import math
from decimal import Decimal

from dossier.link.crossref import Index
from dossier.read.model import Claim, Figure, Quote
from dossier.read.paths import (
    CORRECTIONS,
    article_page,
    claim_anchor,
    claim_page,
    entity_page,
    link,
    topic_page,
)
from dossier.render.accountability.claim_review import absolute_url, claim_review
from dossier.render.accountability.corrections import correction_notice
from dossier.render.accountability.evidence import checked_by_line, sources_list
from dossier.render.common import (
    RATING_ICONS,
    RATING_LABELS,
    RATING_MEANINGS,
    badge,
    claim_link,
    display_date,
    kind_phrase,
    topic_name,
)
from dossier.render.figures import gap_note, is_percent
from dossier.render.markup import (
    front_matter,
    json_for_script,
    md_cell,
    md_paragraphs,
    md_text,
    md_text_lang,
    safe_title,
    share_link,
)
from dossier.render.provenance import first_appearance_section

CONTEXT_CHARS = 80  # text kept either side of an excerpt, as a W3C TextQuoteSelector would


def render_claim_page(
    index: Index, claim: Claim, site_url: str | None, neighbours: tuple[Claim | None, Claim | None] = (None, None)
) -> str:
    """Markdown for `claims/<id>.md`; `neighbours` are the claims before and after it in the article."""
    page = claim_page(claim.id)
    parts = [
        front_matter(
            {
                "title": safe_title(claim.claim),
                "tags": [safe_title(topic_name(index, t)) for t in claim.topics],
                "description": preview_description(claim),
                "verdict": RATING_LABELS[claim.verdict.rating],
            }
        )
        + f"# {md_text(claim.claim)} {{#claim}}\n",
        correction_notice(claim, page),
        _verdict_block(claim),
        checked_by_line(index, claim, page),
        _context_section(index, claim, page),
        first_appearance_section(index, claim, page),
        _figure_section(claim, claim.figure) if claim.figure else "",
        _quote_section(index, claim.quote, page) if claim.quote else "",
        _sources_section(index, claim, page),
        _links_section(index, claim, page),
        _corrections_section(claim, page),
        _cite_section(index, claim, site_url),
        _neighbour_links(page, neighbours),
        _json_ld(index, claim, site_url),
    ]
    return "\n".join(part for part in parts if part)


def preview_description(claim: Claim) -> str:
    """The page's description (search engines, link previews): the verdict, then the summary.

    Without a summary, the conclusion's start. The theme writes it into an attribute without
    escaping, so it is escaped here.
    """
    label = RATING_LABELS[claim.verdict.rating]
    if claim.verdict.summary:
        return html.escape(safe_title(f"{label}: {claim.verdict.summary}"), quote=True)
    text = " ".join((claim.verdict.conclusion or "Not yet checked.").split())
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0] + "…"
    return html.escape(safe_title(f"{label}. {text}"), quote=True)


def _verdict_block(claim: Claim) -> str:
    """The verdict first and large: icon, label and meaning, then the conclusion."""
    verdict = claim.verdict
    rating = verdict.rating
    label = (
        f'<p class="dossier-verdict-label"><span class="dossier-verdict-icon" aria-hidden="true">'
        f"{RATING_ICONS[rating]}</span> Verdict: {RATING_LABELS[rating]}</p>"
    )
    facts = f"{md_text(RATING_MEANINGS[rating])} {kind_phrase(claim.kind)} · checked {display_date(verdict.checked)}"
    conclusion = md_paragraphs(verdict.conclusion) if verdict.conclusion else "Not yet checked: no conclusion is given."
    return (
        f'<div class="dossier-verdict dossier-{rating}" markdown="1">\n\n{label}\n\n'
        + verdict_summary(claim)
        + f'<p class="dossier-verdict-facts">{facts}</p>\n\n{conclusion}\n\n</div>\n'
    )


def verdict_summary(claim: Claim) -> str:
    """The one-sentence answer, right under the verdict's label; nothing while a claim has none."""
    summary = claim.verdict.summary
    return f'<p class="dossier-summary">{md_text(summary)}</p>\n\n' if summary else ""


def excerpt_context(index: Index, claim: Claim) -> tuple[str, str, str]:
    """(text before, the excerpt, text after) within its paragraph, cut at word boundaries."""
    anchor = index.anchors[claim.id]
    paragraph = index.articles[claim.article].paragraphs[anchor.paragraph]
    cut = max(0, anchor.start - CONTEXT_CHARS)
    before = paragraph[cut : anchor.start]
    if cut > 0 and not paragraph[cut - 1].isspace() and " " in before:
        before = before[before.index(" ") :]  # drop the part of a word the cut went through
    end = anchor.end + CONTEXT_CHARS
    after = paragraph[anchor.end : end]
    if end < len(paragraph) and not paragraph[end].isspace() and " " in after:
        after = after[: after.rindex(" ")]
    if cut > 0:
        before = before.lstrip()
    if end < len(paragraph):
        after = after.rstrip()
    return before, paragraph[anchor.start : anchor.end], after


def _context_section(index: Index, claim: Claim, page: str) -> str:
    before, exact, after = excerpt_context(index, claim)
    article = index.articles[claim.article]
    anchor = index.anchors[claim.id]
    paragraph = article.paragraphs[anchor.paragraph]
    lead = "…" if anchor.start > len(before) else ""
    tail = "…" if anchor.end + len(after) < len(paragraph) else ""
    quote = f"> {lead}{md_text(before)}<mark>{md_text(exact)}</mark>{md_text(after)}{tail}"
    where = link(page, article_page(article.id), claim_anchor(claim.id))
    return (
        "## In the article {#in-the-article}\n\n"
        f"{quote}\n\n"
        f"Paragraph {anchor.paragraph + 1} of *{md_text(article.title)}* ({md_text(article.publisher)}). "
        f"[See it in context]({where})\n"
    )


def format_number(value: float) -> str:
    """`1400000000000.0` -> `1,400,000,000,000`; `11.5` stays `11.5`; `5e-07` -> `0.0000005` (every
    digit, never an exponent); a dash, never `inf` or `nan`."""
    if not math.isfinite(value):
        return "—"
    return f"{int(value):,}" if float(value).is_integer() else format(Decimal(repr(value)), ",f")


# How a figure's method reads on its page: a sentence, not "official: Published by…".
METHOD_LABELS = {
    "official": "An official figure, published by the body that measures or decides it.",
    "estimate": "An outside estimate, e.g. by an analyst or a think tank.",
    "forecast": "A forecast: a projection of a future value.",
    "target": "A target: a goal set by a government or a company.",
    "derived": "Derived: computed from other figures, e.g. a yearly rate times years.",
}


def _with_unit(value: float, unit: str) -> str:
    """A figure's number as the table shows it: `10%` in a percent unit, else `1,400,000,000,000`."""
    shown = format_number(value)
    return shown + "%" if is_percent(unit) and shown != "—" else shown


def _figure_section(claim: Claim, figure: Figure) -> str:
    rows = [("As stated", md_cell(figure.stated))]
    value = _with_unit(figure.value, figure.unit)
    if value not in figure.stated:  # "only 10%" needs no "Value: 10%" under it; "$1.4 trillion" does
        rows.append(("Value", value))
    if figure.high is not None:
        rows.append(("Up to", _with_unit(figure.high, figure.unit)))
    rows.append(("Unit", md_cell(figure.unit)))
    optional = [
        ("Hedged with", figure.qualifier),
        ("Point in time", display_date(figure.point_in_time) if figure.point_in_time else None),
        (
            "Period",
            f"{display_date(figure.period.start)} to {display_date(figure.period.end)}" if figure.period else None,
        ),
        ("How it was arrived at", METHOD_LABELS[figure.method] if figure.method else None),
        (
            "What the sources support",
            _with_unit(figure.checked_value, figure.unit) if figure.checked_value is not None else None,
        ),
    ]
    rows += [(name, md_cell(value)) for name, value in optional if value is not None]
    if figure.checked_value is not None:  # the Figures page's note: how far apart, or what differs
        rows.append(("Article vs sources", gap_note(claim, figure.value, figure.checked_value)))
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return "## The figure {#figure}\n\n| Detail | Value |\n|---|---|\n" + table + "\n"


def _quote_section(index: Index, quote: Quote, page: str) -> str:
    speaker = index.entities[quote.speaker]
    who = f"[{md_text(speaker.name)}]({link(page, entity_page(speaker.id))})"
    return f"## The quote {{#quote}}\n\n> {md_text_lang(quote.text)}\n\n— {who}\n"


def _sources_section(index: Index, claim: Claim, page: str) -> str:
    if not claim.sources:
        why = {"opinion": "an opinion is not rated against evidence", "unverified": "this claim is not checked yet"}
        reason = why.get(claim.verdict.rating, "none are cited")
        return f"## Sources {{#sources}}\n\nNo sources: {reason}.\n"
    return "## Sources {#sources}\n\n" + sources_list(index, claim, page)


def _links_section(index: Index, claim: Claim, page: str) -> str:
    parts = []
    if claim.entities:
        names = [f"[{md_text(index.entities[e].name)}]({link(page, entity_page(e))})" for e in claim.entities]
        parts.append("**People & organisations:** " + ", ".join(names))
    if claim.topics:
        parts.append(
            "**Topics:** "
            + ", ".join(f"[{md_text(topic_name(index, t))}]({link(page, topic_page(t))})" for t in claim.topics)
        )
    if claim.related:
        related = [
            f"- {badge(index.claims[r].verdict.rating)} {claim_link(page, index.claims[r])}" for r in claim.related
        ]
        parts.append("**Related claims:**\n\n" + "\n".join(related))
    return "## Connections {#connections}\n\n" + "\n\n".join(parts) + "\n" if parts else ""


def _corrections_section(claim: Claim, page: str) -> str:
    """The claim's correction log: every correction's date and full text (the top of the page links here)."""
    if not claim.corrections:
        return ""
    rows = "\n".join(f"| {display_date(c.date)} | {md_cell(c.note)} |" for c in claim.corrections)
    return (
        "## Corrections {#corrections}\n\n| Date | Change |\n|---|---|\n"
        + rows
        + f"\n\nEvery correction in the dossier, newest first: [Corrections]({link(page, CORRECTIONS)}).\n"
    )


def _cite_section(index: Index, claim: Claim, site_url: str | None) -> str:
    """A citation to copy (the page's script adds a Copy button) and, with a public address, share links."""
    article = index.articles[claim.article]
    url = absolute_url(site_url, claim_page(claim.id))
    checked = display_date(claim.verdict.checked, unbroken=False)  # plain spaces: a reader copies it
    citation = (
        f"{publisher_name(index)}, “{claim.claim.rstrip('.')}”, a claim from “{article.title}” ({article.publisher}). "
        f"Rated {RATING_LABELS[claim.verdict.rating].lower()}, checked {checked}. {url}"
    )
    return (
        "## Cite this claim {#cite}\n\n"
        + f'<p class="dossier-citation" id="dossier-citation">{md_text(citation)}</p>\n'
        + share_links(claim, url if site_url else None)
    )


def publisher_name(index: Index) -> str:
    """Who publishes the dossier (dossier.yaml), as citations and ClaimReview name it."""
    return index.masthead.publisher.name if index.masthead else "Claims dossier"


def share_links(claim: Claim, url: str | None) -> str:
    """Plain links that share the claim's page by e-mail or on a social site: no script of theirs, nothing loaded.

    Only with the site's public address (DOSSIER_SITE_URL): a shared relative link leads nowhere.
    """
    if url is None:
        return ""
    text = f"{RATING_LABELS[claim.verdict.rating]}: {claim.claim}"
    links = [
        share_link("E-mail", "mailto:", {"subject": text, "body": url}),
        share_link("Bluesky", "https://bsky.app/intent/compose", {"text": f"{text} {url}"}),
        share_link("X", "https://x.com/intent/post", {"text": text, "url": url}),
        share_link("Facebook", "https://www.facebook.com/sharer/sharer.php", {"u": url}),
        share_link("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/", {"url": url}),
    ]
    return '\n<p class="dossier-share">Share: ' + " · ".join(links) + "</p>\n"


def _neighbour_links(page: str, neighbours: tuple[Claim | None, Claim | None]) -> str:
    before, after = neighbours
    links = []
    if before is not None:
        links.append(f"← Previous claim: {claim_link(page, before)}")
    if after is not None:
        links.append(f"Next claim: {claim_link(page, after)} →")
    return "---\n\n" + "<br>\n".join(links) + "\n" if links else ""


def _json_ld(index: Index, claim: Claim, site_url: str | None) -> str:
    review = claim_review(index, claim, site_url)
    if review is None:
        return ""
    return f'<script type="application/ld+json">{json_for_script(review)}</script>\n'
