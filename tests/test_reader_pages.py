"""The Figures and Timeline pages and their charts, rendered from the example dossier and hostile edits."""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import pytest

from conftest import add_topic, apply_edits
from dossier.link.check import check_dossier
from dossier.read.model import Claim
from dossier.render.charts import Bar, PairedBarChart, _short, bar_chart, paired_bar_chart
from dossier.render.claim import render_claim_page
from dossier.render.exports import claims_csv, claims_json
from dossier.render.figures import figure_groups, render_figures
from dossier.render.site import render_site
from dossier.render.timeline import timeline_events
from test_site import EXAMPLE

RATE = "  method: official\n  usd_rate: {rate: 1.09, date: 2024-03-04, source: council-minutes}"


def example_index(claims: Path = EXAMPLE):  # type: ignore[no-untyped-def]
    _, index, problems = check_dossier(str(claims))
    assert problems == []
    return index


def test_a_currency_without_a_rate_keeps_its_own_group() -> None:
    groups = figure_groups(example_index())
    assert list(groups) == ["EUR", "passengers", "percent"]
    assert groups["EUR"][0].stated == 12_000_000 and groups["EUR"][0].rate_note == ""


def test_figures_are_grouped_by_unit_with_other_currencies_in_us_dollars(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"ferry-budget.yaml": [("  method: official", RATE)]})
    groups = figure_groups(example_index(dossier_dir))
    assert list(groups) == ["USD", "passengers", "percent"]
    (budget,) = groups["USD"]
    assert (budget.claim.id, budget.stated, budget.checked) == ("ferry-budget", 12_000_000 * 1.09, None)
    assert budget.rate_note.startswith("EUR at 1.09 US dollars each (4\u00a0March\u00a02024; [Minutes of the council")
    (capacity,) = groups["passengers"]
    assert (capacity.stated, capacity.checked) == (2000, 1600)


def test_figures_page_has_a_chart_and_a_table_per_unit(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"ferry-budget.yaml": [("  method: official", RATE)]})
    page, charts = render_figures(example_index(dossier_dir))
    # No chart for US dollars: its one figure has no supported value, and a lone bar compares nothing.
    assert sorted(charts) == ["charts/figures-passengers.svg", "charts/figures-percent.svg"]
    usd = page.split("{#unit-usd}", 1)[1].split("\n## ", 1)[0]
    assert "![" not in usd and "| 1 |" in usd
    assert (
        "![Bar chart&#58; 1 figure in Passengers, as stated and as the sources support; the table below gives the numbers&#46;](charts/figures-passengers.svg){.dossier-chart}"
        in page
    )
    row = (
        '| 1 | <span class="dossier-badge dossier-partly-supported">Partly supported</span> '
        "[The ferries will carry 2,000 passengers a day&#46;](claims/ferry-capacity.md)"
        "<br>in [Harbourville bets on electric ferries](articles/ferry-story.md) "
        "| 2,000 passengers a day | 1,600 | 25% higher |"
    )
    assert row in page.splitlines()
    assert "<br>= 13,080,000 | — | no checked value |" in page
    # A percentage shows its % sign, and differs from the supported one in points, not in per cent.
    third = next(line for line in page.splitlines() if "claims/ferries-third.md" in line)
    assert third.endswith("| a third<br>= 33% | 25% | 8 points higher |")
    # The sentence about charts is hidden with the charts on a phone (which shows the tables only).
    assert (
        '<span class="dossier-chart-lead">A chart compares the two where both are known, and amounts of very '
        "different sizes get a chart each, so every bar shows.</span>"
    ) in page


def test_timeline_lists_dated_events_in_order_with_their_claims() -> None:
    events = [
        (e.date, re.sub(r"\]\(.*?\)", "]", e.what), [c.id for c in e.claims]) for e in timeline_events(example_index())
    ]
    assert events == [
        ("2024", "The article's figure “€12 million” covers 2024 to 2027", ["ferry-budget"]),
        (
            "2024-03-02",
            "Harbour Wire publishes “Harbourville orders four electric ferries” "
            "(read in a copy: [Harbourville orders electric ferries &#40;repost&#41;])",
            ["ferry-capacity"],
        ),
        (
            "2024-03-03",
            "Lakeside Aggregator reposts a story by Harbour Wire as [Harbourville orders electric ferries &#40;repost&#41;]",
            ["ferry-capacity"],
        ),
        ("2024-03-04", "The article [Harbourville bets on electric ferries] is published", []),
        (
            "2024-03-04",
            "Harbourville Council publishes [Minutes of the council meeting of 4 March 2024]",
            ["ferry-budget", "council-announced", "ferries-third"],
        ),
        ("2024-03-11", "Lake Ferries Ltd publishes [Summer timetable]", ["ferry-capacity"]),
        (
            "2024-03-12",
            "Correction: Rating changed from supported after the timetable was published&#46;",
            ["ferry-capacity"],
        ),
        (
            "2024-04-02",
            "Harbourville Council publishes [Budget 2024/25 and capital programme]",
            ["fees-rise", "ferries-third", "ruiz-pay-for-themselves"],
        ),
        ("2024-04-15", "The article [Mooring fees rise to pay for the ferry plan] is published", []),
        ("2024-06", "The article's figure “8&#37;” is for June\u00a02024", ["fees-rise"]),
    ]


def test_timeline_dates_a_run_of_events_as_separate_dates_and_jumps_to_each_year(dossier_dir: Path) -> None:
    from dossier.render.timeline import date_list

    # Two corrections to one claim are two dates, not a period "2 March 2024 to 3 March 2024".
    assert date_list(["2026-11-29", "2026-12-06"]) == "29\u00a0November and 6\u00a0December\u00a02026"
    assert date_list(["2024-03-02", "2024-03-02"]) == "2\u00a0March\u00a02024"
    assert date_list(["2024-03-02", "2024-03-03"]) == "2 and 3\u00a0March\u00a02024"
    assert date_list(["2011", "2011-11-17"]) == "2011 and 17\u00a0November\u00a02011"
    assert date_list(["2018-08-02", "2019-11-24", "2019-12-31"]) == (
        "2\u00a0August\u00a02018, 24\u00a0November\u00a02019 and 31\u00a0December\u00a02019"
    )
    assert date_list(["2018", "2018-02", "2018-03", "2019"]) == "4 dates, 2018 to 2019"
    assert date_list(["2018", "2018-02", "2018-03", "2018-03-04"]) == "4 dates in 2018"
    correction = "  - date: 2024-03-12\n    note: Rating changed from supported after the timetable was published.\n"
    later = "  - date: 2025-01-10\n    note: A second look; the rating is unchanged.\n"
    apply_edits(dossier_dir, {"ferry-capacity.yaml": [(correction, correction + later)]})
    page = render_site(example_index(dossier_dir))["timeline.md"].text
    assert "\n\nJump to: [2024](#year-2024) · [2025](#year-2025)\n\n| Date | What happened | Claims |\n" in page
    assert '\n| <span id="year-2024"></span>2024 | The article\'s figure “€12 million” covers 2024 to 2027 |' in page
    assert '\n| <span id="year-2025"></span>10\u00a0January\u00a02025 | Correction: A second look' in page
    assert "\n| 11 and 12\u00a0March\u00a02024 | 11\u00a0March\u00a02024: Lake Ferries Ltd publishes" in page


def test_timeline_text_is_escaped() -> None:
    index = example_index()
    source = index.sources["council-minutes"]
    index.sources["council-minutes"] = dataclasses.replace(source, title="[x](javascript:alert(1)) | <b>")
    page = render_site(index)["timeline.md"].text
    assert "&#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; &#124; &#60;b&#62;" in page


def test_charts_are_deterministic_and_keep_record_text_as_text() -> None:
    bars = [Bar("<script>alert(1)</script> & [x](y)", 3, "#2e7d32"), Bar("b", 1e12, "#c62828")]
    svg = bar_chart(bars, "Claims")
    assert svg == bar_chart(bars, "Claims")
    assert "<script" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; [x](y)" in svg
    assert ">1 tn<" in svg and ">3<" in svg
    paired = paired_bar_chart(["1. $1.4 trillion"], [1.4e12], [None], "US dollars")
    assert paired == paired_bar_chart(["1. $1.4 trillion"], [1.4e12], [None], "US dollars")
    assert "Sources support" not in paired and ">1.4 tn<" in paired


def test_excerpt_context_is_cut_at_word_boundaries() -> None:
    from dossier.render.claim import excerpt_context

    index = example_index()
    article = index.articles["ferry-story"]
    long_first = (
        "Residents of the lakeside district gathered in the old market hall on a wet evening, and "
        + article.paragraphs[0]
    )
    index.articles["ferry-story"] = dataclasses.replace(article, paragraphs=(long_first, *article.paragraphs[1:]))
    anchor = index.anchors["ferry-budget"]
    index.anchors["ferry-budget"] = dataclasses.replace(anchor, start=anchor.start + 89, end=anchor.end + 89)
    before, exact, after = excerpt_context(index, index.claims["ferry-budget"])
    assert exact == "Harbourville will spend €12 million on four electric ferries by 2027"
    assert before == "of the lakeside district gathered in the old market hall on a wet evening, and "
    assert after == ", the council said on Monday."


def test_claim_page_leads_with_the_verdict_and_its_one_sentence_summary() -> None:
    page = render_site(example_index())["claims/ferry-capacity.md"].text
    body = page.split("{#claim}\n", 1)[1]
    # Only a correction notice may come first (issue 20): the claim was corrected, and says so at the
    # top in one line, which links to the log of its corrections further down.
    notice, body = body.split("</p>\n", 1)
    assert notice == (
        '\n<p class="dossier-correction-notice" role="note"><strong>Corrected 12\u00a0March\u00a02024.</strong> '
        '<a href="#corrections">What changed</a>'
    )
    assert body.startswith(
        '\n<div class="dossier-verdict dossier-partly-supported" markdown="1">\n\n'
        '<p class="dossier-verdict-label"><span class="dossier-verdict-icon" aria-hidden="true">◐</span> '
        "Verdict: Partly supported</p>\n\n"
        '<p class="dossier-summary">Too high, because the operator&#39;s timetable has seats for 1,600 passengers '
        "a day, not 2,000&#46;</p>\n\n"
        '<p class="dossier-verdict-facts">The core holds, but a detail is wrong, inflated or missing context&#46; '
        "A forecast · checked 10\u00a0March\u00a02024</p>"
    )


def test_a_claim_without_a_summary_shows_nothing_in_its_place() -> None:
    """A record without a summary (the field was optional until every claim had one) renders without one."""
    index = example_index()
    claim = index.claims["ruiz-cleanest"]
    bare = dataclasses.replace(claim, verdict=dataclasses.replace(claim.verdict, summary=None))
    pages = render_site(dataclasses.replace(index, claims=index.claims | {"ruiz-cleanest": bare}))
    page = pages["claims/ruiz-cleanest.md"].text
    assert "dossier-summary" not in page and '"reviewBody"' not in page
    assert 'description: "Unverified. Not yet checked."' in page
    assert "dossier-entry-summary" not in next(
        line for line in pages["claims/index.md"].text.splitlines() if "ruiz-cleanest" in line
    )


def test_link_previews_and_a_404_page_that_works_under_a_sub_path(tmp_path: Path) -> None:
    from site_html import read_page
    from test_site import build

    site = tmp_path / "site"
    result = build(EXAMPLE, site, DOSSIER_SITE_URL="https://example.org/dossier/")
    assert result.returncode == 0, result.stdout + result.stderr
    raw = (site / "claims" / "ferry-capacity" / "index.html").read_text(encoding="utf-8")
    metas = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z0-9:_]+)" content="([^"]*)">', raw))
    assert metas == {
        "og:type": "article",
        "og:site_name": "Claims dossier",
        "og:title": "The ferries will carry 2,000 passengers a day.",
        "og:description": "Partly supported: Too high, because the operator&#x27;s timetable has seats for 1,600 passengers a day, not 2,000.",
        "twitter:description": "Partly supported: Too high, because the operator&#x27;s timetable has seats for 1,600 passengers a day, not 2,000.",
        "og:url": "https://example.org/dossier/claims/ferry-capacity/",
        "twitter:card": "summary",
        "twitter:title": "The ferries will carry 2,000 passengers a day.",
        "twitter:label1": "Verdict",
        "twitter:data1": "Partly supported",
    }
    not_found = read_page(site / "404.html")
    assert not_found.stylesheets and all(href.startswith("/dossier/") for href in not_found.stylesheets)
    assert all(s["src"].startswith("/dossier/") for s in not_found.scripts if s.get("src"))


def test_chart_labels_are_never_read_as_mathematics() -> None:
    svg = bar_chart(
        [Bar("between $1 and $2 million", 1, "#2e7d32"), Bar("$\\foo$ $\\left($", 2, "#2e7d32")], "US dollars"
    )
    assert "between $1 and $2 million" in svg and "$\\foo$ $\\left($" in svg


def test_large_dossiers_get_a_timeline_page_per_year_and_capped_figure_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier.render.figures as figures
    import dossier.render.timeline as timeline

    monkeypatch.setattr(timeline, "PAGE_LIMIT", 2)
    monkeypatch.setattr(timeline, "CLAIMS_PER_EVENT", 1)
    pages = timeline.render_timeline(example_index())
    assert sorted(pages) == ["timeline.md", "timeline/2024.md"]
    assert "- [2024](timeline/2024.md): 10 events" in pages["timeline.md"]
    year = pages["timeline/2024.md"]
    assert "[All years](../timeline.md)" in year and "and 2 more claims |" in year
    assert "](../claims/ferry-capacity.md)" in year
    monkeypatch.setattr(figures, "TABLE_LIMIT", 0)
    monkeypatch.setattr(figures, "CHART_LIMIT", 0)
    page, _ = figures.render_figures(example_index())
    assert "1 more figure in this unit: every figure is in [claims.csv](claims.csv)." in page
    assert "![" not in page  # no chart shows none of its figures
    monkeypatch.setattr(figures, "TABLE_LIMIT", 200)
    monkeypatch.setattr(figures, "CHART_LIMIT", 1)
    capacity = example_index().claims["ferry-capacity"]
    rows = [figures.Row(capacity, 2000, 1600, ""), figures.Row(capacity, 3000, 1000, "")]
    section, _ = figures._charts("passengers", rows)
    assert (
        "Bar chart&#58; 1 figure in Passengers &#40;1 of the 2 with a supported value&#58; the largest gaps first&#41;"
        in section
    )


def test_home_page_gives_the_answer_and_the_counts_in_words_and_numbers() -> None:
    home = render_site(example_index())["index.md"].text
    assert home.startswith('---\ntitle: "Home"\n')  # the theme adds " - Claims dossier"
    body = home.split("{#home}\n\n", 1)[1]
    assert body.startswith(
        '<div class="dossier-home" markdown="1">\n\n'
        '<p class="dossier-answer">Of the 8 claims we reviewed in 2 articles, 3 hold up, 3 do not fully hold up, '
        "1 is not checked yet and 1 is an opinion, which evidence cannot settle&#46;</p>\n\n"
        '<div class="dossier-counts" markdown="1">\n\n'
        '- <span class="dossier-badge dossier-supported">Supported</span> [3 claims](claims/verdict/supported.md)'
        '<span class="dossier-bar" style="width: 38%" aria-hidden="true"></span>\n'
    )
    assert "## The 2 articles we reviewed {#articles}" in home
    assert "## What the articles got wrong, and what they inherited {#inherited}" in home
    assert "charts/verdicts.svg" not in home and "| Verdict |" not in home


@pytest.mark.parametrize(
    "ratings, answer",
    [
        ({"supported": 1}, "The one claim we reviewed in 2 articles holds up."),
        ({"unsupported": 1}, "The one claim we reviewed in 2 articles does not fully hold up."),
        ({"opinion": 1}, "The one claim we reviewed in 2 articles is an opinion, which evidence cannot settle."),
        ({"unverified": 1}, "The one claim we reviewed in 2 articles is not checked yet."),
        (
            {"disputed": 1, "unsupported": 2, "opinion": 2},
            "Of the 5 claims we reviewed in 2 articles, 3 do not fully hold up and 2 are opinions, "
            "which evidence cannot settle.",
        ),
        ({}, "No claims have been checked yet."),
    ],
)
def test_the_overall_verdict_is_one_sentence_with_plural_wording(ratings: dict[str, int], answer: str) -> None:
    from dossier.render.home import overall_verdict

    index = example_index()
    template = index.claims["ferry-budget"]
    claims = {}
    for rating, count in ratings.items():
        for n in range(count):
            verdict = dataclasses.replace(template.verdict, rating=rating)
            claims[f"{rating}-{n}"] = dataclasses.replace(template, id=f"{rating}-{n}", verdict=verdict)
    assert overall_verdict(dataclasses.replace(index, claims=claims)) == answer


def test_topics_read_as_their_registry_writes_them(dossier_dir: Path) -> None:
    """Names come from topics.yaml as written ("South Korea", "5G"), never made from the id."""
    add_topic(dossier_dir, "south-korea", "South Korea", "Seoul's New Deal & <its> plans.")
    apply_edits(dossier_dir, {"ferry-capacity.yaml": [("topics: [transport]", "topics: [transport, south-korea]")]})
    pages = render_site(example_index(dossier_dir))
    claim = pages["claims/ferry-capacity.md"].text
    assert 'tags: ["Transport", "South Korea"]' in claim
    assert "**Topics:** [Transport](../topics/transport.md), [South Korea](../topics/south-korea.md)" in claim
    topic = pages["topics/south-korea.md"].text
    assert (
        "# Topic: South Korea {#topic}\n\nSeoul&#39;s New Deal &#38; &#60;its&#62; plans&#46;\n\n1 claim on this topic."
        in topic
    )
    assert (
        "| [South Korea](south-korea.md) | Seoul&#39;s New Deal &#38; &#60;its&#62; plans&#46; | 1 |"
        in pages["topics/index.md"].text
    )
    assert '["south-korea","South Korea"]' in pages["claims-index.json"].text


def test_charts_drawn_by_the_worker_process_are_the_ones_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """`draw_charts` hands new charts to `python -m dossier.render.charts`; its SVGs must be byte for byte ours."""
    from dossier.render import charts

    specs = [
        charts.BarChart((Bar("Supported", 3, "#2e7d32"), Bar("<b>&</b>", 1, "#c62828")), "Claims"),
        charts.PairedBarChart(("1. $1.4 trillion", "2. 5 %"), (1.4e12, 5.0), (1.2e12, None), "US dollars"),
    ]
    monkeypatch.setattr(charts, "_drawn", {})
    monkeypatch.setattr(charts.worker_process, "cores", lambda: 2)
    answers: list[bytes | None] = []
    answer = charts.worker_process.answer
    monkeypatch.setattr(charts.worker_process, "answer", lambda worker: answers.append(answer(worker)) or answers[-1])
    with charts.draw_charts(specs) as drawing:
        assert drawing.worker is not None
        from_worker = drawing.result()
    # Had the worker failed, the charts would be drawn here and the comparison below would hold anyway.
    assert answers[0] and len(charts.json.loads(answers[0])) == len(specs), "the worker did not draw the charts"
    monkeypatch.setattr(charts, "_drawn", {})
    assert from_worker == {spec: charts.draw(spec) for spec in specs}


def test_charts_are_drawn_here_when_the_worker_fails_or_there_is_one_core(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dossier.render import charts

    spec = charts.BarChart((Bar("Supported", 3, "#2e7d32"),), "Claims")
    monkeypatch.setattr(charts, "_drawn", {})
    monkeypatch.setattr(charts.worker_process, "cores", lambda: 1)
    with charts.draw_charts([spec]) as drawing:
        assert drawing.worker is None
        assert drawing.result()[spec].startswith("<?xml")
    monkeypatch.setattr(charts, "_drawn", {})
    monkeypatch.setattr(charts.worker_process, "cores", lambda: 2)
    # Starts, reads the request, prints nothing and fails (/bin/false could exit before the request
    # was written, and the worker would then count as never started: a race under load).
    failing = tmp_path / "failing-python"
    failing.write_text("#!/bin/sh\ncat >/dev/null\nexit 1\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setattr(charts.worker_process.sys, "executable", str(failing))
    with charts.draw_charts([spec]) as drawing:
        assert drawing.worker is not None
        assert drawing.result()[spec] == charts.draw(spec)


def test_no_page_or_export_shows_inf_or_nan_even_if_the_checker_let_one_through() -> None:
    # The checker refuses such figures (tests/check_cases.py); the formatters are the second guard.
    index = example_index()

    def forged(claim_id: str, **figure: float) -> Claim:
        claim = index.claims[claim_id]
        assert claim.figure is not None
        return dataclasses.replace(claim, figure=dataclasses.replace(claim.figure, **figure))

    claims = index.claims | {
        "ferry-capacity": forged("ferry-capacity", value=math.inf, high=-math.inf, checked_value=math.nan),
        "ferry-budget": forged("ferry-budget", value=1e18, checked_value=1e-300),  # a gap of 1e320 %: inf
    }
    hostile = dataclasses.replace(index, claims=claims)
    page, charts = render_figures(hostile)
    shown = page + "".join(render_claim_page(hostile, claims[c], None) for c in ("ferry-capacity", "ferry-budget"))
    shown += claims_csv(hostile) + "".join(_short(x) for x in (math.inf, -math.inf, math.nan))
    assert re.findall(r"\b(?:inf|nan)\b", shown, re.IGNORECASE) == []
    assert "| 2,000 passengers a day | — | — |" in page
    drawn = [
        v for chart in charts.values() if isinstance(chart, PairedBarChart) for v in (*chart.stated, *chart.checked)
    ]
    assert all(v is not None and math.isfinite(v) for v in drawn)  # no chart draws a value it cannot show
    assert "| Up to | — |" in shown
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        claims_json(hostile)


COPY = """id: {id}
title: {title}
publisher: {publisher}
url: https://example.org/{id}
published: {published}
accessed: 2024-03-05
copy_of:
  publisher: Harbour Wire
  title: Harbourville orders four electric ferries
  published: 2024-03-02
"""


def test_a_story_read_in_several_copies_is_one_event_listing_each_copy_once(dossier_dir: Path) -> None:
    # A second page of the aggregator's repost, and a paper that reprinted the story the day it ran.
    page_two = {"id": "wire-story-page-two", "title": "Page two", "publisher": "Lakeside Aggregator"}
    reprint = {"id": "wire-story-reprint", "title": "Ferry order", "publisher": "Bay News"}
    apply_edits(
        dossier_dir,
        {
            "sources/wire-story-page-two.yaml": COPY.format(published="2024-03-03", **page_two),
            "sources/wire-story-reprint.yaml": COPY.format(published="2024-03-02", **reprint),
            "ferry-budget.yaml": [
                (
                    "sources:\n",
                    "sources:\n  - source: wire-story-page-two\n    note: Gives the sum.\n"
                    "  - source: wire-story-reprint\n    note: Gives the sum too.\n",
                )
            ],
        },
    )
    events = [
        (e.date, re.sub(r"\]\(.*?\)", "]", e.what), [c.id for c in e.claims])
        for e in timeline_events(example_index(dossier_dir))
        if e.date in ("2024-03-02", "2024-03-03")
    ]
    assert events == [
        (
            "2024-03-02",
            "Harbour Wire publishes “Harbourville orders four electric ferries” (read in 3 copies: [Harbourville "
            "orders electric ferries &#40;repost&#41;], [Page two] and [Ferry order] (Bay News, the same day))",
            ["ferry-budget", "ferry-capacity"],
        ),
        (
            "2024-03-03",
            "Lakeside Aggregator reposts a story by Harbour Wire as [Harbourville orders electric ferries "
            "&#40;repost&#41;] and [Page two]",
            ["ferry-budget", "ferry-capacity"],
        ),
    ]


@pytest.mark.parametrize(
    ("iso", "shown", "phrase"),
    [
        ("2026-12-06", "6 December 2026", "on 6 December 2026"),
        ("2020-05", "May 2020", "in May 2020"),
        ("2020", "2020", "in 2020"),
        ("2024-01-02", "2 January 2024", "on 2 January 2024"),
        ("not a date", "not a date", "in not a date"),  # shown as it is, never a crash
    ],
)
def test_dates_read_as_a_reader_says_them_and_never_break_across_lines(iso: str, shown: str, phrase: str) -> None:
    from dossier.render.common import date_phrase, display_date

    assert display_date(iso, unbroken=False) == shown
    if iso[0].isdigit():  # no-break spaces: a table cell keeps a date whole
        shown, phrase = shown.replace(" ", "\u00a0"), phrase.replace(" ", "\u00a0").replace("\u00a0", " ", 1)
    assert (display_date(iso), date_phrase(iso)) == (shown, phrase)


def test_machine_formats_keep_iso_dates() -> None:
    index = example_index()
    pages = render_site(index)
    assert '"checked": "2024-03-10"' in pages["claims.json"].text
    assert ",2024-03-10," in pages["claims.csv"].text
    assert '"datePublished":"2024-03-10"' in pages["claims/ferry-capacity.md"].text  # ClaimReview
    assert "<updated>2024-04-20T00:00:00+00:00</updated>" in pages["feed.xml"].text


def test_record_pages_name_kinds_in_reader_words_and_say_what_counts_count() -> None:
    pages = render_site(example_index())
    # The records' ids ("official", "government") become a reader's words, under one label: Type.
    assert "**Type:** official publication<br>\n" in pages["sources/council-minutes.md"].text
    assert "**Type:** web page<br>\n" in pages["sources/wire-story-copy.md"].text
    assert "**Type:** Government or public body<br>\n" in pages["entities/harbourville-council.md"].text
    assert "**Kind:**" not in pages["entities/ana-ruiz.md"].text
    entities = pages["entities/index.md"].text
    assert entities.startswith('---\ntitle: "People & organisations"\n')
    assert "# People & organisations {#entities}\n\nEveryone and everything the claims name or quote.\n\n" in entities
    assert "- [Ana Ruiz](ana-ruiz.md) — Mayor of Harbourville&#46; (2 claims)\n" in entities
    assert "**People & organisations:** [Ana Ruiz](../entities/ana-ruiz.md)" in pages["claims/ruiz-cleanest.md"].text


def test_chinese_in_a_source_quote_or_publisher_is_marked_as_chinese(dossier_dir: Path) -> None:
    apply_edits(
        dossier_dir,
        {
            "fees-rise.yaml": [
                ("    quote: Mooring fees rise by 8% with effect from 1 June 2024.", "    quote: 泊位费上调8%。<b>"),
            ],
            "sources/budget-papers.yaml": [
                ("publisher: Harbourville Council", "publisher: Harbourville Council (港城)")
            ],
        },
    )
    pages = render_site(example_index(dossier_dir))
    assert '\n    > <span lang="zh">泊位费上调8&#37;。</span>&#60;b&#62;\n' in pages["claims/fees-rise.md"].text
    assert (
        '**Publisher:** Harbourville Council &#40;<span lang="zh">港城</span>&#41;<br>'
        in pages["sources/budget-papers.md"].text
    )


def test_a_one_claim_dossier_counts_1_claim_never_1_claims(dossier_dir: Path) -> None:
    gone = ["council-announced", "ferries-third", "ferry-budget", "ferry-capacity", "roads-better", "ruiz-cleanest"]
    apply_edits(dossier_dir, dict.fromkeys([f"{c}.yaml" for c in [*gone, "ruiz-pay-for-themselves"]]))
    apply_edits(dossier_dir, {"articles/ferry-story.yaml": None})
    article = dossier_dir / "articles" / "harbour-fees.yaml"
    text = article.read_text(encoding="utf-8")
    findings = "findings:\n  - text: The 8% rise in mooring fees matches the budget papers.\n    claims: [fees-rise]\n"
    article.write_text(text[: text.index("findings:")] + findings, encoding="utf-8")
    pages = {name: page.text for name, page in render_site(example_index(dossier_dir)).items()}
    expected = {
        "claims/index.md": '<span id="dossier-listing-lead">1 claim, in the order they appear in the articles.</span>',
        "claims/verdict/supported.md": "1 claim rated supported: ",
        "articles/harbour-fees.md": "## The 1 claim in this article {#claims}",
        "articles/index.md": "1 claim; 0 of 4 sentences covered. ",
        "entities/harbourville-council.md": "## Named in 1 claim {#claims}",
        "sources/budget-papers.md": "## Cited by 1 claim {#cited-by}",
        "index.md": '<span class="dossier-badge dossier-supported">Supported</span> [1 claim](claims/verdict/supported.md)',
    }
    assert {name: expected[name] in pages[name] for name in expected} == dict.fromkeys(expected, True)
    assert [name for name, page in pages.items() if re.search(r"\b1 claims\b", page)] == []
    assert "The one claim we reviewed holds up&#46;" in pages["index.md"]
