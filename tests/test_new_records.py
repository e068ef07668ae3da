"""A contributor's pull request that adds a valid claim, source and entity passes every test of the
real dossier: on a copy of the repository, the guide's `new` commands start the records, they are
filled in, and the test modules that read the real dossier run there unchanged. The claim is
started from an excerpt, so the test holds however many articles the dossier has."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from test_check import not_yet_accessed_only

from conftest import ROOT
from dossier.link.check import check_dossier
from dossier.link.coverage import split_sentences

# Every test module that reads the real dossier in claims/ (the others use tests/example).
REAL_DOSSIER_TESTS = ["tests/test_real_dossier.py", "tests/test_contributing.py", "tests/test_schema.py"]
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".*_cache")
NEW_IDS = {
    "claim": "contributor-added-claim",
    "source": "contributor-added-source",
    "entity": "contributor-added-entity",
}


def documented_new_commands(excerpt: str) -> dict[str, str]:
    """CONTRIBUTING.md's `new` commands, by record kind, with this test's ids (and excerpt) in place of the guide's."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    text = guide.split("## From fork to merged pull request\n", 1)[1].split("\n## ", 1)[0]
    found = re.findall(
        r"^ *(\.venv/bin/python build_claims\.py new (claim|source|entity)) \S+( --excerpt \"[^\"]+\")?$", text, re.M
    )
    commands = {kind: f"{command} {NEW_IDS[kind]}" for command, kind, _ in found}
    assert sorted(commands) == ["claim", "entity", "source"], found
    assert [kind for _, kind, option in found if option] == ["claim"]  # the guide starts a claim from its excerpt
    commands["claim"] += f" --excerpt {shlex.quote(excerpt)}"
    return commands


def fill_in(path: Path, values: dict[str, object]) -> None:
    """Give a template's fields real values, keeping its schema line (a contributor's edit, by machine)."""
    schema_line = path.read_text(encoding="utf-8").splitlines()[0]
    record = yaml.safe_load(path.read_text(encoding="utf-8")) | values
    path.write_text(f"{schema_line}\n{yaml.safe_dump(record, sort_keys=False, allow_unicode=True)}", encoding="utf-8")


def an_unquoted_sentence(claims: Path) -> str:
    """A sentence of one of the real articles that occurs once in them all: a valid excerpt whatever the text."""
    dossier, _, _ = check_dossier(str(claims))
    whole = "\n".join(p for article in dossier.articles for p in article.paragraphs)
    for article in dossier.articles:
        for s in split_sentences(article.paragraphs):
            sentence = article.paragraphs[s.paragraph][s.start : s.end]
            if whole.count(sentence) == 1:
                return sentence
    raise AssertionError("no article has a sentence that occurs once")


def test_adding_a_claim_source_and_entity_with_the_guide_breaks_no_test(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=NOT_COPIED)
    (repo / ".venv").symlink_to(sys.prefix)  # `.venv/bin/python` in the guide: the tests' interpreter
    sentence = an_unquoted_sentence(repo / "claims")
    for command in documented_new_commands(sentence).values():
        result = subprocess.run(command, shell=True, cwd=repo, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
    claims = repo / "claims"
    fill_in(
        claims / "sources" / f"{NEW_IDS['source']}.yaml",
        {"title": "A report", "publisher": "A newspaper", "url": "https://example.org/report"},
    )
    fill_in(claims / "entities" / f"{NEW_IDS['entity']}.yaml", {"name": "A company", "kind": "organization"})
    claim = claims / f"{NEW_IDS['claim']}.yaml"
    verdict = yaml.safe_load(claim.read_text(encoding="utf-8"))["verdict"]
    fill_in(
        claim,
        {
            "kind": "statement",
            "claim": "The article says this.",
            "entities": [NEW_IDS["entity"]],
            "verdict": verdict
            | {
                "rating": "supported",
                "summary": "The report says the same.",
                "conclusion": "The report says the same.",
            },
            "sources": [{"source": NEW_IDS["source"], "note": "Says the same."}],
        },
    )
    checked = subprocess.run(
        [".venv/bin/python", "build_claims.py", "check"], cwd=repo, capture_output=True, text=True, timeout=60
    )
    last = checked.stdout.splitlines()[-1]
    assert (checked.returncode, last[:4], not_yet_accessed_only(checked.stdout)) == (0, "ok: ", True), checked.stdout
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    env.pop("DOSSIER_CLAIMS", None)
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *REAL_DOSSIER_TESTS],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert tests.returncode == 0, tests.stdout[-5000:]
