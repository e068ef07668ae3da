"""The Atom feed (`feed.xml`): an entry per claim and per correction, built with feedgen.

Deterministic: every timestamp is a record's date (a verdict's `checked`, a correction's `date`),
never the build's clock, and entry ids are name-based UUIDs, the same on every build and
unchanged when the site moves to another address. feedgen writes the XML through lxml, which
escapes record text; links are absolute when the site's address is configured, else relative to
the feed, which sits at the site's root.
"""

from __future__ import annotations

import heapq
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from dossier.link.crossref import Index
from dossier.read.model import Claim
from dossier.read.paths import FEED, HOME, claim_page, page_url
from dossier.render.accountability.corrections import date_key
from dossier.render.common import RATING_LABELS

FEED_TITLE = "Claims dossier: verdicts and corrections"
EARLIEST = "1970-01-01"  # the feed's date when the dossier has no claims yet
# Feed readers want what is new, not the archive (the claims listings hold every claim): past this
# many entries, only the newest are kept, so the feed stays small at 10,000 claims (3.8 MB in full).
FEED_LIMIT = 500


# What XML 1.0 cannot hold at all (lxml refuses it): C0 controls but tab and line breaks,
# surrogates, U+FFFE and U+FFFF. The checker refuses these in records; this gate does not rely on it.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Record text as XML can carry it: each character XML forbids becomes U+FFFD; lxml escapes the rest."""
    return _NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True)
class Entry:
    key: str  # what the entry's id is made from
    title: str
    url: str
    date: str
    summary: str


def record_time(iso: str) -> datetime:
    """A record date as a UTC timestamp: a month or a year stands for its first day."""
    parts = date_key(iso) + (1, 1)
    return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)


def entry_id(publisher: str, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'claims-dossier:{publisher}:{key}')}"


def _address(site_url: str | None, page: str, anchor: str = "") -> str:
    base = site_url.rstrip("/") + "/" if site_url else ""
    return base + page_url(page) + (f"#{anchor}" if anchor else "")


def feed_entries(index: Index, site_url: str | None) -> list[Entry]:
    """One entry per claim (its verdict) and per correction, newest first; the newest FEED_LIMIT of them."""
    items: list[tuple[tuple[int, ...], str, Claim, int]] = []  # (date, key, claim, correction number or 0)
    for claim in index.claims.values():
        page = claim_page(claim.id)
        items.append((_padded(claim.verdict.checked), page, claim, 0))
        for number, correction in enumerate(claim.corrections, start=1):
            items.append((_padded(correction.date), f"{page}#correction-{number}", claim, number))
    newest = heapq.nlargest(FEED_LIMIT, items, key=lambda item: item[:2])
    return [_entry(claim, number, key, site_url) for _, key, claim, number in newest]


def _padded(iso: str) -> tuple[int, ...]:
    """A record date as the day it stands for (a month is its first day), for ordering."""
    return (date_key(iso) + (1, 1))[:3]


def _entry(claim: Claim, number: int, key: str, site_url: str | None) -> Entry:
    if number == 0:
        return _claim_entry(claim, site_url)
    correction = claim.corrections[number - 1]
    return Entry(
        key=key,
        title=f"Correction: {claim.claim}",
        url=_address(site_url, claim_page(claim.id), "corrections"),
        date=correction.date,
        summary=f"{correction.date}: {correction.note}",
    )


def _claim_entry(claim: Claim, site_url: str | None) -> Entry:
    verdict = claim.verdict
    label = RATING_LABELS[verdict.rating]
    told = verdict.summary or verdict.conclusion or "Not yet checked: no conclusion is given."
    return Entry(
        key=claim_page(claim.id),
        title=f"{label}: {claim.claim}",
        url=_address(site_url, claim_page(claim.id)),
        date=verdict.checked,
        summary=" ".join(f"{label}. {told}".split()),
    )


def atom_feed(index: Index, site_url: str | None) -> str:
    """The feed as UTF-8 Atom XML text."""
    masthead = index.masthead
    publisher = masthead.publisher.name if masthead else "Claims dossier"
    entries = feed_entries(index, site_url)
    feed = FeedGenerator()
    feed.id(entry_id(publisher, "feed"))
    feed.title(FEED_TITLE)
    uri = {"uri": xml_text(masthead.publisher.url)} if masthead and masthead.publisher.url else {}
    feed.author({"name": xml_text(publisher), **uri})
    feed.link(href=_address(site_url, HOME) or "./", rel="alternate")
    feed.link(href=(site_url.rstrip("/") + "/" if site_url else "") + FEED, rel="self")
    if masthead:
        feed.rights(xml_text(f"{masthead.licence.name}: {masthead.licence.url}"))
    feed.generator("Claims dossier")
    feed.updated(max((record_time(e.date) for e in entries), default=record_time(EARLIEST)))
    for entry in reversed(entries):  # feedgen puts each new entry first
        item = feed.add_entry()
        item.id(entry_id(publisher, entry.key))
        item.title(xml_text(entry.title))
        item.link(href=entry.url, rel="alternate")
        item.updated(record_time(entry.date))
        item.summary(xml_text(entry.summary))
    xml: bytes = feed.atom_str(pretty=True, encoding="UTF-8")
    return xml.decode("utf-8")
