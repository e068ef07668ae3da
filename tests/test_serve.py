"""`mkdocs serve --dirty` (the README's preview): a saved claim reaches every page that shows it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import EXAMPLE, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from serve_edit import SERVE_OPTIONS, free_port, wait_for  # noqa: E402


def _wait_for_log(log: Path, text: str, deadline: float) -> None:
    while time.perf_counter() < deadline:
        if text in log.read_text(encoding="utf-8"):
            return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in the log")


def test_dirty_serve_updates_claim_article_and_index_and_recovers_from_errors(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    pages = [f"{base}claims/roads-better/", f"{base}articles/ferry-story/", f"{base}claims/"]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "DOSSIER_CLAIMS": str(claims)}
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *SERVE_OPTIONS, "-a", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.perf_counter() + 120
        wait_for(pages[0], "Critics say the money would be better spent on roads.", deadline)
        claim = claims / "roads-better.yaml"
        good = claim.read_text(encoding="utf-8")
        claim.write_text(good.replace("spent on roads.\nexcerpt", "spent on trams.\nexcerpt"), encoding="utf-8")
        for page in pages:  # the claim, its article's list of claims, the claims index
            wait_for(page, "Critics say the money would be better spent on trams", deadline)
        claim.write_text(good.replace("kind: opinion", "kind: opinon"), encoding="utf-8")
        _wait_for_log(log, "1 problem in 1 file; the site was not rebuilt", deadline)
        claim.write_text(good.replace("spent on roads.\nexcerpt", "spent on ferries.\nexcerpt"), encoding="utf-8")
        for page in pages:
            wait_for(page, "Critics say the money would be better spent on ferries", deadline)
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=30)
