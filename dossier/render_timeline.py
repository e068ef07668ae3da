"""The timeline: every dated event behind the claims, in date order, each linked to its claims.

Events: each article's publication, the date or span a figure describes, each source's
publication, and each correction. One pass over the records; partial dates (2020, 2020-05)
sort before the full dates they contain.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .crossref import Index
from .markup import front_matter, md_cell, md_text
from .model import Claim
from .paths import TIMELINE, article_page, claim_page, link, source_page
from .render_common import badge, claims_in_article_order


@dataclass(frozen=True)
class Event:
    date: str
    what: str  # Markdown, already escaped
    claims: tuple[Claim, ...]
    order: int  # keeps events of one date in a stable, meaningful order


def date_key(iso: str) -> tuple[int, ...]:
    """Partial dates compare by the parts they have: 2020 < 2020-05 < 2020-05-22 < 2021."""
    return tuple(int(part) for part in iso.split("-"))


def timeline_events(index: Index) -> list[Event]:
    """Every dated event, sorted by date, then kind, then text."""
    page = TIMELINE
    events: list[Event] = []
    citing: dict[str, list[Claim]] = defaultdict(list)
    ordered = claims_in_article_order(index)
    for claim in ordered:
        for ref in claim.sources:
            citing[ref.source].append(claim)
        figure = claim.figure
        stated = md_text(figure.stated) if figure else ""
        if figure and figure.point_in_time:
            events.append(Event(figure.point_in_time, f"The date “{stated}” describes", (claim,), 1))
        if figure and figure.period:
            span = f"{figure.period.start} to {figure.period.end}"
            events.append(Event(figure.period.start, f"Start of the span “{stated}” covers ({span})", (claim,), 1))
        for correction in claim.corrections:
            events.append(Event(correction.date, f"Correction: {md_text(correction.note)}", (claim,), 3))
    for article in index.articles.values():
        if article.published:
            title = f"[{md_text(article.title)}]({link(page, article_page(article.id))})"
            events.append(Event(article.published, f"The article {title} is published", (), 0))
    for source in index.sources.values():
        title = f"[{md_text(source.title)}]({link(page, source_page(source.id))})"
        original = source.copy_of
        if original is not None and original.published:
            headline = f" “{md_text(original.title)}”" if original.title else ""
            what = f"{md_text(original.publisher)} publishes{headline} (read in a copy: {title})"
            events.append(Event(original.published, what, tuple(citing[source.id]), 2))
        if source.published:
            verb = "reposts it as" if original is not None else "publishes"
            events.append(
                Event(source.published, f"{md_text(source.publisher)} {verb} {title}", tuple(citing[source.id]), 2)
            )
    return sorted(events, key=lambda e: (date_key(e.date), e.order, e.what))


def render_timeline(index: Index) -> str:
    """Markdown for `timeline.md`: a table of events, oldest first."""
    rows = []
    for event in timeline_events(index):
        claims = "<br>".join(
            f"{badge(c.verdict.rating)} [{md_text(c.claim)}]({link(TIMELINE, claim_page(c.id))})" for c in event.claims
        )
        rows.append(f"| {event.date} | {event.what} | {claims or md_cell('')} |")
    table = (
        "| Date | What happened | Claims |\n|---|---|---|\n" + "\n".join(rows) + "\n" if rows else "No dated events.\n"
    )
    return (
        front_matter({"title": "Timeline", "search": {"exclude": True}})
        + "# Timeline {#timeline}\n\n"
        + "The dated events behind the claims, oldest first: when the article and each source were "
        + "published, the dates and spans the figures describe, and every correction. "
        + "A year or a month alone comes before the days it contains.\n\n"
        + '<div class="dossier-timeline" markdown="1">\n\n'
        + table
        + "\n</div>\n"
    )
