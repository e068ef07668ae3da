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
    assert len(files) == 7
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


# --- harden-output: workflow hardening (issue 12 item 12, issue 11 item 9) --------------------
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$")


def jobs(workflow: str) -> dict[str, Any]:
    return dict(load(ROOT / ".github" / "workflows" / workflow)["jobs"])


def steps_using(action: str) -> list[dict[str, Any]]:
    return [
        step
        for path in WORKFLOWS
        for job in load(path)["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith(action + "@")
    ]


def test_every_action_is_pinned_to_a_commit_with_its_tag_in_a_comment() -> None:
    lines = [line for path in WORKFLOWS for line in path.read_text(encoding="utf-8").splitlines()]
    uses = [line for line in lines if re.match(r"^\s*(- )?uses:", line)]
    assert len(uses) == 10
    assert [line.strip() for line in uses if not PINNED.match(line)] == []


def test_every_job_has_a_time_limit_and_checkouts_keep_no_token() -> None:
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            assert 0 < job.get("timeout-minutes", 0) <= 30, (path.name, name)
    checkouts = steps_using("actions/checkout")
    assert len(checkouts) == 3
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_only_the_deploy_job_can_write_pages_or_mint_an_oidc_token() -> None:
    publish = load(ROOT / ".github" / "workflows" / "publish.yml")
    assert publish["permissions"] == {}
    assert {name: job["permissions"] for name, job in publish["jobs"].items()} == {
        "configure": {"pages": "read"},
        "build": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }
    assert load(ROOT / ".github" / "workflows" / "pull-request.yml")["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in jobs("pull-request.yml").values())


def test_forks_never_publish() -> None:
    publish = jobs("publish.yml")
    assert publish["configure"]["if"] == "github.event.repository.fork == false"
    assert publish["build"]["needs"] == "configure" and publish["deploy"]["needs"] == "build"


def test_pull_requests_cache_pip_and_cancel_superseded_runs() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "pull-request.yml")
    assert workflow["concurrency"] == {
        "group": "pull-request-${{ github.event.pull_request.number }}",
        "cancel-in-progress": True,
    }
    (setup,) = [
        s
        for s in workflow["jobs"]["check-test-build"]["steps"]
        if s.get("uses", "").startswith("actions/setup-python@")
    ]
    assert setup["with"]["cache"] == "pip"


def test_the_preview_is_built_whenever_the_records_are_valid_and_browses_from_disk() -> None:
    steps = {step.get("name", step.get("uses")): step for step in jobs("pull-request.yml")["check-test-build"]["steps"]}
    assert steps["Check the records"]["id"] == "check"
    assert steps["Run the tests"]["if"] == "success() || failure()"
    # A failed test must not stop the preview; invalid records (or a cancelled run) do.
    assert steps["Build the site"]["if"] == "(success() || failure()) && steps.check.outcome == 'success'"
    assert steps["Build the site"]["run"].endswith(" --offline")
    assert steps["Upload the site preview"]["if"] == "(success() || failure()) && steps.build.outcome == 'success'"


def test_readme_says_what_a_maintainer_switches_on_once() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publishing = readme.split("## Publishing", 1)[1].split("\n## ", 1)[0]
    assert 'Source: "GitHub Actions"' in publishing
    assert "first-time contributors" in publishing and "Approve and run" in publishing
    assert "`build_claims.py build` gives the stronger\nguarantee" in readme


# --- evidence: the weekly link check (issue 20 item 3) ---------------------------------------------


def test_the_link_check_runs_weekly_and_only_it_can_write_issues() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "links.yml")
    assert workflow[True]["schedule"] == [{"cron": "23 5 * * 1"}]  # PyYAML reads `on:` as True
    assert workflow["permissions"] == {}
    assert {name: job["permissions"] for name, job in workflow["jobs"].items()} == {
        "links": {"contents": "read", "issues": "write"}
    }
    assert workflow["jobs"]["links"]["if"] == "github.event.repository.fork == false"
    writers = [
        (path.name, name)
        for path in WORKFLOWS
        for name, job in load(path)["jobs"].items()
        if "issues" in {**load(path).get("permissions", {}), **job.get("permissions", {})}
    ]
    assert writers == [("links.yml", "links")]


def test_the_link_check_runs_the_readme_command_and_keeps_one_issue() -> None:
    steps = run_steps("links.yml")
    assert ".venv/bin/python build_claims.py links --format github > links.txt" in steps["Check the links"]
    assert ".venv/bin/python build_claims.py links --format github" in readme_inline_commands()
    report = steps["Report dead links in one issue"]
    # Edits the open issue when there is one, creates it otherwise, closes it when all links work.
    assert "gh issue edit" in report and "gh issue create" in report and "gh issue close" in report
    assert report.rstrip().endswith('[ "$CODE" = "0" ]')  # dead links still fail the run
