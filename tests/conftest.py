"""Shared fixtures: a private copy of the example dossier, with edits applied as a case asks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "example" / "claims"


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


@pytest.fixture
def dossier_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example dossier at ./claims in a fresh working folder."""
    shutil.copytree(EXAMPLE, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "claims"
