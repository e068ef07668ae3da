"""Building: the CLI and hook adapters, failure safety, edit links, `mkdocs serve` rebuilds."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, apply_edits
from dossier.cli import main
from dossier.link.check import check_dossier
from dossier.render.site import render_site
from site_html import read_page
from test_site import EXAMPLE, build

MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def test_failed_build_keeps_the_last_good_site(tmp_path: Path) -> None:
    claims, site = tmp_path / "claims", tmp_path / "site"
    shutil.copytree(EXAMPLE, claims)
    assert build(claims, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    apply_edits(claims, {"roads-better.yaml": [("kind: opinion", "kind: opinon")]})
    result = build(claims, site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f'{claims}/roads-better.yaml:4:7: kind: expected one of figure, quote, statement, forecast, opinion; got "opinon" (did you mean "opinion"?)',
        "1 problem in 1 file",
    ]
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_plain_mkdocs_build_of_the_real_dossier_is_strict_clean(tmp_path: Path) -> None:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    env.pop("DOSSIER_CLAIMS", None)
    result = subprocess.run(
        [MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site" / "claims" / "ericsson-share-10pct" / "index.html").is_file()


def test_mkdocs_build_with_invalid_records_aborts_before_cleaning(tmp_path: Path) -> None:
    claims, site = tmp_path / "claims", tmp_path / "site"
    shutil.copytree(EXAMPLE, claims)
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    apply_edits(claims, {"ferry-budget.yaml": [("  - source: council-minutes", "  - source: council-minute")]})
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "DOSSIER_CLAIMS": str(claims)}
    result = subprocess.run(
        [MKDOCS, "build", "--strict", "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert f'{claims}/ferry-budget.yaml:30:13: sources[0].source: no source "council-minute"' in result.stderr
    assert "1 problem in 1 file; the site was not rebuilt" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "last good site"


def test_edit_buttons_open_the_yaml_record(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(EXAMPLE, site, DOSSIER_REPO_URL="https://github.com/example/dossier").returncode == 0

    def edit_link(page: str) -> str:
        return next(href for href, a in read_page(site / page).links if "md-content__button" in a.get("class", ""))

    base = "https://github.com/example/dossier/edit/main/"
    assert edit_link("claims/ferry-budget/index.html") == base + "tests/example/claims/ferry-budget.yaml"
    assert edit_link("sources/council-minutes/index.html") == base + "tests/example/claims/sources/council-minutes.yaml"
    assert edit_link("methodology/index.html") == base + "docs/methodology.md"
    assert [
        h for h, a in read_page(site / "claims/index.html").links if "md-content__button" in a.get("class", "")
    ] == []


def test_render_writes_the_pages_and_is_deterministic(tmp_path: Path) -> None:
    assert main(["render", "--claims", str(EXAMPLE), "--out", str(tmp_path / "a")]) == 0
    assert main(["render", "--claims", str(EXAMPLE), "--out", str(tmp_path / "b")]) == 0
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a == b
    assert sorted(str(p) for p in a) == sorted(render_site(check_dossier(str(EXAMPLE))[1]))
    assert (
        a[Path("claims/ferry-budget.md")].decode().startswith('---\ntitle: "Harbourville will spend \\u20ac12 million')
    )


def test_a_record_whose_page_collides_with_another_is_an_error(dossier_dir: Path) -> None:
    text = (dossier_dir / "roads-better.yaml").read_text(encoding="utf-8").replace("id: roads-better", "id: index")
    (dossier_dir / "index.yaml").write_text(text, encoding="utf-8")
    import io

    out = io.StringIO()
    assert main(["render", "--out", str(dossier_dir.parent / "out")], out=out) == 1
    assert out.getvalue() == (  # found by check, with its line, before any page is written
        'claims/index.yaml:2:5: id: "index" is the name of a page the site generates (claims/index.md); '
        "choose another id and rename the file to match\n1 problem in 1 file\n"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(log: Path, text: str, start: int, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = log.read_text(encoding="utf-8", errors="replace")
        found = content.find(text, start)
        if found != -1:
            return found + len(text)
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not seen; log:\n{log.read_text(encoding='utf-8', errors='replace')[start:]}")


def _page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for_page(url: str, text: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in _page_text(url):
            return
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}")


def test_serve_rebuilds_on_yaml_edits_and_survives_errors(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    log = tmp_path / "serve.log"
    port = _free_port()
    page = f"http://127.0.0.1:{port}/claims/roads-better/"
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "DOSSIER_CLAIMS": str(claims)}
    with log.open("w") as out:
        server = subprocess.Popen(
            [MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        _wait_for_page(page, "Critics say the money would be better spent on roads.")
        claim = claims / "roads-better.yaml"
        good = claim.read_text(encoding="utf-8")
        claim.write_text(good.replace("kind: opinion", "kind: opinon"), encoding="utf-8")
        at = _wait_for(log, "roads-better.yaml:4:7: kind: expected one of", 0)
        _wait_for(log, "1 problem in 1 file; the site was not rebuilt", at)
        assert server.poll() is None
        # (MkDocs holds page requests while a rebuild is failing, so there is nothing to fetch now.)
        claim.write_text(
            good.replace("better spent on roads.\nexcerpt", "better spent on trams.\nexcerpt"), encoding="utf-8"
        )
        _wait_for_page(page, "Critics say the money would be better spent on trams.")
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=30)
