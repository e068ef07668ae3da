"""`links` and `archive` against HTTP servers on 127.0.0.1: exact report lines, retries, politeness,
and a YAML round trip that adds lines and changes nothing else."""

from __future__ import annotations

import datetime
import difflib
import http.server
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, apply_edits
from dossier.cli import main
from dossier.link.check import check_dossier
from dossier.upkeep import archive, linkcheck
from dossier.upkeep.urls import UrlAt


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers by path; remembers every request (method, path, time)."""

    protocol_version = "HTTP/1.1"
    seen: list[tuple[str, str, float]] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self.answer(body=False)

    def do_GET(self) -> None:  # noqa: N802
        self.answer(body=True)

    def times(self, path: str) -> int:
        return sum(1 for _, p, _ in self.seen if p == path)

    def send(self, status: int, headers: dict[str, str] | None = None, body: bool = True) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        payload = b"ok" if body else b""
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body and self.command == "GET":
            self.wfile.write(payload)

    def answer(self, body: bool) -> None:
        self.seen.append((self.command, self.path, time.monotonic()))
        path = self.path.split("?")[0]
        if path == "/ok":
            self.send(200, body=body)
        elif path == "/moved":
            self.send(301, {"Location": "/ok"}, body=False)
        elif path == "/found":
            self.send(302, {"Location": "/ok"}, body=False)
        elif path == "/gone-404":
            self.send(404, body=body)
        elif path == "/gone-410":
            self.send(410, body=body)
        elif path == "/no-head":  # refuses HEAD, answers GET
            self.send(405 if self.command == "HEAD" else 200, body=body)
        elif path == "/flaky":  # a 503 that recovers on the second try (HEAD, GET fallback, then HEAD again)
            self.send(503 if self.times(path) <= 2 else 200, body=body)
        elif path == "/busy":
            first = self.times(path) <= 2
            self.send(429 if first else 200, {"Retry-After": "1"} if first else {}, body=body)
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, body=body)
        elif path == "/to-no-port":  # a redirect to an address with an impossible port
            self.send(302, {"Location": "http://127.0.0.1:99999/x"}, body=False)
        else:
            self.send(500, body=body)


@pytest.fixture
def server() -> Iterator[str]:
    Recorder.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(args, out=out, err=out)
    return code, out.getvalue()


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short waits: the second try after a 503 or a timeout, and between captures."""
    monkeypatch.setattr(linkcheck, "RETRY_WAIT", 0.2)
    monkeypatch.setattr(linkcheck, "HOST_INTERVAL", 0.0)
    monkeypatch.setattr(archive, "INTERVAL", 0.0)


def point_urls_at(claims: Path, base: str, dead_port: int) -> None:
    """Every URL of the example dossier aimed at one answer of the local server (or a closed port)."""
    apply_edits(
        claims,
        {
            "articles/ferry-story.yaml": [("url: https://example.org/news/ferries", f"url: {base}/ok")],
            "sources/council-minutes.yaml": [
                ("url: https://example.org/council/minutes-2024-03-04", f"url: {base}/moved")
            ],
            "sources/operator-timetable.yaml": [
                ("url: https://example.org/operator/timetable", f"url: {base}/gone-404"),
                ("archive_url: https://archive.example.org/operator/timetable", f"archive_url: {base}/found"),
            ],
            "sources/wire-story-copy.yaml": [
                ("url: https://example.org/aggregator/harbourville-ferries", f"url: {base}/gone-410")
            ],
            "dossier.yaml": [
                ("  url: https://factdesk.example.org/", f"  url: {base}/flaky"),
                ("  url: https://creativecommons.org/licenses/by/4.0/", f"  url: http://127.0.0.1:{dead_port}/"),
                ("    role: Editor\n", f"    role: Editor\n    url: {base}/busy\n"),
                ("    role: Researcher\n", f"    role: Researcher\n    url: {base}/slow\n"),
            ],
            "entities/harbourville-council.yaml": [("url: https://example.org/council", f"url: {base}/no-head")],
            "articles/harbour-fees.yaml": [("url: https://example.org/courier/harbour-fees", f"url: {base}/ok?fees")],
            "sources/budget-papers.yaml": [
                ("url: https://example.org/council/budget-2024-25", f"url: {base}/ok?budget")
            ],
        },
    )
    # The tests ask nothing beyond this machine: every address must now be a local one.
    assert [p.url for p in linkcheck_places(claims) if not p.url.startswith("http://127.0.0.1:")] == []


def test_links_reports_exactly_the_dead_links_and_exits_1(
    dossier_dir: Path, server: str, quick: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead_port = closed_port()
    point_urls_at(dossier_dir, server, dead_port)
    code, out = run(["links", "--timeout", "0.5"])
    assert out.splitlines() == [
        f"claims/dossier.yaml:17:10: warning: {server}/slow: unreachable: no answer within 0.5 seconds twice",
        f"claims/dossier.yaml:28:8: http://127.0.0.1:{dead_port}/: dead link: connection refused",
        f"claims/sources/council-minutes.yaml:5:6: hint: {server}/moved: moved permanently to {server}/ok; "
        "put the new address in the record",
        f"claims/sources/operator-timetable.yaml:5:6: {server}/gone-404: dead link: not found (404)",
        f"claims/sources/wire-story-copy.yaml:5:6: {server}/gone-410: dead link: gone (410)",
        "links: 12 URLs asked; 3 dead, 1 unreachable or refusing, 1 moved permanently",
    ]
    assert code == 1


def test_links_retries_a_503_and_honours_retry_after(dossier_dir: Path, server: str, quick: None) -> None:
    point_urls_at(dossier_dir, server, closed_port())
    run(["links", "--timeout", "0.5"])
    asked = {path: [(m, t) for m, p, t in Recorder.seen if p == path] for path in ("/flaky", "/busy", "/no-head")}
    # HEAD gets the error, GET confirms it, and after the wait one more HEAD finds the page back.
    assert [m for m, _ in asked["/flaky"]] == ["HEAD", "GET", "HEAD"]
    assert [m for m, _ in asked["/busy"]] == ["HEAD", "GET", "HEAD"]
    assert asked["/busy"][2][1] - asked["/busy"][1][1] >= 1.0  # Retry-After: 1
    assert [m for m, _ in asked["/no-head"]] == ["HEAD", "GET"]


def test_links_asks_one_host_one_request_at_a_time_spaced_out(
    dossier_dir: Path, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(linkcheck, "HOST_INTERVAL", 0.2)
    for name in ("council-minutes", "wire-story-copy"):
        apply_edits(dossier_dir, {f"sources/{name}.yaml": [("url: https://example.org/", f"url: {server}/ok?")]})
    places = [p for p in linkcheck_places(dossier_dir) if p.url.startswith(server)]
    assert linkcheck.check_urls(places, 2.0, interval=0.2) == []
    starts = sorted(t for _, _, t in Recorder.seen)
    assert len(starts) == 2 and starts[1] - starts[0] >= 0.2


def linkcheck_places(claims: Path) -> list:  # type: ignore[type-arg]
    from dossier.link.check import check_dossier
    from dossier.upkeep.urls import dossier_urls

    dossier, _, problems = check_dossier("claims")  # as the command line names it, from the working folder
    assert problems == []
    return dossier_urls(dossier)


def test_an_unknown_host_is_dead_without_asking_the_network(dossier_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(host: str, *args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    outcome = linkcheck.probe("https://no-such-host.invalid/page", 1.0, linkcheck.HostGate(0.0))
    assert outcome == linkcheck.Outcome("error", "dead link: no such host (DNS lookup failed)")


def test_links_in_github_format_annotates_each_finding_then_lists_them(
    dossier_dir: Path, server: str, quick: None
) -> None:
    dead_port = closed_port()
    point_urls_at(dossier_dir, server, dead_port)
    code, out = run(["links", "--timeout", "0.5", "--format", "github"])
    lines = out.splitlines()
    assert code == 1
    assert lines[:5] == [
        f"::warning file=claims/dossier.yaml,line=17,col=10::{server}/slow: unreachable: no answer within 0.5 seconds twice",
        f"::error file=claims/dossier.yaml,line=28,col=8::http://127.0.0.1:{dead_port}/: dead link: connection refused",
        f"::notice file=claims/sources/council-minutes.yaml,line=5,col=6::{server}/moved: moved permanently to "
        f"{server}/ok; put the new address in the record",
        f"::error file=claims/sources/operator-timetable.yaml,line=5,col=6::{server}/gone-404: dead link: not found (404)",
        f"::error file=claims/sources/wire-story-copy.yaml,line=5,col=6::{server}/gone-410: dead link: gone (410)",
    ]
    assert lines[5:] == run(["links", "--timeout", "0.5"])[1].splitlines()


def test_links_refuses_invalid_records(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"roads-better.yaml": [("kind: opinion", "kind: opinon")]})
    code, out = run(["links"])
    assert code == 1
    assert out.splitlines()[-1] == "1 problem in the records; fix them (see `check`) first"


def test_links_refuses_a_url_with_an_impossible_port_at_its_place(dossier_dir: Path, quick: None) -> None:
    apply_edits(
        dossier_dir,
        {
            "sources/budget-papers.yaml": [
                ("url: https://example.org/council/budget-2024-25", "url: http://127.0.0.1:99999/b")
            ]
        },
    )
    assert run(["links", "--timeout", "1"]) == (
        1,
        'claims/sources/budget-papers.yaml:5:6: url: the port in "http://127.0.0.1:99999/b" is not a number from 1 to 65535\n'
        "1 problem in the records; fix them (see `check`) first\n",
    )


def test_asking_a_url_with_an_impossible_port_is_a_finding_not_a_crash(server: str, quick: None) -> None:
    places = [
        UrlAt("claims/sources/a.yaml", 5, 6, "http://127.0.0.1:99999/b"),
        UrlAt("claims/sources/b.yaml", 5, 6, f"{server}/to-no-port"),
    ]
    assert [str(f) for f in linkcheck.check_urls(places, timeout=1)] == [
        'claims/sources/a.yaml:5:6: http://127.0.0.1:99999/b: not a valid address: the port in "http://127.0.0.1:99999/b" '
        "is not a number from 1 to 65535",
        f'claims/sources/b.yaml:5:6: warning: {server}/to-no-port: unreachable: an address that cannot be asked ("Port out of range 0-65535")',
    ]


# --- archive ------------------------------------------------------------------------------------


class SavePageNow(http.server.BaseHTTPRequestHandler):
    """A stand-in for web.archive.org/save: a capture per URL, refused for one."""

    saved: list[str] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        target = self.path.removeprefix("/save/")
        self.saved.append(target)
        if "refuse" in target:
            self.send_response(200)
            self.send_header("X-Archive-Wayback-Runtime-Error", "RobotAccessControlException: Blocked By Robots")
        else:
            self.send_response(200)
            self.send_header("Content-Location", f"/web/20261130101500/{target}")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def spn() -> Iterator[str]:
    SavePageNow.saved = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SavePageNow)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def snapshot(claims: Path) -> dict[str, str]:
    return {p.relative_to(claims).as_posix(): p.read_text(encoding="utf-8") for p in sorted(claims.rglob("*.yaml"))}


def test_archive_without_write_asks_but_rewrites_nothing(dossier_dir: Path, spn: str, quick: None) -> None:
    before = snapshot(dossier_dir)
    code, out = run(["archive", "--endpoint", spn])
    assert code == 0
    assert out.splitlines() == [
        "claims/sources/budget-papers.yaml:5:6: https://example.org/council/budget-2024-25: captured at "
        f"{spn}/web/20261130101500/https://example.org/council/budget-2024-25",
        "claims/sources/council-minutes.yaml:5:6: https://example.org/council/minutes-2024-03-04: captured at "
        f"{spn}/web/20261130101500/https://example.org/council/minutes-2024-03-04",
        "claims/sources/wire-story-copy.yaml:5:6: https://example.org/aggregator/harbourville-ferries: captured at "
        f"{spn}/web/20261130101500/https://example.org/aggregator/harbourville-ferries",
        "archive: 3 captures of 3 sources without an archived copy; not written: run with --write to add them",
    ]
    assert SavePageNow.saved == [
        "https://example.org/council/budget-2024-25",
        "https://example.org/council/minutes-2024-03-04",
        "https://example.org/aggregator/harbourville-ferries",
    ]
    assert snapshot(dossier_dir) == before


def test_archive_write_adds_one_line_and_keeps_every_other_byte(dossier_dir: Path, spn: str, quick: None) -> None:
    minutes = dossier_dir / "sources" / "council-minutes.yaml"
    minutes.write_text(
        minutes.read_text(encoding="utf-8").replace(
            "kind: official", "kind: official  # the council's own record\n# a closing comment"
        ),
        encoding="utf-8",
    )
    before = snapshot(dossier_dir)
    code, out = run(["archive", "--write", "--endpoint", spn])
    assert code == 0, out
    after = snapshot(dossier_dir)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"sources/budget-papers.yaml", "sources/council-minutes.yaml", "sources/wire-story-copy.yaml"}
    capture = f"{spn}/web/20261130101500/https://example.org/council/minutes-2024-03-04"
    added = [
        line
        for line in difflib.ndiff(
            before["sources/council-minutes.yaml"].splitlines(), after["sources/council-minutes.yaml"].splitlines()
        )
        if line[:1] in "+-"
    ]
    assert added == [f"+ archive_url: {capture}"]  # accessed stays the editor's: a capture is not a reading
    lines = after["sources/wire-story-copy.yaml"].splitlines()
    assert lines[lines.index("url: https://example.org/aggregator/harbourville-ferries") + 1 :][:2] == [
        f"archive_url: {spn}/web/20261130101500/https://example.org/aggregator/harbourville-ferries",
        "published: 2024-03-03",
    ]
    assert [d for d in difflib.ndiff(before["sources/wire-story-copy.yaml"].splitlines(), lines) if d[:1] in "+-"] == [
        f"+ archive_url: {spn}/web/20261130101500/https://example.org/aggregator/harbourville-ferries",
    ]
    assert run(["check"])[0] == 0
    assert run(["archive", "--endpoint", spn]) == (
        0,
        "archive: 0 captures of 0 sources without an archived copy; not written: run with --write to add them\n",
    )


def test_archive_reports_a_refused_capture_and_exits_1(dossier_dir: Path, spn: str, quick: None) -> None:
    apply_edits(
        dossier_dir,
        {
            "sources/wire-story-copy.yaml": [
                ("url: https://example.org/aggregator/", "url: https://example.org/refuse/")
            ]
        },
    )
    code, out = run(["archive", "--write", "--endpoint", spn])
    assert code == 1
    assert (
        "claims/sources/wire-story-copy.yaml:5:6: https://example.org/refuse/harbourville-ferries: warning: not archived: "
        "Save Page Now refused: RobotAccessControlException: Blocked By Robots"
    ) in out.splitlines()
    assert "archive_url" not in (dossier_dir / "sources" / "wire-story-copy.yaml").read_text(encoding="utf-8")


def test_the_round_trip_adds_lines_to_every_real_source_and_changes_none() -> None:
    capture = archive.Capture(
        "https://web.archive.org/web/20261130101500/https://example.org/", datetime.date(2026, 11, 30)
    )
    for path in sorted((ROOT / "claims" / "sources").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "\narchive_url:" in text:
            continue
        diff = [
            line
            for line in difflib.ndiff(text.splitlines(), archive.add_capture(text, capture).splitlines())
            if line[:1] in "+-?"
        ]
        assert [line for line in diff if not line.startswith("+ ")] == [], path.name
        assert diff[0] == f"+ archive_url: {capture.archive_url}", path.name


class OddArchive(http.server.BaseHTTPRequestHandler):
    """Save Page Now answering with the one header `answer` holds."""

    answer: tuple[str, str] = ("Content-Location", "/web/20261130101500/x")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header(*self.answer)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def odd_spn() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OddArchive)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


MINUTES = "claims/sources/council-minutes.yaml:5:6: https://example.org/council/minutes-2024-03-04"


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (
            ("Content-Location", "/web/20269999999999/https://example.org/"),
            "Save Page Now gave a capture dated 20269999999999, a time that does not exist",
        ),
        (
            ("Content-Location", '/web/20261130101500/x" \x1b[31m #c'),
            'Save Page Now gave an address a record cannot hold: "{spn}/web/20261130101500/x\\" \\u001b[31m #c"',
        ),
        (
            ("Link", '<javascript:alert(1)//web/20261130101500/>; rel="memento"'),
            'Save Page Now gave an address a record cannot hold: "javascript:alert(1)//web/20261130101500/"',
        ),
        (
            ("Link", '<https://elsewhere.example/web/20261130101500/x>; rel="memento"'),
            'Save Page Now gave an address outside {spn}: "https://elsewhere.example/web/20261130101500/x"',
        ),
        (
            ("Content-Location", "@elsewhere.example/web/20261130101500/x"),
            'Save Page Now gave an address outside {spn}: "{spn}@elsewhere.example/web/20261130101500/x"',
        ),
        (
            ("Content-Location", "/web/2026113010150/x"),
            'Save Page Now gave an address that is not a capture: "{spn}/web/2026113010150/x"',
        ),
    ],
)
def test_archive_takes_only_a_capture_address_check_would_accept(
    dossier_dir: Path, odd_spn: str, quick: None, answer: tuple[str, str], message: str
) -> None:
    OddArchive.answer = answer
    before = snapshot(dossier_dir)
    code, out = run(["archive", "--write", "--endpoint", odd_spn])
    assert code == 1
    assert f"{MINUTES}: warning: not archived: {message.format(spn=odd_spn)}" in out.splitlines(), out
    assert out.splitlines()[-1] == "archive: 0 captures of 3 sources without an archived copy; added to the records"
    assert snapshot(dossier_dir) == before
    assert check_dossier(str(dossier_dir))[2] == []


def test_archive_write_keeps_a_crlf_file_and_its_document_markers(dossier_dir: Path, odd_spn: str, quick: None) -> None:
    OddArchive.answer = ("Content-Location", "/web/20261130101500/https://example.org/council/minutes-2024-03-04")
    minutes = dossier_dir / "sources" / "council-minutes.yaml"
    lines = minutes.read_text(encoding="utf-8").splitlines()
    minutes.write_bytes(("---\r\n" + "\r\n".join(lines) + "\r\n...\r\n").encode("utf-8"))
    before = minutes.read_bytes()
    assert run(["archive", "--write", "--endpoint", odd_spn])[0] == 0
    added = f"archive_url: {odd_spn}/web/20261130101500/https://example.org/council/minutes-2024-03-04\r\n".encode()
    url_line = b"url: https://example.org/council/minutes-2024-03-04\r\n"
    assert minutes.read_bytes() == before.replace(url_line, url_line + added)


CAPTURE = archive.Capture(
    "https://web.archive.org/web/20261130101500/https://example.org/", datetime.date(2026, 11, 30)
)


def test_write_capture_replaces_the_record_whole_or_leaves_it_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "x.yaml"
    text = "id: x\ntitle: T\nurl: https://example.org/\npublisher: P\naccessed: 2024-03-05\nkind: official\n"
    record.write_text(text, encoding="utf-8")
    record.chmod(0o640)

    def full_disk(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(archive.os, "replace", full_disk)
        with pytest.raises(OSError):
            archive.write_capture(record, CAPTURE)
    assert record.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]  # the spare file is gone

    archive.write_capture(record, CAPTURE)
    assert record.read_text(encoding="utf-8") == text.replace("org/\n", f"org/\n{ADDED}\n", 1)
    assert record.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_write_capture_through_a_symlink_adds_the_line_to_the_record_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "x.yaml"
    real.parent.mkdir()
    text = "id: x\ntitle: T\nurl: https://example.org/\npublisher: P\naccessed: 2024-03-05\nkind: official\n"
    real.write_text(text, encoding="utf-8")
    link = tmp_path / "sources" / "x.yaml"
    link.parent.mkdir()
    link.symlink_to(real)
    archive.write_capture(link, CAPTURE)
    assert link.is_symlink()  # red-team: the rename once put a plain file in the link's place
    assert real.read_text(encoding="utf-8") == text.replace("org/\n", f"org/\n{ADDED}\n", 1)


REST = "publisher: P\npublished: 2024-03-04\naccessed: 2024-03-05\nkind: official\n"
ADDED = f"archive_url: {CAPTURE.archive_url}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # spacing, a folded block with its own indentation, comments, blank lines
            f"id:   x   # the id\ntitle: >-\n      Folded\n      over lines\n\n# gap\nurl:    https://example.org/  # here\n{REST}",
            "id:   x   # the id\ntitle: >-\n      Folded\n      over lines\n\n# gap\nurl:    https://example.org/  # here\n"
            f"{ADDED}\n{REST}",
        ),
        (  # the url last, without a line end; a byte-order mark
            f"\ufeffid: x\ntitle: T\n{REST}url: https://example.org/",
            f"\ufeffid: x\ntitle: T\n{REST}url: https://example.org/\n{ADDED}\n",
        ),
        (  # an indented top-level mapping, the url written on the next line
            "  id: x\n  title: T\n  url:\n    https://example.org/\n  kind: official\n",
            f"  id: x\n  title: T\n  url:\n    https://example.org/\n  {ADDED}\n  kind: official\n",
        ),
    ],
)
def test_add_capture_changes_only_the_one_added_line(text: str, expected: str) -> None:
    if text.startswith("  "):  # the rest of the record, indented like the rest
        rest = "".join("  " + line + "\n" for line in REST.splitlines() if line != "kind: official")
        text, expected = text + rest, expected + rest
    assert archive.add_capture(text, CAPTURE) == expected


def test_add_capture_refuses_a_record_it_cannot_add_one_line_to() -> None:
    flow = "{id: x, title: T, publisher: P, url: https://example.org/, published: 2024-03-04, accessed: 2024-03-05, kind: official}\n"
    with pytest.raises(archive.ArchiveError) as raised:
        archive.add_capture(flow, CAPTURE)
    assert str(raised.value) == (
        "the line archive_url cannot be added without changing others (is the record in flow style?); add it by hand"
    )


def test_archive_write_reports_a_source_it_cannot_add_the_line_to(dossier_dir: Path, spn: str, quick: None) -> None:
    minutes = dossier_dir / "sources" / "council-minutes.yaml"
    flow = "{" + ", ".join(minutes.read_text(encoding="utf-8").splitlines()[1:]) + "}\n"
    minutes.write_text(flow, encoding="utf-8")
    assert check_dossier(str(dossier_dir))[2] == []
    code, out = run(["archive", "--write", "--endpoint", spn])
    assert code == 1
    column = flow.index("https://example.org/council/minutes") + 1
    assert (
        f"claims/sources/council-minutes.yaml:1:{column}: https://example.org/council/minutes-2024-03-04: warning: captured at "
        f"{spn}/web/20261130101500/https://example.org/council/minutes-2024-03-04, not written: the line archive_url "
        "cannot be added without changing others (is the record in flow style?); add it by hand"
    ) in out.splitlines(), out
    assert minutes.read_text(encoding="utf-8") == flow
