"""The last good site is never lost: builds are swapped in whole, killed builds leave no trace.

`build` and `render --out` write into a fresh folder beside the target and rename it into place
only when everything succeeded; a lock file beside the target refuses a second writer.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, apply_edits
from dossier.cli import main
from dossier.problems import DossierError
from dossier.publish import atomic_folder
from dossier.publish.atomic_folder import replacing_folder
from dossier.publish.build import build_site
from test_site import EXAMPLE

NEW_TEXT = [("claim: Critics say the money would be better spent on roads.", "claim: Critics prefer roads.")]


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def start_build(claims: Path, site: Path) -> subprocess.Popen[bytes]:
    env = os.environ | {"SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(ROOT / "build_claims.py"), "build", "--claims", str(claims), "--site-dir", str(site)]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_a_killed_build_leaves_the_old_site_or_the_new_one(tmp_path: Path) -> None:
    new_claims, site = tmp_path / "claims", tmp_path / "out" / "site"
    shutil.copytree(EXAMPLE, new_claims)
    apply_edits(new_claims, {"roads-better.yaml": NEW_TEXT})
    began = time.monotonic()
    assert start_build(EXAMPLE, site).wait(timeout=300) == 0
    duration = time.monotonic() - began
    old = snapshot(site)
    after_kills = []
    for fraction in (0.3, 0.75, 1.0):  # from start-up, through MkDocs writing pages, to the swap
        build = start_build(new_claims, site)
        time.sleep(duration * fraction)
        build.kill()
        build.wait(timeout=60)
        after_kills.append(snapshot(site))
    assert start_build(new_claims, site).wait(timeout=300) == 0
    new = snapshot(site)
    assert old != new and len(old) == len(new) > 50
    for number, state in enumerate(after_kills):
        assert state in (old, new), f"kill {number} left a site that is neither the old one nor the new one"
    assert sorted(os.listdir(site.parent)) == [".site.lock", "site"]  # killed builds' folders tidied


def test_a_strict_warning_keeps_the_last_good_site_and_shows_mkdocs_message(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    site = tmp_path / "site"
    assert build_site(project / "mkdocs.yml", str(EXAMPLE), str(site), offline=True) == str(site)
    assert 'href="claims/ferry-capacity.html"' in (site / "index.html").read_text(encoding="utf-8")  # browses from disk
    before = snapshot(site)
    page = project / "docs" / "methodology.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the appendix](appendix.md).\n", encoding="utf-8")
    with pytest.raises(DossierError) as failure:
        build_site(project / "mkdocs.yml", str(EXAMPLE), str(site))
    assert str(failure.value) == (
        f"the site build failed (Aborted with 1 warnings in strict mode!); the last good site in {site} is unchanged"
    )
    assert failure.value.details == (
        "WARNING: Doc file 'methodology.md' contains a link 'appendix.md', "
        "but the target is not found among documentation files.",
    )
    assert snapshot(site) == before
    assert sorted(os.listdir(tmp_path)) == [".site.lock", "project", "site"]


def test_build_prints_mkdocs_own_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project_copy(tmp_path)
    (project / "docs" / "claims").mkdir()
    (project / "docs" / "claims" / "index.md").write_text("# Mine\n", encoding="utf-8")
    monkeypatch.setattr("dossier.cli.ROOT", project)
    err = io.StringIO()
    assert main(["build", "--claims", str(EXAMPLE), "--site-dir", str(tmp_path / "site")], err=err) == 1
    assert err.getvalue().splitlines() == [
        f"error: the site build failed (Aborted with a BuildError!); the last good site in {tmp_path / 'site'} is unchanged",
        "  ERROR: docs/claims/index.md is written by hand, but the dossier generates that page; rename the file",
    ]
    assert not (tmp_path / "site").exists()


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with open(tmp_path / ".site.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        err = io.StringIO()
        assert main(["build", "--claims", str(EXAMPLE), "--site-dir", str(site)], err=err) == 1
        assert main(["render", "--claims", str(EXAMPLE), "--out", str(site)], err=err) == 1
    message = (
        f"error: another build is writing {site} (it holds {tmp_path / '.site.lock'}); "
        "wait for it to finish, or write to another folder"
    )
    assert err.getvalue().splitlines() == [message, message]
    assert not site.exists()
    assert main(["render", "--claims", str(EXAMPLE), "--out", str(site)], out=io.StringIO()) == 0


def test_render_writes_beside_then_renames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "pages"
    seen: list[Path] = []

    def spy(pages: object, folder: Path) -> None:
        seen.append(folder)
        assert not out.exists()  # nothing appears at the target while pages are written
        write_site(pages, folder)  # type: ignore[arg-type]

    from dossier.render.site import write_site

    monkeypatch.setattr("dossier.render.site.write_site", spy)
    assert main(["render", "--claims", str(EXAMPLE), "--out", str(out)], out=io.StringIO()) == 0
    assert seen[0].parent == tmp_path and seen[0].name.startswith(".pages.new-")
    assert (out / "claims" / "ferry-budget.md").is_file()
    assert sorted(os.listdir(tmp_path)) == [".pages.lock", "pages"]


def test_a_failed_render_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(pages: object, folder: Path) -> None:
        (folder / "half.md").write_text("half", encoding="utf-8")
        raise DossierError("disk full")

    monkeypatch.setattr("dossier.render.site.write_site", fail)
    assert main(["render", "--claims", str(EXAMPLE), "--out", str(tmp_path / "pages")], err=io.StringIO()) == 1
    assert sorted(os.listdir(tmp_path)) == [".pages.lock"]


def test_an_old_folder_set_aside_by_a_killed_swap_is_put_back(tmp_path: Path) -> None:
    # Where the system has no atomic exchange, the old folder is renamed aside for a moment.
    aside = tmp_path / ".site.old-123-abcd"
    aside.mkdir()
    (aside / "index.html").write_text("last good site", encoding="utf-8")
    (tmp_path / ".site.new-123-abcd").mkdir()
    with pytest.raises(RuntimeError), replacing_folder(tmp_path / "site"):
        raise RuntimeError("build failed")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "last good site"
    assert sorted(os.listdir(tmp_path)) == [".site.lock", "site"]


def test_the_swap_without_an_atomic_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic_folder, "_exchange", lambda a, b: False)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old", encoding="utf-8")
    with replacing_folder(tmp_path / "site") as fresh:
        (fresh / "new.html").write_text("new", encoding="utf-8")
    assert os.listdir(tmp_path / "site") == ["new.html"]
    assert sorted(os.listdir(tmp_path)) == [".site.lock", "site"]


def test_the_target_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("a file", encoding="utf-8")
    with pytest.raises(DossierError, match="is not a folder"), replacing_folder(tmp_path / "site"):
        pass


def _project_copy(tmp_path: Path) -> Path:
    """mkdocs.yml, CONTRIBUTING.md and docs/ in a fresh folder, using this repository's hook."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "CONTRIBUTING.md", project)
    (project / "claims").mkdir()  # mkdocs.yml watches it; the records come from the example dossier
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hook = str(ROOT / "build_claims.py")
    (project / "mkdocs.yml").write_text(config.replace("  - build_claims.py", f"  - {hook}"), encoding="utf-8")
    return project
