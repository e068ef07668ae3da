"""What a reader in a hurry gets: the one-sentence summary everywhere, citations and share links.

Rendered from the example dossier (and hostile edits of it); the browser tests in
test_browser_answers.py use the same pages in Chromium.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_reader_pages import example_index

from conftest import add_topic, apply_edits
from dossier.cli import main
from dossier.publish.engines import RELATIVE_CITATIONS
from dossier.render import figures
from dossier.render.claim import format_number
from dossier.render.markup import share_link
from dossier.render.search_index import claim_entry
from dossier.render.site import render_site
from test_site import EXAMPLE

SUMMARY = "Too high, because the operator's timetable has seats for 1,600 passengers a day, not 2,000."


def test_the_summary_reaches_every_channel() -> None:
    index = example_index()
    pages = render_site(index)
    listing = next(line for line in pages["claims/index.md"].text.splitlines() if "ferry-capacity" in line)
    assert listing.endswith(
        '<br><span class="dossier-entry-summary">Too high, because the operator&#39;s timetable has seats for '
        "1,600 passengers a day, not 2,000&#46;</span>"
    )
    data = json.loads(pages["claims-index.json"].text)
    row = dict(zip(data["columns"], data["claims"][4], strict=True))
    assert (row["id"], row["summary"]) == ("ferry-capacity", SUMMARY)
    entry = claim_entry(index, index.claims["ferry-capacity"])
    assert entry["text"].startswith(
        "<p>Partly supported · Forecast. Too high, because the operator's timetable has seats"
    )
    exported = json.loads(pages["claims.json"].text)
    assert exported["claims"][4]["verdict"]["summary"] == SUMMARY


def test_citation_is_relative_without_a_site_address_and_has_no_share_links() -> None:
    page = render_site(example_index())["claims/ferry-capacity.md"].text
    cite = page.split("## Cite this claim {#cite}\n\n", 1)[1].split("\n", 1)[0]
    assert cite == (
        '<p class="dossier-citation" id="dossier-citation">Harbourville Fact Desk, “The ferries will carry 2,000 '
        "passengers a day”, a claim from “Harbourville bets on electric ferries” &#40;Lake Gazette&#41;&#46; "
        "Rated partly supported, checked 10 March 2024&#46; /claims/ferry&#45;capacity/</p>"
    )
    assert "dossier-share" not in page


def test_citation_and_share_links_use_the_public_address() -> None:
    page = render_site(example_index(), "https://facts.example.org/dossier/")["claims/ferry-capacity.md"].text
    assert (
        "checked 10 March 2024&#46; https&#58;//facts&#46;example&#46;org/dossier/claims/ferry&#45;capacity/</p>"
        in page
    )
    share = next(line for line in page.splitlines() if line.startswith('<p class="dossier-share">'))
    url = (
        "https&#37;3A&#37;2F&#37;2Ffacts&#46;example&#46;org&#37;2Fdossier&#37;2Fclaims&#37;2Fferry&#45;capacity&#37;2F"
    )
    assert share.startswith(
        '<p class="dossier-share">Share: <a href="mailto&#58;?subject&#61;Partly&#37;20supported&#37;3A&#37;20The'
    )
    assert f'<a href="https&#58;//www&#46;facebook&#46;com/sharer/sharer&#46;php?u&#61;{url}" rel="noopener">' in share
    assert [label.split("<", 1)[0] for label in share.split('">')[2:]] == [
        "E&#45;mail",
        "Bluesky",
        "X",
        "Facebook",
        "LinkedIn",
    ]


@pytest.mark.parametrize(
    "text",
    ['a "quote" <b>bold</b> & [link](javascript:alert(1)) 100% #tag', "line\nbreak\u2028and\ttab"],
)
def test_share_links_keep_record_text_inert(text: str) -> None:
    """Every value is percent-encoded whole: no quote, bracket or line break reaches the page raw."""
    for base in ("mailto:", "https://x.com/intent/post"):
        link = share_link("Share", base, {"text": text, "url": "https://e.org/c/"})
        href = link.split('href="', 1)[1].split('"', 1)[0]
        assert set(href) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&#;/?_~"), href
        assert "\n" not in link and "<b>" not in link and "[link]" not in link


def test_render_says_once_that_citations_are_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_SITE_URL", raising=False)
    out = io.StringIO()
    assert main(["render", "--claims", str(EXAMPLE), "--out", str(tmp_path / "a")], out=out) == 0
    assert out.getvalue().splitlines()[0] == RELATIVE_CITATIONS
    assert out.getvalue().count("DOSSIER_SITE_URL") == 1
    monkeypatch.setenv("DOSSIER_SITE_URL", "https://facts.example.org/")
    out = io.StringIO()
    assert main(["render", "--claims", str(EXAMPLE), "--out", str(tmp_path / "b")], out=out) == 0
    assert "DOSSIER_SITE_URL" not in out.getvalue()
    page = (tmp_path / "b" / "claims" / "ferry-capacity.md").read_text(encoding="utf-8")
    assert "https&#58;//facts&#46;example&#46;org/claims/ferry&#45;capacity/</p>" in page


def test_a_hostile_summary_is_text_in_every_channel(dossier_dir: Path) -> None:
    hostile = 'Wrong <script>alert(1)</script> & "[x](javascript:y)" | *z*.'
    apply_edits(dossier_dir, {"ferry-capacity.yaml": [(f"  summary: {SUMMARY}", f"  summary: '{hostile}'")]})
    pages = render_site(example_index(dossier_dir))
    page = pages["claims/ferry-capacity.md"].text
    assert (
        '<p class="dossier-summary">Wrong &#60;script&#62;alert&#40;1&#41;&#60;/script&#62; &#38; '
        "&quot;&#91;x&#93;&#40;javascript&#58;y&#41;&quot; &#124; &#42;z&#42;&#46;</p>"
    ) in page
    assert 'description: "Partly supported: Wrong \\u2039script\\u203aalert(1)\\u2039/script\\u203a' in page
    assert "<script>alert" not in page


def test_a_figures_method_reads_as_a_sentence() -> None:
    from dossier.read.spec import METHODS
    from dossier.render.claim import METHOD_LABELS

    assert set(METHOD_LABELS) == {name for name, _ in METHODS.options}  # a new method needs its sentence
    page = render_site(example_index())["claims/ferry-budget.md"].text
    assert (
        "| How it was arrived at | An official figure, published by the body that measures or decides it&#46; |" in page
    )
    assert "official:" not in page


def test_figures_chart_only_what_compares_and_give_small_amounts_their_own_scale() -> None:

    capacity = example_index().claims["ferry-capacity"]
    rows = [
        figures.Row(capacity, 1.4e12, 1.4e12, ""),
        figures.Row(capacity, 563e9, None, ""),  # nothing to compare: in the table only
        figures.Row(capacity, 1.98e12, 1.98e12, ""),
        figures.Row(capacity, 5.2e9, 5.3e9, ""),  # invisible beside a trillion: a chart of its own
    ]
    bands = figures.chart_bands(figures.charted(rows))
    assert [[number for number, _ in band] for band in bands] == [[1, 3], [4]]
    images, specs = figures._charts("USD", rows)
    assert sorted(specs) == ["charts/figures-usd.2.svg", "charts/figures-usd.svg"]
    assert specs["charts/figures-usd.2.svg"].labels == ("4. 2,000 passengers a day",)
    # The caption is the chart's: a phone, which shows the table instead, hides both.
    assert '<p class="dossier-chart-lead">Smaller amounts, on their own scale so that their bars show:</p>' in images
    assert "Bar chart &#40;smaller amounts, on their own scale&#41;&#58; 1 figure in US dollars" in images


def test_equal_numbers_for_a_claim_that_does_not_hold_up_say_what_differs(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"ferry-capacity.yaml": [("  checked_value: 1600", "  checked_value: 2000")]})
    pages = render_site(example_index(dossier_dir))
    row = next(line for line in pages["figures.md"].text.splitlines() if "ferry-capacity.md" in line)
    note = "same number; the flaw is elsewhere"
    assert row.endswith(f"| 2,000 | {note} |")
    # The claim's own page says the same under its two equal numbers, below the verdict that says what.
    claim = pages["claims/ferry-capacity.md"].text
    assert "| What the sources support | 2,000 |\n| Article vs sources | " + note + " |\n" in claim
    from dossier.render.figures import gap_note

    budget = example_index().claims["ferry-budget"]  # supported: equal numbers need no word more
    assert gap_note(budget, 12e6, 12e6) == "same number"
    assert gap_note(budget, 2000, 1600) == "25% higher"
    assert gap_note(budget, 1400, 1600) == "12.5% lower"
    assert gap_note(budget, 10, None) == "no checked value"
    assert gap_note(budget, 5, 0) == "5 higher"  # no share of zero: the difference itself
    # In a percent unit the gap is in percentage points: 10% against 11.5% is 1.5 points, not -13%.
    assert gap_note(budget, 10, 11.5, "percent") == "1.5 points lower"
    assert gap_note(budget, 12, 11, "percent") == "1 point higher"
    # Only equal values are the same number: a gap smaller than one decimal shows is still a gap,
    # given as the values are written (8.04 - 8 is 0.04), and never in scientific notation.
    assert gap_note(budget, 66.7, 66.67, "percent") == "0.03 points higher"
    assert gap_note(budget, 8.04, 8.0, "percent") == "0.04 points higher"
    assert gap_note(budget, 8, 8.0, "percent") == "same number"
    assert gap_note(budget, 1_400_000_000_000, 1_400_600_000_000) == "0.043% lower"
    assert gap_note(budget, 0.0000005, 0.0) == "0.0000005 higher"
    # The values beside the note are spelled out too, on the Figures page and on the claim's page.
    assert (figures._number(0.0000005, "tonnes"), figures._number(8.04, "percent")) == ("0.0000005", "8.04%")
    assert [format_number(v) for v in (0.0000005, 1_234.5678, 1.4e12)] == [
        "0.0000005",
        "1,234.5678",
        "1,400,000,000,000",
    ]
    assert gap_note(example_index().claims["ferry-capacity"], 8.04, 8.0, "percent") == "0.04 points higher"


def test_a_percentage_figure_on_its_claim_page_shows_the_sign_and_the_gap_in_points(dossier_dir: Path) -> None:
    apply_edits(
        dossier_dir, {"fees-rise.yaml": [("  stated: 8%", "  stated: 8%\n  qualifier: about\n  checked_value: 9.5")]}
    )
    pages = render_site(example_index(dossier_dir))
    claim = pages["claims/fees-rise.md"].text
    # No "Value" row repeating "8%"; the qualifier reads as what it is.
    assert (
        "| Detail | Value |\n|---|---|\n| As stated | 8&#37; |\n| Unit | percent |\n| Hedged with | about |\n"
        "| Point in time | June\u00a02024 |\n| How it was arrived at | An official figure, published by the body that "
        "measures or decides it&#46; |\n| What the sources support | 9&#46;5&#37; |\n| Article vs sources | 1.5 points lower |\n"
    ) in claim
    # A figure whose words do not hold its number keeps the number's row.
    third = pages["claims/ferries-third.md"].text
    assert "| As stated | a third |\n| Value | 33% |\n| Unit | percent |\n| Hedged with | about |\n" in third


def test_charts_use_no_verdict_colour_and_a_transparent_ground() -> None:
    from dossier.render.charts import PairedBarChart, draw

    svg = draw(PairedBarChart(("1. 2,000", "2. 5"), (2000.0, 5.0), (1600.0, 4.0), "Passengers"))
    verdict_hues = ["#2e7d32", "#8d5300", "#c62828", "#6a1b9a", "#546e7a", "#1565c0"]
    assert [hue for hue in verdict_hues if hue in svg.lower()] == []
    assert "#ffffff" not in svg.lower() and "fill: #212121" in svg  # no white card; one ink
    assert "<pattern" in svg  # the supported values are hatched, so the two series differ without colour


def test_the_timeline_names_a_claim_once_beside_its_run_of_events() -> None:
    from dossier.render.timeline import Event, _table

    index = example_index()
    korea, other = index.claims["ferry-capacity"], index.claims["ferry-budget"]
    events = [
        Event("1997-02-09", "A publishes one", (korea,), 2),
        Event("1997-08-03", "B publishes two", (korea,), 2),
        Event("1997-12-03", "C publishes three", (korea,), 2),
        Event("1997-12-05", "D publishes four", (other,), 2),
        Event("1998", "E publishes five", (), 0),
        Event("1998", "F publishes six", (), 0),  # no claims: nothing to repeat, so rows of their own
    ]
    table = _table(index, "timeline.md", events)
    assert table.startswith("Jump to: [1997](#year-1997) · [1998](#year-1998)\n\n| Date |")
    rows = table.splitlines()[4:]
    assert rows[0] == (
        '| <span id="year-1997"></span>9\u00a0February, 3\u00a0August and 3\u00a0December\u00a01997 | 9\u00a0February\u00a01997: A publishes one<br>'
        "3\u00a0August\u00a01997: B publishes two<br>"
        '3\u00a0December\u00a01997: C publishes three | <span class="dossier-badge dossier-partly-supported">Partly supported</span> '
        "[The ferries will carry 2,000 passengers a day&#46;](claims/ferry-capacity.md) · in "
        "[Harbourville bets on electric ferries](articles/ferry-story.md) |"
    )
    assert [row.split(" | ")[0] for row in rows] == [
        '| <span id="year-1997"></span>9\u00a0February, 3\u00a0August and 3\u00a0December\u00a01997',
        "| 5\u00a0December\u00a01997",
        '| <span id="year-1998"></span>1998',
        "| 1998",
    ]


def test_a_copys_own_repost_aside_is_not_said_twice(dossier_dir: Path) -> None:
    apply_edits(
        dossier_dir,
        {
            "sources/wire-story-copy.yaml": [
                ("publisher: Lakeside Aggregator", "publisher: Lakeside Aggregator (repost)")
            ]
        },
    )
    pages = render_site(example_index(dossier_dir))
    assert "| Lakeside Aggregator (copy of Harbour Wire) |" in pages["sources/index.md"].text
    assert "(copy at Lakeside Aggregator, 3\u00a0March\u00a02024)" in pages["claims/ferry-capacity.md"].text
    assert "This page is a copy at Lakeside Aggregator;" in pages["sources/wire-story-copy.md"].text
    assert "Lakeside Aggregator reposts a story by Harbour Wire as" in pages["timeline.md"].text
    shown = ("sources/index.md", "claims/ferry-capacity.md", "sources/wire-story-copy.md", "timeline.md")
    assert [path for path in shown if "Aggregator &#40;repost&#41;" in pages[path].text] == []


def test_a_search_entrys_tags_name_a_topic_and_an_entity_of_the_same_name_once(dossier_dir: Path) -> None:
    add_topic(dossier_dir, "council", "Harbourville Council", "What the council decides.")
    apply_edits(dossier_dir, {"ferry-budget.yaml": [("  - budget\n", "  - budget\n  - council\n")]})
    index = example_index(dossier_dir)
    assert claim_entry(index, index.claims["ferry-budget"])["tags"] == ["Transport", "Budget", "Harbourville Council"]


def test_with_one_article_the_home_page_gives_the_counts_once(dossier_dir: Path) -> None:
    gone = ["articles/harbour-fees.yaml", "fees-rise.yaml", "ferries-third.yaml", "ruiz-pay-for-themselves.yaml"]
    apply_edits(dossier_dir, dict.fromkeys(gone))
    apply_edits(dossier_dir, {"sources/budget-papers.yaml": None})
    home = render_site(example_index(dossier_dir))["index.md"].text
    assert "Of the 5 claims we reviewed in one article," in home and "## The article we reviewed {#articles}" in home
    assert home.count("dossier-badge dossier-supported") == 1  # the dossier's counts; the card repeats none
    assert "## What the article got wrong, and what it inherited {#inherited}" in home
    assert ".." not in home and ".;" not in home
