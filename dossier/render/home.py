"""The home page and the claims index: a first page of claims, the rest paged, and the filter data."""

from __future__ import annotations

import json
from collections import Counter

from dossier.link.backlinks import backlinks
from dossier.link.crossref import Index
from dossier.read.model import Article, Claim
from dossier.read.paths import (
    ARTICLES,
    CLAIMS,
    CLAIMS_CSV,
    CLAIMS_INDEX_JSON,
    CLAIMS_JSON,
    HOME,
    METHODOLOGY,
    VERDICT_CHART,
    article_page,
    claims_listing_page,
    link,
)
from dossier.render.accountability.about import data_licence, who_we_are
from dossier.render.article import article_byline, coverage_share
from dossier.render.common import (
    KIND_LABELS,
    NOT_SEARCHED,
    RATING_LABELS,
    RATING_MEANINGS,
    Memo,
    badge,
    claim_link,
    claim_list,
    in_article,
    topic_label,
)
from dossier.render.markup import front_matter, md_paragraphs, md_text
from dossier.render.provenance import findings_list, rewrite_tally

SITE_TITLE = "Claims dossier"
HOME_LIMIT = 10  # articles and weak claims the home page lists before linking to the rest
PAGE_SIZE = 100  # claims per page of the claims listings
WEAK_RATINGS = ("partly-supported", "disputed", "unsupported")


def render_home(index: Index) -> str:
    """Markdown for `index.md`: the article reviewed, the overall finding, the numbers, where to start.

    With many articles or weak claims the page shows the first few and links to the full
    listings, so it stays small however large the dossier grows.
    """
    articles = list(index.articles.values())
    parts = [
        front_matter({"title": "Home", "hide": ["navigation"]}),  # the theme appends the site name
        f"# {SITE_TITLE} {{#home}}\n",
        "We take a news article apart claim by claim, check each one against the evidence, "
        "and show our working: every figure, quote and statement, its verdict, and the sources behind it.\n",
    ]
    for article in articles[:HOME_LIMIT]:
        parts.append(_article_summary(index, article))
    if len(articles) > HOME_LIMIT:
        more = len(articles) - HOME_LIMIT
        parts.append(f"…and {more} more articles: [see every article reviewed]({link(HOME, ARTICLES)}).\n")
    parts.append(_did_not_hold_up(index))
    parts.append(rewrite_tally(index))
    parts.append(_counts(index))
    if len(articles) > HOME_LIMIT:
        read = f"- [Browse the {len(articles)} annotated articles]({link(HOME, ARTICLES)}): every claim marked.\n"
    else:
        read = "".join(
            f"- [Read the annotated article]({link(HOME, article_page(a.id))}): every claim marked in the text.\n"
            for a in articles
        )
    parts.append(
        "## Where to start {#start}\n\n"
        + read
        + f"- [Browse all claims]({link(HOME, CLAIMS)}), in the order they appear, or by verdict.\n"
        + f"- [How we check]({link(HOME, METHODOLOGY)}): the rating scale and our corrections policy.\n"
        + who_we_are(HOME)
        + f"- Download the data: [claims.json]({link(HOME, CLAIMS_JSON)}) (every record) · "
        + f"[claims.csv]({link(HOME, CLAIMS_CSV)}) (one row per claim). {data_licence(index, HOME)}\n"
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
        + f"**Coverage:** {covered} of {total} sentences ({share}%) lie inside the claims' excerpts.\n"
    )


def _did_not_hold_up(index: Index) -> str:
    """The checked claims whose verdict is worse than supported: the findings readers come for."""
    weak = [c for c in backlinks(index).ordered if c.verdict.rating in WEAK_RATINGS]
    if not weak:
        return ""
    listing = claim_list(HOME, weak[:HOME_LIMIT])
    if len(weak) > HOME_LIMIT:
        counts: Counter[str] = Counter(c.verdict.rating for c in weak)
        by_verdict = [
            f"[{counts[r]} {RATING_LABELS[r].lower()}]({link(HOME, claims_listing_page(1, r))})"
            for r in WEAK_RATINGS
            if counts[r]
        ]
        listing += f"\n…and {len(weak) - HOME_LIMIT} more. All of them by verdict: " + ", ".join(by_verdict) + ".\n"
    return "## Claims that did not fully hold up {#findings}\n\n" + listing


def _counts(index: Index) -> str:
    ratings: Counter[str] = Counter(c.verdict.rating for c in index.claims.values())
    kinds: Counter[str] = Counter(c.kind for c in index.claims.values())
    verdict_rows = "\n".join(f"| {badge(r)} | {ratings[r]} |" for r in RATING_LABELS if ratings[r])
    kind_rows = "\n".join(f"| {KIND_LABELS[k]} | {kinds[k]} |" for k in KIND_LABELS if kinds[k])
    chart = f"![Bar chart of the claims by verdict; the table below gives the numbers]({link(HOME, VERDICT_CHART)})"
    return (
        f"## {len(index.claims)} claims {{#counts}}\n\n"
        f"{chart}{{.dossier-chart}}\n\n"
        f"| Verdict | Claims |\n|---|---|\n{verdict_rows}\n\n| Kind | Claims |\n|---|---|\n{kind_rows}\n"
    )


def render_claims_listings(index: Index) -> dict[str, str]:
    """The claims index in pages of PAGE_SIZE, the same per verdict, and the compact listing data.

    Each page is a plain list that works without JavaScript; `claims-index.json` carries what a
    filter needs for every claim, with names in lookup tables, for a script to load on demand.
    """
    pages = {
        claims_listing_page(number, rating): render_claims_listing_page(index, rating, number)
        for rating, number in claims_listing_numbers(index)
    }
    pages[CLAIMS_INDEX_JSON] = claims_index_data(index)
    return pages


def claims_listing_numbers(index: Index) -> list[tuple[str | None, int]]:
    """(verdict, page number) of every page of the claims listings: all claims, then each verdict held."""
    found = backlinks(index)
    numbers: list[tuple[str | None, int]] = [(None, n) for n in range(1, _page_count(len(found.ordered)) + 1)]
    for rating in RATING_LABELS:
        held = len(found.by_rating.get(rating, []))
        numbers += [(rating, n) for n in range(1, _page_count(held) + 1) if held]
    return numbers


def listed_claims(index: Index, rating: str | None) -> list[Claim]:
    """The claims a listing pages through: every claim, or those with one verdict; in article order."""
    found = backlinks(index)
    return found.ordered if rating is None else found.by_rating.get(rating, [])


def render_claims_listing_page(index: Index, rating: str | None, number: int) -> str:
    """Page `number` of the listing of every claim (`rating` None) or of the claims with one verdict."""
    if rating is None and number == 1:
        summary = _listing_summary(index, {r: listed_claims(index, r) for r in RATING_LABELS})
    else:
        summary = ""
    return _listing_page(index, listed_claims(index, rating), rating, number, summary)


def _page_count(claims: int) -> int:
    return max(1, -(-claims // PAGE_SIZE))


def _listing_summary(index: Index, by_verdict: dict[str, list[Claim]]) -> str:
    counts = "\n".join(
        f"- {badge(r)} [{len(claims)} claim{'s' * (len(claims) != 1)}]({link(CLAIMS, claims_listing_page(1, r))})"
        f" — {md_text(RATING_MEANINGS[r])}"
        for r, claims in by_verdict.items()
        if claims
    )
    kinds: Counter[str] = Counter(c.kind for c in index.claims.values())
    kind_counts = ", ".join(f"{KIND_LABELS[k]} {kinds[k]}" for k in KIND_LABELS if kinds[k])
    return f"## By verdict {{#by-verdict}}\n\n{counts}\n\nBy kind: {kind_counts}.\n\n"


def _listing_page(index: Index, claims: list[Claim], rating: str | None, number: int, summary: str) -> str:
    total = _page_count(len(claims))
    page = claims_listing_page(number, rating)
    chunk = claims[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    first = (number - 1) * PAGE_SIZE + 1
    items = "\n".join(
        f"- {n}&#46; {badge(c.verdict.rating)} {claim_link(page, c)} · {KIND_LABELS[c.kind]}"
        + in_article(index, page, c)  # several articles: say which one
        for n, c in enumerate(chunk, start=first)
    )
    if rating is None:
        title, heading = "Claims", "# All claims {#claims}"
        lead = (
            f"{len(claims)} claims, in the order they appear in the articles. Also as data: "
            f"[claims.json]({link(page, CLAIMS_JSON)}) · [claims.csv]({link(page, CLAIMS_CSV)}) · "
            # The id tells the index's filter script where the compact listing data is.
            f"[claims-index.json]({link(page, CLAIMS_INDEX_JSON)}){{#dossier-index-data}} (for filters).\n\n"
        )
    else:
        title = f"{RATING_LABELS[rating]} claims"
        heading = f"# {title} {{#claims}}"
        lead = (
            f"{len(claims)} claim{'s' * (len(claims) != 1)} rated {RATING_LABELS[rating].lower()}: "
            f"{md_text(RATING_MEANINGS[rating])} [All claims]({link(page, CLAIMS)}).\n\n"
        )
    shown = f"Claims {first}–{first + len(chunk) - 1}" if chunk else "Claims"
    pager = _pager(page, number, total, rating)
    return (
        front_matter(
            {"title": title if number == 1 else f"{title}, page {number}", "hide": ["navigation"], **NOT_SEARCHED}
        )
        + f"{heading}\n\n{lead}"
        + (summary if number == 1 else "")
        + f"## {shown} {{#list}}\n\n"
        + '<div class="dossier-claims-list" markdown="1">\n\n'
        + (items or "No claims yet.")
        + "\n\n</div>\n"
        + (f"\n{pager}" if pager else "")
    )


def _pager(page: str, number: int, total: int, rating: str | None) -> str:
    """Links to every page of the listing: the current one in bold, plus previous and next."""
    if total == 1:
        return ""
    links = [
        f"**{n}**" if n == number else f"[{n}]({link(page, claims_listing_page(n, rating))})"
        for n in range(1, total + 1)
    ]
    if number > 1:
        links.insert(0, f"[← Previous]({link(page, claims_listing_page(number - 1, rating))})")
    if number < total:
        links.append(f"[Next →]({link(page, claims_listing_page(number + 1, rating))})")
    return f"Page {number} of {total}: " + " ".join(links) + "\n"


def claims_index_data(index: Index) -> str:
    """`claims-index.json`: per claim what a filter and a listing need, names in lookup tables.

    Claims are rows in article order (a row's position is its order; `page_size` says which
    listing page shows it). Articles, entities and topics are lists of `[id, name]`, and a claim
    refers to them by position, so no name is repeated. Text is data: a script must insert it
    as text, never as HTML.
    """
    order = backlinks(index)
    tables = _TABLES.same((tuple(index.articles), tuple(index.entities), tuple(order.by_topic)))
    with _ROWS.round() as rows:
        claims = [rows.get(_index_row, c, tables) for c in order.ordered]
    data = {
        "format_version": 1,
        "page_size": PAGE_SIZE,
        "columns": ["id", "claim", "verdict", "kind", "article", "entities", "topics"],
        "verdicts": RATING_LABELS,
        "kinds": KIND_LABELS,
        "articles": [[a.id, a.title] for a in index.articles.values()],
        "entities": [[e.id, e.name] for e in index.entities.values()],
        "topics": [[t, topic_label(t)] for t in order.by_topic],
    }
    # As json.dumps(data | {"claims": rows}) writes it, from each row's text kept between renders.
    head = json.dumps(data, ensure_ascii=False, separators=(",", ":"))[:-1]
    return head + ',"claims":[' + ",".join(claims) + "]}\n"


class _Tables:
    """The positions of articles, entities and topics a row refers to; the same object while they
    stay the same, so that the rows of unchanged claims are kept from one render to the next."""

    def __init__(self) -> None:
        self.ids: tuple[tuple[str, ...], ...] = ()
        self.positions: tuple[dict[str, int], ...] = ()

    def same(self, ids: tuple[tuple[str, ...], ...]) -> tuple[dict[str, int], ...]:
        if ids != self.ids:
            self.ids = ids
            self.positions = tuple({key: n for n, key in enumerate(table)} for table in ids)
        return self.positions


def _index_row(claim: Claim, tables: tuple[dict[str, int], ...]) -> str:
    articles, entities, topics = tables
    row = [
        claim.id,
        claim.claim,
        claim.verdict.rating,
        claim.kind,
        articles[claim.article],
        [entities[e] for e in claim.entities],
        [topics[t] for t in claim.topics],
    ]
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


_TABLES = _Tables()
_ROWS = Memo()
