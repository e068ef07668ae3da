"""`mkdocs serve` with invalid records: every page shows the problems instead of hanging, the
terminal lists them on every failure, and the site comes back on the next good save."""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT
from dossier.link.check import check_dossier
from dossier.problems import MAX_MESSAGE, Problem
from dossier.publish.serve_errors import SHOWN_PROBLEMS, copied_pages, error_site, render_error_page
from dossier.read.loader import Dossier

sys.path.insert(0, str(ROOT / "bench"))
from hostile_inputs import serve_bomb  # noqa: E402

MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def test_error_page_lists_each_problem_with_its_location_and_escapes_record_text() -> None:
    problems = [
        Problem("claims/a.yaml", 4, 7, 'kind: expected one of figure; got "<b>x</b>"'),
        Problem("claims/sources/*b*.yaml", 1, 1, "[link](javascript:x) `code`"),
    ]
    assert render_error_page("claims/a.md", problems, "2 problems in 2 files") == (
        '---\ntitle: "Not rebuilt: 2 problems in 2 files"\n---\n\n'
        "# The site was not rebuilt {#dossier-problems}\n\n"
        "2 problems in 2 files. Fix the records and save: this page reloads by itself once they are valid. "
        "[What each message means](../contributing.md).\n\n"
        "- <code>claims/a&#46;yaml&#58;4&#58;7</code> kind&#58; expected one of figure; got &quot;&#60;b&#62;x&#60;/b&#62;&quot;\n"
        "- <code>claims/sources/&#42;b&#42;&#46;yaml&#58;1&#58;1</code> &#91;link&#93;&#40;javascript&#58;x&#41; &#96;code&#96;\n"
    )


def test_error_site_covers_every_section_record_file_and_last_good_page() -> None:
    dossier = Dossier(present={"claim": frozenset({"new-claim", "Not_An_Id"}), "source": frozenset({"minutes"})})
    pages = error_site([], "1 problem in 1 file", dossier, ["topics/budget.md", "claims.json", "claims/old.md"])
    assert sorted(pages) == [
        "about.md",
        "articles/index.md",
        "claims/index.md",
        "claims/new-claim.md",
        "claims/old.md",
        "claims/verdict/disputed.md",
        "claims/verdict/opinion.md",
        "claims/verdict/partly-supported.md",
        "claims/verdict/supported.md",
        "claims/verdict/unsupported.md",
        "claims/verdict/unverified.md",
        "corrections.md",
        "entities/index.md",
        "figures.md",
        "index.md",
        "sources/index.md",
        "sources/minutes.md",
        "timeline.md",
        "topics/budget.md",
        "topics/index.md",
    ]
    assert all(page.record is None for page in pages.values())  # no edit button on an error page


def test_a_fresh_error_site_has_a_page_at_every_page_the_navigation_names() -> None:
    """A server started on invalid records has no last good site: the tabs still lead to problem pages, not 404s."""
    nav = re.findall(r"^  - [^:\n]+: (\S+\.md)(?:\s+#.*)?$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    handwritten = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")} | {"contributing.md"}
    pages = error_site([Problem("claims/x.yaml", 1, 1, "broken")], "1 problem", None, [])
    assert len(nav) >= 10
    assert [page for page in nav if page not in handwritten and page not in pages] == []


def test_problem_pages_outside_the_navigation_are_copied_from_two_of_their_folder() -> None:
    pages = [
        *(f"claims/{n}.md" for n in ("c", "a", "d", "b")),
        "claims/index.md",
        "claims/verdict/supported.md",
        "claims/verdict/disputed.md",
        "sources/x.md",
        "sources/y.md",
        "about.md",
        "figures.md",
        "timeline.md",
        "topics/t/page/2.md",
        "topics/t/page/3.md",
        "topics/t/page/4.md",
    ]
    assert copied_pages(pages, nav={"topics/t/page/4.md"}) == {
        "claims/c.md": ("claims/a.md", "claims/b.md"),
        "claims/d.md": ("claims/a.md", "claims/b.md"),
    }


def test_error_page_lists_at_most_twenty_problems_whatever_their_number_or_length() -> None:
    # Worst case: every message at its longest, each character one that Markdown would act on.
    problems = [Problem(f"claims/c{n:04}.yaml", 1, 1, "|" * MAX_MESSAGE) for n in range(1_000)]
    page = render_error_page("claims/c0000.md", problems, "1000 problems in 1000 files")
    items = [line for line in page.splitlines() if line.startswith("- ")]
    assert len(items) == SHOWN_PROBLEMS + 1
    assert items[0].startswith("- <code>claims/c0000&#46;yaml&#58;1&#58;1</code> &#124;&#124;")
    assert items[-1] == (
        "- … and 980 more problems: the terminal running `mkdocs serve` lists them all, as does `check`."
    )
    assert len(page.encode("utf-8")) < 300_000


def test_error_site_for_thirty_broken_claims_on_a_huge_paragraph_stays_small(tmp_path: Path) -> None:
    # Issue 17: these thirty files once made 49 pages of 12 MB each, and `mkdocs serve` never answered.
    serve_bomb(tmp_path / "claims")
    dossier, _, problems = check_dossier(str(tmp_path / "claims"))
    pages = error_site(problems, "30 problems in 30 files", dossier, [])
    assert len(problems) == 30 and len(pages) == 47  # 30 claims, 1 article, 10 sections, 6 verdict listings
    # One page, listing each problem once; only its link to the guide differs with the page's folder.
    assert len({re.sub(r"(\.\./)+contributing\.md", "contributing.md", page.text) for page in pages.values()}) == 1
    assert max(len(page.text.encode("utf-8")) for page in pages.values()) < 10_000
    assert sum(len(page.text.encode("utf-8")) for page in pages.values()) < 400_000  # was 618 MB


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> tuple[int, str]:
    """Status and body, character references decoded; (0, "") when the server does not answer within 5 s."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, html.unescape(response.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as error:
        return error.code, html.unescape(error.read().decode("utf-8", "replace"))
    except OSError:
        return 0, ""


def _wait_for_page(url: str, text: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        status, body = _fetch(url)
        if status == 200 and text in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}; last answer:\n{body[:2000]}")


class Server:
    def __init__(self, claims: Path, log: Path) -> None:
        self.port = _free_port()
        self.log = log
        env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "DOSSIER_CLAIMS": str(claims)}
        with log.open("w") as out:
            self.process = subprocess.Popen(
                [MKDOCS, "serve", "-a", f"127.0.0.1:{self.port}"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    claim = claims / "roads-better.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("kind: opinion", "kind: opinon"), encoding="utf-8")
    server = Server(claims, tmp_path / "serve.log")
    try:
        yield server, claims
    finally:
        server.process.terminate()
        server.process.wait(timeout=30)


COPIED = ("claims/council-announced/", "claims/ferry-budget/")
PROBLEM = "roads-better.yaml:4:7</code> kind: expected one of figure, quote, statement, forecast, opinion"


def test_serve_shows_problems_in_the_browser_and_recovers_on_the_next_good_save(serve: tuple[Server, Path]) -> None:
    server, claims = serve
    claim = claims / "roads-better.yaml"
    good = claim.read_text(encoding="utf-8").replace("kind: opinon", "kind: opinion")
    # Started with a broken record: the server runs, and the record's own page shows the problem.
    body = _wait_for_page(server.url("claims/roads-better/"), f"<code>{claims}/{PROBLEM}")
    stylesheet = body.split('<link rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert _fetch(server.url("claims/roads-better/" + stylesheet))[0] == 200  # the page is styled, not stuck
    for page in ["", "claims/", "claims/ferry-budget/", "sources/council-minutes/", "topics/budget/"]:
        assert PROBLEM in _wait_for_page(server.url(page), "The site was not rebuilt"), page
    # MkDocs rendered the first two problem pages of claims/; the others are the first's copies,
    # each with its own address, proven by the second (copied_pages).
    first, copy = (_fetch(server.url(page))[1].split("<script>\nvar livereload")[0] for page in COPIED)
    address = server.url("claims/")
    assert copy == first.replace(f'"{address}council-announced/"', f'"{address}ferry-budget/"')
    assert f'<link rel="canonical" href="{address}ferry-budget/">' in copy
    assert "differ by more than their address" not in server.log_text()
    copied = re.search(
        r"dossier: (\d+) problem pages copied from those MkDocs rendered in their folders", server.log_text()
    )
    assert copied and int(copied[1]) >= 8  # 8 of the 10 claims' pages, 2 of the 4 sources'
    # Fixed: the real page is back.
    claim.write_text(good, encoding="utf-8")
    _wait_for_page(server.url("claims/roads-better/"), "Critics say the money would be better spent on roads.")
    # Broken twice more: each failure shows its own problem, in the browser and the terminal.
    for broken, shown in [
        (good.replace("rating: opinion", "rating: opinon"), "verdict.rating: expected one of"),
        (good.replace("kind: opinion", "kind: figur"), 'got "figur"'),
    ]:
        claim.write_text(broken, encoding="utf-8")
        _wait_for_page(server.url("claims/roads-better/"), shown)
        claim.write_text(good, encoding="utf-8")
        _wait_for_page(server.url("claims/roads-better/"), "Critics say the money would be better spent on roads.")
    summary = "1 problem in 1 file; the site was not rebuilt, and its pages show the problems until they are fixed"
    log = server.log_text()
    assert log.count(summary) == 3
    assert [
        line.split("roads-better.yaml:", 1)[1][:18] for line in log.splitlines() if "roads-better.yaml:" in line
    ] == [
        "4:7: kind: expecte",
        "8:11: verdict.rati",
        "4:7: kind: expecte",
    ]
    assert server.process.poll() is None


@pytest.mark.parametrize("differ", [False, True])
def test_copies_are_proven_by_the_second_page_mkdocs_rendered(tmp_path: Path, differ: bool) -> None:
    from types import SimpleNamespace

    from dossier.publish.mkdocs_hook import DossierHook
    from dossier.render.site import RenderedPage

    site = tmp_path / "site"
    page = '<link rel="canonical" href="http://127.0.0.1:8000/claims/{}/">\n<nav>{}</nav>\n'
    for name in ("a", "b"):
        (site / "claims" / name).mkdir(parents=True)
        nav = "claims b" if differ and name == "b" else "claims"
        (site / "claims" / name / "index.html").write_text(page.format(name, nav), encoding="utf-8")
    hook = DossierHook()
    hook.pages = {f"claims/{n}.md": RenderedPage("# The site was not rebuilt\n") for n in "abc"}
    hook.copies = {"claims/c.md": ("claims/a.md", "claims/b.md")}
    config = SimpleNamespace(site_dir=str(site), use_directory_urls=True, site_url="http://127.0.0.1:8000/")
    unproven = hook._write_copies(config)  # type: ignore[arg-type]
    assert unproven == ({"claims/c.md"} if differ else set())  # not taken for built: rendered next time
    assert (site / "claims" / "c" / "index.html").read_text(encoding="utf-8") == page.format("c", "claims")
    assert hook.copying is not differ  # a failed proof: MkDocs renders every problem page from the next build
