"""The published JSON Schema and the checker agree; the committed schema files are up to date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from yaml12 import load_yaml12

from conftest import ROOT, apply_edits, record_files
from dossier.cli import main
from dossier.read.json_schema import schema_files
from dossier.read.spec import FOLDERS, SPECS

EXAMPLE = ROOT / "tests" / "example" / "claims"


def schema_errors(kind: str, path: Path) -> list[str]:
    schema = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    data: Any = load_yaml12(path.read_text(encoding="utf-8"))  # as an editor reads it: YAML 1.2
    validator = jsonschema.Draft202012Validator(schema)
    return [error.message for error in validator.iter_errors(data)]


def test_committed_schema_files_are_current() -> None:
    for name, text in schema_files().items():
        assert (ROOT / "schema" / name).read_text(encoding="utf-8") == text, "run: python build_claims.py schema"
    assert sorted(p.name for p in (ROOT / "schema").glob("*.json")) == sorted(schema_files())


def test_schema_is_valid_json_schema() -> None:
    for kind in SPECS:
        schema = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("claims", [EXAMPLE, ROOT / "claims"], ids=["example", "real"])
def test_schema_accepts_every_valid_record(claims: Path) -> None:
    for kind, path in record_files(claims):
        assert schema_errors(kind, path) == [], path


# Per-file mistakes both the checker and the schema must reject: (file, edits).
INVALID = [
    ("roads-better.yaml", [("excerpt:", "exerpt:")]),
    ("roads-better.yaml", [("kind: opinion", "kind: opinon")]),
    ("roads-better.yaml", [("id: roads-better", "id: Roads_Better")]),
    ("roads-better.yaml", [("claim: Critics", "claim: " + "Very " * 24 + "Critics")]),
    ("roads-better.yaml", [("  conclusion: A view about priorities, not a checkable fact.\n", "")]),
    ("roads-better.yaml", [("checked: 2024-03-10", "checked: 10/03/2024")]),
    ("roads-better.yaml", [("claim: Critics say the money would be better spent on roads.", 'claim: "  "')]),
    ("council-announced.yaml", [("kind: statement", "kind: figure")]),
    ("council-announced.yaml", [("kind: statement", "kind: quote")]),
    (
        "council-announced.yaml",
        [("sources:\n  - source: council-minutes\n    note: Dated Monday 4 March 2024.", "sources: []")],
    ),
    ("council-announced.yaml", [("sources:\n  - source: council-minutes\n    note: Dated Monday 4 March 2024.\n", "")]),
    ("council-announced.yaml", [("  - harbourville-council", "  - harbourville-council\n  - harbourville-council")]),
    ("ruiz-cleanest.yaml", [("kind: quote", "kind: statement")]),
    ("ferry-budget.yaml", [("kind: figure", "kind: statement")]),
    ("ferry-budget.yaml", [("  value: 12000000", '  value: "12000000"')]),
    ("ferry-budget.yaml", [("  unit: EUR", "  unit: Euros")]),
    ("ferry-capacity.yaml", [("occurrence: 2", "occurrence: 0")]),
    ("ferry-capacity.yaml", [("    note: Rating changed from supported after the timetable was published.\n", "")]),
    ("entities/ana-ruiz.yaml", [("name: Ana Ruiz", "name: true")]),
    ("entities/ana-ruiz.yaml", [("wikidata: Q4115189", "wikidata: 4115189")]),
    ("entities/ana-ruiz.yaml", [("kind: person", "kind: people")]),
    (
        "sources/council-minutes.yaml",
        [("url: https://example.org/council/minutes-2024-03-04", "url: ftp://example.org/m")],
    ),
    ("sources/council-minutes.yaml", [("publisher: Harbourville Council\n", "")]),
    ("articles/ferry-story.yaml", [("paragraphs:", "paragraphs: []\nold:")]),
    # harden-input: characters, placeholders, dates from 1900, currency codes
    ("roads-better.yaml", [("claim: Critics", 'claim: "\\e[2JCritics'), ("roads.\nexcerpt", 'roads."\nexcerpt')]),
    ("roads-better.yaml", [("claim: Critics", 'claim: "\\u202eCritics'), ("roads.\nexcerpt", 'roads."\nexcerpt')]),
    ("roads-better.yaml", [("claim: Critics", 'claim: "Critics\\tsay'), ("roads.\nexcerpt", 'roads."\nexcerpt')]),
    ("roads-better.yaml", [("  conclusion: A view", '  conclusion: "\\x7fA view'), ("fact.", 'fact."')]),
    ("roads-better.yaml", [("claim: Critics say the money would be better spent on roads.", "claim: TODO")]),
    ("roads-better.yaml", [("  conclusion: A view about priorities, not a checkable fact.", "  conclusion: ...")]),
    ("ferry-budget.yaml", [("  - harbourville-council", "  - entity-id")]),
    ("ferry-budget.yaml", [("    note: Item 4 approves", "    note: What this source says about the claim.\n    x:")]),
    ("sources/council-minutes.yaml", [("publisher: Harbourville Council", "publisher: '[tbd]'")]),
    ("sources/council-minutes.yaml", [("url: https://example.org/council/minutes-2024-03-04", "url: TODO")]),
    ("sources/council-minutes.yaml", [("published: 2024-03-04", "published: 1899-12-31")]),
    ("articles/ferry-story.yaml", [("published: 2024-03-04", "published: 017")]),
    ("ferry-budget.yaml", [("  unit: EUR", "  unit: eur")]),
    ("ferry-budget.yaml", [("  unit: EUR", "  unit: EUO")]),
    ("ferry-budget.yaml", [("  value: 12000000", "  value: 0b1010")]),
    ("ferry-budget.yaml", [("  value: 12000000", "  value: 1:30")]),
    # bounded: what one claim may fan out to, and figures a chart can draw
    ("roads-better.yaml", [("verdict:", "topics: [" + ", ".join(f"t{n}" for n in range(21)) + "]\nverdict:")]),
    ("roads-better.yaml", [("verdict:", "related: [" + ", ".join(f"c{n}" for n in range(51)) + "]\nverdict:")]),
    ("ferry-budget.yaml", [("  value: 12000000", "  value: 1.0e307")]),
    ("ferry-capacity.yaml", [("  checked_value: 1600", "  checked_value: -2.0e18")]),
]


@pytest.mark.parametrize("relative, edits", INVALID, ids=[f"{r}:{e[0][1][:30]}" for r, e in INVALID])
def test_schema_and_checker_both_reject(relative: str, edits: list[tuple[str, str]], dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {relative: edits})
    kind = next((k for k, folder in FOLDERS.items() if folder and relative.startswith(folder + "/")), "claim")
    assert main(["check"]) == 1
    assert schema_errors(kind, dossier_dir / relative) != []
