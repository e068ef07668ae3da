"""A real `mkdocs serve --dirty` through a series of saves: after each one, every page it serves is
the page a clean build of the same records serves, byte for byte.

The clean build is a fresh `mkdocs serve` (no `--dirty`: its first build is a full one) started on
a copy of the records as they are after the save. Three things are not the records' doing and are
set aside: the server's own address (each server has its port), the live-reload script the
server injects into each page as it sends it, and the dates in the sitemap (a page not built
again keeps the date of its last change). Only 127.0.0.1 is used.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE, ROOT
from dossier.link.check import check_dossier
from dossier.read.paths import page_url
from dossier.render.markup import md_text
from dossier.render.site import render_site

sys.path.insert(0, str(ROOT / "bench"))
from serve_edit import free_port  # noqa: E402

# The script the server adds before `</body>` as it sends a page: it names the build it sent.
LIVERELOAD = re.compile(
    rb"<script>\nvar livereload = function\(epoch, requestId\) \{.*?livereload\(\d+, \d+\);\n</script>", re.DOTALL
)
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


class Server:
    """`mkdocs serve` on a claims folder, with its log."""

    def __init__(self, claims: Path, log: Path, dirty: bool, root: Path = ROOT) -> None:
        self.claims = claims
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = log
        env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "DOSSIER_CLAIMS": str(claims)}
        options = ["--dirty"] if dirty else []
        with log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{self.port}"],
                cwd=root,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def fetch(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def builds(self) -> int:
        return self.log.read_text(encoding="utf-8").count("Reloading browsers") + (
            1 if "Serving on" in self.log.read_text(encoding="utf-8") else 0
        )

    def wait_until_built(self, after: int, timeout: float = 180) -> None:
        """Until a build later than the `after`-th has finished and no save is waiting for another."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log.read_text(encoding="utf-8")
            if self.builds() > after and text.count("Detected file changes") <= text.count("Reloading browsers"):
                time.sleep(1.5)  # a second save of the same step (a rename's several files) may still come
                if self.log.read_text(encoding="utf-8") == text:
                    return
            assert self.process.poll() is None, text[-3000:]
            time.sleep(0.1)
        raise AssertionError(f"no build finished:\n{self.log.read_text(encoding='utf-8')[-3000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def serving(claims: Path, log: Path, dirty: bool, root: Path = ROOT) -> Iterator[Server]:
    server = Server(claims, log, dirty, root)
    try:
        server.wait_until_built(0)
        yield server
    finally:
        server.stop()


def load(path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def save(path: Path, data: dict) -> None:  # type: ignore[type-arg]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit_a_claim(claims: Path) -> None:
    claim = claims / "roads-better.yaml"
    data = load(claim)
    data["claim"] = "Critics say the money would be better spent on trams."
    data["verdict"]["conclusion"] = "A view about priorities, not a checkable fact; edited."
    save(claim, data)


def rename_a_source(claims: Path) -> None:
    """council-minutes becomes council-record: its file, its id, and every claim citing it."""
    for path in claims.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if "council-minutes" in text:
            path.write_text(text.replace("council-minutes", "council-record"), encoding="utf-8")
    (claims / "sources" / "council-minutes.yaml").rename(claims / "sources" / "council-record.yaml")


def delete_an_entity(claims: Path) -> None:
    """harbourville-council goes, and so does every claim's mention of it."""
    for path in claims.glob("*.yaml"):
        data = load(path)
        if "harbourville-council" in (data.get("entities") or []):
            data["entities"] = [e for e in data["entities"] if e != "harbourville-council"]
            if not data["entities"]:
                del data["entities"]
            save(path, data)
    (claims / "entities" / "harbourville-council.yaml").unlink()


def break_a_claim(claims: Path) -> None:
    claim = claims / "ferry-budget.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("kind:", "knd:", 1), encoding="utf-8")


def fix_the_claim(claims: Path) -> None:
    claim = claims / "ferry-budget.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("knd:", "kind:", 1), encoding="utf-8")


SAVES: list[Callable[[Path], None]] = [edit_a_claim, rename_a_source, delete_an_entity, break_a_claim, fix_the_claim]


def pages_of(claims: Path) -> set[str]:
    """The URL paths of the generated files and hand-written pages, and of the files every build writes."""
    found = {"", "404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "contributing/"}
    found |= {page_url(p.relative_to(ROOT / "docs").as_posix()) for p in (ROOT / "docs").rglob("*.md")}
    _, index, problems = check_dossier(str(claims))
    if not problems:
        found |= {page_url(path) if path.endswith(".md") else path for path in render_site(index)}
    return found


def comparable(path: str, body: bytes, server: Server) -> bytes:
    """The body with the server's own address, its claims folder (problem messages name files by
    it) and the live-reload script set aside, and the sitemap's dates."""
    if path == "sitemap.xml.gz":
        body = gzip.decompress(body)
    body = LIVERELOAD.sub(b"", body)
    # The address is in page text too, where the colon is escaped, and percent-encoded in share links.
    for colon in (b":", b"&#58;", b"%3A", b"&#37;3A"):
        body = body.replace(colon + str(server.port).encode(), colon + b"PORT")
    folder = str(server.claims) + "/"
    for shown in {folder, md_text(folder), json.dumps(folder)[1:-1]}:
        body = body.replace(shown.encode(), b"CLAIMS/")
    if path.startswith("sitemap.xml"):
        body = LASTMOD.sub(b"<lastmod/>", body)
    return body


def test_every_page_served_after_each_save_is_a_clean_builds(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    seen = pages_of(claims)
    with serving(claims, tmp_path / "preview.log", dirty=True) as preview:
        for number, change in enumerate(SAVES, start=1):
            before = tmp_path / f"before-{number}" / "claims"
            shutil.copytree(claims, before)
            built = preview.builds()
            change(claims)
            preview.wait_until_built(built)
            seen |= pages_of(claims)
            with clean_build(claims, before, change, tmp_path / f"clean-{number}.log") as clean:
                wrong = []
                for path in sorted(seen):
                    mine, theirs = preview.fetch(path), clean.fetch(path)
                    if mine[0] != theirs[0] or comparable(path, mine[1], preview) != comparable(path, theirs[1], clean):
                        wrong.append((path, mine[0], theirs[0]))
                assert wrong == [], f"after {change.__name__}: {wrong}"
        # The fix gave back the records as they were before the break: every file of that build
        # came back with a rename (last_good.py) instead of being built again, and was right (above).
        log = (tmp_path / "preview.log").read_text(encoding="utf-8")
        aside = re.findall(r"dossier: (\d+) files of the last valid build set aside until the records are valid", log)
        back = re.findall(r"dossier: (\d+) files of the last valid build put back unchanged", log)
        generated = render_site(check_dossier(str(claims))[1])
        assert aside == back == [str(len(generated))]


@contextmanager
def clean_build(claims: Path, before: Path, change: Callable[[Path], None], log: Path) -> Iterator[Server]:
    """A fresh server's build of the records in `claims`. Valid records: its first (full) build.
    Invalid ones: the problem page stands at every page the last good site had, so the fresh server
    builds the records as they were before the save, then takes the same save (its problem pages
    are made from the problems alone, never from the preview's memory)."""
    if not check_dossier(str(claims))[2]:
        snapshot = before.parent.with_name(before.parent.name.replace("before", "after")) / "claims"
        shutil.copytree(claims, snapshot)
        with serving(snapshot, log, dirty=False) as clean:
            yield clean
        return
    with serving(before, log, dirty=False) as clean:
        built = clean.builds()
        change(before)
        clean.wait_until_built(built)
        yield clean


def delete_a_claim(claims: Path) -> None:
    (claims / "roads-better.yaml").unlink()


def break_a_topic(claims: Path) -> None:
    claim = claims / "fees-rise.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("  - budget\n", "  - no-such-topic\n", 1), encoding="utf-8"
    )


def fix_the_topic(claims: Path) -> None:
    claim = claims / "fees-rise.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("  - no-such-topic\n", "  - budget\n", 1), encoding="utf-8"
    )


def break_a_claim_and_delete_another(claims: Path) -> None:
    break_a_claim(claims)
    delete_a_claim(claims)


def fix_the_claim_and_retitle_a_source(claims: Path) -> None:
    fix_the_claim(claims)
    source = claims / "sources" / "budget-papers.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Budget 2024/25", "Budget 2024-25, retitled"), encoding="utf-8"
    )


def differences(preview: Server, claims: Path, seen: set[str], tmp_path: Path, root: Path = ROOT) -> list[object]:
    """The paths `preview` serves otherwise than a fresh server of the same records (see `comparable`)."""
    snapshot = tmp_path / "snapshot" / "claims"
    shutil.copytree(claims, snapshot)
    wrong: list[object] = []
    with serving(snapshot, tmp_path / "clean.log", dirty=False, root=root) as clean:
        for path in sorted(seen):
            mine, theirs = preview.fetch(path), clean.fetch(path)
            if mine[0] != theirs[0] or comparable(path, mine[1], preview) != comparable(path, theirs[1], clean):
                wrong.append((path, mine[0], theirs[0]))
    return wrong


def test_invalid_from_the_start_then_saves_that_break_and_fix_with_other_changes(tmp_path: Path) -> None:
    """No valid build to set aside at first; later a break comes with a deletion, the fix with a new
    title: the pages put back are only those whose text is unchanged (red-team sequences)."""
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    seen = pages_of(claims)
    break_a_topic(claims)
    with serving(claims, tmp_path / "preview.log", dirty=True) as preview:
        for change in (fix_the_topic, break_a_claim_and_delete_another, fix_the_claim_and_retitle_a_source):
            built = preview.builds()
            change(claims)
            preview.wait_until_built(built)
            seen |= pages_of(claims)
        assert differences(preview, claims, seen, tmp_path) == []


def test_an_edit_of_mkdocs_yml_rebuilds_the_hand_written_pages_too(tmp_path: Path) -> None:
    """`--dirty` rebuilds a hand-written page only when its file is newer than its page; the site's
    name is in every page's title (red-team: Methodology and Contribute kept the old one)."""
    repo = tmp_path / "repo"
    shutil.copytree(
        ROOT, repo, ignore=shutil.ignore_patterns(".*", "site", "node_modules", "__pycache__", "tests", "bench")
    )
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    seen = pages_of(claims)
    with serving(claims, tmp_path / "preview.log", dirty=True, root=repo) as preview:
        built = preview.builds()
        config = repo / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(
            re.sub(r"^site_name: .*$", "site_name: Renamed dossier", text, count=1, flags=re.M), encoding="utf-8"
        )
        preview.wait_until_built(built)
        for page in ("methodology/", "contributing/", "claims/"):
            assert b" - Renamed dossier</title>" in preview.fetch(page)[1], page
        assert differences(preview, claims, seen, tmp_path, root=repo) == []


def test_a_server_stopped_by_sigterm_while_records_are_invalid_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM stops the server as Ctrl-C does: MkDocs deletes its site folder, the hook the set-aside build."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    with serving(claims, tmp_path / "preview.log", dirty=True) as preview:
        built = preview.builds()
        break_a_claim(claims)
        preview.wait_until_built(built)
        assert sum(p.name.startswith("dossier-last-good-") for p in temp.iterdir()) == 1
    assert sorted(p.name for p in temp.iterdir()) == []
    assert "Shutting down..." in (tmp_path / "preview.log").read_text(encoding="utf-8")
