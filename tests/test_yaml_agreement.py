"""One YAML reading for everyone: the checker and the JSON Schema (over an editor's YAML 1.2
reading) accept and refuse the same scalars, field type by field type.

Each case puts one scalar, typed as a contributor would type it, into one field of an otherwise
valid claim. The checker reads the file itself; the schema gets what ruamel.yaml reads under
the YAML 1.2 core schema (tests/yaml12.py), as yaml-language-server would. Both must accept or
both refuse. A schema sees values, not spelling, and does not know today's date, so a short
list of cases is refused by the checker alone: numbers written so that a YAML 1.1 reader sees
another value (017 is octal 15 there) or that no reader holds exactly, and dates after today.
For each, the test asserts the checker's message, so none is refused by accident.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import jsonschema
import pytest
from yaml12 import load_yaml12

from conftest import ROOT
from dossier.read.fields import check_record
from dossier.read.spec import SPECS
from dossier.read.yaml_tree import compose_record

TODAY = datetime.date(2026, 6, 1)
CLAIM = """id: c
article: {article}
kind: figure
claim: {claim}
excerpt: some words
occurrence: {occurrence}
figure:
  value: {value}
  unit: {unit}
  stated: "12"
  qualifier: {qualifier}
  point_in_time: {point_in_time}
verdict:
  rating: unverified
  checked: {checked}
  summary: Not checked yet.
  conclusion: {conclusion}
"""
VALID = {
    "article": "a",
    "claim": "A claim.",
    "occurrence": "1",
    "value": "12",
    "unit": "USD",
    "qualifier": "about",
    "point_in_time": "2024",
    "checked": "2024-03-10",
    "conclusion": "Why.",
}
BOTH = "both accept"
NEITHER = "both refuse"
# (field, scalar as typed, BOTH / NEITHER / a fragment of the message of a checker-only refusal)
CASES: list[tuple[str, str, str]] = [
    # one-line text: YAML 1.1's yes/no, dates, base 60 and binary are words to YAML 1.2
    *[("claim", text, BOTH) for text in ["no", "Yes", "on", "OFF", "2024-03-10", "2026-13-45", "1:30", "<<", "="]],
    *[("claim", text, BOTH) for text in ["0b1010", "1_000", "'017'", '"no"', "Café", "a\u00a0b", "'TODO: ask'"]],
    *[("claim", text, NEITHER) for text in ["true", "False", "null", "~", "", "17", "017", "1.4e12", "0x1F", ".inf"]],
    *[("claim", text, NEITHER) for text in ["TODO", "todo!", "[TBD]", "FixMe", "xxx", "...", "…", "YYYY-MM-DD"]],
    *[("claim", text, NEITHER) for text in ['"a\\tb"', "'a\tb'", '"a\\nb"', "|\n    a\n    b"]],
    *[("claim", text, NEITHER) for text in ['"a\\e[2Jb"', '"a\\x7f"', '"a\\x85"', '"\\0"', '"a\\u202eb"']],
    *[("claim", text, NEITHER) for text in ['"a\\u200bb"', '"a\\u2066b"', '"a\\ufeffb"', '"a\\uffffb"', '"a\\Lb"']],
    # multi-line text: tabs and line breaks are fine, controls are not
    *[("conclusion", text, BOTH) for text in ['"a\\tb"', '"a\\nb"', "|\n    two\n    lines", "no"]],
    *[("conclusion", text, NEITHER) for text in ['"a\\x1bb"', '"a\\rb"', '"a\\u202eb"', "...", "TBD"]],
    # a choice
    *[("qualifier", text, BOTH) for text in ["about", "'over'"]],
    *[("qualifier", text, NEITHER) for text in ["About", "yes", "TODO", "1", '"about\\u200b"']],
    # an id
    *[("article", text, BOTH) for text in ["ferry-story", "'a1'", "no", "2024-03", "'2024'"]],
    *[("article", text, NEITHER) for text in ["todo", "entity-id", "Ferry", "true", "2024"]],
    # a number
    *[("value", text, BOTH) for text in ["12", "1.4e12", "1.4e+12", "1e5", "-.5", "+12", "0x1F", "0o17", "1.", "0"]],
    *[("value", text, NEITHER) for text in ['"12"', "no", "yes", "on", "true", "~", "0b1010", "1:30", "1_000"]],
    *[("value", text, NEITHER) for text in [".inf", "-.inf", "1e400", "1" + "0" * 400, "TODO", "-0x1F"]],
    ("value", "017", "has a leading zero, which makes some YAML readers see octal 15; write 17"),
    ("value", "08", "has a leading zero, which some YAML readers take for text; write 8"),
    ("value", "1.0e-400", "is too small for any reader, which would store 0"),
    ("value", "1e-310", "is too small to be stored exactly"),
    ("value", "123456789012345678", "has more digits than a number can hold exactly"),
    *[("value", text, BOTH) for text in ["1e18", "-1.0e18", "1000000000000000000"]],  # a figure's limits
    *[("value", text, NEITHER) for text in ["1.0e307", "-2e18", "1000000000000000001", "12345678901234567891"]],
    ("value", ".nan", "expected a finite number, got the number .nan"),
    # a count
    *[("occurrence", text, BOTH) for text in ["1", "2", "0x2"]],
    *[("occurrence", text, NEITHER) for text in ["0", "-1", "1.5", '"2"', "two", "~"]],
    ("occurrence", "2.0", "is not written as a whole number; write 2"),
    ("occurrence", "1e0", "is not written as a whole number; write 1"),
    ("occurrence", "02", "has a leading zero"),
    # a date that records something done (not after today) and a figure's date (any from 1900)
    *[("checked", text, BOTH) for text in ["2024-03-10", "2024", "2024-03", '"2024-03-10"', "'2024'", "1900"]],
    *[
        ("checked", text, NEITHER)
        for text in ["1899", "1899-12-31", "0001-01-01", "017", "17", "2024-3-5", "10/03/2024"]
    ],
    *[
        ("checked", text, NEITHER)
        for text in ["2024-03-10 12:30:00", "2024-03-10T12:30", "no", "YYYY-MM-DD", "2024-13"]
    ],
    ("checked", "02024", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got the number 02024"),
    ("checked", "2024.0", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got the number 2024.0"),
    ("checked", "2024-02-30", '"2024-02-30" is not a date that exists'),
    ("checked", "2099-01-01", "2099-01-01 is after today"),
    ("checked", "2026-07", "2026-07 is after today"),
    ("checked", "9999", "9999 is after today"),
    *[("point_in_time", text, BOTH) for text in ["2099-01-01", "9999", "2026-07"]],
    *[("point_in_time", text, NEITHER) for text in ["1850", "TODO"]],
    # a unit: an ISO 4217 code in capitals, or a lowercase word that is not a currency code
    *[("unit", text, BOTH) for text in ["USD", "EUR", "CNY", "XAU", "percent", "km", "units", "won-trillion", "no"]],
    *[("unit", text, NEITHER) for text in ["usd", "Usd", "eur", "all", "EUO", "ABC", "XXX", "TODO", "US$", "true"]],
]


def checker_problems(text: str) -> list[str]:
    root, found = compose_record(text.encode("utf-8"))
    problems = [p.message for p in found]
    if root is not None:
        problems += [p.message for p in check_record(root, SPECS["claim"], today=TODAY).problems]
    return problems


def schema_errors(text: str) -> list[str]:
    schema = json.loads((ROOT / "schema" / "claim.schema.json").read_text(encoding="utf-8"))
    data: Any = load_yaml12(text)
    return [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]


def test_the_base_claim_is_valid_to_both() -> None:
    text = CLAIM.format(**VALID)
    assert (checker_problems(text), schema_errors(text)) == ([], [])


@pytest.mark.parametrize("field, scalar, expected", CASES, ids=[f"{f}: {s[:30]!r}" for f, s, _ in CASES])
def test_checker_and_schema_agree(field: str, scalar: str, expected: str) -> None:
    text = CLAIM.format(**{**VALID, field: scalar})
    checker, schema = checker_problems(text), schema_errors(text)
    if expected == BOTH:
        assert (checker, schema) == ([], [])
    elif expected == NEITHER:
        assert checker != [] and schema != [], (checker, schema)
    else:  # refused by the checker alone, for a reason a schema cannot see
        assert schema == []
        assert len(checker) == 1 and expected in checker[0], checker


def test_today_is_a_parameter_with_the_real_date_as_default() -> None:
    text = CLAIM.format(**{**VALID, "checked": "2026-06-02"})
    root, _ = compose_record(text.encode("utf-8"))
    assert root is not None
    assert check_record(root, SPECS["claim"], today=datetime.date(2026, 6, 2)).problems == []
    late = check_record(root, SPECS["claim"], today=datetime.date(2026, 6, 1)).problems
    assert [p.message for p in late] == [
        "verdict.checked: 2026-06-02 is after today; only a figure's dates may lie in the future"
    ]
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    root, _ = compose_record(CLAIM.format(**{**VALID, "checked": tomorrow.isoformat()}).encode("utf-8"))
    assert root is not None
    assert len(check_record(root, SPECS["claim"]).problems) == 1
