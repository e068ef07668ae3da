"""Hand-written docs stay true to the code: the rating scale and kinds match the spec."""

from __future__ import annotations

from conftest import ROOT
from dossier.read.spec import ENTITY_KINDS, KINDS, RATINGS
from dossier.render.common import ENTITY_KIND_LABELS, KIND_LABELS, RATING_LABELS


def test_methodology_defines_every_rating_and_kind_as_the_spec_does() -> None:
    text = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    for rating, meaning in RATINGS.options:
        assert f"| {RATING_LABELS[rating]} | {meaning} |" in text
    for kind, meaning in KINDS.options:
        assert f"| {KIND_LABELS[kind]} | {meaning} |" in text


def test_labels_cover_every_value_of_the_spec() -> None:
    assert list(RATING_LABELS) == list(RATINGS.values)
    assert list(KIND_LABELS) == list(KINDS.values)
    assert list(ENTITY_KIND_LABELS) == list(ENTITY_KINDS.values)
