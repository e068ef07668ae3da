"""How much of an article the claims cover: its sentences, and which of them no excerpt covers.

Sentences come from pysbd (a maintained rule-based splitter: "Mr.", "U.S.", "3.5%" and quoted
speech do not end a sentence). A sentence counts as covered when every letter and digit in it
lies inside some claim's excerpt: one excerpt may hold it, or several together (a sentence
split into two claims, as the Methodology page advises); the spaces and punctuation between
two excerpts do not matter. `check` warns about each article with uncovered sentences, the
`coverage` command lists them, the site shows the share, and the real-dossier test holds
the dossier to the same rule, so no rule lives in a test alone.

pysbd is imported only when a paragraph has a letter or digit outside every excerpt: a fully
covered dossier is checked without it, and each paragraph is split once per process.
"""

from __future__ import annotations

import functools
import shlex
from dataclasses import dataclass
from typing import Any

from dossier.link.crossref import Anchor
from dossier.problems import Problem, plural
from dossier.read.model import Article


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd  # type: ignore[import-untyped]  # only here: most checks never need it

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


@functools.lru_cache(maxsize=65536)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of one paragraph, white space trimmed; none without a letter or digit."""
    spans = []
    for span in _segmenter().segment(text):
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(c.isalnum() for c in text[start:end]):
            spans.append((start, end))
    return tuple(spans)


def split_sentences(paragraphs: tuple[str, ...]) -> list[Sentence]:
    """Every sentence of the article as a span of its paragraph, leading and trailing spaces excluded."""
    return [Sentence(n, start, end) for n, text in enumerate(paragraphs) for start, end in _spans(text)]


def _gaps(length: int, anchors: list[Anchor]) -> list[tuple[int, int]]:
    """The stretches of a paragraph that no excerpt covers, in order."""
    gaps, at = [], 0
    for anchor in sorted(anchors, key=lambda a: a.start):
        if anchor.start > at:
            gaps.append((at, anchor.start))
        at = max(at, anchor.end)
    if at < length:
        gaps.append((at, length))
    return gaps


def _words_outside(text: str, gaps: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a letter or digit of text[start:end] lies in one of the gaps."""
    return any(any(c.isalnum() for c in text[max(start, a) : min(end, b)]) for a, b in gaps if a < end and b > start)


def uncovered_sentences(paragraphs: tuple[str, ...], anchors: list[Anchor]) -> list[Sentence]:
    """Sentences with a letter or digit that no excerpt covers, in article order."""
    by_paragraph: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        by_paragraph.setdefault(anchor.paragraph, []).append(anchor)
    uncovered = []
    for number, text in enumerate(paragraphs):
        gaps = _gaps(len(text), by_paragraph.get(number, []))
        if not _words_outside(text, gaps, 0, len(text)):
            continue  # every word covered: no sentence can be uncovered, and no need to split
        uncovered += [
            Sentence(number, start, end) for start, end in _spans(text) if _words_outside(text, gaps, start, end)
        ]
    return uncovered


def coverage_warning(article: Article, uncovered: int, total: int, claims_dir: str = "claims") -> Problem:
    """`check`'s one line for an article with uncovered sentences: a warning, never a failure."""
    line, col = article.origin.at(("paragraphs",))
    where = "" if claims_dir == "claims" else f" --claims {shlex.quote(claims_dir)}"
    return Problem(
        article.origin.path,
        line,
        col,
        f"paragraphs: no excerpt covers {uncovered} of the article's {plural(total, 'sentence')}; "
        f"list them with: python build_claims.py coverage{where} --article {article.id}",
        "warning",
    )


def coverage_warnings(
    articles: tuple[Article, ...], anchors: dict[str, list[Anchor]], claims_dir: str
) -> list[Problem]:
    """One warning per article with uncovered sentences (`anchors`: each article's excerpts)."""
    warnings = []
    for article in articles:
        uncovered = uncovered_sentences(article.paragraphs, anchors.get(article.id, []))
        if uncovered:
            total = len(split_sentences(article.paragraphs))
            warnings.append(coverage_warning(article, len(uncovered), total, claims_dir))
    return warnings
