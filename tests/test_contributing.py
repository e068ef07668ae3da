"""What a contributor is told works: templates from `new`, CONTRIBUTING.md's examples and tables,
the editor schema's descriptions, and checking just the changed files."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from dossier.cli import main
from dossier.spec import FOLDERS, SPECS, Choice, ListOf, Obj

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
        ("claim: TODO", "claim: China wants to reduce its dependence on foreign technology."),
        ("excerpt: TODO", "excerpt: China looks to reduce its dependence on foreign technology."),
    ],
    "source": [
        ("title: TODO", "title: A page"),
        ("publisher: TODO", "publisher: Someone"),
        ("url: TODO", "url: https://example.org/page"),
    ],
    "entity": [("name: TODO", "name: Somebody"), ("kind: TODO", "kind: person")],
}


@pytest.mark.parametrize("kind", ["claim", "source", "entity"])
def test_new_writes_a_template_that_passes_once_filled_in(kind: str, real_copy: Path) -> None:
    code, out, _ = run(["new", kind, "my-new-record"])
    path = real_copy / FOLDERS[kind] / "my-new-record.yaml"
    assert (code, out) == (0, f"{path.relative_to(real_copy.parent)}\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        f"# yaml-language-server: $schema={'../' if FOLDERS[kind] else ''}../schema/{kind}.schema.json\n"
    )
    assert run(["check"])[0] == 1  # the TODOs are not valid values
    for old, new in FILLED[kind]:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["check"])  # a new source or entity no claim uses yet is a warning, not a failure
    assert (code, out.splitlines()[-1].split(";")[0], err) == (0, f"ok: {record_counts(real_copy)}, 1 article", "")


def record_counts(claims: Path) -> str:
    """`27 claims, 60 sources, 30 entities` for the files present: tests must not pin the real dossier's size."""
    n = {kind: len(list((claims / FOLDERS[kind]).glob("*.yaml"))) for kind in ("claim", "source", "entity")}
    return f"{n['claim']} claims, {n['source']} sources, {n['entity']} entities"


def test_new_claim_uses_the_only_article_and_refuses_to_overwrite(real_copy: Path) -> None:
    assert run(["new", "claim", "my-claim"])[0] == 0
    assert "\narticle: china-tech-plan\n" in (real_copy / "my-claim.yaml").read_text(encoding="utf-8")
    assert run(["new", "claim", "my-claim"]) == (
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
    assert len(examples) == 7  # one per claim kind, a source and an entity
    kinds = []
    for text in examples:
        kind = re.search(r"schema/(\w+)\.schema\.json", text).group(1)  # type: ignore[union-attr]
        record_id = re.search(r"^id: (\S+)$", text, re.M).group(1)  # type: ignore[union-attr]
        (real_copy / FOLDERS[kind] / f"{record_id}.yaml").write_text(text, encoding="utf-8")
        kinds.append(re.search(r"^kind: (\S+)$", text, re.M).group(1))  # type: ignore[union-attr]
    assert kinds[:5] == ["figure", "quote", "statement", "forecast", "opinion"]
    code, out, _ = run(["check"])  # the example source and entity are used by no claim: warnings
    assert (code, out.splitlines()[-1].split(";")[0]) == (0, f"ok: {record_counts(real_copy)}, 1 article")


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
    from dossier.render_common import RATING_LABELS
    from dossier.spec import RATINGS

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
    for kind, folder in FOLDERS.items():
        prefix = "../" if folder else ""
        for path in sorted((ROOT / "claims" / folder).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema={prefix}../schema/{kind}.schema.json", path


def test_check_of_named_files_reports_only_them_and_resolves_references(real_copy: Path) -> None:
    (real_copy / "china-not-alone.yaml").write_text(
        (real_copy / "china-not-alone.yaml").read_text(encoding="utf-8").replace("kind: opinion", "kind: opinon"),
        encoding="utf-8",
    )
    korea = real_copy / "korea-new-deal.yaml"
    assert run(["check", "claims/korea-new-deal.yaml"]) == (0, "ok: 1 file checked against the whole dossier\n", "")
    korea.write_text(
        korea.read_text(encoding="utf-8").replace("source: iea-korean-new-deal", "source: iea-korea"), encoding="utf-8"
    )
    code, out, _ = run(["check", "claims/korea-new-deal.yaml"])
    assert code == 1
    lines = korea.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.endswith("source: iea-korea"))
    index = sum(text.startswith("  - source:") for text in lines[: line - 1])
    expected = f'claims/korea-new-deal.yaml:{line}:13: sources[{index}].source: no source "iea-korea"'
    assert out.splitlines()[0].startswith(expected)
    assert "china-not-alone" not in out
    assert run(["check", "README.md"]) == (1, "", "error: README.md is not inside the claims folder 'claims'\n")
