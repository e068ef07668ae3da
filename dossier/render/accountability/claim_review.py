"""schema.org ClaimReview for a claim page, with every property Google's fact-check documentation
lists as required (claimReviewed, reviewRating with alternateName, url) or recommended (author,
datePublished, itemReviewed; the Claim's appearance, author, datePublished, firstAppearance; the
Rating's ratingValue, bestRating, worstRating, name).
"""

from __future__ import annotations

from typing import Any

from dossier.link.crossref import Index
from dossier.read.model import Claim
from dossier.read.paths import claim_page, page_url
from dossier.render.common import RATING_LABELS
from dossier.render.provenance import first_appearance_json

# How far the evidence backs the claim, from 1 (no evidence for it) to 4 (backed as stated);
# docs/methodology.md publishes the same table. Opinions and unverified claims get no number:
# they are not rated against evidence, so their pages carry no ClaimReview at all.
RATING_VALUES = {"supported": 4, "partly-supported": 3, "disputed": 2, "unsupported": 1}
BEST_RATING = max(RATING_VALUES.values())
WORST_RATING = min(RATING_VALUES.values())
UNRATED = ("opinion", "unverified")


def absolute_url(site_url: str | None, page: str) -> str:
    """A page's address under the site's URL; root-relative when the site's address is not configured."""
    base = (site_url or "/").rstrip("/") + "/"
    return base + page_url(page)


def publisher_json(index: Index, site_url: str | None) -> dict[str, Any]:
    """The dossier's publisher as a schema.org Organization, with its home page (else the site's)."""
    masthead = index.masthead
    name = masthead.publisher.name if masthead else "Claims dossier"
    url = (masthead.publisher.url if masthead else None) or site_url
    return {"@type": "Organization", "name": name} | ({"url": url} if url else {})


def claim_review(index: Index, claim: Claim, site_url: str | None) -> dict[str, Any] | None:
    """The ClaimReview of a rated claim; None for opinions and unverified claims."""
    rating = claim.verdict.rating
    if rating in UNRATED:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute_url(site_url, claim_page(claim.id)),
        "claimReviewed": claim.claim,
        "datePublished": claim.verdict.checked,
        "author": publisher_json(index, site_url),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES[rating],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "name": RATING_LABELS[rating],
            "alternateName": RATING_LABELS[rating],
        },
        "itemReviewed": _claim_json(index, claim),
    } | review_body(claim)


def review_body(claim: Claim) -> dict[str, str]:
    """`reviewBody`: the verdict's one-sentence summary, when the claim has one (issue 18)."""
    return {"reviewBody": claim.verdict.summary} if claim.verdict.summary else {}


def _claim_json(index: Index, claim: Claim) -> dict[str, Any]:
    """The Claim reviewed: who made it, when, the article it appears in, and where it first appeared."""
    article = index.articles[claim.article]
    appearance: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": article.url,
        "headline": article.title,
        "publisher": {"@type": "Organization", "name": article.publisher},
    }
    if article.published:
        appearance["datePublished"] = article.published
    author: dict[str, Any] = {"@type": "Organization", "name": article.publisher}
    if claim.quote:
        author = {"@type": "Person", "name": index.entities[claim.quote.speaker].name}
    elif article.author:
        author = {"@type": "Person", "name": article.author}
    reviewed: dict[str, Any] = {"@type": "Claim", "appearance": appearance, "author": author}
    if article.published:
        reviewed["datePublished"] = article.published
    first = first_appearance_json(index, claim, appearance)
    if first is not None:
        reviewed["firstAppearance"] = first
    return reviewed
