"""What a contributor is told works: templates from `new`, CONTRIBUTING.md's examples and tables,
and the editor schema's descriptions. Nothing here counts the real dossier's records."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE_COVERAGE, ROOT, record_files
from dossier.cli import main
from dossier.link.check import check_dossier
from dossier.read.spec import FOLDERS, SPECS, Choice, ListOf, Obj

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


@pytest.fixture
def real_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "claims"


FILLED = {
    "claim": [
        ("kind: TODO", "kind: statement"),
        ("claim: TODO", "claim: Critics say the money would be better spent on roads."),
        ("summary: TODO", "summary: Not checked yet."),
    ],
    "source": [
        ("title: TODO", "title: A page"),
        ("publisher: TODO", "publisher: Someone"),
        ("url: TODO", "url: https://example.org/page"),
    ],
    "entity": [("name: TODO", "name: Somebody"), ("kind: TODO", "kind: person")],
}
NEW_OPTIONS = {
    "claim": ["--excerpt", "Critics say the money would be better spent on roads."],
    "source": [],
    "entity": [],
}


@pytest.mark.parametrize("kind", ["claim", "source", "entity"])
def test_new_writes_a_template_that_passes_once_filled_in(kind: str, dossier_dir: Path) -> None:
    code, out, _ = run(["new", kind, "my-new-record", *NEW_OPTIONS[kind]])
    path = dossier_dir / FOLDERS[kind] / "my-new-record.yaml"
    assert (code, out) == (0, f"{path.relative_to(dossier_dir.parent)}\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        f"# yaml-language-server: $schema={'../' if FOLDERS[kind] else ''}../schema/{kind}.schema.json\n"
    )
    assert run(["check"])[0] == 1  # the TODOs are not valid values
    for old, new in FILLED[kind]:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    # A new source or entity that no claim uses yet is a warning, not a failure.
    expected = {
        "claim": "ok: 9 claims, 4 sources, 2 entities, 2 articles; 2 warnings above",
        "source": 'claims/sources/my-new-record.yaml:4:5: warning: id: no claim cites source "my-new-record"; '
        "cite it in a claim's sources, or delete the file\n"
        "ok: 8 claims, 5 sources, 2 entities, 2 articles; 3 warnings above",
        "entity": 'claims/entities/my-new-record.yaml:4:5: warning: id: no claim names entity "my-new-record"; '
        "list it in a claim's entities, or delete the file\n"
        "ok: 8 claims, 4 sources, 3 entities, 2 articles; 3 warnings above",
    }
    assert run(["check"]) == (
        0,
        EXAMPLE_COVERAGE + expected[kind] + ", worth fixing but not failing the check\n",
        "",
    )


def test_new_claim_refuses_to_overwrite_or_take_a_bad_id(dossier_dir: Path) -> None:
    assert run(["new", "claim", "my-claim", "--article", "ferry-story"])[0] == 0
    assert "\narticle: ferry-story\n" in (dossier_dir / "my-claim.yaml").read_text(encoding="utf-8")
    assert run(["new", "claim", "my-claim", "--article", "ferry-story"]) == (
        1,
        "",
        "error: claims/my-claim.yaml already exists; edit it, or choose another id\n",
    )
    code, _, err = run(["new", "entity", "Bad_Id"])
    assert (code, err) == (
        1,
        'error: \'Bad_Id\' cannot be an id: expected an entity id (lowercase letters and digits, words joined by single hyphens, such as "tech-plan-total"); got "Bad_Id"\n',
    )


def contributing_examples() -> list[str]:
    return re.findall(r"```yaml\n(# yaml-language-server.*?)```", CONTRIBUTING, re.S)


def test_readme_example_is_one_of_the_checked_examples() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(# yaml-language-server: \S+\nid: .*?)```", readme, re.S)
    assert example in contributing_examples()


def test_contributing_examples_are_valid_records(real_copy: Path) -> None:
    examples = contributing_examples()
    kinds, written = [], []
    for text in examples:
        kind = re.search(r"schema/(\w+)\.schema\.json", text).group(1)  # type: ignore[union-attr]
        record_id = re.search(r"^id: (\S+)$", text, re.M).group(1)  # type: ignore[union-attr]
        path = real_copy / FOLDERS[kind] / f"{record_id}.yaml"
        assert not path.exists(), f"the example {record_id!r} would replace a real record; rename it"
        path.write_text(text, encoding="utf-8")
        written.append((kind, record_id))
        kinds.append(re.search(r"^kind: (\S+)$", text, re.M).group(1))  # type: ignore[union-attr]
    assert kinds[:5] == ["figure", "quote", "statement", "forecast", "opinion"]  # one of each kind first
    assert [k for k, _ in written[-2:]] == ["source", "entity"]
    assert sum("\ncorrections:\n  - date: " in text for text in examples) == 1
    dossier, _, problems = check_dossier("claims")
    assert [str(p) for p in problems] == []
    loaded = {("claim", c.id) for c in dossier.claims} | {("source", s.id) for s in dossier.sources}
    assert set(written) <= loaded | {("entity", e.id) for e in dossier.entities}


@pytest.mark.parametrize("kind", ["claim", "source", "entity"])
def test_contributing_field_tables_match_the_spec(kind: str) -> None:
    section = CONTRIBUTING.split(f"### A{'n' if kind == 'entity' else ''} {kind}\n", 1)[1].split("\n### ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", section, re.M)
    assert [name for name, _ in rows] == [f.name for f in SPECS[kind].fields]
    for name, required in rows:
        field = SPECS[kind].get(name)
        assert field is not None
        assert (required.strip() == "yes") == field.required, name


def test_contributing_rating_scale_matches_the_spec() -> None:
    from dossier.read.spec import RATINGS
    from dossier.render.common import RATING_LABELS

    for rating, meaning in RATINGS.options:
        assert f"| {RATING_LABELS[rating]} | {meaning} |" in CONTRIBUTING


def test_every_field_and_enum_value_has_an_editor_description() -> None:
    def walk(obj: Obj, schema: dict, where: str) -> None:
        for field in obj.fields:
            prop = schema["properties"][field.name]
            assert prop.get("description"), f"{where}.{field.name}"
            inner = field.type.item if isinstance(field.type, ListOf) else field.type
            if isinstance(inner, Choice):
                described = prop["items"] if isinstance(field.type, ListOf) else prop
                assert len(described["enumDescriptions"]) == len(described["enum"]), field.name
                assert all(described["enumDescriptions"]), field.name
            if isinstance(inner, Obj):
                walk(inner, prop["items"] if isinstance(field.type, ListOf) else prop, f"{where}.{field.name}")

    for kind, obj in SPECS.items():
        walk(obj, json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")), kind)


def test_every_real_record_starts_with_its_schema_line() -> None:
    for kind, path in record_files(ROOT / "claims"):
        prefix = "../" if FOLDERS[kind] else ""
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={prefix}../schema/{kind}.schema.json", path


# The guide's steps that start a dossier for a new article: each needs the one before it.
NEW_ARTICLE_STEPS = [
    ".venv/bin/python build_claims.py new article ferry-fares --from saved-page.html",
    ".venv/bin/python build_claims.py coverage --article ferry-fares",
    ".venv/bin/python build_claims.py new claim ferry-fares-double --excerpt "
    '"Fares on Harbourville’s ferries will double by 2026"',
]
# Commands in CONTRIBUTING.md's ```sh blocks that the test does not run, and why.
NOT_RUN = {
    "python3 -m venv .venv && .venv/bin/pip install -q -r requirements.txt": "installs packages",
    ".venv/bin/mkdocs serve": "serves until stopped; tests/test_serve_errors.py runs it on a copy",
    **dict.fromkeys(NEW_ARTICLE_STEPS, "a step of a sequence; tests/test_new_article.py runs them in order"),
}


def contributing_commands() -> list[str]:
    blocks = re.findall(r"^( *)```sh\n(.*?)^\1```", CONTRIBUTING, re.M | re.S)
    return [line.strip() for indent, block in blocks for line in block.splitlines() if line.strip()]


def test_the_commands_not_run_are_exactly_the_listed_ones() -> None:
    commands = contributing_commands()
    assert {c for c in commands if c in NOT_RUN} == set(NOT_RUN)
    assert len(commands) > len(NOT_RUN)


@pytest.mark.parametrize("command", [c for c in contributing_commands() if c not in NOT_RUN])
def test_each_contributing_command_runs_as_written_on_a_fresh_copy(command: str, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    for name in ("build_claims.py", "dossier", "schema", "mkdocs.yml", "docs", "CONTRIBUTING.md"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / ".venv").symlink_to(sys.prefix)  # `.venv/bin/python` is the interpreter running the tests
    result = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def message_examples() -> list[str]:
    """The example messages in the first column of CONTRIBUTING.md's message table."""
    section = CONTRIBUTING.split("## What the checker's messages mean\n", 1)[1].split("\n## ", 1)[0]
    cells = re.findall(r"^\| (.+?) \| .+ \|$", section, re.M)
    return [example for cell in cells for example in re.findall(r"`([^`]+)`", cell)]


def example_pattern(example: str) -> re.Pattern[str]:
    """An example as a pattern: any field before it, any text in quotes, any number or U+ code, … for anything."""
    quoted = r'"(?:[^"\\]|\\.)*"'  # quote_text's JSON quoting: \" inside
    pattern = r"(?:[\w.\[\]]+: )?"
    for number, part in enumerate(re.split(f"({quoted})", re.sub(r"^[\w.\[\]]+: ", "", example))):
        if number % 2:
            pattern += quoted
            continue
        for token in re.split(r"(…|U\+[0-9A-F]+|\d+)", part):
            if token == "…":
                pattern += ".*?"
            elif token.startswith("U+") or token.isdigit():
                pattern += r"U\+[0-9A-F]+" if token.startswith("U+") else r"\d+"
            else:
                pattern += re.escape(token)
    return re.compile(pattern)


def case_messages() -> list[str]:
    """Every message the check cases print, and the warnings `check` prints for the valid example dossier."""
    from check_cases import CASES

    lines = [line for case in CASES for line in case.expected] + EXAMPLE_COVERAGE.splitlines()
    return sorted({re.sub(r"^.+?:\d+:\d+: ", "", line) for line in lines})


def test_message_table_has_a_row_for_every_message_the_checker_prints() -> None:
    patterns = [example_pattern(e) for e in message_examples()]
    assert [m for m in case_messages() if not any(p.match(m) for p in patterns)] == []


def test_every_example_in_the_message_table_is_a_message_the_checker_prints() -> None:
    messages = case_messages()
    assert [e for e in message_examples() if not any(example_pattern(e).match(m) for m in messages)] == []
