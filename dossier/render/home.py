"""The home page and the claims index: a first page of claims, the rest paged, and the filter data."""

from __future__ import annotations

import json
from collections import Counter

from dossier.link.backlinks import backlinks
from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Article, Claim
from dossier.read.paths import (
    ARTICLES,
    CLAIMS,
    CLAIMS_CSV,
    CLAIMS_INDEX_JSON,
    CLAIMS_JSON,
    HOME,
    METHODOLOGY,
    article_page,
    claims_listing_page,
    link,
)
from dossier.render.accountability.about import data_licence, who_we_are
from dossier.render.common import (
    KIND_LABELS,
    NOT_SEARCHED,
    RATING_LABELS,
    RATING_MEANINGS,
    Memo,
    badge,
    byline,
    claim_link,
    in_article,
    join_words,
    several_articles,
    shown_kind,
    topic_name,
)
from dossier.render.markup import external_link, front_matter, md_text
from dossier.render.provenance import flaw_origin, rewrite_tally

SITE_TITLE = "Claims dossier"
HOME_LIMIT = 10  # articles the home page shows, and weak claims it lists, before linking to the rest
PAGE_SIZE = 100  # claims per page of the claims listings
WEAK_RATINGS = ("unsupported", "disputed", "partly-supported")  # the home page lists the worst first


def render_home(index: Index) -> str:
    """Markdown for `index.md`: the answer first (one sentence and the verdict counts), then each article.

    Each article gets its publisher, date, counts, one-line finding and the claims of it that
    did not fully hold up; its full findings are on its own page. With many articles or weak
    claims the page shows the first few and links to the rest, so it stays small at any size.
    """
    articles = list(index.articles.values())
    return "\n".join(
        part
        for part in [
            # The theme appends the site name to the title. Not searched: each article and claim it
            # shows has its own entry, which a search should find once.
            front_matter({"title": "Home", "hide": ["navigation"], **NOT_SEARCHED}),
            f"# {SITE_TITLE} {{#home}}\n",
            '<div class="dossier-home" markdown="1">\n',
            f'<p class="dossier-answer">{md_text(overall_verdict(index))}</p>\n',
            _verdict_counts(index),
            _about_line(index),
            _articles_section(index, articles),
            rewrite_tally(index),
            "</div>\n",
        ]
        if part
    )


def overall_verdict(index: Index) -> str:
    """The dossier's answer in one sentence, from the verdicts: how many claims hold up, and how many do not."""
    ratings: Counter[str] = Counter(c.verdict.rating for c in index.claims.values())
    total = len(index.claims)
    if not total:
        return "No claims have been checked yet."
    held = ratings["supported"]
    weak = sum(ratings[r] for r in WEAK_RATINGS)
    parts = []
    if held:
        parts.append(f"{held} hold{'s' * (held == 1)} up")
    if weak:
        parts.append(f"{weak} {'does' if weak == 1 else 'do'} not fully hold up")
    if ratings["unverified"]:
        parts.append(f"{ratings['unverified']} {'is' if ratings['unverified'] == 1 else 'are'} not checked yet")
    if ratings["opinion"]:
        opinions = ratings["opinion"]
        parts.append(f"{opinions} {'is an opinion' if opinions == 1 else 'are opinions'}, which evidence cannot settle")
    articles = len(index.articles)
    where = "one article" if articles == 1 else f"{articles} articles"
    if total == 1:  # "Of the 1 claim …, 1 holds up" reads as a count of one: say what the claim does
        return f"The one claim we reviewed{'' if articles == 1 else f' in {where}'} {parts[0].split(' ', 1)[1]}."
    return f"Of the {plural(total, 'claim')} we reviewed in {where}, {join_words(parts)}."


def _verdict_counts(index: Index) -> str:
    """Each verdict's count in words and numbers, linked to its listing, with a bar for its share."""
    ratings: Counter[str] = Counter(c.verdict.rating for c in index.claims.values())
    total = max(1, len(index.claims))
    rows = []
    for rating in RATING_LABELS:
        count = ratings[rating]
        if count:
            share = round(100 * count / total)
            rows.append(
                f"- {badge(rating)} [{plural(count, 'claim')}]({link(HOME, claims_listing_page(1, rating))})"
                f'<span class="dossier-bar" style="width: {share}%" aria-hidden="true"></span>'
            )
    if not rows:
        return ""
    return '<div class="dossier-counts" markdown="1">\n\n' + "\n".join(rows) + "\n\n</div>\n"


def _about_line(index: Index) -> str:
    """Where the claims, the method, the people behind them and the data are: in the first screen."""
    return (
        f"- [Browse every claim]({link(HOME, CLAIMS)}) in article order, or filter them by verdict, topic, "
        "person or organisation.\n"
        f"- [How we check]({link(HOME, METHODOLOGY)}): the rating scale and our corrections policy.\n"
        + who_we_are(HOME)
        + f"- **The data:** [claims.json]({link(HOME, CLAIMS_JSON)}) (every record) · "
        f"[claims.csv]({link(HOME, CLAIMS_CSV)}) (one row per claim, for spreadsheets). {data_licence(index, HOME)}\n"
    )


def _articles_section(index: Index, articles: list[Article]) -> str:
    shown = articles[:HOME_LIMIT]
    heading = "The article we reviewed" if len(articles) == 1 else f"The {len(articles)} articles we reviewed"
    per_article = max(3, HOME_LIMIT // max(1, len(shown)))  # weak claims balanced across the articles shown
    parts = [f"## {heading} {{#articles}}\n", *(_article_card(index, a, per_article) for a in shown)]
    if len(articles) > HOME_LIMIT:
        more = len(articles) - HOME_LIMIT
        parts.append(f"…and {plural(more, 'more article')}: [see every article we reviewed]({link(HOME, ARTICLES)})\n")
    return "\n".join(parts)


def _article_card(index: Index, article: Article, limit: int) -> str:
    """One article: what it is, its verdicts, our finding in a line, and its claims that did not hold up."""
    claims = backlinks(index).by_article.get(article.id, [])
    page = article_page(article.id)
    facts = [md_text(part) for part in byline(article)]
    facts.append(plural(len(claims), "claim"))
    ratings: Counter[str] = Counter(c.verdict.rating for c in claims)
    counts = " ".join(f"{badge(r)}&#160;{ratings[r]}" for r in RATING_LABELS if ratings[r])
    if not several_articles(index):
        counts = ""  # one article: its counts are the dossier's, given at the top of the page
    finding = article.summary.replace("\r\n", "\n").split("\n\n", 1)[0].strip() if article.summary else ""
    lines = [
        f"### [{md_text(article.title)}]({link(HOME, page)}) {{#article-{article.id}}}\n",
        " · ".join(facts) + " · " + external_link("original article", article.url) + "\n",
        f'<p class="dossier-article-counts">{counts}</p>\n' if counts else "",
        f"**Our finding:** {md_text(finding)} " if finding else "",
    ]
    if finding or article.findings:
        lines.append(f"[All our findings on this article]({link(HOME, page, 'findings')})\n")
    lines.append(_weak_claims(index, claims, page, limit))
    return "\n".join(line for line in lines if line)


def _weak_claims(index: Index, claims: list[Claim], page: str, limit: int) -> str:
    """An article's claims that did not fully hold up, the worst first, each saying where its flaw comes from."""
    weak = sorted(
        (c for c in claims if c.verdict.rating in WEAK_RATINGS), key=lambda c: WEAK_RATINGS.index(c.verdict.rating)
    )
    if not weak:
        return "Every claim we rated in this article holds up.\n" if claims else ""
    items = [f"- {badge(c.verdict.rating)} {claim_link(HOME, c)}{flaw_origin(index, c)}" for c in weak[:limit]]
    if len(weak) > limit:
        items.append(f"- …and {len(weak) - limit} more: [every claim in this article]({link(HOME, page, 'claims')})")
    return f"{plural(len(weak), 'claim')} did not fully hold up:\n\n" + "\n".join(items) + "\n"


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
        f"- {badge(r)} [{plural(len(claims), 'claim')}]({link(CLAIMS, claims_listing_page(1, r))})"
        f" — {md_text(RATING_MEANINGS[r])}"
        for r, claims in by_verdict.items()
        if claims
    )
    kinds: Counter[str] = Counter(c.kind for c in index.claims.values())
    kind_counts = ", ".join(f"{KIND_LABELS[k]} {kinds[k]}" for k in KIND_LABELS if kinds[k])
    # In a box the filter script hides while a filter is chosen: these count the whole dossier.
    return (
        '<div class="dossier-listing-summary" markdown="1">\n\n'
        f"## By verdict {{#by-verdict}}\n\n{counts}\n\nBy kind: {kind_counts}.\n\n</div>\n\n"
    )


def _listing_page(index: Index, claims: list[Claim], rating: str | None, number: int, summary: str) -> str:
    total = _page_count(len(claims))
    page = claims_listing_page(number, rating)
    chunk = claims[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    first = (number - 1) * PAGE_SIZE + 1
    items = "\n".join(
        f"- {n}&#46; {badge(c.verdict.rating)} {claim_link(page, c)}"
        + (f" · {kind}" if (kind := shown_kind(c)) else "")  # not "Opinion" twice
        + in_article(index, page, c)  # several articles: say which one
        + listing_summary(c)
        for n, c in enumerate(chunk, start=first)
    )
    if rating is None:
        title, heading = "Claims", "# All claims {#claims}"
        # The filter script rewrites the count sentence (its id) for a filtered view, which shows fewer.
        lead = (
            f'<span id="dossier-listing-lead">{plural(len(claims), "claim")}, '
            "in the order they appear in the articles.</span> "
            f"Also as data: [claims.json]({link(page, CLAIMS_JSON)}) · [claims.csv]({link(page, CLAIMS_CSV)}) · "
            # The id tells the index's filter script where the compact listing data is; the
            # number of articles, whether to offer a choice of article.
            f"[a short index of every claim]({link(page, CLAIMS_INDEX_JSON)})"
            f'{{#dossier-index-data data-articles="{len(index.articles)}"}}.\n\n'
        )
    else:
        title = f"{RATING_LABELS[rating]} claims"
        heading = f"# {title} {{#claims}}"
        lead = (
            f"{plural(len(claims), 'claim')} rated {RATING_LABELS[rating].lower()}: "
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


def listing_summary(claim: Claim) -> str:
    """A claim's one-sentence summary on its own line under a listing entry, if it has one."""
    summary = claim.verdict.summary
    return f'<br><span class="dossier-entry-summary">{md_text(summary)}</span>' if summary else ""


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
    """`claims-index.json`: per claim what a filter and a listing need (its summary too), names in lookup tables.

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
        "columns": ["id", "claim", "verdict", "kind", "article", "entities", "topics", "summary"],
        "verdicts": RATING_LABELS,
        "kinds": KIND_LABELS,
        "articles": [[a.id, a.title] for a in index.articles.values()],
        "entities": [[e.id, e.name] for e in index.entities.values()],
        "topics": [[t, topic_name(index, t)] for t in order.by_topic],
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
        claim.verdict.summary or "",
    ]
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


_TABLES = _Tables()
_ROWS = Memo()
