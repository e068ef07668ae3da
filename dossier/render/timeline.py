"""The timeline: every dated event behind the claims, in date order, each linked to its claims.

Events: each article's publication, the date or span a figure describes, each source's
publication, and each correction. One pass over the records; partial dates (2020, 2020-05)
sort before the full dates they contain.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from dossier.link.backlinks import backlinks
from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Article, Claim, Source
from dossier.read.paths import TIMELINE, article_page, claim_page, link, source_page, timeline_year_page
from dossier.render.common import Memo, badge, display_date, in_article, join_words
from dossier.render.markup import front_matter, md_cell, md_text
from dossier.render.provenance import copy_host


@dataclass(frozen=True)
class Event:
    date: str
    what: str  # Markdown, already escaped
    claims: tuple[Claim, ...]
    order: int  # keeps events of one date in a stable, meaningful order


def date_key(iso: str) -> tuple[int, ...]:
    """Partial dates compare by the parts they have: 2020 < 2020-05 < 2020-05-22 < 2021."""
    return tuple(int(part) for part in iso.split("-"))


@dataclass(frozen=True)
class Part:
    """One source record's share in a publication: the page itself (`copy` False: an original, or a
    repost of another's story) or a copy of the publication it names (`copy_of`)."""

    source: Source
    copy: bool
    date: str
    keys: tuple[tuple[str, ...], ...]  # two parts sharing a key tell of the same publication
    citing: tuple[Claim, ...]
    same_date: bool = False  # a copy posted when its original came out (as far as both dates say): one event


def timeline_events(index: Index, page: str = TIMELINE) -> list[Event]:
    """Every dated event, sorted by date, then kind, then text; links are relative to `page`.

    A publication is one event however many source records tell of it: the copies of one story
    are listed within the original's event, and two pages of one repost are one event.
    Each record's events are kept between renders (the preview renders the timeline again after
    many a save): only a changed record's are made again, then all are sorted.
    """
    page = sys.intern(page)  # the memo knows its arguments by identity
    events: list[Event] = []
    found = backlinks(index)
    for claim in found.ordered:
        if claim.figure or claim.corrections:
            events += _EVENTS.get(_claim_events, claim)
    for article in index.articles.values():
        if article.published:
            events += _EVENTS.get(_article_events, article, page)
    parts: list[Part] = []
    for source in index.sources.values():
        # The claims citing it, in article order (each once: the checker refuses a source cited twice).
        citing = [claim for claim, _ in found.by_source.get(source.id, ())]
        parts += _EVENTS.get(_source_parts, source, *citing)
    for group in publications(parts):
        claims = sorted({c.id: c for part in group for c in part.citing}.values(), key=lambda c: found.rank[c.id])
        events.append(_EVENTS.keyed((page, *group, *claims), _publication_event, page, group, tuple(claims)))
    return sorted(events, key=lambda e: _EVENTS.get(_order, e))


def _order(event: Event) -> tuple[tuple[int, ...], int, str]:
    return date_key(event.date), event.order, event.what


def _claim_events(claim: Claim) -> list[Event]:
    events = []
    figure = claim.figure
    stated = md_text(figure.stated) if figure else ""
    if figure and figure.point_in_time:
        when = display_date(figure.point_in_time)
        events.append(Event(figure.point_in_time, f"The article's figure “{stated}” is for {when}", (claim,), 1))
    if figure and figure.period:
        span = f"{display_date(figure.period.start)} to {display_date(figure.period.end)}"
        what = f"The article's figure “{stated}” covers {span}"
        events.append(Event(figure.period.start, what, (claim,), 1))
    for correction in claim.corrections:
        events.append(Event(correction.date, f"Correction: {md_text(correction.note)}", (claim,), 3))
    return events


def _article_events(article: Article, page: str) -> list[Event]:
    title = f"[{md_text(article.title)}]({link(page, article_page(article.id))})"
    return [Event(article.published or "", f"The article {title} is published", (), 0)]


def _same(*words: str | None) -> tuple[str, ...]:
    """Names and titles as a key: case, spacing and curly quotes do not tell publications apart."""
    return tuple(" ".join((w or "").translate(_STRAIGHT).casefold().split()) for w in words)


_STRAIGHT = str.maketrans("‘’“”", "''\"\"")


def _source_parts(source: Source, *citing: Claim) -> list[Part]:
    """A source's shares in dated publications: the original it copies, and its own page."""
    parts = []
    original = source.copy_of
    # Reposted on the original's date (its day, month or year, as both records give it): the timeline
    # could not tell the two apart, so the original's event names the copy and when it went up.
    same_date = original is not None and original.published is not None and original.published == source.published
    if original is not None and original.published:
        key = ("title", *_same(original.publisher, original.published, original.title))
        parts.append(Part(source, True, original.published, (key,), citing, same_date))
    if source.published and not same_date:
        host = copy_host(source) if original is not None else source.publisher
        keys = [("title", *_same(host, source.published, source.title))]
        if original is not None:  # two pages of one site reposting one story the same day: one repost
            keys.append(("repost", *_same(host, source.published, original.publisher, original.title)))
        parts.append(Part(source, False, source.published, tuple(keys), citing))
    return parts


def publications(parts: list[Part]) -> list[tuple[Part, ...]]:
    """The parts grouped by the publication they tell of (parts sharing a key, directly or through
    others), each group's pages first, then its copies, each by source id; groups in a stable order."""
    parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def root(key: tuple[str, ...]) -> tuple[str, ...]:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for part in parts:
        first = root(part.keys[0])
        for key in part.keys[1:]:
            parent[root(key)] = first
    groups: dict[tuple[str, ...], list[Part]] = {}
    for part in parts:
        groups.setdefault(root(part.keys[0]), []).append(part)
    return [
        tuple(sorted(group, key=lambda p: (p.copy, p.source.id)))
        for _, group in sorted(groups.items(), key=lambda item: item[0])
    ]


def shared_publications(index: Index) -> list[tuple[str, ...]]:
    """The ids of the sources that tell of one publication together (a story and its copies): its
    event lists the claims citing any of them, so it depends on all of their citing claims."""
    parts = [part for source in index.sources.values() for part in _source_parts(source)]
    grouped = [tuple(dict.fromkeys(part.source.id for part in group)) for group in publications(parts)]
    return [ids for ids in grouped if len(ids) > 1]


def _publication_event(page: str, group: tuple[Part, ...], claims: tuple[Claim, ...]) -> Event:
    """One publication: who published (or reposted) what, with each copy we read it in listed once."""

    def title(part: Part) -> str:
        linked = f"[{md_text(part.source.title)}]({link(page, source_page(part.source.id))})"
        if not part.same_date:
            return linked
        when = ("the same year", "the same month", "the same day")[part.date.count("-")]
        return f"{linked} ({md_text(copy_host(part.source))}, {when})"

    def titles(parts: list[Part]) -> str:
        return join_words([title(part) for part in parts])

    pages = [part for part in group if not part.copy]
    copies = [part for part in group if part.copy]
    read_in = f"{'a copy' if len(copies) == 1 else f'{len(copies)} copies'}: {titles(copies)}" if copies else ""
    if pages:
        lead = pages[0].source
        if lead.copy_of is not None:
            who = f"{md_text(copy_host(lead))} reposts a story by {md_text(lead.copy_of.publisher)} as"
        else:
            who = f"{md_text(lead.publisher)} publishes"
        what = f"{who} {titles(pages)}" + (f" (also read in {read_in})" if read_in else "")
    else:
        original = copies[0].source.copy_of
        assert original is not None
        headline = f"“{md_text(original.title)}”" if original.title else "a story"
        what = f"{md_text(original.publisher)} publishes {headline} (read in {read_in})"
    return Event(group[0].date, what, claims, 2)


# Each record's events and each event's row, kept from one render to the next.
_EVENTS = Memo()
_ROWS = Memo()


PAGE_LIMIT = 400  # events on one page; beyond that the timeline is split into a page per year
CLAIMS_PER_EVENT = 10  # a source cited by hundreds of claims lists ten, and says how many more


def render_timeline(index: Index) -> dict[str, str]:
    """`timeline.md`, a table of events oldest first; past PAGE_LIMIT events, a page per year."""
    with _EVENTS.round(), _ROWS.round():
        return _render_timeline(index)


def _render_timeline(index: Index) -> dict[str, str]:
    global _split
    # The events' links depend on the page they sit on, their number does not: make them first for
    # the pages the last render made (the year pages, in a large dossier), and again only if wrong.
    guess = _YEAR_PAGES if _split else TIMELINE
    events = timeline_events(index, guess)
    _split = len(events) > PAGE_LIMIT
    if not _split:
        events = events if guess == TIMELINE else timeline_events(index)
        return {TIMELINE: _page(TIMELINE, "Timeline", _INTRO, _table(index, TIMELINE, events))}
    years: dict[str, int] = {}
    for event in events:
        years[event.date[:4]] = years.get(event.date[:4], 0) + 1
    listing = "\n".join(
        f"- [{year}]({link(TIMELINE, timeline_year_page(year))}): {plural(count, 'event')}"
        for year, count in years.items()
    )
    pages = {TIMELINE: _page(TIMELINE, "Timeline", _INTRO, "One page per year:\n\n" + listing + "\n")}
    by_year: dict[str, list[Event]] = {}
    # Every year page sits in the same folder, so one set of links serves them all.
    for event in events if guess == _YEAR_PAGES else timeline_events(index, _YEAR_PAGES):
        by_year.setdefault(event.date[:4], []).append(event)
    for year, in_year in by_year.items():
        page = timeline_year_page(year)
        back = f"[All years]({link(page, TIMELINE)})\n\n"
        pages[page] = _page(page, f"Timeline: {year}", back, _table(index, page, in_year))
    return pages


_YEAR_PAGES = sys.intern(timeline_year_page("0000"))  # where any year page sits (they share a folder)
_split = False  # whether the last render made a page per year: only which events to make first


_INTRO = (
    "The dated events behind the claims, oldest first: when each article and each source was "
    "published, the dates and spans the figures describe, and every correction. "
    "A year or a month alone comes before the days it contains.\n\n"
)


def group_events(events: list[Event]) -> list[tuple[Event, ...]]:
    """Consecutive events behind the same claims, as one group: a claim read in six sources in a
    row is named once, beside its six events, not six times."""
    groups: list[list[Event]] = []
    for event in events:
        if groups and event.claims and [c.id for c in groups[-1][-1].claims] == [c.id for c in event.claims]:
            groups[-1].append(event)
        else:
            groups.append([event])
    return [tuple(group) for group in groups]


def _table(index: Index, page: str, events: list[Event]) -> str:
    page = sys.intern(page)
    # A row names each claim's article when there are several: it reads the articles, and nothing
    # else of the index (the preview keeps the same articles object while they do not change).
    rows = [_ROWS.keyed((page, *group, index.articles), _row, index, page, group) for group in group_events(events)]
    if not rows:
        return "No dated events.\n"
    # Each year's first row carries an anchor, and a line of links above the table jumps to it.
    years: list[str] = []
    for number, group in enumerate(group_events(events)):
        new = [year for year in dict.fromkeys(e.date[:4] for e in group) if year not in years]
        years += new  # a run of events over two years holds both years' anchors
        rows[number] = "| " + "".join(f'<span id="year-{year}"></span>' for year in new) + rows[number][2:]
    jump = "Jump to: " + " · ".join(f"[{year}](#year-{year})" for year in years) + "\n\n" if len(years) > 1 else ""
    return jump + "| Date | What happened | Claims |\n|---|---|---|\n" + "\n".join(rows) + "\n"


def _row(index: Index, page: str, group: tuple[Event, ...]) -> str:
    """One row: an event, or a run of events behind the same claims, each with its date."""
    claims = [
        f"{badge(c.verdict.rating)} [{md_text(c.claim)}]({link(page, claim_page(c.id))})" + in_article(index, page, c)
        for c in group[0].claims[:CLAIMS_PER_EVENT]
    ]
    if len(group[0].claims) > CLAIMS_PER_EVENT:
        claims.append(f"and {plural(len(group[0].claims) - CLAIMS_PER_EVENT, 'more claim')}")
    first, last = group[0].date, group[-1].date
    if len(group) == 1:
        date, what = display_date(first), group[0].what
    else:
        date = date_list([e.date for e in group])
        what = "<br>".join(e.what if first == last else f"{display_date(e.date)}: {e.what}" for e in group)
    return f"| {date} | {what} | {'<br>'.join(claims) or md_cell('')} |"


DATES_LISTED = 3  # a run of events on more dates gives its first and last: each event gives its own


def date_list(dates: list[str]) -> str:
    """The date cell of a run of events: "29 November and 6 December 2026" (separate dates, not
    a period: "29 November 2026 to 6 December 2026" read as one), or for a long run
    "5 dates, 2 August 2018 to 31 December 2019" ("6 dates in 1997" within one year)."""
    distinct = list(dict.fromkeys(dates))
    if len(distinct) == 1:
        return display_date(distinct[0])
    if len(distinct) > DATES_LISTED:
        if len({d[:4] for d in distinct}) == 1:
            return f"{len(distinct)} dates in {distinct[0][:4]}"
        return f"{len(distinct)} dates, {display_date(distinct[0])} to {display_date(distinct[-1])}"
    shown = [display_date(d) for d in distinct]
    one_year = len({d[:4] for d in distinct}) == 1 and all("-" in d for d in distinct)
    one_month = len({d[:7] for d in distinct}) == 1 and all(d.count("-") == 2 for d in distinct)
    if one_month:  # "2 and 3 March 2024"
        shown = [text.split("\u00a0", 1)[0] for text in shown[:-1]] + shown[-1:]
    elif one_year:  # "29 November and 6 December 2026": the year once, at the end
        shown = [text.rsplit("\u00a0", 1)[0] for text in shown[:-1]] + shown[-1:]
    return join_words(shown)


def _page(page: str, title: str, lead: str, body: str) -> str:
    heading = "# Timeline {#timeline}" if page == TIMELINE else f"# {title} {{#timeline}}"
    return (
        front_matter({"title": title, "hide": ["navigation"], "search": {"exclude": True}})
        + f"{heading}\n\n{lead}"
        + '<div class="dossier-timeline" markdown="1">\n\n'
        + body
        + "\n</div>\n"
    )
