"""Links, pipes and devices in the claims folder are reported, never followed or opened.

These cases need real file-system objects, which the text edits of check_cases.py cannot make.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from test_check import run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and pipes")

LINK = "symbolic links are not allowed; commit the file itself"
SPECIAL = "not a regular file (a pipe, socket or device); commit the record as a plain .yaml file"


def check_lines() -> tuple[int, list[str]]:
    code, out, _ = run(["check"])
    return code, out.splitlines()


def test_link_to_a_record_outside_the_repository_is_not_followed(dossier_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    shutil.copy(dossier_dir / "sources" / "council-minutes.yaml", outside)
    (dossier_dir / "sources" / "council-minutes.yaml").unlink()
    os.symlink(outside, dossier_dir / "sources" / "council-minutes.yaml")
    # The citing claims are not told the source is missing: its file is there, and reported.
    assert check_lines() == (1, [f"claims/sources/council-minutes.yaml:1:1: {LINK}", "1 problem in 1 file"])


def test_links_to_folders_and_loops_are_reported_without_crashing(dossier_dir: Path, tmp_path: Path) -> None:
    os.symlink(tmp_path, dossier_dir / "more")
    os.symlink(dossier_dir / "entities", dossier_dir / "sources" / "mirror")
    os.symlink("loop-b.yaml", dossier_dir / "loop-a.yaml")
    os.symlink("loop-a.yaml", dossier_dir / "loop-b.yaml")
    os.symlink(".", dossier_dir / "entities" / "self")
    assert check_lines() == (
        1,
        [
            f"claims/entities/self:1:1: {LINK}",
            f"claims/loop-a.yaml:1:1: {LINK}",
            f"claims/loop-b.yaml:1:1: {LINK}",
            f"claims/more:1:1: {LINK}",
            f"claims/sources/mirror:1:1: {LINK}",
            "5 problems in 5 files",
        ],
    )


def test_links_to_devices_and_pipes_are_never_opened(dossier_dir: Path) -> None:
    # Opening any of these for reading would block the checker forever.
    os.symlink("/dev/stdin", dossier_dir / "stdin.yaml")
    os.mkfifo(dossier_dir / "sources" / "pipe.yaml")
    os.mkfifo(dossier_dir / "notes")
    os.symlink("../notes", dossier_dir / "entities" / "pipe-link.yaml")
    assert check_lines() == (
        1,
        [
            f"claims/entities/pipe-link.yaml:1:1: {LINK}",
            f"claims/notes:1:1: {SPECIAL}",
            f"claims/sources/pipe.yaml:1:1: {SPECIAL}",
            f"claims/stdin.yaml:1:1: {LINK}",
            "4 problems in 4 files",
        ],
    )
