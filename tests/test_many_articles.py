"""A dossier of several articles reads right: every listing says which article a claim is from,
record pages group their claims by article, and each article's page carries its findings. With
one article, the listings stay as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import ROOT, apply_edits
from dossier.link.check import check_dossier
from dossier.render.site import render_site
from test_site import EXAMPLE

FERRY = "[Harbourville bets on electric ferries]"
FEES = "[Mooring fees rise to pay for the ferry plan]"
SECOND_ARTICLE = ["articles/harbour-fees.yaml", "fees-rise.yaml", "ferries-third.yaml", "ruiz-pay-for-themselves.yaml"]


def pages(claims: Path = EXAMPLE) -> dict[str, str]:
    _, index, problems = check_dossier(str(claims))
    assert problems == []
    return {path: page.text for path, page in render_site(index).items() if hasattr(page, "text")}


def test_the_claims_index_names_each_claims_article() -> None:
    listing = pages()["claims/index.md"]
    assert (
        '- 5&#46; <span class="dossier-badge dossier-partly-supported">Partly supported</span> '
        "[The ferries will carry 2,000 passengers a day&#46;](ferry-capacity.md) · Forecast · in "
        f"{FERRY}(../articles/ferry-story.md)"
        '<br><span class="dossier-entry-summary">Too high, because the operator&#39;s timetable has seats for 1,600 '
        "passengers a day, not 2,000&#46;</span>"
    ) in listing.splitlines()
    assert listing.count(f"· in {FEES}(../articles/harbour-fees.md)") == 3
    assert f"· in {FEES}" in pages()["claims/verdict/unsupported.md"]


def test_record_pages_group_their_claims_by_article() -> None:
    rendered = pages()
    source = rendered["sources/council-minutes.md"]
    assert (
        source.index(f"### In {FERRY}(../articles/ferry-story.md) {{#cited-by-ferry-story}}")
        < source.index("(../claims/council-announced.md)")
        < source.index(f"### In {FEES}(../articles/harbour-fees.md) {{#cited-by-harbour-fees}}")
        < source.index("(../claims/ferries-third.md)<br>Approves €12 million")
    )
    entity = rendered["entities/harbourville-council.md"]
    assert "{#claims-ferry-story}" in entity and "{#claims-harbour-fees}" in entity
    assert "{#quoted-ferry-story}" in rendered["entities/ana-ruiz.md"]
    topic = rendered["topics/budget.md"]
    assert topic.index("{#claims-ferry-story}") < topic.index("ferry-budget.md") < topic.index("{#claims-harbour-fees}")


def test_figures_and_timeline_label_the_article() -> None:
    rendered = pages()
    assert "Every figure the articles state, against the value" in rendered["figures.md"]
    assert f"(claims/fees-rise.md)<br>in {FEES}(articles/harbour-fees.md) | 8&#37; | — |" in rendered["figures.md"]
    assert (
        "| June\u00a02024 | The article's figure “8&#37;” is for June\u00a02024 | "
        '<span class="dossier-badge dossier-supported">Supported</span> '
        f"[Harbourville will raise mooring fees by 8&#37; from June 2024&#46;](claims/fees-rise.md) · in {FEES}"
        "(articles/harbour-fees.md) |"
    ) in rendered["timeline.md"]


def test_each_article_page_carries_its_findings_and_tally() -> None:
    article = pages()["articles/harbour-fees.md"]
    findings = article.split("## What we found {#findings}\n\n", 1)[1].split("\n## ", 1)[0]
    assert findings.startswith("The fee rise is as the budget papers give it;")
    assert (
        "- The 8&#37; rise in mooring fees, from June, matches the budget papers&#46;\n"
        '    - <span class="dossier-finding-claims"><span class="dossier-badge dossier-supported">Supported</span> '
        "[Harbourville will raise mooring fees by 8&#37; from June 2024&#46;](../claims/fees-rise.md)</span>\n"
    ) in findings
    # One claim per line, each with its badge, not a paragraph of links joined by " · ".
    assert (
        "not pay for themselves by 2030&#46;\n"
        '    - <span class="dossier-finding-claims"><span class="dossier-badge dossier-partly-supported">Partly '
        "supported</span> [The electric ferries take up a third of Harbourville&#39;s capital budget&#46;]"
        "(../claims/ferries-third.md)</span>\n"
        '    - <span class="dossier-finding-claims"><span class="dossier-badge dossier-unsupported">Unsupported'
        "</span> [The mayor said the ferries will pay for themselves&#46;](../claims/ruiz-pay-for-themselves.md)</span>"
    ) in findings
    assert "**3 claims:** Supported 1, Partly supported 1, Unsupported 1. **Coverage:** 2 of 4 sentences" in findings
    tally = article.split("{#inherited}\n\n", 1)[1].split("\n## ", 1)[0]
    assert tally.startswith("2 claims did not fully hold up.")  # this article's, not the dossier's 3
    assert (
        "- The article's doing:\n"
        '    - <span class="dossier-finding-claims"><span class="dossier-badge dossier-partly-supported">Partly '
        "supported</span> [The electric ferries take up a third"
    ) in tally
    assert article.index("{#inherited}") < article.index("## The article, annotated {#text}")


def test_one_article_keeps_plain_listings(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    apply_edits(claims, {path: None for path in [*SECOND_ARTICLE, "sources/budget-papers.yaml"]})
    rendered = pages(claims)
    assert "· in [" not in rendered["claims/index.md"] + rendered["figures.md"] + rendered["timeline.md"]
    assert "### In " not in rendered["sources/council-minutes.md"] + rendered["entities/ana-ruiz.md"]
    assert "Every figure the article states, against the value" in rendered["figures.md"]


def test_the_navigation_says_articles() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load("nav:" + config.split("\nnav:", 1)[1].split("\n\n", 1)[0])["nav"]
    assert {"Articles": "articles/index.md"} in nav
