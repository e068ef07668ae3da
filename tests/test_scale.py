"""Scale: reverse indexes equal a brute-force scan, links equal relpath, listings page and summarise."""

from __future__ import annotations

import json
import posixpath
import re
import sys
from itertools import product
from pathlib import Path

import pytest
from mkdocs.structure.files import File

from conftest import ROOT
from dossier.link.backlinks import build_backlinks
from dossier.link.check import check_dossier
from dossier.link.crossref import Index
from dossier.publish.mkdocs_hook import GeneratedFile, UnchangedFile
from dossier.read.paths import link
from dossier.render.home import PAGE_SIZE, render_claims_listings, render_home
from dossier.render.search_index import SearchEntries, compact_search_index
from dossier.render.site import render_site

sys.path.insert(0, str(ROOT / "bench"))
from synth import make_dossier  # noqa: E402


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Index:
    """A 260-claim synthetic dossier (13 articles, 52 sources, 13 entities), checked."""
    folder = tmp_path_factory.mktemp("synthetic") / "claims"
    make_dossier(folder, 260)
    _, index, problems = check_dossier(str(folder))
    assert problems == []
    return index


def test_links_equal_relpath_for_every_pair_of_page_depths() -> None:
    pages = [
        "index.md",
        "methodology.md",
        "claims.json",
        "claims/index.md",
        "claims/a.md",
        "claims/page/2.md",
        "claims/verdict/disputed.md",
        "claims/verdict/disputed/page/3.md",
        "sources/s.md",
        "topics/t.md",
    ]
    for source, target in product(pages, pages):
        assert link(source, target) == posixpath.relpath(target, posixpath.dirname(source) or "."), (source, target)
    assert link("claims/a.md", "articles/x.md", "c-a") == "../articles/x.md#c-a"


def test_reverse_indexes_equal_a_scan_of_every_claim(synthetic: Index) -> None:
    order = build_backlinks(synthetic)
    ordered_ids = [c.id for c in order.ordered]
    in_order = sorted(ordered_ids, key=ordered_ids.index)
    for source in synthetic.sources:
        scan = [c.id for c in synthetic.claims.values() if any(r.source == source for r in c.sources)]
        assert [c.id for c, _ in order.by_source.get(source, [])] == sorted(scan, key=in_order.index)
    for entity in synthetic.entities:
        scan = [c.id for c in synthetic.claims.values() if entity in c.entities]
        assert [c.id for c in order.by_entity.get(entity, [])] == sorted(scan, key=in_order.index)
        quotes = [c.id for c in synthetic.claims.values() if c.quote and c.quote.speaker == entity]
        assert [c.id for c in order.quotes_by_speaker.get(entity, [])] == sorted(quotes, key=in_order.index)
    topics = sorted({t for c in synthetic.claims.values() for t in c.topics})
    assert list(order.by_topic) == topics
    assert sum(len(v) for v in order.by_article.values()) == len(synthetic.claims) == 260


def test_claims_index_is_paged_and_each_verdict_has_its_listing(synthetic: Index) -> None:
    pages = render_claims_listings(synthetic)
    assert [p for p in pages if p.startswith("claims/page/")] == ["claims/page/2.md", "claims/page/3.md"]
    third = pages["claims/page/3.md"]
    items = re.compile(r"^- \d+&#46; ", re.M)
    assert '---\ntitle: "Claims, page 3"\nhide: ["navigation"]\nsearch: {"exclude": true}\n---\n' in third
    assert "## Claims 201–260 {#list}" in third
    assert items.findall(third) == [f"- {n}&#46; " for n in range(201, 261)]
    assert "Page 3 of 3: [← Previous](2.md) [1](../index.md) [2](2.md) **3**\n" in third
    assert "Page 1 of 3: **1** [2](page/2.md) [3](page/3.md) [Next →](page/3.md)" not in pages["claims/index.md"]
    assert "Page 1 of 3: **1** [2](page/2.md) [3](page/3.md) [Next →](page/2.md)\n" in pages["claims/index.md"]
    listed = sum(len(items.findall(page)) for path, page in pages.items() if path.startswith("claims/verdict/"))
    assert listed == 260  # every claim on exactly one verdict page
    assert (
        '- <span class="dossier-badge dossier-disputed">Disputed</span> [37 claims](verdict/disputed.md)'
        in (pages["claims/index.md"])
    )


def test_compact_index_data_names_each_record_once(synthetic: Index) -> None:
    data = json.loads(render_claims_listings(synthetic)["claims-index.json"])
    assert data["columns"] == ["id", "claim", "verdict", "kind", "article", "entities", "topics", "summary"]
    assert data["page_size"] == PAGE_SIZE
    rows = data["claims"]
    assert [r[0] for r in rows] == [c.id for c in build_backlinks(synthetic).ordered]
    first = synthetic.claims[rows[0][0]]
    assert data["articles"][rows[0][4]] == [first.article, synthetic.articles[first.article].title]
    assert [data["entities"][e][0] for e in rows[0][5]] == list(first.entities)
    assert [data["topics"][t][0] for t in rows[0][6]] == list(first.topics)
    assert len(data["entities"]) == 13 and len(data["articles"]) == 13


def test_home_page_summarises_many_articles_and_balances_their_weak_claims(synthetic: Index) -> None:
    home = render_home(synthetic)
    assert home.count("\n### [") == 10  # the first ten articles
    assert "## The 13 articles we reviewed {#articles}" in home
    assert "…and 3 more articles: [see every article we reviewed](articles/index.md)\n" in home
    cards = home.split("\n### [")[1:]
    for card in cards:
        weak = [line for line in card.splitlines() if line.startswith("- <span")]
        assert len(weak) == 3, card  # the same share for every article shown
        assert "- …and " in card and "more: [every claim in this article](articles/" in card
    listed = [line for line in home.splitlines() if line.startswith("- <span") and "claims/" in line]
    assert len(listed) == len(set(listed)) == 30 + 5  # 30 weak claims and 5 verdict counts, none twice


def test_rendering_is_deterministic(synthetic: Index) -> None:
    first = {path: page.text for path, page in render_site(synthetic).items()}
    assert first == {path: page.text for path, page in render_site(synthetic).items()}


def test_search_index_keeps_one_entry_per_claim_and_drops_listings(tmp_path: Path) -> None:
    _, index, _ = check_dossier(str(ROOT / "tests" / "example" / "claims"))
    material = {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "claims/ferry-capacity/", "title": "x", "text": "old"},
            {"location": "claims/ferry-capacity/#cite", "title": "Cite this claim", "text": "..."},
            {"location": "entities/ana-ruiz/", "title": "Ana Ruiz", "text": "Mayor"},
            {"location": "entities/ana-ruiz/#claims", "title": "Named in 1 claim", "text": "..."},
            {"location": "sources/council-minutes/", "title": "x", "text": "Publisher: Harbourville Council Kind"},
            {"location": "sources/council-minutes/#cited-by", "title": "Cited by", "text": "..."},
            {"location": "sources/wire-story-copy/", "title": "x", "text": "Publisher: Lakeside Aggregator"},
            {"location": "entities/ana-ruiz/", "title": "Ana Ruiz", "text": "Mayor of Harbourville"},
            {
                "location": "articles/ferry-story/",
                "title": "x",
                "text": "<p>Each marked passage is a claim</p> 1Harbourville",
            },
            {"location": "articles/ferry-story/#claims", "title": "The 3 claims", "text": "..."},
            {"location": "articles/", "title": "Articles reviewed", "text": ""},
            {"location": "articles/#harbourville-bets-on-electric-ferries", "title": "Harbourville", "text": "..."},
        ],
    }
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(material), encoding="utf-8")
    compact_search_index(path, index)
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    assert docs == [
        {
            "location": "claims/ferry-capacity/",
            "title": "The ferries will carry 2,000 passengers a day.",
            "text": "<p>Partly supported · Forecast. Too high, because the operator's timetable has seats for 1,600 "
            "passengers a day, not 2,000.</p>",
            "boost": 10,
            "tags": ["Transport"],
        },
        # An entity's one entry, from its record: its description, not the page's facts or claim lists.
        {"location": "entities/ana-ruiz/", "title": "Ana Ruiz", "text": "<p>Mayor of Harbourville.</p>"},
        # A source's one entry: a sentence, not "Publisher: … Published: … Kind: … Accessed: …".
        {
            "location": "sources/council-minutes/",
            "title": "Minutes of the council meeting of 4 March 2024",
            "text": "<p>Harbourville Council official publication, 4 March 2024; read March 2024.</p>",
        },
        {
            "location": "sources/wire-story-copy/",
            "title": "Harbourville orders electric ferries (repost)",
            "text": "<p>Harbour Wire story, 2 March 2024, in a copy at Lakeside Aggregator; read 5 March 2024.</p>",
        },
        {
            "location": "articles/ferry-story/",
            "title": "Harbourville bets on electric ferries",
            "text": "<p>Jo Example · Lake Gazette · published on 4 March 2024. "
            "The figures come from the council and the operator; one of them no longer holds.</p>",
        },
        {"location": "articles/", "title": "Articles reviewed", "text": ""},
    ]


def test_a_dirty_rebuild_skips_generated_pages_whose_text_did_not_change(tmp_path: Path) -> None:
    page = GeneratedFile("claims/a.md", src_dir=None, dest_dir=str(tmp_path), use_directory_urls=True)
    page.content = "# A"
    page.changed = False
    assert page.is_modified()  # never written: it must be built
    Path(page.abs_dest_path).parent.mkdir(parents=True)
    Path(page.abs_dest_path).write_text("<h1>A</h1>", encoding="utf-8")
    assert not page.is_modified()
    page.changed = True
    assert page.is_modified()


@pytest.mark.parametrize("directory_urls", [True, False])
def test_an_unchanged_file_stands_where_mkdocs_puts_the_page(tmp_path: Path, directory_urls: bool) -> None:
    """Links to a page MkDocs is not given resolve through its stand-in: the same destination and URL."""
    paths = ["index.md", "claims/index.md", "claims/a-claim.md", "claims/page/2.md", "claims.json", "charts/v.svg"]
    for path in paths:
        real = File(path, None, str(tmp_path), directory_urls)
        stand_in = UnchangedFile(path, str(tmp_path), directory_urls)
        assert (stand_in.src_uri, stand_in.dest_uri, stand_in.url) == (real.src_uri, real.dest_uri, real.url)
        assert stand_in.abs_dest_path == real.abs_dest_path
        assert stand_in.is_page == real.is_documentation_page()
        assert not stand_in.is_documentation_page() and not stand_in.is_modified()


def test_a_dirty_rebuild_keeps_the_entries_of_pages_it_did_not_rebuild(tmp_path: Path) -> None:
    _, index, _ = check_dossier(str(ROOT / "tests" / "example" / "claims"))
    path = tmp_path / "search_index.json"
    order = ["", "methodology/", "entities/ana-ruiz/"]
    first = [
        {"location": "entities/ana-ruiz/", "title": "Ana Ruiz", "text": "Mayor"},
        {"location": "", "title": "Claims dossier", "text": "Home"},
    ]
    path.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": first}), encoding="utf-8")
    kept = SearchEntries()
    kept.update(path, index, set(order), order)
    assert [d["location"] for d in json.loads(path.read_text(encoding="utf-8"))["docs"]] == ["", "entities/ana-ruiz/"]
    # Only the methodology page was built again: the plugin wrote its entries alone.
    rebuilt = [{"location": "methodology/", "title": "How we check", "text": "Ratings"}]
    path.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": rebuilt}), encoding="utf-8")
    kept.update(path, index, {"methodology/"}, order)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["config"] == {"lang": ["en"]}
    assert [d["location"] for d in data["docs"]] == ["", "methodology/", "entities/ana-ruiz/"]
    # The entity page went (its record was deleted): its entries go with it.
    path.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": []}), encoding="utf-8")
    kept.update(path, index, set(), order[:2])
    assert [d["location"] for d in json.loads(path.read_text(encoding="utf-8"))["docs"]] == ["", "methodology/"]


def test_a_topic_with_many_claims_is_paged(synthetic: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past TOPIC_PAGE_SIZE claims a topic's page links to the rest, so a save re-renders one page of it."""
    from dossier.render import record_pages

    monkeypatch.setattr(record_pages, "TOPIC_PAGE_SIZE", 5)
    claims = build_backlinks(synthetic).by_topic["topic-7"]
    assert len(claims) == 14
    pages = render_site(synthetic)
    assert [p for p in pages if p.startswith("topics/topic-7")] == [
        "topics/topic-7.md",
        "topics/topic-7/page/2.md",
        "topics/topic-7/page/3.md",
    ]
    second = pages["topics/topic-7/page/2.md"].text
    assert second.startswith('---\ntitle: "Topic: Topic 7, page 2"\n')
    assert "14 claims on this topic." in second
    assert second.count("](../../../claims/") == 5  # claims 6 to 10
    assert second.endswith(
        "Page 2 of 3: [← Previous](../../topic-7.md) [1](../../topic-7.md) **2** [3](3.md) [Next →](3.md)\n"
    )
    assert "[2](topic-7/page/2.md)" in pages["topics/topic-7.md"].text
