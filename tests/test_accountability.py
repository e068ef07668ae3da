"""Issue 20 on the built site: citations with their evidence, computed date marks, who checked a
verdict, the About and Corrections pages, complete ClaimReview data and the Atom feed."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE, apply_edits
from dossier.link.check import check_dossier
from dossier.render.accountability.claim_review import claim_review
from dossier.render.site import render_site
from site_html import read_page, resolve
from test_site import CLAIM_IDS, FEES_CLAIM_IDS, build

SITE_URL = "https://factdesk.example.org/dossier/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp(request.param) / "site"
    result = build(EXAMPLE, out, engine=request.param, DOSSIER_SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def rendered(tmp_path: Path, edits: dict[str, Any] | None = None) -> dict[str, str]:
    """The example dossier's pages as rendered from a copy with `edits` applied (no site build)."""
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    apply_edits(claims, edits or {})
    _, index, problems = check_dossier(str(claims))
    assert problems == []
    return {path: page.text for path, page in render_site(index, SITE_URL).items()}


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


# --- 1. citations that carry their evidence -------------------------------------------------


def test_a_citation_quotes_its_source_under_the_title_with_access_date_and_archive(site: Path) -> None:
    raw = html(site, "claims/ferry-capacity")
    first = raw.split('id="sources"', 1)[1].split("</li>", 1)[0]
    assert re.sub(r"<[^>]+>", "", first.split("<p>", 1)[1].split("</p>", 1)[0]) == (
        "Summer timetable — Lake Ferries Ltd, 11\u00a0March\u00a02024 · published after the article · "
        "original · archived copy · accessed 12\u00a0March\u00a02024"
    )
    assert (
        '<a href="https&#58;//archive&#46;example&#46;org/operator/timetable" rel="noopener">archived copy</a>' in first
    )
    # The source's own words as a quotation, then the editor's note.
    assert re.search(
        r"<blockquote>\s*<p>Four sailings a day each way, 200 seats a sailing&#46;</p>\s*</blockquote>\s*"
        r"<p>Sailings add up to 1,600 seats a day&#46;</p>",
        first,
    )


def test_a_citation_without_a_quote_shows_only_the_note(site: Path) -> None:
    page = read_page(site / "claims" / "ferry-capacity" / "index.html")
    assert (
        "Harbourville orders electric ferries (repost) — Harbour Wire, 2 March 2024 (copy at Lakeside Aggregator, "
        "3 March 2024) · copy · accessed 5 March 2024 The wire story gives 2,000 passengers a day, citing the operator."
    ) in page.text


def test_a_source_page_shows_when_it_was_accessed(tmp_path: Path) -> None:
    pages = rendered(tmp_path, {})
    assert "<br>\n**Accessed:** 5\u00a0March\u00a02024\n" in pages["sources/wire-story-copy.md"]
    assert "<br>\n**Accessed:** 12\u00a0March\u00a02024\n" in pages["sources/operator-timetable.md"]


# --- 2. dates that speak for themselves --------------------------------------------------------


def test_later_sources_are_marked_on_their_page_in_the_index_and_beside_every_citation(site: Path) -> None:
    source = read_page(site / "sources" / "operator-timetable" / "index.html")
    assert (
        "published after the article The article “Harbourville bets on electric ferries” appeared on 4 March 2024, "
        "before this source: the writer could not have seen it, so it is later evidence."
    ) in source.text
    index = read_page(site / "sources" / "index.html")
    assert "Summer timetable Lake Ferries Ltd 11 March 2024 published after the article 1" in index.text
    marked = [c for c in CLAIM_IDS if 'class="dossier-later"' in html(site, f"claims/{c}")]
    assert marked == ["ferry-capacity"]  # the only claim citing it


@pytest.mark.parametrize(
    ("published", "marked"),
    [
        ("2024-03-05", True),  # a day after the article
        ("2024-04", True),  # a later month
        ('"2024-03"', False),  # the article's own month: not surely after it
        ("2024", False),
        ("2024-03-04", False),  # the same day
        ("2023-12-31", False),
    ],
)
def test_the_mark_is_computed_from_the_dates_by_the_parts_both_have(
    published: str, marked: bool, tmp_path: Path
) -> None:
    pages = rendered(
        tmp_path,
        {
            "sources/operator-timetable.yaml": [
                ("published: 2024-03-11\naccessed: 2024-03-12", f"published: {published}\naccessed: 2025")
            ]
        },
    )
    assert ('class="dossier-later"' in pages["claims/ferry-capacity.md"]) is marked
    assert ('class="dossier-later-notice"' in pages["sources/operator-timetable.md"]) is marked


def test_a_copy_is_dated_by_its_original_and_an_undated_source_says_so(tmp_path: Path) -> None:
    pages = rendered(
        tmp_path,
        {
            # A copy put up after the article, of an original from before it: not later evidence.
            "sources/wire-story-copy.yaml": [
                ("published: 2024-03-03", "published: 2024-06-01"),
                ("accessed: 2024-03-05", "accessed: 2024-06-02"),
            ],
            "sources/operator-timetable.yaml": [("published: 2024-03-11\n", "")],
        },
    )
    capacity = pages["claims/ferry-capacity.md"]
    assert "dossier-later" not in capacity
    assert "— Lake Ferries Ltd, undated · " in capacity
    assert "**Published:** undated<br>" in pages["sources/operator-timetable.md"]
    assert "| Lake Ferries Ltd | undated | 1 |" in pages["sources/index.md"]


def test_the_article_page_says_how_its_date_was_established(tmp_path: Path) -> None:
    note = "The page shows no date; the Wayback Machine's first capture is of 4 March 2024 <b>."
    pages = rendered(
        tmp_path, {"articles/ferry-story.yaml": [("author:", f"published_note: {json.dumps(note)}\nauthor:")]}
    )
    page = pages["articles/ferry-story.md"]
    note = (
        '<p class="dossier-dating-note" id="dating" markdown="1">**How we dated it:** The page shows no date; the '
        "Wayback Machine&#39;s first capture is of 4 March 2024 &#60;b&#62;&#46;</p>"
    )
    assert note in page
    # In small print after what we found, not between the byline and the findings; the date links to it.
    assert page.index("## What we found") < page.index(note) < page.index("## The article, annotated")
    assert "· published on 4\u00a0March\u00a02024 ([how we dated it](#dating)) · " in page


# --- 5. who stands behind it -----------------------------------------------------------------


def test_a_claim_page_names_who_checked_it_linked_to_the_team(site: Path) -> None:
    page = read_page(site / "claims" / "ferry-capacity" / "index.html")
    assert "Checked by Tomas Berg (Researcher) and Mara Lind (Editor)." in page.text
    links = [href for href, _ in page.links if "about/#member-" in href]
    assert links == ["../../about/#member-tomas-berg", "../../about/#member-mara-lind"]
    about = read_page(site / "about" / "index.html")
    assert {"member-tomas-berg", "member-mara-lind"} <= about.ids
    assert "Checked by" not in read_page(site / "claims" / "roads-better" / "index.html").text


def test_the_about_page_says_who_stands_behind_the_dossier(site: Path) -> None:
    about = read_page(site / "about" / "index.html")
    for expected in [
        "Who publishes it¶ The dossier is published by Harbourville Fact Desk.",
        "The team¶ Mara Lind¶ Editor · checked 4 claims Tomas Berg¶ Researcher · checked 2 claims",
        "Funding¶ Reader donations. No donor gives more than a tenth of the budget",
        "Contact¶ Email: corrections@factdesk.example.org",
        "Corrections policy¶ Write to us or open a pull request with the evidence.",
        "Licence and how to cite the data¶ The dossier's text and data are published under CC BY 4.0",
        f"Harbourville Fact Desk: claims data (claims.json or claims.csv), {SITE_URL}, licensed CC BY 4.0",
    ]:
        assert expected in about.text, expected
    hrefs = [href for href, _ in about.links]
    assert "mailto:corrections@factdesk.example.org" in hrefs
    assert {"https://factdesk.example.org/", "https://creativecommons.org/licenses/by/4.0/"} <= set(hrefs)


def test_every_page_links_the_about_and_corrections_pages_and_the_feed_in_its_footer(site: Path) -> None:
    for html_file in sorted(site.rglob("*.html")):
        if html_file.name == "404.html":
            continue
        footer = html_file.read_text(encoding="utf-8").split('class="dossier-footer-links"', 1)[1].split("</nav>")[0]
        targets = {resolve(site, html_file, href) for href in re.findall(r'href="([^"]+)"', footer)}
        assert {
            (site / "about" / "index.html", ""),
            (site / "corrections" / "index.html", ""),
            (site / "feed.xml", ""),
        } <= targets, html_file
        raw = html_file.read_text(encoding="utf-8")
        (feed_link,) = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', raw)
        assert resolve(site, html_file, feed_link) == (site / "feed.xml", ""), html_file


def test_the_home_page_links_the_about_page_and_states_the_data_licence(site: Path) -> None:
    home = read_page(site / "index.html")
    assert "Who we are: the publisher, the team, funding and how to reach us." in home.text
    assert "(one row per claim, for spreadsheets). Licensed CC BY 4.0; how to cite it." in home.text
    assert {"about/", "about/#data", "corrections/", "feed.xml"} <= {href for href, _ in home.links}


def test_the_json_download_names_its_licence_and_how_to_cite_it(site: Path) -> None:
    data = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    assert {k: data[k] for k in ("publisher", "licence", "cite_as")} == {
        "publisher": {"name": "Harbourville Fact Desk", "url": "https://factdesk.example.org/"},
        "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        "cite_as": "Harbourville Fact Desk: claims data, licensed CC BY 4.0",
    }


# --- 6. complete ClaimReview -------------------------------------------------------------------

# Google's fact-check documentation: the properties it lists as required, then as recommended.
GOOGLE_REQUIRED = ["claimReviewed", "reviewRating", "reviewRating.alternateName", "url"]
GOOGLE_RECOMMENDED = [
    "author",
    "author.name",
    "author.url",
    "datePublished",
    "itemReviewed",
    "itemReviewed.appearance",
    "itemReviewed.author",
    "itemReviewed.datePublished",
    "itemReviewed.firstAppearance",
    "reviewRating.bestRating",
    "reviewRating.name",
    "reviewRating.ratingValue",
    "reviewRating.worstRating",
]


def missing_properties(block: dict[str, Any]) -> list[str]:
    missing = []
    for path in GOOGLE_REQUIRED + GOOGLE_RECOMMENDED:
        value: Any = block
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        if value in (None, "", {}):
            missing.append(path)
    return missing


def review_on(site: Path, claim_id: str) -> dict[str, Any] | None:
    scripts = [
        s
        for s in read_page(site / "claims" / claim_id / "index.html").scripts
        if s.get("type") == "application/ld+json"
    ]
    assert len(scripts) <= 1
    return json.loads(scripts[0]["text"]) if scripts else None


def test_every_rated_claim_page_has_a_complete_claim_review(site: Path) -> None:
    reviews = {claim_id: review_on(site, claim_id) for claim_id in CLAIM_IDS + FEES_CLAIM_IDS}
    assert [c for c, r in reviews.items() if r is None] == ["roads-better", "ruiz-cleanest"]  # opinion, unverified
    untraced = {c.id for c in check_dossier(str(EXAMPLE))[1].claims.values() if c.first_appearance is None}
    assert "ruiz-pay-for-themselves" in untraced
    for claim_id, review in reviews.items():
        if review is None:
            continue
        # Where the wording first appeared is given when the record traces it, and never guessed.
        expected = ["itemReviewed.firstAppearance"] if claim_id in untraced else []
        assert missing_properties(review) == expected, claim_id
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["url"] == f"{SITE_URL}claims/{claim_id}/"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Harbourville Fact Desk",
            "url": "https://factdesk.example.org/",
        }
        rating = review["reviewRating"]
        assert (rating["worstRating"], rating["bestRating"]) == (1, 4)
        assert isinstance(rating["ratingValue"], int) and 1 <= rating["ratingValue"] <= 4
        article = "courier/harbour-fees" if claim_id in FEES_CLAIM_IDS else "news/ferries"
        assert review["itemReviewed"]["appearance"]["url"] == f"https://example.org/{article}"
    assert reviews["ferry-budget"]["reviewRating"] | {} == {  # type: ignore[index]
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 4,
        "worstRating": 1,
        "name": "Supported",
        "alternateName": "Supported",
    }


def test_the_publishers_site_stands_in_when_it_has_no_url_of_its_own(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    apply_edits(claims, {"dossier.yaml": [("  url: https://factdesk.example.org/\n", "")]})
    _, index, _ = check_dossier(str(claims))
    review = claim_review(index, index.claims["ferry-budget"], SITE_URL)
    assert review is not None and review["author"] == {
        "@type": "Organization",
        "name": "Harbourville Fact Desk",
        "url": SITE_URL,
    }


def test_the_methodology_page_publishes_the_numeric_scale() -> None:
    from conftest import ROOT
    from dossier.render.accountability.claim_review import RATING_VALUES
    from dossier.render.common import RATING_LABELS

    text = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\w[\w ]*) \| (\d) \|", text, re.M)
    assert rows == [(RATING_LABELS[r], str(v)) for r, v in sorted(RATING_VALUES.items(), key=lambda kv: -kv[1])]


# --- 7. corrections in the open ---------------------------------------------------------------


def test_a_corrected_claim_shows_a_notice_above_its_verdict(site: Path) -> None:
    raw = html(site, "claims/ferry-capacity")
    notice = raw.index('class="dossier-correction-notice"')
    assert raw.index('<h1 id="claim">') < notice < raw.index('class="dossier-verdict ')
    page = read_page(site / "claims" / "ferry-capacity" / "index.html")
    # One line, linked to the log further down, which keeps the full text.
    notice = raw[notice:].split("</p>", 1)[0]
    assert re.sub(r"<[^>]+>", "", notice.split(">", 1)[1]) == "Corrected 12\u00a0March\u00a02024. What changed"
    assert '<a href="#corrections">What changed</a>' in notice
    assert (
        "Corrections¶ Date Change 12 March 2024 Rating changed from supported after the timetable was published. "
        "Every correction in the dossier, newest first: Corrections."
    ) in page.text
    assert "dossier-correction-notice" not in html(site, "claims/ferry-budget")


def test_the_corrections_page_lists_every_correction_linked_to_its_claim(site: Path) -> None:
    page = read_page(site / "corrections" / "index.html")
    assert (
        "1 correction to 1 claim, newest first. 12 March 2024 — Partly supported The ferries will carry 2,000 "
        "passengers a day.Rating changed from supported after the timetable was published. Back to top"  # <br>
    ) in page.text
    assert "../claims/ferry-capacity/#corrections" in [href for href, _ in page.links]


def test_corrections_are_listed_newest_first_across_claims(tmp_path: Path) -> None:
    extra = (
        'corrections:\n  - date: 2024-03-15\n    note: Second.\n  - date: "2024-04"\n    note: Third.\n'
        "  - date: 2024-04-02\n    note: Fourth.\n"
    )
    pages = rendered(tmp_path, {"ferry-budget.yaml": [("first_appearance:", extra + "first_appearance:")]})
    listed = re.findall(r"^- \*\*([^*]+)\*\* .*?<br>(\w+)", pages["corrections.md"], re.M)
    assert listed == [
        ("2\u00a0April\u00a02024", "Fourth"),
        ("April\u00a02024", "Third"),
        ("15\u00a0March\u00a02024", "Second"),
        ("12\u00a0March\u00a02024", "Rating"),
    ]
    assert (
        '<p class="dossier-correction-notice" role="note"><strong>Corrected 2\u00a0April\u00a02024.</strong> '
        '<a href="#corrections">What changed (3 corrections)</a></p>'
    ) in pages["claims/ferry-budget.md"]


def feed_entries(feed: Path | str) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.fromstring(feed.read_bytes() if isinstance(feed, Path) else feed.encode("utf-8"))
    return root, root.findall(f"{ATOM}entry")


def test_the_feed_has_an_entry_per_claim_and_per_correction_dated_by_the_records(site: Path) -> None:
    root, entries = feed_entries(site / "feed.xml")
    assert root.findtext(f"{ATOM}updated") == "2024-04-20T00:00:00+00:00"  # the latest record date, not the build's
    got = [
        (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href"), e.findtext(f"{ATOM}updated")) for e in entries
    ]  # type: ignore[union-attr]
    assert got == [
        (
            "Unsupported: The mayor said the ferries will pay for themselves.",
            f"{SITE_URL}claims/ruiz-pay-for-themselves/",
            "2024-04-20T00:00:00+00:00",
        ),
        (
            "Partly supported: The electric ferries take up a third of Harbourville's capital budget.",
            f"{SITE_URL}claims/ferries-third/",
            "2024-04-20T00:00:00+00:00",
        ),
        (
            "Supported: Harbourville will raise mooring fees by 8% from June 2024.",
            f"{SITE_URL}claims/fees-rise/",
            "2024-04-20T00:00:00+00:00",
        ),
        (
            "Correction: The ferries will carry 2,000 passengers a day.",
            f"{SITE_URL}claims/ferry-capacity/#corrections",
            "2024-03-12T00:00:00+00:00",
        ),
        (
            "Unverified: The mayor called the new fleet the cleanest on the lake.",
            f"{SITE_URL}claims/ruiz-cleanest/",
            "2024-03-10T00:00:00+00:00",
        ),
        (
            "Opinion: Critics say the money would be better spent on roads.",
            f"{SITE_URL}claims/roads-better/",
            "2024-03-10T00:00:00+00:00",
        ),
        (
            "Partly supported: The ferries will carry 2,000 passengers a day.",
            f"{SITE_URL}claims/ferry-capacity/",
            "2024-03-10T00:00:00+00:00",
        ),
        (
            "Supported: Harbourville will spend €12 million on four electric ferries by 2027.",
            f"{SITE_URL}claims/ferry-budget/",
            "2024-03-10T00:00:00+00:00",
        ),
        (
            "Supported: The council announced the ferry purchase on Monday.",
            f"{SITE_URL}claims/council-announced/",
            "2024-03-10T00:00:00+00:00",
        ),
    ]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", i or "") for i in ids)
    self_link = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [f"{SITE_URL}feed.xml"]


def test_feed_ids_do_not_change_when_the_site_moves(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    _, index, _ = check_dossier(str(claims))
    here = render_site(index, SITE_URL)["feed.xml"].text
    there = render_site(index, "https://elsewhere.example/")["feed.xml"].text
    relative = render_site(index, None)["feed.xml"].text
    ids = [[e.findtext(f"{ATOM}id") for e in feed_entries(text)[1]] for text in (here, there, relative)]
    assert ids[0] == ids[1] == ids[2]
    assert [e.find(f"{ATOM}link").get("href") for e in feed_entries(relative)[1]][3:5] == [  # type: ignore[union-attr]
        "claims/ferry-capacity/#corrections",
        "claims/ruiz-cleanest/",
    ]


HOSTILE = "]]><!-- & <entry><title>x</title></entry> \"quoted\" 'single' &amp; <script>alert(1)</script> 🚢"


def test_hostile_record_text_reaches_the_feed_as_text(tmp_path: Path) -> None:
    pages = rendered(
        tmp_path,
        {
            "ferry-capacity.yaml": [
                (
                    "    note: Rating changed from supported after the timetable was published.",
                    f"    note: {json.dumps(HOSTILE + ' Rating changed', ensure_ascii=False)}",
                )
            ],
            "dossier.yaml": [("  name: Harbourville Fact Desk", f"  name: {json.dumps(HOSTILE, ensure_ascii=False)}")],
        },
    )
    root, entries = feed_entries(pages["feed.xml"])
    assert len(entries) == 9  # the text made no entry of its own
    assert entries[3].findtext(f"{ATOM}summary") == f"2024-03-12: {HOSTILE} Rating changed"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == HOSTILE
    assert "<script>" not in pages["feed.xml"] and "]]><!--" not in pages["feed.xml"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("plain <text> & “quotes” 🚢", "plain <text> & “quotes” 🚢"),
        ("tab\tand\nline\r", "tab\tand\nline\r"),
        ("nul\x00 bell\x07 esc\x1b", "nul\ufffd bell\ufffd esc\ufffd"),
        ("lone \ud800 surrogate, \ufffe and \uffff", "lone \ufffd surrogate, \ufffd and \ufffd"),
    ],
)
def test_the_feed_gate_replaces_only_what_xml_cannot_hold(text: str, kept: str) -> None:
    from dossier.render.accountability.feed import xml_text

    assert xml_text(text) == kept


def test_every_rated_claim_of_the_real_dossier_has_a_complete_claim_review() -> None:
    from conftest import ROOT

    _, index, problems = check_dossier(str(ROOT / "claims"))
    assert problems == []
    for claim in index.claims.values():
        review = claim_review(index, claim, SITE_URL)
        if review is None:
            assert claim.verdict.rating in ("opinion", "unverified")
            continue
        allowed = set()
        if claim.first_appearance is None:
            allowed.add("itemReviewed.firstAppearance")
        if not index.articles[claim.article].published:
            allowed.add("itemReviewed.datePublished")
        assert set(missing_properties(review)) <= allowed, claim.id


def test_a_large_dossiers_feed_keeps_the_newest_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.render.accountability import feed

    monkeypatch.setattr(feed, "FEED_LIMIT", 4)
    _, entries = feed_entries(rendered(tmp_path)["feed.xml"])
    assert [e.findtext(f"{ATOM}title")[:30] for e in entries] == [  # type: ignore[index]
        "Unsupported: The mayor said th",
        "Partly supported: The electric",
        "Supported: Harbourville will r",
        "Correction: The ferries will c",
    ]


def test_the_corrections_page_says_how_corrections_are_made_once(tmp_path: Path) -> None:
    # With a policy in dossier.yaml, the policy says it: the intro does not say it again just above.
    with_policy = rendered(tmp_path / "a")["corrections.md"]
    assert (
        "# Corrections {#corrections}\n\n"
        "Follow the corrections in the [Atom feed](feed.xml); [who we are and how to reach us](about.md).\n\n"
        "## Our corrections policy {#policy}\n\nWrite to us or open a pull request with the evidence&#46;"
    ) in with_policy
    assert "listed here" not in with_policy
    # Without one (an index with no masthead), the intro says what a correction is.
    import dataclasses

    from dossier.render.accountability.corrections import render_corrections

    _, index, _ = check_dossier(str(EXAMPLE))
    without = render_corrections(dataclasses.replace(index, masthead=None))
    assert (
        "# Corrections {#corrections}\n\nWhen a verdict or its reasoning changes, the claim's record gains a dated "
        "note, shown at the top of its page and listed here. Follow the corrections in the [Atom feed](feed.xml)"
    ) in without
    assert "{#policy}" not in without
