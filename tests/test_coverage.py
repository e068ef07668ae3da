"""Sentence splitting and coverage, on the article's awkward punctuation."""

from __future__ import annotations

import pytest

from dossier.link.coverage import split_sentences, uncovered_sentences
from dossier.link.crossref import Anchor

CASES = [
    ("One. Two.", ["One.", "Two."]),
    ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
    (
        "China isn’t alone. Costs $1.4 trillion (about 10%). End",
        ["China isn’t alone.", "Costs $1.4 trillion (about 10%).", "End"],
    ),
    ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
    ("No full stop", ["No full stop"]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences((text,))] == expected


def test_a_sentence_is_covered_only_when_one_excerpt_contains_it() -> None:
    paragraphs = ("Alpha beta. Gamma delta.",)
    halves = [Anchor(0, 0, 6), Anchor(0, 6, 11)]  # "Alpha " and "beta." together, never alone
    whole_first = [Anchor(0, 0, 11)]
    assert [(s.start, s.end) for s in uncovered_sentences(paragraphs, halves)] == [(0, 11), (12, 24)]
    assert [(s.start, s.end) for s in uncovered_sentences(paragraphs, whole_first)] == [(12, 24)]
