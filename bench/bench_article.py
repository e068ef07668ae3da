"""Benchmark: render one article paragraph carrying N nested excerpts (the annotated article).

Run: .venv/bin/python bench/bench_article.py [N ...]   (default 500 1000 2000 4000)
Each excerpt i spans words i to N*2-i of one paragraph, so they nest N deep. A measurement to
report, not a test; linear rendering roughly doubles the time when N doubles.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier.read.model import Claim, Origin, Verdict  # noqa: E402
from dossier.render.article import Mark, annotate_paragraph  # noqa: E402


def nested_marks(count: int) -> tuple[str, list[Mark]]:
    words = [f"w{n}" for n in range(count * 2)]
    starts = [sum(len(w) + 1 for w in words[:n]) for n in range(len(words) + 1)]
    text = " ".join(words)
    marks = []
    for n in range(count):
        claim = Claim(
            id=f"c{n}",
            article="a",
            kind="statement",
            claim="C.",
            excerpt="",
            verdict=Verdict("supported", "2026-11-28", "Checked."),
            origin=Origin(f"c{n}.yaml", f"c{n}.yaml"),
        )
        marks.append(Mark(claim, n + 1, starts[n], starts[count * 2 - n] - 1))
    return text, marks


def main(sizes: list[int]) -> None:
    for size in sizes:
        text, marks = nested_marks(size)
        start = time.perf_counter()
        annotate_paragraph("articles/a.md", text, marks)
        print(f"{size:6d} nested excerpts: {time.perf_counter() - start:7.2f} s", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [500, 1000, 2000, 4000])
