"""The example dossier renders to exactly the pages committed under tests/example/expected/.

After an intended change to the output, refresh them with `UPDATE_EXPECTED=1 python -m pytest
tests/test_render_golden.py` and review the diff like any other change.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import ROOT
from dossier.link.check import check_dossier
from dossier.render.site import render_site, write_site

EXAMPLE = ROOT / "tests" / "example"


def test_example_dossier_renders_to_the_expected_pages() -> None:
    _, index, problems = check_dossier(str(EXAMPLE / "claims"))
    assert problems == []
    pages = render_site(index)
    expected_dir = EXAMPLE / "expected"
    if os.environ.get("UPDATE_EXPECTED") == "1":
        shutil.rmtree(expected_dir, ignore_errors=True)
        write_site(pages, expected_dir)
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in expected_dir.rglob("*")
        if p.is_file()
    }
    assert sorted(expected) == sorted(pages)
    for path, page in pages.items():
        assert page.text == expected[path], f"{path} differs; if intended, refresh with UPDATE_EXPECTED=1"


def test_rendering_twice_gives_identical_pages() -> None:
    _, index, _ = check_dossier(str(EXAMPLE / "claims"))
    assert render_site(index) == render_site(index)


def test_written_pages_end_with_one_newline_and_use_lf(tmp_path: Path) -> None:
    _, index, _ = check_dossier(str(EXAMPLE / "claims"))
    write_site(render_site(index), tmp_path)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"\r" not in data and data.endswith(b"\n") and not data.endswith(b"\n\n"), path
