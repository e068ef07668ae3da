"""Charts drawn at build time as SVG files, with matplotlib; every chart sits beside a table of its numbers.

Pages show a chart as an image (`<img>`), never inline: an SVG loaded as an image runs no
script, and record text in its labels cannot reach the page's Markdown. The output is byte for
byte the same for the same input (fixed hash salt, no date, text kept as text).

Pages ask for charts as specs (`BarChart`, `PairedBarChart`). `draw_charts` draws the ones not
drawn before in a second Python process while the pages render (importing matplotlib and
drawing take most of a second, as long as rendering 3,000 claim pages), and `draw` draws one here.
"""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from dossier import worker_process

# Neither colour is a verdict's: a chart compares numbers, it does not rate them. The two series
# differ by pattern (solid, hatched) as well as shade, so they read in greyscale. Everything is
# drawn in one near-black ink on a transparent background; in the dark palette the stylesheet
# inverts the image's lightness (docs/stylesheets/dossier.css), so the ink turns near-white.
INK = "#212121"
STATED_COLOUR = INK
CHECKED_HATCH = "////"
_STYLE: Any = {
    "text.parse_math": False,  # "$1 to $2 million" is money, not mathematics (and "$\\foo$" would crash)
    "svg.fonttype": "none",  # text stays text: selectable, and sized by the reader's font
    "svg.hashsalt": "claims-dossier",
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "hatch.color": INK,
    "hatch.linewidth": 1.0,
}


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    colour: str


def _figure(rows: int) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("svg")  # no display, and no other backend imported
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(7.5, 0.9 + 0.45 * rows), layout="constrained")
    return figure, axes


def _svg(figure: Any) -> str:
    from matplotlib import pyplot

    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, transparent=True)
    pyplot.close(figure)
    return out.getvalue()


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart, first bar at the top, each bar labelled with its value."""

    bars: tuple[Bar, ...]
    axis_label: str


@dataclass(frozen=True)
class PairedBarChart:
    """Each row's stated value against the checked one (a missing checked value draws no bar)."""

    labels: tuple[str, ...]
    stated: tuple[float, ...]
    checked: tuple[float | None, ...]
    axis_label: str


Chart = BarChart | PairedBarChart

# The charts last drawn (scale work): `mkdocs serve` renders every page on each save, and a
# chart whose numbers and labels did not change is reused.
_drawn: dict[Chart, str] = {}
_DRAWN_KEPT = 32


def _remember(chart: Chart, svg: str) -> None:
    if chart not in _drawn and len(_drawn) >= _DRAWN_KEPT:
        del _drawn[next(iter(_drawn))]  # the oldest
    _drawn[chart] = svg


def draw(chart: Chart) -> str:
    """The SVG of one chart, drawn in this process unless it was drawn before."""
    if chart not in _drawn:
        _remember(chart, _bar_chart(chart) if isinstance(chart, BarChart) else _paired_bar_chart(chart))
    return _drawn[chart]


def bar_chart(bars: list[Bar], axis_label: str) -> str:
    return draw(BarChart(tuple(bars), axis_label))


def paired_bar_chart(labels: list[str], stated: list[float], checked: list[float | None], axis_label: str) -> str:
    return draw(PairedBarChart(tuple(labels), tuple(stated), tuple(checked), axis_label))


class Drawing:
    """Charts being drawn; `result()` waits for them. Leaving its `with` block ends the worker."""

    def __init__(self, charts: list[Chart], worker: subprocess.Popen[bytes] | None) -> None:
        self.charts = charts
        self.worker = worker

    def __enter__(self) -> Drawing:
        return self

    def __exit__(self, *_: object) -> None:
        worker_process.stop(self.worker)  # rendering failed part way

    def result(self) -> dict[Chart, str]:
        new = [c for c in self.charts if c not in _drawn]
        output = worker_process.answer(self.worker) if self.worker is not None else None
        svgs = json.loads(output) if output else None
        if isinstance(svgs, list) and len(svgs) == len(new):
            for chart, svg in zip(new, svgs, strict=True):
                _remember(chart, svg)
        # Otherwise (the worker could not start its imports, or died) the charts are drawn here
        # below, where any error surfaces as itself.
        return {chart: draw(chart) for chart in self.charts}


def draw_charts(charts: Iterable[Chart]) -> Drawing:
    """Start drawing every chart not drawn before, in a second process when the machine has a
    second core; `Drawing.result()` then returns them all."""
    wanted = list(dict.fromkeys(charts))
    new = [c for c in wanted if c not in _drawn]
    if not new or worker_process.cores() < 2:
        return Drawing(wanted, None)
    return Drawing(
        wanted, worker_process.start("dossier.render.charts", json.dumps([_as_json(c) for c in new]).encode())
    )


def _as_json(chart: Chart) -> dict[str, Any]:
    return {"kind": type(chart).__name__} | asdict(chart)


def _from_json(data: dict[str, Any]) -> Chart:
    if data["kind"] == "BarChart":
        return BarChart(tuple(Bar(**bar) for bar in data["bars"]), data["axis_label"])
    return PairedBarChart(tuple(data["labels"]), tuple(data["stated"]), tuple(data["checked"]), data["axis_label"])


def _worker() -> None:
    """`python -m dossier.render.charts`: chart specs as JSON on standard input, their SVGs on standard output."""
    charts = [_from_json(item) for item in json.load(sys.stdin.buffer)]
    sys.stdout.write(json.dumps([draw(chart) for chart in charts]))


def _bar_chart(chart: BarChart) -> str:
    import matplotlib

    bars, axis_label = chart.bars, chart.axis_label
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(len(bars))
        positions = list(range(len(bars)))[::-1]
        drawn = axes.barh(positions, [b.value for b in bars], color=[b.colour for b in bars], height=0.6)
        axes.bar_label(drawn, labels=[_short(b.value) for b in bars], padding=3)
        axes.set_yticks(positions, [b.label for b in bars])
        axes.set_xlabel(axis_label)
        axes.xaxis.set_major_formatter(lambda value, _: _short(value))  # "1.5 tn", not "1.5" and "1e12"
        axes.margins(x=0.15)
        return _svg(figure)


def _paired_bar_chart(chart: PairedBarChart) -> str:
    import matplotlib

    labels, stated, checked, axis_label = chart.labels, chart.stated, chart.checked, chart.axis_label
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(len(labels) * 2)
        positions = [2 * i for i in range(len(labels))][::-1]
        drawn = axes.barh([p + 0.4 for p in positions], stated, height=0.8, color=STATED_COLOUR, label="As stated")
        axes.bar_label(drawn, labels=[_short(v) for v in stated], padding=3)
        pairs = [(p - 0.4, v) for p, v in zip(positions, checked, strict=True) if v is not None]
        if pairs:
            drawn = axes.barh(
                [p for p, _ in pairs],
                [v for _, v in pairs],
                height=0.8,
                facecolor="none",
                edgecolor=INK,
                hatch=CHECKED_HATCH,
                label="Sources support",
            )
            axes.bar_label(drawn, labels=[_short(v) for _, v in pairs], padding=3)
        axes.set_yticks(positions, labels)
        axes.set_xlabel(axis_label)
        axes.xaxis.set_major_formatter(lambda value, _: _short(value))  # "1.5 tn", not "1.5" and "1e12"
        axes.margins(x=0.2)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)  # beside the bars, never over them
        return _svg(figure)


def _short(value: float) -> str:
    """`1.98e12` -> `1.98 tn`, `563e9` -> `563 bn`, `11.5` -> `11.5`; a dash, never `inf` or `nan`."""
    if not math.isfinite(value):
        return "—"
    for size, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


if __name__ == "__main__":
    _worker()
