"""The CI workflows, pre-commit hook and templates are valid, and run the README's own commands."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT
from test_readme import readme_commands


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_steps(workflow: str) -> dict[str, str]:
    jobs = load(ROOT / ".github" / "workflows" / workflow)["jobs"]
    return {step["name"]: step["run"] for job in jobs.values() for step in job["steps"] if "run" in step}


def readme_inline_commands() -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", (ROOT / "README.md").read_text(encoding="utf-8")))


def test_every_workflow_and_template_is_valid_yaml() -> None:
    files = [*(ROOT / ".github").rglob("*.yml"), ROOT / ".pre-commit-config.yaml"]
    assert len(files) == 6
    for path in files:
        assert isinstance(load(path), dict), path


def test_pull_request_workflow_runs_the_readme_commands() -> None:
    steps = run_steps("pull-request.yml")
    _, test_command = readme_commands()
    assert f"{steps['Install']} && {steps['Run the tests']}" == test_command
    assert steps["Check the records"] in readme_inline_commands()
    assert steps["Check the records"].endswith("check --format github")
    assert steps["Build the site"] in readme_inline_commands()


def test_publish_workflow_installs_and_builds_as_the_readme_says() -> None:
    steps = run_steps("publish.yml")
    main_command, _ = readme_commands()
    assert main_command.startswith(steps["Install"] + " && ")
    assert steps["Build the site"] in readme_inline_commands()


def test_pull_request_template_asks_for_sources_and_rationale() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "## Evidence" in text and "## Rating rationale" in text
