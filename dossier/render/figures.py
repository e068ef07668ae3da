"""The Figures page: each figure as the article states it against what the sources support.

Figures are grouped by unit, one chart and one table per group. Amounts in another currency
join the US-dollar group when their record gives a `usd_rate` (a rate, its date and its
source: never fetched), and the table says which rate was used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Claim, Figure
from dossier.read.paths import CLAIMS_CSV, FIGURES, claim_page, figure_chart, link, source_page
from dossier.render.charts import Chart, PairedBarChart
from dossier.render.common import badge, claims_in_article_order, display_date, in_article, several_articles
from dossier.render.markup import front_matter, md_cell, md_text


@dataclass(frozen=True)
class Row:
    claim: Claim
    stated: float
    checked: float | None
    rate_note: str  # Markdown; empty when no conversion was made


def figure_groups(index: Index) -> dict[str, list[Row]]:
    """Figure claims in article order, grouped by the unit they are shown in (USD after conversion)."""
    groups: dict[str, list[Row]] = {}
    for claim in claims_in_article_order(index):
        figure = claim.figure
        if figure is None:
            continue
        unit, factor, note = _shown_unit(index, figure)
        checked = figure.checked_value * factor if figure.checked_value is not None else None
        groups.setdefault(unit, []).append(Row(claim, figure.value * factor, checked, note))
    return dict(sorted(groups.items(), key=lambda item: (item[0] != "USD", item[0])))


def _shown_unit(index: Index, figure: Figure) -> tuple[str, float, str]:
    if figure.usd_rate is None:
        return figure.unit, 1.0, ""
    rate = figure.usd_rate
    source = index.sources[rate.source]
    where = f"[{md_text(source.title)}]({link(FIGURES, source_page(source.id))})"
    shown = f"{rate.rate:g}" if math.isfinite(rate.rate) else "—"
    note = f"{md_text(figure.unit)} at {shown} US dollars each ({display_date(rate.date)}; {where})"
    return "USD", rate.rate, note


def unit_label(unit: str) -> str:
    """How a unit heads its chart: `USD` -> `US dollars`, `percent` -> `Percent`."""
    if unit == "USD":
        return "US dollars"
    if len(unit) == 3 and unit.isupper():
        return f"{unit} (no exchange rate recorded)"
    return unit.replace("-", " ").capitalize()


def _number(value: float | None) -> str:
    """`1,400,000,000,000`, `11.5`; a dash for no value, and for `inf` or `nan` (the checker refuses them)."""
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.4g}"


def gap_note(claim: Claim, stated: float, checked: float | None) -> str:
    """ "Article vs sources", as Markdown for a table cell: how far the stated value is from the
    supported one; where the numbers agree but the verdict does not, what differs. The Figures
    page and the claim's own page give the same note."""
    if checked is None or checked == 0:
        return "not given" if checked is None else "—"
    change = (stated - checked) / abs(checked) * 100
    if not math.isfinite(change):  # a gap too large to state (or a value that is not a number)
        return "—"
    if abs(change) >= 0.05:
        return f"{change:+.1f}%"
    if claim.verdict.rating == "supported":
        return "none"
    # The number holds, yet the claim does not fully: the summary says what is wrong (its scope,
    # its period, who said it), so a table never shows two equal numbers for a flawed claim unexplained.
    summary = claim.verdict.summary
    return f"None in the number. {md_cell(summary) if summary else 'The verdict is about more than the number.'}"


CHART_LIMIT = 20  # bars pairs per chart: the largest gaps first, so the chart stays readable
TABLE_LIMIT = 200  # rows per unit: a page stays light at any size; claims.csv has every figure
MAGNITUDE = 20  # in one chart the largest bar is at most 20 times the smallest: smaller ones get their own


def charted(rows: list[Row]) -> list[tuple[int, Row]]:
    """The (table number, row) pairs worth a chart: only figures with both a stated and a supported
    value (a lone bar compares nothing), the largest gaps first, then in table order."""
    numbered = [
        (n, r)
        for n, r in enumerate(rows, start=1)
        if r.checked is not None and math.isfinite(r.checked) and math.isfinite(r.stated)
    ]
    gaps = [(n, r) for n, r in numbered if r.checked != 0]
    gaps.sort(key=lambda item: -abs((item[1].stated - (item[1].checked or 0)) / (item[1].checked or 1)))
    rest = [(n, r) for n, r in numbered if r.checked == 0]
    return sorted((gaps + rest)[:CHART_LIMIT], key=lambda item: item[0])


def chart_bands(shown: list[tuple[int, Row]]) -> list[list[tuple[int, Row]]]:
    """The charted rows split by size, so that no bar is too small to see beside the largest on its
    axis: each band holds the rows within MAGNITUDE times its largest value, each in table order."""
    bands: list[tuple[float, list[tuple[int, Row]]]] = []
    for item in sorted(shown, key=lambda item: -_size(item[1])):
        if bands and _size(item[1]) * MAGNITUDE >= bands[-1][0]:
            bands[-1][1].append(item)
        else:
            bands.append((_size(item[1]), [item]))
    return [sorted(items, key=lambda item: item[0]) for _, items in bands]


def _size(row: Row) -> float:
    return max(abs(row.stated), abs(row.checked or 0))


def _charts(unit: str, rows: list[Row]) -> tuple[str, dict[str, Chart]]:
    """(the Markdown images, the charts by SVG path) for one unit: one chart per band of sizes."""
    slug = unit.lower()
    shown = charted(rows)
    if not shown:
        return "", {}
    bands = chart_bands(shown)
    paired = sum(1 for r in rows if r.checked is not None and math.isfinite(r.checked) and math.isfinite(r.stated))
    which = (
        ""
        if len(shown) == paired
        else f" ({len(shown)} of the {paired} with a supported value: the largest gaps first)"
    )
    images: list[str] = []
    specs: dict[str, Chart] = {}
    for number, band in enumerate(bands, start=1):
        path = figure_chart(slug if number == 1 else f"{slug}.{number}")
        labels = tuple(f"{n}. {r.claim.figure.stated if r.claim.figure else ''}" for n, r in band)
        specs[path] = PairedBarChart(
            labels, tuple(r.stated for _, r in band), tuple(r.checked for _, r in band), unit_label(unit)
        )
        scale = (
            "" if len(bands) == 1 else (" (the largest)" if number == 1 else " (smaller amounts, on their own scale)")
        )
        alt = (
            f"Bar chart{scale}: {plural(len(band), 'figure')} in {unit_label(unit)}{which if number == 1 else ''}, "
            "as stated and as the sources support; the table below gives the numbers."
        )
        # Said only where the chart shows: a phone shows the table instead (docs/stylesheets/dossier.css).
        lead = '<p class="dossier-chart-lead">Smaller amounts, on their own scale so that their bars show:</p>\n\n'
        lead = lead if number > 1 else ""
        # A Markdown image, so that MkDocs rewrites and checks the path like any other link.
        images.append(f"{lead}![{md_text(alt)}]({link(FIGURES, path)}){{.dossier-chart}}\n\n")
    return "".join(images), specs


def _group_section(index: Index, unit: str, rows: list[Row]) -> tuple[str, dict[str, Chart]]:
    """(the Markdown section, its charts) for one unit."""
    slug = unit.lower()
    images, specs = _charts(unit, rows)
    lines = []
    for number, row in enumerate(rows[:TABLE_LIMIT], start=1):
        figure = row.claim.figure
        stated = md_cell(figure.stated) if figure else " "
        claim = (
            f"{badge(row.claim.verdict.rating)} [{md_text(row.claim.claim)}]({link(FIGURES, claim_page(row.claim.id))})"
            + in_article(index, FIGURES, row.claim).replace(" · in ", "<br>in ", 1)
        )
        converted = f"<br>{row.rate_note}" if row.rate_note else ""
        value = f"<br>= {_number(row.stated)}" if math.isfinite(row.stated) else ""
        cells = [
            str(number),
            claim,
            stated + converted + value,
            _number(row.checked),
            gap_note(row.claim, row.stated, row.checked),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    table = "| # | Claim | As stated | Sources support | Article vs sources |\n|---|---|---|---|---|\n" + "\n".join(
        lines
    )
    rest = len(rows) - TABLE_LIMIT
    csv = f"[claims.csv]({link(FIGURES, CLAIMS_CSV)})"
    more = f"\n\n{plural(rest, 'more figure')} in this unit: every figure is in {csv}." if rest > 0 else ""
    return f"## {md_text(unit_label(unit))} {{#unit-{slug}}}\n\n{images}{table}{more}\n", specs


def render_figures(index: Index) -> tuple[str, dict[str, Chart]]:
    """Markdown for `figures.md`, and the charts it shows (by the path of their SVG file)."""
    sections: list[str] = []
    charts: dict[str, Chart] = {}
    groups = figure_groups(index)
    for unit, rows in groups.items():
        section, specs = _group_section(index, unit, rows)
        sections.append(section)
        charts.update(specs)
    missing = sum(1 for rows in groups.values() for r in rows if r.checked is None)
    intro = (
        f"Every figure {'the articles state' if several_articles(index) else 'the article states'}, against the "
        "value the sources support. A chart compares the two where both are known, and amounts of very "
        "different sizes get a chart each, so every bar shows. "
        "Amounts in other currencies are shown in US dollars at the rate their record gives. "
        + (f"Without a checked value so far: {plural(missing, 'figure')}. " if missing else "")
        + "“Article vs sources” is how far the stated value is above (+) or below (−) the supported one.\n"
    )
    body = "\n".join(sections) if sections else "No figures yet.\n"
    page = (
        front_matter({"title": "Figures", "hide": ["navigation"], "search": {"exclude": True}})
        + "# Figures {#figures}\n\n"
        + intro
        + "\n"
        + body
    )
    return page, charts
