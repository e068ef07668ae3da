"""The Figures page: each figure as the article states it against what the sources support.

Figures are grouped by unit, one chart and one table per group. Amounts in another currency
join the US-dollar group when their record gives a `usd_rate` (a rate, its date and its
source: never fetched), and the table says which rate was used.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.link.crossref import Index
from dossier.problems import plural
from dossier.read.model import Claim, Figure
from dossier.read.paths import CLAIMS_CSV, FIGURES, claim_page, figure_chart, link, source_page
from dossier.render.charts import Chart, PairedBarChart
from dossier.render.common import badge, claims_in_article_order
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
    note = f"{md_text(figure.unit)} at {rate.rate:g} US dollars each ({rate.date}; {where})"
    return "USD", rate.rate, note


def unit_label(unit: str) -> str:
    """How a unit heads its chart: `USD` -> `US dollars`, `percent` -> `Percent`."""
    if unit == "USD":
        return "US dollars"
    if len(unit) == 3 and unit.isupper():
        return f"{unit} (no exchange rate recorded)"
    return unit.replace("-", " ").capitalize()


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.4g}"


def _gap(row: Row) -> str:
    if row.checked is None or row.checked == 0:
        return "not given" if row.checked is None else "—"
    change = (row.stated - row.checked) / abs(row.checked) * 100
    return "none" if abs(change) < 0.05 else f"{change:+.1f}%"


CHART_LIMIT = 20  # bars pairs per chart: the largest gaps first, so the chart stays readable
TABLE_LIMIT = 200  # rows per unit: a page stays light at any size; claims.csv has every figure


def charted(rows: list[Row]) -> list[tuple[int, Row]]:
    """The (table number, row) pairs a chart shows: largest gaps first, then the rest in order."""
    numbered = list(enumerate(rows, start=1))
    gaps = [(n, r) for n, r in numbered if r.checked not in (None, 0)]
    gaps.sort(key=lambda item: -abs((item[1].stated - (item[1].checked or 0)) / (item[1].checked or 1)))
    rest = [(n, r) for n, r in numbered if r.checked in (None, 0)]
    return sorted((gaps + rest)[:CHART_LIMIT], key=lambda item: item[0])


def _group_section(index: Index, unit: str, rows: list[Row]) -> tuple[str, Chart]:
    """(the Markdown section, the chart) for one unit."""
    slug = unit.lower()
    shown = charted(rows)
    labels = tuple(f"{n}. {r.claim.figure.stated if r.claim.figure else ''}" for n, r in shown)
    spec = PairedBarChart(
        labels, tuple(r.stated for _, r in shown), tuple(r.checked for _, r in shown), unit_label(unit)
    )
    lines = []
    for number, row in enumerate(rows[:TABLE_LIMIT], start=1):
        figure = row.claim.figure
        stated = md_cell(figure.stated) if figure else " "
        claim = (
            f"{badge(row.claim.verdict.rating)} [{md_text(row.claim.claim)}]({link(FIGURES, claim_page(row.claim.id))})"
        )
        converted = f"<br>{row.rate_note}" if row.rate_note else ""
        cells = [str(number), claim, stated + converted, _number(row.stated), _number(row.checked), _gap(row)]
        lines.append("| " + " | ".join(cells) + " |")
    which = "" if len(shown) == len(rows) else f" ({len(shown)} of them: the largest gaps first)"
    alt = (
        f"Bar chart: {plural(len(rows), 'figure')} in {unit_label(unit)}{which}, as stated and as the sources "
        "support; the table below gives the numbers."
    )
    # A Markdown image, so that MkDocs rewrites and checks the path like any other link.
    chart = f"![{md_text(alt)}]({link(FIGURES, figure_chart(slug))}){{.dossier-chart}}"
    table = (
        "| # | Claim | As stated | Value | Sources support | Article vs sources |\n|---|---|---|---|---|---|\n"
        + "\n".join(lines)
    )
    rest = len(rows) - TABLE_LIMIT
    csv = f"[claims.csv]({link(FIGURES, CLAIMS_CSV)})"
    more = f"\n\n{plural(rest, 'more figure')} in this unit: every figure is in {csv}." if rest > 0 else ""
    return f"## {md_text(unit_label(unit))} {{#unit-{slug}}}\n\n{chart}\n\n{table}{more}\n", spec


def render_figures(index: Index) -> tuple[str, dict[str, Chart]]:
    """Markdown for `figures.md`, and the charts it shows (by the path of their SVG file)."""
    sections: list[str] = []
    charts: dict[str, Chart] = {}
    groups = figure_groups(index)
    for unit, rows in groups.items():
        section, spec = _group_section(index, unit, rows)
        sections.append(section)
        charts[figure_chart(unit.lower())] = spec
    missing = sum(1 for rows in groups.values() for r in rows if r.checked is None)
    intro = (
        "Every figure the article states, against the value the sources support, one chart per unit. "
        "Amounts in other currencies are shown in US dollars at the rate their record gives. "
        + (f"Without a checked value so far: {plural(missing, 'figure')}. " if missing else "")
        + "“Article vs sources” is how far the stated value is above (+) or below (−) the supported one.\n"
    )
    body = "\n".join(sections) if sections else "No figures yet.\n"
    page = (
        front_matter({"title": "Figures", "search": {"exclude": True}})
        + "# Figures {#figures}\n\n"
        + intro
        + "\n"
        + body
    )
    return page, charts
