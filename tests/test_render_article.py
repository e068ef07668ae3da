"""The annotated article's sweep over nested excerpts gives what the plain definition gives."""

from __future__ import annotations

import itertools
import random

import pytest

from dossier.read.model import Claim, Origin, Verdict
from dossier.read.paths import claim_anchor
from dossier.render.article import Mark, _marker, annotate_paragraph
from dossier.render.markup import md_text

PAGE = "articles/a.md"
RATINGS = ["supported", "disputed", "opinion"]


def reference(text: str, marks: list[Mark]) -> str:
    """The definition, scanning every mark for every segment (quadratic; the old implementation)."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for start, end in itertools.pairwise(cuts):
        out += [_marker(PAGE, m) for m in sorted((m for m in marks if m.start == start), key=lambda m: -m.end)]
        covering = [m for m in marks if m.start <= start and end <= m.end]
        if not covering:
            out.append(md_text(text[start:end]))
            continue
        inner = min(covering, key=lambda m: (m.end - m.start, m.number))
        depth = min(len(covering), 3)
        out.append(
            f'<span class="dossier-excerpt dossier-{inner.claim.verdict.rating} dossier-depth-{depth}" '
            f'data-marker="{claim_anchor(inner.claim.id)}">{md_text(text[start:end])}</span>'
        )
    return "".join(out)


def mark(number: int, start: int, end: int) -> Mark:
    rating = RATINGS[number % len(RATINGS)]
    claim = Claim(f"c{number}", "a", "statement", "C.", "", Verdict(rating, "2026-11-28"), Origin("c.yaml", "c.yaml"))  # type: ignore[arg-type]
    return Mark(claim, number, start, end)


@pytest.mark.parametrize("seed", range(40))
def test_sweep_matches_the_definition(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab *[") for _ in range(rng.randint(1, 40)))
    marks = []
    for number in range(1, rng.randint(0, 12) + 1):
        start = rng.randrange(len(text))
        marks.append(mark(number, start, rng.randint(start + 1, len(text))))
    assert annotate_paragraph(PAGE, text, marks) == reference(text, marks)


def test_deeply_nested_and_identical_spans() -> None:
    text = "one two three four five"
    marks = [mark(1, 0, 23), mark(2, 4, 18), mark(3, 4, 18), mark(4, 8, 13), mark(5, 0, 23)]
    assert annotate_paragraph(PAGE, text, marks) == reference(text, marks)
