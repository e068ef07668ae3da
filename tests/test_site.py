"""The built site, read as HTML: pages, links, anchors, backlinks, JSON-LD, exports, determinism."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from site_html import page_file, read_page, resolve

EXAMPLE = ROOT / "tests" / "example" / "claims"
CLAIM_IDS = [
    "council-announced",
    "ferry-budget",
    "ferry-capacity",
    "roads-better",
    "ruiz-cleanest",
]  # the ferry story's
FEES_CLAIM_IDS = ["fees-rise", "ferries-third", "ruiz-pay-for-themselves"]  # the second article's


def build(claims: Path, site: Path, engine: str = "mkdocs", **env: str) -> subprocess.CompletedProcess[str]:
    environment = os.environ | {"SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"} | env
    command = ["build", "--claims", str(claims), "--site-dir", str(site), "--engine", engine]
    return subprocess.run(
        [sys.executable, str(ROOT / "build_claims.py"), *command],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(EXAMPLE, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


# The same records built by the second engine (scale work): the tests taking `any_site` hold for both.
@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("zensical") / "site"
    result = build(EXAMPLE, out, engine="zensical")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(params=["mkdocs", "zensical"])
def any_site(request: pytest.FixtureRequest) -> Path:
    return Path(request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site"))


def test_every_record_has_its_page(any_site: Path) -> None:
    for kind, ids in {
        "claims": CLAIM_IDS + FEES_CLAIM_IDS,
        "sources": ["budget-papers", "council-minutes", "operator-timetable", "wire-story-copy"],
        "entities": ["ana-ruiz", "harbourville-council"],
        "articles": ["ferry-story", "harbour-fees"],
        "topics": ["budget", "transport"],
    }.items():
        for record_id in ids:
            assert (any_site / kind / record_id / "index.html").is_file(), (kind, record_id)
    for section in ["", "claims/", "sources/", "entities/", "topics/", "articles/", "methodology/", "contributing/"]:
        assert page_file(any_site, section).is_file(), section


def test_every_internal_link_and_anchor_resolves(any_site: Path) -> None:
    broken = []
    pages = {}
    for html_file in sorted(any_site.rglob("*.html")):
        for href, _ in read_page(html_file).links:
            target = resolve(any_site, html_file, href)
            if target is None:
                continue
            path, fragment = target
            if not path.exists():
                broken.append((html_file.relative_to(any_site), href))
            elif fragment and path.suffix == ".html":
                ids = pages.setdefault(path, read_page(path).ids)
                if fragment not in ids:
                    broken.append((html_file.relative_to(any_site), href))
    assert broken == []


def article_html(site: Path) -> str:
    return (site / "articles" / "ferry-story" / "index.html").read_text(encoding="utf-8")


def test_article_marks_every_excerpt_and_each_claim_links_back(any_site: Path) -> None:
    article = read_page(any_site / "articles" / "ferry-story" / "index.html")
    markers = {attrs["id"]: href for href, attrs in article.links if "dossier-marker" in attrs.get("class", "")}
    assert markers == {f"c-{c}": f"../../claims/{c}/" for c in CLAIM_IDS}
    names = [attrs["aria-label"] for _, attrs in article.links if "dossier-marker" in attrs.get("class", "")]
    assert names[0] == "Claim 1, Supported: Harbourville will spend €12 million on four electric ferries by 2027."
    assert len(names) == len(CLAIM_IDS) and all(", " in n and ": " in n for n in names)
    # Passages are not links (a fragment such as "." made a poor link name); each names its marker.
    assert [h for h, a in article.links if "dossier-excerpt" in a.get("class", "")] == []
    passages = re.findall(r'<span class="dossier-excerpt [^"]*" data-marker="([^"]+)">', article_html(any_site))
    assert set(passages) == {f"c-{c}" for c in CLAIM_IDS}
    for claim_id in CLAIM_IDS:
        claim = read_page(any_site / "claims" / claim_id / "index.html")
        assert f"../../articles/ferry-story/#c-{claim_id}" in [href for href, _ in claim.links]


def test_nested_excerpts_stay_marked(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    subprocess.run(["cp", "-r", str(EXAMPLE), str(claims)], check=True)
    inner = (claims / "council-announced.yaml").read_text(encoding="utf-8")
    nested = inner.replace("id: council-announced", "id: council-monday").replace(
        "excerpt: the council said on Monday", "excerpt: said on Monday"
    )
    (claims / "council-monday.yaml").write_text(nested, encoding="utf-8")
    result = build(claims, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    article = read_page(tmp_path / "site" / "articles" / "ferry-story" / "index.html")
    marker_ids = {attrs["id"] for _, attrs in article.links if "dossier-marker" in attrs.get("class", "")}
    assert {"c-council-announced", "c-council-monday"} <= marker_ids
    passages = re.findall(r'<span class="([^"]+)" data-marker="([^"]+)">', article_html(tmp_path / "site"))
    assert ("dossier-excerpt dossier-supported dossier-depth-1", "c-council-announced") in passages
    assert ("dossier-excerpt dossier-supported dossier-depth-2", "c-council-monday") in passages


def test_backlinks_are_complete(any_site: Path) -> None:
    def claim_links(path: Path) -> set[str]:
        return {
            href.split("/")[-2]
            for href, _ in read_page(path).links
            if href.startswith("../../claims/") and href.count("/") == 4
        }

    assert claim_links(any_site / "sources" / "council-minutes" / "index.html") == {
        "ferry-budget",
        "council-announced",
        "ferries-third",
    }
    assert claim_links(any_site / "sources" / "operator-timetable" / "index.html") == {"ferry-capacity"}
    assert claim_links(any_site / "entities" / "harbourville-council" / "index.html") == {
        "ferry-budget",
        "council-announced",
        "fees-rise",
        "ferries-third",
    }
    assert claim_links(any_site / "entities" / "ana-ruiz" / "index.html") == {
        "ruiz-cleanest",
        "ruiz-pay-for-themselves",
    }
    entity = read_page(any_site / "entities" / "ana-ruiz" / "index.html")
    # Several articles: the entity's quotes and claims are grouped under each article's title.
    assert (
        "Quoted¶ In Harbourville bets on electric ferries¶ Unverified “This is the cleanest fleet on the lake” (claim) "
        "In Mooring fees rise to pay for the ferry plan¶ Unsupported “Nobody likes paying more, but the ferries will "
        "pay for themselves” (claim)"
    ) in entity.text
    assert claim_links(any_site / "topics" / "transport" / "index.html") == {
        "ferry-budget",
        "ferry-capacity",
        "ferries-third",
        "ruiz-pay-for-themselves",
    }


def claim_review(site: Path, claim_id: str) -> Any:
    """The one JSON-LD block of a built claim page, parsed."""
    page = read_page(site / "claims" / claim_id / "index.html")
    (block,) = [s for s in page.scripts if s.get("type") == "application/ld+json"]
    return json.loads(block["text"])


def test_claim_review_json_ld(any_site: Path) -> None:
    data = claim_review(any_site, "ferry-capacity")
    assert data == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "/claims/ferry-capacity/",
        "claimReviewed": "The ferries will carry 2,000 passengers a day.",
        "datePublished": "2024-03-10",
        "author": {"@type": "Organization", "name": "Harbourville Fact Desk", "url": "https://factdesk.example.org/"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 3,
            "bestRating": 4,
            "worstRating": 1,
            "name": "Partly supported",
            "alternateName": "Partly supported",
        },
        "reviewBody": "Too high, because the operator's timetable has seats for 1,600 passengers a day, not 2,000.",
        "itemReviewed": {
            "@type": "Claim",
            "datePublished": "2024-03-04",
            "appearance": {
                "@type": "CreativeWork",
                "url": "https://example.org/news/ferries",
                "headline": "Harbourville bets on electric ferries",
                "datePublished": "2024-03-04",
                "publisher": {"@type": "Organization", "name": "Lake Gazette"},
            },
            "author": {"@type": "Person", "name": "Jo Example"},
            # The copy's URL, with the original publication's headline, publisher and date.
            "firstAppearance": {
                "@type": "CreativeWork",
                "url": "https://example.org/aggregator/harbourville-ferries",
                "headline": "Harbourville orders four electric ferries",
                "datePublished": "2024-03-02",
                "publisher": {"@type": "Organization", "name": "Harbour Wire"},
            },
        },
    }


def test_claim_review_first_appearance_of_the_articles_own_words_is_the_article(site: Path) -> None:
    reviewed = claim_review(site, "council-announced")["itemReviewed"]
    assert reviewed["firstAppearance"] == reviewed["appearance"]
    assert claim_review(site, "ferry-budget")["itemReviewed"]["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": "https://example.org/council/minutes-2024-03-04",
        "headline": "Minutes of the council meeting of 4 March 2024",
        "datePublished": "2024-03-04",
        "publisher": {"@type": "Organization", "name": "Harbourville Council"},
    }


def test_no_claim_review_for_opinions_or_unverified_claims(site: Path) -> None:
    for claim_id in ["roads-better", "ruiz-cleanest"]:
        page = read_page(site / "claims" / claim_id / "index.html")
        assert [s for s in page.scripts if s.get("type") == "application/ld+json"] == [], claim_id


def test_claim_page_shows_excerpt_in_context_and_figure(any_site: Path) -> None:
    page = read_page(any_site / "claims" / "ferry-capacity" / "index.html")
    assert (
        "Critics say the money would be better spent on roads. The ferries will carry 2,000 passengers a day, the operator repeated."
        in page.text
    )
    assert "As stated 2,000 passengers a day" in page.text
    assert "What the sources support 1,600" in page.text
    assert "12 March 2024 Rating changed from supported after the timetable was published." in page.text


def test_exports_hold_every_claim(any_site: Path) -> None:
    data = json.loads((any_site / "claims.json").read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    assert [c["id"] for c in data["claims"]] == [
        "ferry-budget",
        "council-announced",
        "ruiz-cleanest",
        "roads-better",
        "ferry-capacity",
        "fees-rise",
        "ferries-third",
        "ruiz-pay-for-themselves",
    ]
    assert data["claims"][0]["figure"]["period"] == {"start": "2024", "end": "2027"}
    rows = list(
        csv.DictReader(io.StringIO((any_site / "claims.csv").read_text(encoding="utf-8-sig")))
    )  # starts with a BOM
    assert [r["id"] for r in rows] == [c["id"] for c in data["claims"]]
    assert rows[4]["figure_checked_value"] == "1600" and rows[4]["paragraph"] == "3"
    assert [r["summary"] for r in rows] == [c["verdict"]["summary"] or "" for c in data["claims"]]
    assert rows[4]["summary"].startswith("Too high, because")
    assert [(r["first_appearance_source"], r["first_appearance_change"]) for r in rows] == [
        (c["first_appearance"]["source"] or "", c["first_appearance"]["change"]) if c["first_appearance"] else ("", "")
        for c in data["claims"]
    ]
    home = read_page(any_site / "index.html")
    assert {"claims.json", "claims.csv"} <= {href for href, _ in home.links}


def test_home_page_answers_first(any_site: Path) -> None:
    home = read_page(any_site / "index.html")
    assert (
        "Claims dossier¶ Of the 8 claims we reviewed in 2 articles, 3 hold up, 3 do not fully hold up, "
        "1 is not checked yet and 1 is an opinion, which evidence cannot settle. "
        "Supported 3 claims Partly supported 2 claims Unsupported 1 claim Unverified 1 claim Opinion 1 claim "
        "Browse every claim"
    ) in home.text
    # Each article: publisher, byline, date, claim count, verdict counts, our finding, its weak claims.
    assert (
        "Mooring fees rise to pay for the ferry plan¶ Sam Example · Northshore Courier · published on 15 April 2024 · "
        "3 claims · original article Supported 1 Partly supported 1 Unsupported 1 "
        "Our finding: The fee rise is as the budget papers give it; the ferries’ share of the budget is overstated. "
        "All our findings on this article "
        "2 claims did not fully hold up: Unsupported The mayor said the ferries will pay for themselves. "
        "Partly supported The electric ferries take up a third of Harbourville's capital budget. "
        "— the article's own words"
    ) in home.text
    assert (
        "1 claim did not fully hold up: Partly supported The ferries will carry 2,000 passengers a day. "
        "— inherited from Harbour Wire"
    ) in home.text


def test_site_loads_nothing_from_other_hosts(any_site: Path) -> None:
    for html_file in any_site.rglob("*.html"):
        page = read_page(html_file)
        remote = [s.get("src") for s in page.scripts if s.get("src", "").startswith(("http:", "https:", "//"))]
        remote += [h for h in page.stylesheets if h.startswith(("http:", "https:", "//"))]
        assert remote == [], html_file
    assert "fonts.googleapis" not in (any_site / "index.html").read_text(encoding="utf-8")


def test_second_build_is_byte_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build(EXAMPLE, again).returncode == 0
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_search_index_holds_claims_entities_and_sources(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    assert by_location["claims/ferry-capacity/"]["title"] == "The ferries will carry 2,000 passengers a day."
    assert "Ana Ruiz" in by_location["entities/ana-ruiz/"]["title"]
    assert "Minutes of the council meeting" in by_location["sources/council-minutes/"]["title"]
    assert "1,600 passengers a day" in by_location["claims/ferry-capacity/"]["text"]


def test_claim_pages_link_to_the_claims_before_and_after_in_the_article(any_site: Path) -> None:
    def neighbours(claim_id: str) -> list[str]:
        page = read_page(any_site / "claims" / claim_id / "index.html")
        return [
            href
            for href, _ in page.links
            if href.startswith("../") and href.count("/") == 2 and href.endswith("/") and href != "../"
        ][-2:]

    text = read_page(any_site / "claims" / "roads-better" / "index.html").text
    assert "← Previous claim: “This is the cleanest fleet" not in text  # labels are the claims, not quotes
    assert "← Previous claim: The mayor called the new fleet the cleanest on the lake." in text
    assert "Next claim: The ferries will carry 2,000 passengers a day. →" in text
    last = read_page(any_site / "claims" / "ferry-capacity" / "index.html").text
    assert "Next claim:" not in last and "← Previous claim: Critics say" in last
    first = read_page(any_site / "claims" / "ferry-budget" / "index.html").text
    assert (
        "Previous claim:" not in first and "Next claim: The council announced the ferry purchase on Monday. →" in first
    )
    assert neighbours("roads-better") == ["../ruiz-cleanest/", "../ferry-capacity/"]


def test_claims_index_points_its_filters_at_the_compact_data(any_site: Path) -> None:
    page = read_page(any_site / "claims" / "index.html")
    (href,) = [href for href, attrs in page.links if attrs.get("id") == "dossier-index-data"]
    # Reader words for the data link, and the count sentence the filter script rewrites for a filtered view.
    html = (any_site / "claims" / "index.html").read_text(encoding="utf-8")
    assert (
        '<p><span id="dossier-listing-lead">8 claims, in the order they appear in the articles.</span> Also as data: '
        '<a href="../claims.json">claims.json</a> · <a href="../claims.csv">claims.csv</a> · '
        '<a data-articles="2" href="../claims-index.json" id="dossier-index-data">a short index of every claim</a>.</p>'
    ) in html
    target = resolve(any_site, any_site / "claims" / "index.html", href)
    assert target is not None
    data = json.loads(target[0].read_text(encoding="utf-8"))
    assert [row[0] for row in data["claims"]] == [
        "ferry-budget",
        "council-announced",
        "ruiz-cleanest",
        "roads-better",
        "ferry-capacity",
        "fees-rise",
        "ferries-third",
        "ruiz-pay-for-themselves",
    ]


# --- provenance (audit) ---------------------------------------------------------------------


def test_claim_page_says_where_the_wording_first_appeared(site: Path) -> None:
    page = read_page(site / "claims" / "ferry-capacity" / "index.html")
    assert (
        "Where the wording comes from¶ First appeared in Harbourville orders electric ferries (repost) — "
        "Harbour Wire, 2 March 2024 (copy at Lakeside Aggregator, 3 March 2024). What the article did with it: repeated nearly word for word. "
        "The wire story has the same sentence, two days before the article."
    ) in page.text
    claim_file = site / "claims" / "ferry-capacity" / "index.html"
    targets = {resolve(site, claim_file, href) for href, _ in page.links}
    assert (site / "sources" / "wire-story-copy" / "index.html", "") in targets
    own = read_page(site / "claims" / "council-announced" / "index.html")
    assert "We found no earlier text for these words: they are the article's own." in own.text


def test_claim_page_lists_a_copy_under_its_original_publisher(site: Path) -> None:
    page = read_page(site / "claims" / "ferry-capacity" / "index.html")
    assert (
        "Harbourville orders electric ferries (repost) — Harbour Wire, 2 March 2024 "
        "(copy at Lakeside Aggregator, 3 March 2024) · copy · accessed 5 March 2024 The wire story"
    ) in page.text
    assert "Summer timetable — Lake Ferries Ltd, 11 March 2024 · published after the article · original" in page.text


def test_source_page_shows_the_original_publication(site: Path) -> None:
    page = read_page(site / "sources" / "wire-story-copy" / "index.html")
    assert (
        "Original publication: Harbour Wire, “Harbourville orders four electric ferries”, 2 March 2024. "
        "This page is a copy at Lakeside Aggregator; the dossier reads the original's text from it."
    ) in page.text
    assert (
        "Where claims first appeared¶ The ferries will carry 2,000 passengers a day. — repeated nearly word for word"
        in page.text
    )
    plain = read_page(site / "sources" / "council-minutes" / "index.html")
    assert "Original publication" not in plain.text
    index = read_page(site / "sources" / "index.html")
    assert "Lakeside Aggregator (copy of Harbour Wire)" in index.text


def test_findings_are_on_the_article_page_and_the_home_page_counts_inherited_flaws(site: Path) -> None:
    article = read_page(site / "articles" / "ferry-story" / "index.html")
    assert (
        "What we found¶ The figures come from the council and the operator; one of them no longer holds. "
        "The budget and the date of the announcement match the council's minutes. "
        "Supported Harbourville will spend €12 million on four electric ferries by 2027. "
        "Supported The council announced the ferry purchase on Monday. "
        "The timetable has room for 1,600 passengers a day, not 2,000. "
        "Partly supported The ferries will carry 2,000 passengers a day."
    ) in article.text
    # Each finding's claims are a list under it: one claim per line, each with its verdict badge.
    html = (site / "articles" / "ferry-story" / "index.html").read_text(encoding="utf-8")
    assert (
        "<li>The budget and the date of the announcement match the council&#39;s minutes&#46;<ul>\n"
        '<li><span class="dossier-finding-claims"><span class="dossier-badge dossier-supported">Supported</span> '
        '<a href="../../claims/ferry-budget/">Harbourville will spend €12 million on four electric ferries by '
        "2027&#46;</a></span></li>\n"
        '<li><span class="dossier-finding-claims"><span class="dossier-badge dossier-supported">Supported</span> '
        '<a href="../../claims/council-announced/">The council announced the ferry purchase on Monday&#46;</a>'
        "</span></li>\n</ul>\n</li>"
    ) in html
    targets = {resolve(site, site / "articles" / "ferry-story" / "index.html", href) for href, _ in article.links}
    for claim_id in ["ferry-budget", "council-announced", "ferry-capacity"]:
        assert (site / "claims" / claim_id / "index.html", "") in targets, claim_id
    home = read_page(site / "index.html")
    assert "The budget and the date of the announcement" not in home.text  # on the article's page only
    assert (
        "3 claims did not fully hold up. Where each flaw comes from, counted from the claim's record of where "
        "its wording first appeared: Where the flaw comes from Claims "
        "Inherited: wording kept or reworded from an earlier text 1 "
        "The articles' doing: substance changed, or their own words 1 "
        "1 of them is not yet traced to an earlier text."
    ) in home.text
    assert home.text.count("The ferries will carry 2,000 passengers a day.") == 1  # listed once
    assert ".." not in home.text and ".;" not in home.text
