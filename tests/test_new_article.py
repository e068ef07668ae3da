"""`new article --from`: a saved news page (tests/example/pages/) becomes exactly its body
paragraphs and metadata, from a file and from a URL served here on 127.0.0.1; fetching fails
clearly; any text round-trips through the YAML written; nothing is ever overwritten."""

from __future__ import annotations

import datetime
import http.server
import io
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from dossier.cli import main
from dossier.link.check import check_dossier
from dossier.read.loader import load_dossier
from dossier.start import fetch as fetch_module
from dossier.start.yaml_text import quoted

PAGE = ROOT / "tests" / "example" / "pages" / "courier-ferry-fares.html"
PARAGRAPHS = [
    "Lake Ferries Ltd says the new electric boats cannot run on today’s prices.",
    "Fares on Harbourville’s ferries will double by 2026, the operator told councillors on Wednesday – the first "
    "time it has put a figure on the cost of the new electric fleet.",
    "Lake Ferries Ltd said a single crossing, now €2.50, would cost €5 once all four boats are in service. “We can’t "
    "run a modern fleet on 1990s prices,” said its chief executive, Marta Olsen.",
    "The council, which is paying €12 million for the boats, has not said whether it will cap fares. A spokesperson "
    "said the figures were “a starting point for talks”.",
    "Regular passengers reacted with dismay. Some 1,400 people signed a petition against the rise within a day, "
    "according to the campaign group Fair Fares Harbourville.",
    "“I cross twice a day to get to work,” said nurse Tomás Lindqvist. “Doubling the fare is another €100 a month "
    "for me.”",
    "The operator says the electric boats will cut running costs by a third, but that the savings will take years "
    "to show.",
]
METADATA = {
    "title": "Ferry fares to double by 2026, operator warns",
    "publisher": "Northshore Courier",
    "url": "https://example.org/courier/2024/05/ferry-fares-double",  # the canonical link, not og:url's
    "published": "2024-05-02",  # published, not modified
    "author": "Priya Example",
}


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


def record(claims: Path, article_id: str) -> dict[str, object]:
    return yaml.safe_load((claims / "articles" / f"{article_id}.yaml").read_text(encoding="utf-8"))


def saved_copy(folder: Path, name: str = "page.html", data: bytes | None = None, day: str = "2024-05-03") -> Path:
    path = folder / name
    path.write_bytes(PAGE.read_bytes() if data is None else data)
    stamp = datetime.datetime.fromisoformat(f"{day}T12:00:00").timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_a_saved_page_becomes_its_body_paragraphs_and_metadata(dossier_dir: Path, tmp_path: Path) -> None:
    page = saved_copy(tmp_path)
    assert run(["new", "article", "fares", "--from", str(page)]) == (
        0,
        "claims/articles/fares.yaml: 7 paragraphs\n",
        "",
    )
    assert record(dossier_dir, "fares") == {
        "id": "fares",
        **METADATA,
        "retrieved": "2024-05-03",  # the day the page was saved
        "paragraphs": PARAGRAPHS,
    }
    # As written, the record passes check, and no claim is needed yet.
    _, _, problems = check_dossier("claims")
    assert problems == []
    text = (dossier_dir / "articles" / "fares.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/article.schema.json\n")
    assert '\ntitle: "Ferry fares to double by 2026, operator warns"\n' in text  # every string quoted


def test_never_overwrites_a_record(dossier_dir: Path, tmp_path: Path) -> None:
    page = saved_copy(tmp_path)
    before = (dossier_dir / "articles" / "ferry-story.yaml").read_bytes()
    assert run(["new", "article", "ferry-story", "--from", str(page)]) == (
        1,
        "",
        "error: claims/articles/ferry-story.yaml already exists; edit it, or choose another id\n",
    )
    assert (dossier_dir / "articles" / "ferry-story.yaml").read_bytes() == before


def test_a_text_file_gives_paragraphs_and_needs_its_metadata_named(dossier_dir: Path, tmp_path: Path) -> None:
    text = saved_copy(
        tmp_path, "story.txt", "First paragraph, “quoted” – dashed.\nSame paragraph.\n\n\n  Second one.  \n".encode()
    )
    assert run(["new", "article", "notes", "--from", str(text)]) == (
        1,
        "",
        "error: the page does not say its title, publisher and url; give --title TITLE --publisher PUBLISHER --url URL\n",
    )
    options = [
        "--title",
        "Notes",
        "--publisher",
        "A paper",
        "--url",
        "https://example.org/notes",
        "--published",
        "2024-05",
    ]
    assert run(["new", "article", "notes", "--from", str(text), *options])[0] == 0
    assert record(dossier_dir, "notes") == {
        "id": "notes",
        "title": "Notes",
        "publisher": "A paper",
        "url": "https://example.org/notes",
        "published": "2024-05",
        "retrieved": "2024-05-03",
        "paragraphs": ["First paragraph, “quoted” – dashed. Same paragraph.", "Second one."],
    }


HOSTILE = [
    "no",
    "2024-03",
    '- "quoted" # not a comment: {a: [b]} & *alias !tag %x @y `z` | > \\ backslash',
    "Tab\tinside and  double  spaces",
    "Zero\u200bwidth and soft\u00adhyphen",
    "Emoji 🚢 and non-breaking\u00a0space",
]


def test_hostile_text_round_trips_and_passes_check(dossier_dir: Path, tmp_path: Path) -> None:
    body = "".join(f"<p>{line.replace('&', '&amp;').replace('<', '&lt;')}</p>\n" for line in HOSTILE)
    html = (
        "<html><head><title>Odd: \"text\" #1</title><meta property='og:site_name' content='Site: \"x\"'>"
        "<link rel='canonical' href='https://example.org/odd?a=1&amp;b=2'></head><body><article>"
        f"{body}</article></body></html>"
    ).encode()
    page = saved_copy(tmp_path, "odd.html", html)
    code, out, err = run(["new", "article", "odd", "--from", str(page)])
    assert (code, err) == (0, "")
    assert out == (
        "note: removed 1 invisible U+200B character\nnote: removed 1 invisible U+00AD character\n"
        "claims/articles/odd.yaml: 6 paragraphs\n"
    )
    written = record(dossier_dir, "odd")
    assert (written["title"], written["publisher"], written["url"]) == (
        'Odd: "text" #1',
        'Site: "x"',
        "https://example.org/odd?a=1&b=2",
    )
    assert written["paragraphs"] == [
        "no",
        "2024-03",
        HOSTILE[2],
        "Tab inside and double spaces",
        "Zerowidth and softhyphen",
        "Emoji 🚢 and non-breaking space",  # trafilatura makes a non-breaking space a plain one
    ]
    dossier, problems = load_dossier("claims")
    assert problems == [] and [a.paragraphs for a in dossier.articles if a.id == "odd"] == [
        tuple(written["paragraphs"])
    ]


@pytest.mark.parametrize(
    "text",
    ["", "no", "yes", "~", "null", "1e3", "0x1F", "2024-03-04", ": x", "- x", "#", "'", '"', "\\", "a\nb", "\t",
     "\x85", "\u2028", "\ufeff", "\x00", "\x7f", "🚢", "\U0010fffd", "é", "\ud7ff"],
)  # fmt: skip
def test_quoted_text_reads_back_exactly(text: str) -> None:
    assert yaml.safe_load(f"value: {quoted(text)}\n") == {"value": text}
    assert "\n" not in quoted(text)


def test_a_page_without_article_text_is_refused(dossier_dir: Path, tmp_path: Path) -> None:
    page = saved_copy(
        tmp_path,
        "empty.html",
        b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    )
    assert run(["new", "article", "empty", "--from", str(page)]) == (
        1,
        "",
        "error: no article text found on the page\n",
    )
    assert not (dossier_dir / "articles" / "empty.yaml").exists()


# --- from a URL, served here ------------------------------------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        body, kind, status, extra = b"", "text/html; charset=utf-8", 200, {}
        if self.path == "/story":
            body = PAGE.read_bytes()
        elif self.path == "/moved":
            status, extra = 302, {"Location": "/story"}
        elif self.path == "/loop":
            status, extra = 302, {"Location": "/loop"}
        elif self.path == "/elsewhere":
            status, extra = 302, {"Location": "file:///etc/passwd"}
        elif self.path == "/report.pdf":
            body, kind = b"%PDF-1.7", "application/pdf"
        elif self.path == "/huge":
            body = b"<html><body>" + b"<p>Long paragraph of text that goes on and on.</p>" * 2000 + b"</body></html>"
        elif self.path == "/unsized":
            body = PAGE.read_bytes()
        elif self.path == "/slow":
            time.sleep(2)
            body = PAGE.read_bytes()
        else:
            status, body = 404, b"<html><body>Not here</body></html>"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        for name, value in extra.items():
            self.send_header(name, value)
        if self.path != "/unsized":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_gives_the_same_record_with_today_as_retrieved(dossier_dir: Path, server: str) -> None:
    assert run(["new", "article", "fares", "--from", f"{server}/moved"]) == (
        0,
        "claims/articles/fares.yaml: 7 paragraphs\n",
        "",
    )  # the redirect is followed
    assert record(dossier_dir, "fares") == {
        "id": "fares",
        **METADATA,
        "retrieved": datetime.date.today().isoformat(),
        "paragraphs": PARAGRAPHS,
    }


def test_fetch_failures_are_clear(dossier_dir: Path, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 50_000)
    monkeypatch.setattr(fetch_module, "TIMEOUT", 0.5)
    expected = {
        "/gone": f"error: {server}/gone: the server answered 404 Not Found\n",
        "/report.pdf": f"error: {server}/report.pdf is not an HTML page (it is application/pdf); save the article's web page instead\n",
        "/huge": f"error: {server}/huge is too large (100,026 bytes; at most 50,000 are read)\n",
        "/slow": f"error: {server}/slow: no answer within 0.5 seconds\n",
        "/loop": f"error: {server}/loop: more than 5 redirects\n",
        "/elsewhere": f'error: {server}/elsewhere redirects to "file:///etc/passwd", which is not an http(s) address\n',
    }
    for path, message in expected.items():
        assert run(["new", "article", "fares", "--from", server + path]) == (1, "", message), path
    assert not (dossier_dir / "articles" / "fares.yaml").exists()


def test_a_body_larger_than_it_says_is_cut_off(dossier_dir: Path, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A server may send no length, or a wrong one: the read itself stops past the cap.
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 1000)
    assert run(["new", "article", "fares", "--from", f"{server}/unsized"]) == (
        1,
        "",
        f"error: {server}/unsized is too large (over 1,000 bytes)\n",
    )
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 100_000)
    assert fetch_module.fetch(f"{server}/unsized").body == PAGE.read_bytes()


def test_the_guide_starts_a_dossier_from_a_saved_page_to_a_green_check(tmp_path: Path) -> None:
    """CONTRIBUTING's "Start a dossier for a new article", run in order on a copy of the repository."""
    import re
    import shutil
    import subprocess
    import sys

    from test_contributing import NEW_ARTICLE_STEPS

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Start a dossier for a new article\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    assert [c for c in commands if c in NEW_ARTICLE_STEPS] == NEW_ARTICLE_STEPS
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    for name in ("build_claims.py", "dossier", "schema"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / ".venv").symlink_to(sys.prefix)
    saved_copy(tmp_path, "saved-page.html")

    def step(command: str) -> str:
        result = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    checks = [c for c in commands if c.endswith("build_claims.py check")]
    assert commands[-1] in checks  # the last step
    outputs = [step(command) for command in commands if command not in checks]
    assert outputs[0] == "claims/articles/ferry-fares.yaml: 7 paragraphs\n"
    assert outputs[1].startswith("ferry-fares: no excerpt covers 11 of its 11 sentences\n")
    claim = tmp_path / "claims" / "ferry-fares-double.yaml"
    text = claim.read_text(encoding="utf-8")
    assert (yaml.safe_load(text)["article"], yaml.safe_load(text)["excerpt"]) == (
        "ferry-fares",
        "Fares on Harbourville’s ferries will double by 2026",
    )
    for field, value in [
        ("kind", "forecast"),
        ("claim", "Ferry fares will double by 2026."),
        ("summary", "Not checked yet."),
    ]:
        text = text.replace(f"{field}: TODO", f"{field}: {value}")
    claim.write_text(text, encoding="utf-8")
    checked = step(commands[-1])
    assert checked.endswith("; 1 warning above, worth fixing but not failing the check\n"), checked
    assert "no excerpt covers 11 of the article's 11 sentences" in checked  # a part of one, so far


def test_invisible_characters_in_the_json_ld_publisher_are_removed_like_the_titles(
    dossier_dir: Path, tmp_path: Path
) -> None:
    page = PAGE.read_text(encoding="utf-8")
    hostile = page.replace('"name": "Northshore Courier"', '"name": "Northshore\\u200b Courier\\u2060"')
    assert hostile != page
    saved = saved_copy(tmp_path, data=hostile.encode("utf-8"))
    code, out, err = run(["new", "article", "zw", "--from", str(saved)])
    assert (code, err) == (0, ""), err
    assert out == (  # reported like those removed from the title
        "note: removed 1 invisible U+200B character\n"
        "note: removed 1 invisible U+2060 character\n"
        "claims/articles/zw.yaml: 7 paragraphs\n"
    )
    assert record(dossier_dir, "zw")["publisher"] == "Northshore Courier"


@pytest.mark.parametrize("json_ld", ["3", '"text"', "[1, null]", '{"@graph": 5}', "[" * 5000 + "]" * 5000])
def test_json_ld_that_is_not_an_object_is_passed_over(dossier_dir: Path, tmp_path: Path, json_ld: str) -> None:
    page = PAGE.read_text(encoding="utf-8")
    odd = page.replace("<head>", f'<head><script type="application/ld+json">{json_ld}</script>', 1)
    assert odd != page
    assert run(["new", "article", "odd", "--from", str(saved_copy(tmp_path, data=odd.encode("utf-8")))])[0] == 0
    assert record(dossier_dir, "odd")["publisher"] == "Northshore Courier"  # from the page's own JSON-LD


def test_a_record_that_would_fail_check_names_its_problems_in_good_english(dossier_dir: Path, tmp_path: Path) -> None:
    assert run(["new", "article", "zz", "--from", str(saved_copy(tmp_path)), "--published", "2024-02-30"]) == (
        1,
        "",
        "error: the record would not pass check; nothing written (1 problem):\n"
        '  claims/articles/zz.yaml:8:12: published: "2024-02-30" is not a date that exists\n',
    )
    assert not (dossier_dir / "articles" / "zz.yaml").exists()
