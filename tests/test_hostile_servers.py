"""`new article --from URL` against broken and hostile servers (local, 127.0.0.1 only): each
failure is one `error: URL: …` line and exit 1, never a traceback, and nothing is written."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_new_article import run

from conftest import EXAMPLE
from dossier.problems import DossierError
from dossier.start import fetch as fetch_module

PAGE = (
    b"<html><head><title>T</title></head><body><article><h1>T</h1><p>"
    + b"Word " * 50
    + b"</p><p>A second paragraph, long enough to count as text.</p></article></body></html>"
)
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"


def _answer(conn: socket.socket, path: str, stop: threading.Event) -> None:
    if path == "/close":  # closes without a status line
        return
    if path == "/garbage":
        conn.sendall(b"GARBAGE\r\n\r\n")
    elif path == "/manyheaders":
        conn.sendall(b"HTTP/1.1 200 OK\r\n" + b"X: a\r\n" * 200 + b"\r\n")
    elif path == "/longheader":  # one header line over 64 KB
        conn.sendall(b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70_000 + b"\r\n\r\n")
    elif path == "/badchunk":
        conn.sendall(HEAD + b"Transfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n")
    elif path == "/truncated":  # says 100,000 bytes, sends a few hundred, hangs up
        conn.sendall(HEAD + b"Content-Length: 100000\r\n\r\n" + PAGE)
    elif path == "/drip":  # one byte a tenth of a second: each read is quick, the whole never ends
        conn.sendall(HEAD + b"\r\n")
        while not stop.wait(0.1):
            conn.sendall(b" ")
    elif path == "/driphead":  # the same, in a header line
        conn.sendall(HEAD + b"X-Slow: ")
        while not stop.wait(0.1):
            conn.sendall(b"a")


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(20)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return

            def one(conn: socket.socket = conn) -> None:
                try:
                    data = b""
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(4096)
                        if not chunk:
                            return
                        data += chunk
                    _answer(conn, data.split(b" ")[1].decode(), stop)
                except OSError:
                    pass
                finally:
                    conn.close()

            threading.Thread(target=one, daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "claims")
    return tmp_path / "claims"


BROKEN = {
    "/close": "the server closed the connection without answering",
    "/garbage": 'the server\'s answer is not HTTP (it starts "GARBAGE\\r\\n")',
    "/manyheaders": 'the server\'s answer is broken HTTP ("got more than 100 headers")',
    "/longheader": 'the server\'s answer is broken HTTP ("got more than 65536 bytes when reading header line")',
    "/badchunk": "the page was cut off after 0 bytes (the answer ended early or is badly chunked)",
    "/truncated": f"the page was cut off ({len(PAGE):,} of its 100,000 bytes arrived)",
}


@pytest.mark.parametrize("path", BROKEN)
def test_a_broken_http_answer_is_an_error_message_not_a_traceback(hostile: str, claims: Path, path: str) -> None:
    assert run(["new", "article", "x", "--from", hostile + path, "--claims", str(claims)]) == (
        1,
        "",
        f"error: {hostile}{path}: {BROKEN[path]}\n",
    )
    assert not (claims / "articles" / "x.yaml").exists()


@pytest.mark.parametrize("path", ["/drip", "/driphead"])
def test_a_server_that_trickles_bytes_is_given_up_on_at_the_deadline(hostile: str, path: str) -> None:
    # each read is quick (a byte every 0.1 s), so only the deadline for the whole request ends it
    started = time.monotonic()
    with pytest.raises(DossierError) as raised:
        fetch_module.fetch(hostile + path, deadline=0.5)
    assert str(raised.value) == f"{hostile}{path}: the page did not arrive within 0.5 seconds"
    assert time.monotonic() - started < 5


def test_new_article_gives_up_on_a_trickling_server(
    hostile: str, claims: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command's deadline is DEADLINE (30 s); run in a thread so a hang fails the test instead of stalling it."""
    monkeypatch.setattr(fetch_module, "DEADLINE", 0.5)
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(
        target=lambda: result.append(
            run(["new", "article", "x", "--from", hostile + "/drip", "--claims", str(claims)])
        ),
        daemon=True,
    )
    started = time.monotonic()
    worker.start()
    worker.join(timeout=10)
    assert result, f"still reading after {time.monotonic() - started:.0f} s, with a 0.5 s deadline"
    assert result[0] == (1, "", f"error: {hostile}/drip: the page did not arrive within 0.5 seconds\n")
    assert not (claims / "articles" / "x.yaml").exists()
