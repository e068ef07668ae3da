"""`build_claims.py check`: every rule has a bad-input case with its exact output; valid dossiers pass."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from check_cases import CASES, Case
from conftest import EXAMPLE_COVERAGE, ROOT, apply_edits
from dossier.cli import main
from dossier.read.records import summary_problem


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_exactly(case: Case, dossier_dir: Path) -> None:
    apply_edits(dossier_dir, case.edits)
    code, out, _ = run(["check"])
    lines = out.splitlines()
    errors = [line for line in case.expected if ": warning: " not in line]  # warnings come last
    warnings = len(case.expected) - len(errors)
    files = len({line.split(":", 1)[0] for line in errors})
    also = f", and {warnings} warning{'s' * (warnings != 1)}" if warnings else ""
    assert code == 1
    assert lines[:-1] == list(case.expected)
    assert lines[-1] == f"{len(errors)} problem{'s' * (len(errors) != 1)} in {files} file{'s' * (files != 1)}{also}"


def test_example_dossier_is_valid(dossier_dir: Path) -> None:
    assert run(["check"]) == (
        0,
        EXAMPLE_COVERAGE
        + "ok: 8 claims, 4 sources, 2 entities, 2 articles; 2 warnings above, worth fixing but not failing the check\n",
        "",
    )


def test_real_dossier_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run(["check"])
    assert (code, out.splitlines()[-1].startswith("ok: ")) == (0, True), out
    assert not_yet_accessed_only(out), out


# Issue 20: the editors are adding `accessed` to every real source. Until they have, a missing
# one is a warning; any other warning in the real dossier is still a failure.
ACCESS_WARNING = re.compile(
    r'^claims/sources/[\w-]+\.yaml:\d+:\d+: warning: accessed: source "[\w-]+" does not say when'
)


def not_yet_accessed_only(out: str) -> bool:
    """Whether every line but the last `ok:` one is a missing-access-date warning."""
    return all(ACCESS_WARNING.match(line) for line in out.splitlines()[:-1])


def test_problems_from_many_files_are_all_reported_in_order(dossier_dir: Path) -> None:
    apply_edits(
        dossier_dir,
        {
            "roads-better.yaml": [("kind: opinion", "kind: opinon")],
            "ferry-budget.yaml": [("  unit: EUR", "  unit: eur!"), ("topics:", "topic:")],
            "entities/ana-ruiz.yaml": [("kind: person", "kind: persn")],
        },
    )
    code, out, _ = run(["check"])
    paths_and_lines = [tuple(line.split(":")[:3]) for line in out.splitlines()[:-1]]
    assert code == 1
    assert paths_and_lines == [
        ("claims/entities/ana-ruiz.yaml", "4", "7"),
        ("claims/ferry-budget.yaml", "9", "9"),
        ("claims/ferry-budget.yaml", "18", "1"),
        ("claims/roads-better.yaml", "4", "7"),
    ]
    assert out.splitlines()[-1] == "4 problems in 3 files"


def test_paths_start_with_the_folder_as_given(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"roads-better.yaml": [("kind: opinion", "kind: opinon")]})
    code, out, _ = run(["check", "--claims", "./claims/"])
    assert code == 1
    assert out.startswith("./claims/roads-better.yaml:4:7: kind: ")


def test_github_format_annotates_then_lists_plainly(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"roads-better.yaml": [("kind: opinion", "kind: 50%,\n  x")]})
    code, out, _ = run(["check", "--format", "github"])
    assert code == 1
    assert out.splitlines() == [
        "::error file=claims/roads-better.yaml,line=4,col=7::kind: expected one of figure, quote, statement, "
        'forecast, opinion; got "50%25, x"',
        'claims/roads-better.yaml:4:7: kind: expected one of figure, quote, statement, forecast, opinion; got "50%, x"',
        "1 problem in 1 file",
    ]


def test_github_format_escapes_properties() -> None:
    from dossier.problems import Problem, format_github

    problem = Problem("claims/a,b:c%.yaml", 3, 2, "line one\nline two: 100%")
    # A line break is shown as \n, as in the plain list (harden-output: terminal-safe output).
    assert format_github(problem) == "::error file=claims/a%2Cb%3Ac%25.yaml,line=3,col=2::line one\\nline two: 100%25"


def test_missing_claims_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["check"]) == (1, "", "error: claims folder 'claims' not found (give another with --claims DIR)\n")


@pytest.mark.parametrize("argv", [[], ["chek"], ["check", "--format", "xml"], ["check", "--bogus"]])
def test_bad_command_line_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv)[0] == 2
    assert "usage: build_claims.py" in capsys.readouterr().err


def test_alias_bomb_is_refused_without_expanding(dossier_dir: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    apply_edits(dossier_dir, {"sources/bomb.yaml": "\n".join(lines) + "\n"})
    code, out, _ = run(["check"])
    messages = [line for line in out.splitlines() if line.startswith("claims/sources/bomb.yaml")]
    assert code == 1
    # 10 anchors, 81 aliases and 15 field problems; the first 50 (lines 1 to 5) are listed.
    assert sum("YAML alias" in m for m in messages) == 35
    assert sum("YAML anchor" in m for m in messages) == 5
    assert (
        messages[-1]
        == "claims/sources/bomb.yaml:1:1: 56 more problems in this file not shown; fix these and check again"
    )


def test_python_tags_are_never_constructed(dossier_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f'claim: !!python/object/apply:os.system ["touch {marker}"]\n'
    apply_edits(
        dossier_dir,
        {"roads-better.yaml": [("claim: Critics say the money would be better spent on roads.\n", payload)]},
    )
    code, out, _ = run(["check"])
    assert code == 1
    assert "explicit YAML tag !!python/object/apply:os.system is not allowed" in out
    assert not marker.exists()


def test_a_crash_is_shown_with_its_traceback_but_cannot_write_workflow_commands(
    dossier_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object) -> int:
        raise ValueError("record text\n::warning title=Injected::from a record\n\x1b[2J")

    monkeypatch.setattr("dossier.cli.run_check", crash)
    code, out, err = run(["check"])
    assert (code, out) == (70, "")
    lines = err.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-2:] == ["\\x3a:warning title=Injected::from a record", "\\x1b[2J"]
    assert not any(line.startswith("::") or "\x1b" in line for line in lines)


@pytest.mark.parametrize(
    ("summary", "problem"),
    [
        ("The $1.4 trillion is a think-tank estimate of all new infrastructure to 2025, not a tech budget.", None),
        ("The U.S. Senate view is J. Smith's, not a fact.", None),  # initials and abbreviations
        ("It grew 3.5% in 2020 (see the table).", None),  # a decimal point, a closing bracket
        ("Did the council approve it? Yes.", "write one sentence; put the rest in the conclusion"),
        ("The minutes say so. The budget agrees.", "write one sentence; put the rest in the conclusion"),
        ("He said “no.” Then he left.", "write one sentence; put the rest in the conclusion"),
        ("The minutes say so", "end the sentence with a full stop"),
        ("The minutes say so;", "end the sentence with a full stop"),
        ("Right, as “the minutes say.”", None),
        # Abbreviations the first pass takes for a sentence's end; pysbd knows better.
        ("Dr. Reed's saving is real, but half the size the article gives.", None),
        ("The cut is on p. 4 of the budget.", None),
        ("Mr. Xi backed the plan in May, as the article says.", None),
        ("Approved (see p. 4). It is wrong.", "write one sentence; put the rest in the conclusion"),
        ("It fell in 2019. 2020 saw less.", "write one sentence; put the rest in the conclusion"),
    ],
)
def test_a_summary_is_one_sentence(summary: str, problem: str | None) -> None:
    assert summary_problem(summary) == problem


def test_a_plain_summary_is_checked_without_loading_the_sentence_splitter() -> None:
    # The regex pass alone answers for a summary with no possible second sentence; pysbd loads
    # only when the regex finds one ("Dr. Reed"), so `check` stays fast on most dossiers.
    script = (
        "import sys; from dossier.read.records import summary_problem; "
        "a = summary_problem('The council approved it on 4 March 2024, as the article says.'); "
        "b = 'pysbd' in sys.modules; "
        "c = summary_problem('Dr. Reed approved it.'); "
        "print(a, b, c, 'pysbd' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout == "None False None True\n"
