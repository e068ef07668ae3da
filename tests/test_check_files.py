"""`check FILE…` and the pre-commit hook: a change is checked with the whole dossier, so breakage
it causes elsewhere (a deleted source, a renamed entity, an edited article paragraph) is reported.

The other files' messages belong to their rules' own cases (tests/check_cases.py); here only where
each problem is reported and how the output is grouped matter, so lines are matched up to the field.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import EXAMPLE_COVERAGE, ROOT, apply_edits
from dossier.cli import main


def check(*files: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = main(["check", *files], out=out, err=out)
    return code, out.getvalue().splitlines()


def heads(lines: list[str]) -> list[str]:
    """Each problem line cut after its field (`path:line:col: field:`); other lines whole."""
    return [":".join(line.split(":")[:4]) + ":" if line.startswith("claims/") else line for line in lines]


def test_named_files_that_break_nothing_pass_with_the_whole_dossier_counted(dossier_dir: Path) -> None:
    assert check("claims/ferry-budget.yaml") == (
        0,
        [
            "elsewhere in the dossier:",
            *EXAMPLE_COVERAGE.splitlines(),
            "ok: 1 file named, checked with the whole dossier (8 claims, 4 sources, 2 entities, 2 articles); "
            "2 warnings above, worth fixing but not failing the check",
        ],
    )


def test_deleting_a_cited_source_is_reported_when_checking_another_file(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"sources/council-minutes.yaml": None})
    code, lines = check("claims/roads-better.yaml")
    assert (code, heads(lines)) == (
        1,
        [
            "elsewhere in the dossier:",
            "claims/council-announced.yaml:15:13: sources[0].source:",
            "claims/ferries-third.yaml:30:13: sources[1].source:",
            "claims/ferry-budget.yaml:30:13: sources[0].source:",
            "claims/ferry-budget.yaml:35:11: first_appearance.source:",
            "4 problems in 3 files: 0 in the 1 file named, 4 elsewhere",
        ],
    )
    assert 'no source "council-minutes"' in lines[1]


def test_renaming_an_entity_is_reported_when_checking_the_renamed_file(dossier_dir: Path) -> None:
    entity = dossier_dir / "entities" / "ana-ruiz.yaml"
    text = entity.read_text(encoding="utf-8").replace("id: ana-ruiz\n", "id: ana-ruiz-mayor\n")
    entity.unlink()
    (dossier_dir / "entities" / "ana-ruiz-mayor.yaml").write_text(text, encoding="utf-8")
    code, lines = check("claims/entities/ana-ruiz-mayor.yaml")
    assert (code, heads(lines)) == (
        1,
        [
            "claims/entities/ana-ruiz-mayor.yaml:2:5: warning:",  # no claim names the new id yet
            "elsewhere in the dossier:",
            "claims/ruiz-cleanest.yaml:8:12: quote.speaker:",
            "claims/ruiz-cleanest.yaml:10:12: entities[0]:",
            "claims/ruiz-pay-for-themselves.yaml:8:12: quote.speaker:",
            "claims/ruiz-pay-for-themselves.yaml:10:12: entities[0]:",
            "4 problems in 2 files, and 1 warning: 0 in the 1 file named, 4 elsewhere",
        ],
    )
    assert 'no entity "ana-ruiz"' in lines[2]


def test_editing_an_article_paragraph_reports_the_excerpts_that_no_longer_match(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"articles/ferry-story.yaml": [("better spent on roads.", "better spent on highways.")]})
    code, lines = check("claims/articles/ferry-story.yaml")
    assert (code, heads(lines)) == (
        1,
        [
            "elsewhere in the dossier:",
            "claims/roads-better.yaml:6:10: excerpt:",
            "1 problem in 1 file: 0 in the 1 file named, 1 elsewhere",
        ],
    )
    assert 'not found in article "ferry-story"' in lines[1]


def test_problems_in_the_named_files_come_first_then_the_rest(dossier_dir: Path) -> None:
    apply_edits(
        dossier_dir,
        {
            "roads-better.yaml": [("kind: opinion", "kind: opinon")],
            "ferry-budget.yaml": [("  - source: council-minutes", "  - source: council-minute")],
        },
    )
    code, lines = check("claims/roads-better.yaml")
    assert (code, heads(lines)) == (
        1,
        [
            "claims/roads-better.yaml:4:7: kind:",
            "elsewhere in the dossier:",
            "claims/ferry-budget.yaml:30:13: sources[0].source:",
            "2 problems in 2 files: 1 in the 1 file named, 1 elsewhere",
        ],
    )
    code, lines = check("claims/roads-better.yaml", "claims/ferry-budget.yaml")
    assert heads(lines) == [
        "claims/ferry-budget.yaml:30:13: sources[0].source:",
        "claims/roads-better.yaml:4:7: kind:",
        "2 problems in 2 files: 2 in the 2 files named, 0 elsewhere",
    ]


def test_github_format_annotates_every_problem_in_the_dossier(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"sources/council-minutes.yaml": None})
    out = io.StringIO()
    assert main(["check", "--format", "github", "claims/roads-better.yaml"], out=out) == 1
    annotations = [line.split("::")[1] for line in out.getvalue().splitlines() if line.startswith("::error ")]
    assert annotations == [
        "error file=claims/council-announced.yaml,line=15,col=13",
        "error file=claims/ferries-third.yaml,line=30,col=13",
        "error file=claims/ferry-budget.yaml,line=30,col=13",
        "error file=claims/ferry-budget.yaml,line=35,col=11",
    ]


def test_named_files_must_be_record_files_inside_the_claims_folder(dossier_dir: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", "README.md"], out=out, err=err) == 1
    assert err.getvalue() == "error: README.md is not inside the claims folder 'claims'\n"


def test_pre_commit_hook_runs_the_whole_check_on_every_commit_even_one_that_only_deletes() -> None:
    # pre-commit drops deleted paths before matching `files:` (they no longer exist), so a commit
    # that only deletes a source would skip a filtered hook: "(no files to check) Skipped".
    # `always_run` runs it anyway; without file names, `check` checks the whole dossier.
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "dossier-check"]
    assert hook["entry"] == "python build_claims.py check"
    assert hook["always_run"] is True
    assert hook["pass_filenames"] is False
    assert "files" not in hook and "types_or" not in hook and "types" not in hook


def test_check_needs_only_what_the_pre_commit_hook_installs(dossier_dir: Path) -> None:
    # The hook's environment has PyYAML and pysbd (for the coverage warning) alone: importing any
    # other package anywhere `check` reaches (MkDocs, Markdown, trafilatura) would break every
    # contributor's commit. Everything else must come from the standard library or this project.
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert hook["additional_dependencies"] == ["PyYAML==6.0.4", "pysbd==0.3.4"]
    assert set(hook["additional_dependencies"]) <= set(
        (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    )
    blocker = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        top = name.split('.')[0]\n"
        "        if top not in sys.stdlib_module_names and top not in {'dossier', 'yaml', '_yaml', 'pysbd'}:\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from dossier.cli import main\n"
        "sys.exit(main(['check', 'claims/ferry-budget.yaml']))\n"
    )
    result = subprocess.run([sys.executable, "-c", blocker], cwd=dossier_dir.parent, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
    assert "no excerpt covers 2 of the article's 5 sentences" in result.stdout  # pysbd was there, and used
    assert result.stdout.splitlines()[-1].startswith("ok: 1 file named, checked with the whole dossier (")
