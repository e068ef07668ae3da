"""The Figures page: each figure as the article states it against what the sources support.

Figures are grouped by unit, one chart and one table per group. Amounts in another currency
join the US-dollar group when their record gives a `usd_rate` (a rate, its date and its
source: never fetched), and the table says which rate was used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

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


PERCENT_UNITS = ("percent", "per-cent", "percentage")


def is_percent(unit: str) -> bool:
    """Whether a unit is a share in percent: its values show a % sign and differ in points."""
    return unit in PERCENT_UNITS


def _number(value: float | None, unit: str = "") -> str:
    """`1,400,000,000,000`, `11.5`, `11.5%` in a percent unit; a dash for no value, and for `inf`
    or `nan` (the checker refuses them)."""
    if value is None or not math.isfinite(value):
        return "—"
    shown = f"{value:,.0f}" if abs(value) >= 100 else _plain(f"{value:.4g}")
    return shown + "%" if is_percent(unit) else shown


def _plain(number: str) -> str:
    """A number's spelling with thousands separators and never an exponent: `5e-07` -> `0.0000005`."""
    return format(Decimal(number), ",f")


def _trimmed(amount: float) -> str:
    """`1.5`, `13`, `0.3`: one decimal at most, none when it is zero; a smaller amount than one
    decimal shows keeps two significant digits (`0.04`, `0.0043`, never `0` or `4.3e-05`)."""
    text = f"{amount:,.1f}"
    if text == "0.0" and amount != 0:
        return _plain(f"{amount:.2g}")
    return text[:-2] if text.endswith(".0") else text


# The "Article vs sources" phrases: short, lower case, the same style in every row.
NO_CHECKED_VALUE = "no checked value"
SAME_NUMBER = "same number"
SAME_NUMBER_FLAWED = "same number; the flaw is elsewhere"


def gap_note(claim: Claim, stated: float, checked: float | None, unit: str | None = None) -> str:
    """ "Article vs sources", as Markdown for a table cell, in one short phrase: how far the stated
    value is from the supported one ("1.5 points lower" for percentages, "25% higher" otherwise);
    where the numbers agree but the verdict does not, that the flaw lies elsewhere (the claim's page
    says what). Only equal values are "the same number": a gap too small for one decimal (8.04%
    against 8%) is still given, in as many digits as it takes. The Figures page and the claim's own
    page give the same note. `unit` is the unit the two values are in (default: the figure's own)."""
    if checked is None:
        return NO_CHECKED_VALUE
    if unit is None:
        unit = claim.figure.unit if claim.figure else ""
    difference = stated - checked
    if not math.isfinite(difference):  # a gap too large to state (or a value that is not a number)
        return "—"
    if difference == 0:
        # The number holds, yet the claim may not fully: the row's verdict badge and the claim's
        # page say what is wrong (its scope, its period, who said it).
        return SAME_NUMBER if claim.verdict.rating == "supported" else SAME_NUMBER_FLAWED
    direction = "higher" if difference > 0 else "lower"
    if is_percent(unit):
        # The gap between the values as written (8.04 - 8 is 0.04, not 0.0399999…).
        points = _trimmed(float(abs(Decimal(repr(stated)) - Decimal(repr(checked)))))
        return f"{points} {'point' if points == '1' else 'points'} {direction}"
    if checked == 0:  # no share of zero: the difference itself
        return f"{_number(abs(difference), unit)} {direction}"
    change = difference / abs(checked) * 100
    if not math.isfinite(change):
        return "—"
    return f"{_trimmed(abs(change))}% {direction}"


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
        shown = _number(row.stated, unit)
        # "8%" needs no "= 8%" under it; "$1.4 trillion" and "a third" do get their number.
        repeats = not row.rate_note and figure is not None and shown in figure.stated
        value = f"<br>= {shown}" if math.isfinite(row.stated) and not repeats else ""
        cells = [
            str(number),
            claim,
            stated + converted + value,
            _number(row.checked, unit),
            gap_note(row.claim, row.stated, row.checked, unit),
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
        "value the sources support. "
        # Said only where the charts show: a phone shows the tables instead (docs/stylesheets/dossier.css).
        + '<span class="dossier-chart-lead">A chart compares the two where both are known, and amounts of very '
        "different sizes get a chart each, so every bar shows.</span> "
        "Amounts in other currencies are shown in US dollars at the rate their record gives. "
        + (f"Without a checked value so far: {plural(missing, 'figure')}. " if missing else "")
        + "“Article vs sources” says how far the article's value is above or below the supported one: "
        "in percentage points for a percentage, otherwise as a share of the supported value.\n"
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
