"""How much of an article the claims cover: the share of its sentences inside at least one excerpt."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.link.crossref import Anchor

# A sentence ends at . ! or ? (with any closing quotes or brackets) before a space or the end.
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*(?=\s|$)")


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    start: int
    end: int


def split_sentences(paragraphs: tuple[str, ...]) -> list[Sentence]:
    """Every sentence of the article as a span of its paragraph, leading spaces excluded."""
    sentences = []
    for number, text in enumerate(paragraphs):
        start = 0
        for match in _SENTENCE_END.finditer(text):
            sentences.append(_trimmed(text, number, start, match.end()))
            start = match.end()
        if text[start:].strip():
            sentences.append(_trimmed(text, number, start, len(text)))
    return sentences


def _trimmed(text: str, paragraph: int, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    return Sentence(paragraph, start, end)


def uncovered_sentences(paragraphs: tuple[str, ...], anchors: list[Anchor]) -> list[Sentence]:
    """Sentences that no single excerpt contains."""
    by_paragraph: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        by_paragraph.setdefault(anchor.paragraph, []).append(anchor)
    return [
        s
        for s in split_sentences(paragraphs)
        if not any(a.start <= s.start and s.end <= a.end for a in by_paragraph.get(s.paragraph, ()))
    ]
