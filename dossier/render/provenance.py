"""Provenance on the pages: where a claim's wording first appeared, whose story a source copies,
an article's findings linked to their claims, and the home-page tally of inherited versus own flaws.

Kept apart from the page modules so each of them needs only a one-line call.
"""

from __future__ import annotations

import re
from typing import Any

from dossier.link.backlinks import backlinks
from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Article, Claim, Source
from dossier.read.paths import HOME, link, source_page
from dossier.render.common import badge, claim_link, claims_in_article_order, display_date
from dossier.render.markup import external_link, md_cell, md_text

# What the article did with its first appearance (spec.CHANGES), as a source page lists it and as the
# claim page says it: "kept" means the words and meaning were kept verbatim *or nearly so*, so a
# label must not promise an exact copy beside a note that says what was dropped.
CHANGE_LABELS = {
    "kept": "repeated nearly word for word",
    "reworded": "said the same in other words",
    "changed": "changed in substance",
    "own": "the article's own words",
}
# Verdicts worse than supported: the claims the home page reports as not fully holding up.
WEAK = ("partly-supported", "disputed", "unsupported")


# A copy's publisher often says so itself ("infosurhoy.com (repost)", "fdocuments.us (document
# copy)"); beside our own "copy at …" and "(copy of …)" that read twice, so the aside is dropped there.
_COPY_ASIDE = re.compile(r"\s*\((?:[^()]*\s)?(?:copy|repost|reposted|mirror)\)\s*$", re.IGNORECASE)


def copy_host(source: Source) -> str:
    """The name of the site holding a copy, without its own "(copy)" or "(repost)" aside."""
    return _COPY_ASIDE.sub("", source.publisher) or source.publisher


def source_credit(source: Source) -> str:
    """Whose text a source is, as Markdown: `Bloomberg News, May 2020 (copy at Chindia Alert)`.

    A source with no date at all says so ("undated"), so a missing date is never mistaken for a
    date left out of the line.
    """
    if source.copy_of is None:
        return f"{md_text(source.publisher)}, {shown_date(source.published)}"
    original = md_text(source.copy_of.publisher)
    if source.copy_of.published:
        original += f", {display_date(source.copy_of.published)}"
    dated = display_date(source.published) if source.published else (None if source.copy_of.published else UNDATED)
    copied = f"copy at {md_text(copy_host(source))}" + (f", {md_text(dated)}" if dated else "")
    return f"{original} ({copied})"


UNDATED = "undated"


def shown_date(iso: str | None) -> str:
    """A source's date as pages show it, or "undated"."""
    return display_date(iso) if iso else UNDATED


def publisher_cell(source: Source) -> str:
    """The sources index's publisher cell: the site, and whose story it copies."""
    if source.copy_of is None:
        return md_cell(source.publisher)
    return md_cell(copy_host(source)) + f" (copy of {md_text(source.copy_of.publisher)})"


def copy_notice(source: Source) -> str:
    """The source page's line naming the original publication, or nothing for an original."""
    if source.copy_of is None:
        return ""
    original = source.copy_of
    parts = [md_text(original.publisher)]
    if original.title:
        parts.append(f"“{md_text(original.title)}”")
    parts.append(display_date(original.published) if original.published else "date not known")
    return (
        f"**Original publication:** {', '.join(parts)}. "
        f"This page is a copy at {md_text(copy_host(source))}; the dossier reads the original's text from it.\n\n"
    )


def first_appearance_of(index: Index, source: Source, page: str) -> str:
    """The source page's list of claims whose wording first appeared in it, with what the article did."""
    traced = backlinks(index).by_first_appearance.get(source.id, [])
    if not traced:
        return ""
    items = [
        f"- {claim_link(page, c)} — {CHANGE_LABELS[c.first_appearance.change]}" for c in traced if c.first_appearance
    ]
    return "## Where claims first appeared {#first-appearance-of}\n\n" + "\n".join(items) + "\n\n"


def first_appearance_section(index: Index, claim: Claim, page: str) -> str:
    """The claim page's account of where its wording came from and what the article did with it."""
    origin = claim.first_appearance
    if origin is None:
        return ""
    if origin.source is None:
        lead = "We found no earlier text for these words: they are **the article's own**."
    else:
        source = index.sources[origin.source]
        where = f"[{md_text(source.title)}]({link(page, source_page(source.id))}) — {source_credit(source)}"
        lead = f"First appeared in {where}. What the article did with it: **{CHANGE_LABELS[origin.change]}**."
    note = f"\n\n{md_text(origin.note)}" if origin.note else ""
    return f"## Where the wording comes from {{#first-appearance}}\n\n{lead}{note}\n"


def first_appearance_json(index: Index, claim: Claim, article_work: dict[str, Any]) -> dict[str, Any] | None:
    """schema.org `firstAppearance`: the original publication behind the earliest text, else the article."""
    origin = claim.first_appearance
    if origin is None:
        return None
    if origin.source is None:
        return article_work  # the article's own words: it is where they first appeared
    source = index.sources[origin.source]
    publisher, headline, published = source.publisher, source.title, source.published
    if source.copy_of is not None:
        publisher = source.copy_of.publisher
        headline = source.copy_of.title or source.title
        published = source.copy_of.published
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": source.url,
        "headline": headline,
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if published:
        work["datePublished"] = published
    return work


def findings_list(index: Index, article: Article, page: str = HOME) -> str:
    """The article's findings, each with the claims behind it and their verdicts (links relative to `page`)."""
    if not article.findings:
        return ""
    items = []
    for finding in article.findings:
        # One claim per line: six badges and links run together in a paragraph read as one.
        claims = "".join(f"\n    - {_badged(page, index.claims[c])}" for c in finding.claims)
        items.append(f"- {md_text(finding.text)}{claims}")
    return "\n".join(items) + "\n\n"


def _badged(page: str, claim: Claim) -> str:
    """A claim as a list item in a finding or tally: its verdict badge and its link."""
    return f'<span class="dossier-finding-claims">{badge(claim.verdict.rating)} {claim_link(page, claim)}</span>'


def flaw_origin(index: Index, claim: Claim) -> str:
    """` — inherited from Bloomberg News`, or the article's own doing, for a listing entry; empty if untraced."""
    origin = claim.first_appearance
    if origin is None:
        return ""
    if origin.change in ("kept", "reworded") and origin.source is not None:
        source = index.sources[origin.source]
        publisher = source.copy_of.publisher if source.copy_of else source.publisher
        return f' <span class="dossier-origin">— inherited from {md_text(publisher)}</span>'
    what = "the article's own words" if origin.change == "own" else "the article changed its source"
    return f' <span class="dossier-origin">— {what}</span>'


def rewrite_tally(index: Index, article: Article | None = None, page: str = HOME) -> str:
    """Among the claims that did not fully hold up: how many inherit their flaw, how many are the rewrite's.

    With `article`, that article's claims only, each listed under its row (its page carries its own
    tally); links relative to `page`. Without, the whole dossier's counts only: the home page lists
    each weak claim once, under its article, marked with where its flaw comes from.
    """
    claims = claims_in_article_order(index) if article is None else backlinks(index).by_article.get(article.id, [])
    weak = [c for c in claims if c.verdict.rating in WEAK]
    traced = [c for c in weak if c.first_appearance is not None]
    if not traced:
        return ""
    many = article is None and len(index.articles) > 1
    inherited = [c for c in traced if c.first_appearance and c.first_appearance.change in ("kept", "reworded")]
    own = [c for c in traced if c not in inherited]
    rows = [
        ("Inherited: wording kept or reworded from an earlier text", inherited),
        (
            "The articles' doing: substance changed, or their own words"
            if many
            else "The article's doing: substance changed, or its own words",
            own,
        ),
    ]
    lines = [f"| {label} | {len(claims)} |" for label, claims in rows]
    untraced = len(weak) - len(traced)
    verb = "is" if untraced == 1 else "are"
    tail = f"\n\n{untraced} of them {verb} not yet traced to an earlier text." if untraced else ""
    detail = "".join(
        f"- {label.split(':')[0]}:" + "".join(f"\n    - {_badged(page, c)}" for c in claims) + "\n"
        for label, claims in rows
        if claims and article is not None
    )
    heading = (
        "What the articles got wrong, and what they inherited"
        if many
        else "What the article got wrong, and what it inherited"
    )
    return (
        f"## {heading} {{#inherited}}\n\n"
        f"{plural(len(weak), 'claim')} did not fully hold up. Where each flaw comes from, counted from the "
        "claim's record of where its wording first appeared:\n\n| Where the flaw comes from | Claims |\n|---|---|\n"
        + "\n".join(lines)
        + tail
        + "\n"
        + (f"\n{detail}" if detail else "")
    )


def external_original(source: Source) -> str:
    """The claim page's link to the page itself, labelled as a copy when it is one."""
    return external_link("copy" if source.copy_of else "original", source.url)
