"""Shared fixtures: a private copy of the example dossier, with edits applied as a case asks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dossier.read.spec import kind_of_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "example" / "claims"
# What `check` says of the example dossier's coverage, which it leaves incomplete on purpose (two
# sentences in each article; `build_claims.py coverage` lists them): a warning per article.
EXAMPLE_COVERAGE = (
    "claims/articles/ferry-story.yaml:9:3: warning: paragraphs: no excerpt covers 2 of the article's 5 sentences; "
    "list them with: python build_claims.py coverage --article ferry-story\n"
    "claims/articles/harbour-fees.yaml:10:3: warning: paragraphs: no excerpt covers 2 of the article's 4 sentences; "
    "list them with: python build_claims.py coverage --article harbour-fees\n"
)


def add_topic(claims: Path, topic_id: str, name: str, description: str) -> None:
    """Append a topic to the dossier's topics.yaml (the registry a claim's topics must be in)."""
    topics = claims / "topics.yaml"
    entry = f"  - id: {topic_id}\n    name: {name}\n    description: {description}\n"
    topics.write_text(topics.read_text(encoding="utf-8") + entry, encoding="utf-8")


def apply_edits(claims: Path, edits: dict[str, str | bytes | None | list[tuple[str, str]]]) -> None:
    """Write, replace inside (old, new pairs; each must match), or delete (None) files or folders."""
    for relative, edit in edits.items():
        path = claims / relative
        if edit is None:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        elif isinstance(edit, bytes):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(edit)
        elif isinstance(edit, str):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            for old, new in edit:
                assert old in text, f"case edit {old!r} does not match {relative}"
                text = text.replace(old, new, 1)
            path.write_text(text, encoding="utf-8")


def record_files(claims: Path) -> list[tuple[str, Path]]:
    """(kind, path) of every record file in a claims folder, in path order, kinds as the loader gives them."""
    found = []
    for path in sorted(claims.rglob("*.yaml")):
        kind = kind_of_file(path.relative_to(claims).as_posix())
        assert kind is not None, path
        found.append((kind, path))
    return found


@pytest.fixture
def dossier_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example dossier at ./claims in a fresh working folder."""
    shutil.copytree(EXAMPLE, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "claims"


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium under Playwright, shared by the browser tests (see tests/browser.py)."""
    from browser import CHROMIUM_ARGS, chromium_or_skip

    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
