"""Corrections in the open: the notice at the top of a corrected claim, and the Corrections page."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Claim, Correction
from dossier.read.paths import ABOUT, CORRECTIONS, FEED, claim_page, link
from dossier.render.common import NOT_SEARCHED, badge, display_date
from dossier.render.markup import front_matter, md_paragraphs, md_text


@dataclass(frozen=True)
class DatedCorrection:
    claim: Claim
    correction: Correction


def date_key(iso: str) -> tuple[int, ...]:
    """A record date as numbers: `2024-03` -> (2024, 3); later dates sort higher."""
    return tuple(int(part) for part in iso.split("-"))


def all_corrections(index: Index) -> list[DatedCorrection]:
    """Every dated correction in the dossier, newest first (then by claim id, then as listed)."""
    found = [DatedCorrection(claim, c) for claim in index.claims.values() for c in claim.corrections]
    order = {id(d.correction): n for n, d in enumerate(found)}
    return sorted(found, key=lambda d: (_negated(date_key(d.correction.date)), d.claim.id, order[id(d.correction)]))


def _negated(key: tuple[int, ...]) -> tuple[int, ...]:
    # Newest first; a month sorts after the days within it, since it is the less precise date.
    return tuple(-part for part in key) + (1,) * (3 - len(key))


def latest_correction(claim: Claim) -> Correction | None:
    if not claim.corrections:
        return None
    return min(claim.corrections, key=lambda c: _negated(date_key(c.date)))


def correction_notice(claim: Claim, page: str) -> str:
    """One line at the top of a corrected claim's page: the latest correction's date, linked to the
    log further down, which gives every correction's full text (as /corrections/ does).

    One line, so the verdict and its summary stay in a phone's first screen. The record says what
    changed only in prose, so the line names the date, not whether the rating changed.
    """
    latest = latest_correction(claim)
    if latest is None:
        return ""
    count = len(claim.corrections)
    what = "What changed" if count == 1 else f"What changed ({count} corrections)"
    return (
        f'<p class="dossier-correction-notice" role="note"><strong>Corrected {display_date(latest.date)}.</strong> '
        f'<a href="#corrections">{what}</a></p>\n'
    )


def render_corrections(index: Index) -> str:
    """Markdown for `corrections.md`: every dated correction, newest first, each linked to its claim."""
    dated = all_corrections(index)
    policy = index.masthead.corrections_policy if index.masthead else ""
    items = [
        f"- **{display_date(d.correction.date)}** — {badge(d.claim.verdict.rating)} "
        f"[{md_text(d.claim.claim)}]({link(CORRECTIONS, claim_page(d.claim.id), 'corrections')})"
        f"<br>{md_text(d.correction.note)}"
        for d in dated
    ]
    claims = len({d.claim.id for d in dated})
    listing = (
        f"{plural(len(dated), 'correction')} to {plural(claims, 'claim')}, newest first.\n\n" + "\n".join(items) + "\n"
        if dated
        else "No corrections yet.\n"
    )
    return (
        front_matter({"title": "Corrections", **NOT_SEARCHED})
        + "# Corrections {#corrections}\n\n"
        # The policy (dossier.yaml) says how a correction is made: the intro says it only without one.
        + (
            ""
            if policy
            else "When a verdict or its reasoning changes, the claim's record gains a dated note, shown at the top "
            "of its page and listed here. "
        )
        + f"Follow the corrections in the [Atom feed]({link(CORRECTIONS, FEED)}); "
        + f"[who we are and how to reach us]({link(CORRECTIONS, ABOUT)}).\n\n"
        + (f"## Our corrections policy {{#policy}}\n\n{md_paragraphs(policy)}\n\n" if policy else "")
        + "## Every correction {#list}\n\n"
        + listing
    )
