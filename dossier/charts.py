"""Charts drawn at build time as SVG files, with matplotlib; every chart sits beside a table of its numbers.

Pages show a chart as an image (`<img>`), never inline: an SVG loaded as an image runs no
script, and record text in its labels cannot reach the page's Markdown. The output is byte for
byte the same for the same input (fixed hash salt, no date, text kept as text).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# The light palette's verdict hues (docs/stylesheets/dossier.css): charts sit on a white card.
RATING_COLOURS = {
    "supported": "#2e7d32",
    "partly-supported": "#8d5300",
    "disputed": "#c62828",
    "unsupported": "#6a1b9a",
    "unverified": "#546e7a",
    "opinion": "#1565c0",
}
STATED_COLOUR = "#8d5300"
CHECKED_COLOUR = "#1565c0"
_STYLE: Any = {
    "text.parse_math": False,  # "$1 to $2 million" is money, not mathematics (and "$\\foo$" would crash)
    "svg.fonttype": "none",  # text stays text: selectable, and sized by the reader's font
    "svg.hashsalt": "claims-dossier",
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
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
    figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, transparent=False)
    pyplot.close(figure)
    return out.getvalue()


# The charts last drawn, by their inputs (scale work): `mkdocs serve` renders every page on each
# save, and matplotlib takes seconds; a chart whose numbers and labels did not change is reused.
_drawn: dict[tuple[Any, ...], str] = {}
_DRAWN_KEPT = 32


def _remembered(key: tuple[Any, ...], draw: Callable[[], str]) -> str:
    if key not in _drawn:
        if len(_drawn) >= _DRAWN_KEPT:
            del _drawn[next(iter(_drawn))]  # the oldest
        _drawn[key] = draw()
    return _drawn[key]


def bar_chart(bars: list[Bar], axis_label: str) -> str:
    """A horizontal bar chart, first bar at the top, each bar labelled with its value."""
    return _remembered(("bar", tuple(bars), axis_label), lambda: _bar_chart(bars, axis_label))


def _bar_chart(bars: list[Bar], axis_label: str) -> str:
    import matplotlib

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


def paired_bar_chart(labels: list[str], stated: list[float], checked: list[float | None], axis_label: str) -> str:
    """Each row's stated value against the checked one (a missing checked value draws no bar)."""
    key = ("paired", tuple(labels), tuple(stated), tuple(checked), axis_label)
    return _remembered(key, lambda: _paired_bar_chart(labels, stated, checked, axis_label))


def _paired_bar_chart(labels: list[str], stated: list[float], checked: list[float | None], axis_label: str) -> str:
    import matplotlib

    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(len(labels) * 2)
        positions = [2 * i for i in range(len(labels))][::-1]
        drawn = axes.barh([p + 0.4 for p in positions], stated, height=0.8, color=STATED_COLOUR, label="As stated")
        axes.bar_label(drawn, labels=[_short(v) for v in stated], padding=3)
        pairs = [(p - 0.4, v) for p, v in zip(positions, checked, strict=True) if v is not None]
        if pairs:
            drawn = axes.barh(
                [p for p, _ in pairs], [v for _, v in pairs], height=0.8, color=CHECKED_COLOUR, label="Sources support"
            )
            axes.bar_label(drawn, labels=[_short(v) for _, v in pairs], padding=3)
        axes.set_yticks(positions, labels)
        axes.set_xlabel(axis_label)
        axes.xaxis.set_major_formatter(lambda value, _: _short(value))  # "1.5 tn", not "1.5" and "1e12"
        axes.margins(x=0.2)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)  # beside the bars, never over them
        return _svg(figure)


def _short(value: float) -> str:
    """`1.98e12` -> `1.98 tn`, `563e9` -> `563 bn`, `11.5` -> `11.5`."""
    for size, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
