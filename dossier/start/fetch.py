"""Fetch a web page for `new article --from URL`: HTTP(S) only, bounded in time and size.

Redirects are followed (at most five, and only to http or https addresses); the answer must be
an HTML page of at most MAX_BYTES, whole (as long as its Content-Length says), read within one
deadline for the whole request (a server that trickles bytes is given up on). Every failure is a
`DossierError` that says what happened: an HTTP status such as 404, no answer in time, a broken
HTTP answer, a page cut off, not HTML or too large.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

from dossier.problems import DossierError, quote_text

MAX_BYTES = 5_000_000  # a news page with inline scripts is rarely over 2 MB
TIMEOUT = 20.0  # seconds, for connecting and for each read
DEADLINE = 30.0  # seconds for the whole request; past TIMEOUT, so a silent server gets TIMEOUT's message
CHUNK = 65_536  # bytes asked for per read; the deadline is checked between reads
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "claims-dossier/1 (new article; +https://github.com/)"


@dataclass(frozen=True)
class Page:
    body: bytes
    url: str  # after redirects
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise _not_http(req.full_url, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """One request's deadline: when it passes, every connection the request opened is shut down,
    so a read in progress ends (a server sending headers or body a byte at a time keeps each read
    quick and the whole going for ever)."""

    def __init__(self, seconds: float) -> None:
        self.passed = False
        self.connections: list[http.client.HTTPConnection] = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def expire(self) -> None:
        with self.lock:
            self.passed = True
            for connection in self.connections:
                _shut(connection)

    def watch(self, http_class: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        deadline = self

        class Watched(http_class):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                with deadline.lock:  # before connecting: a TLS handshake can trickle too
                    deadline.connections.append(self)
                super().connect()
                with deadline.lock:
                    if deadline.passed:
                        _shut(self)

        return Watched


def _shut(connection: http.client.HTTPConnection) -> None:
    """End the connection's reads and writes (the reading thread then sees the answer end)."""
    sock = connection.sock  # read once: the reading thread may close it meanwhile
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:  # already closed
            pass


class _Watched(urllib.request.AbstractHTTPHandler):
    """A handler whose connections the deadline can cut (mixed into the HTTP and HTTPS handlers)."""

    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def do_open(self, http_class: Any, req: urllib.request.Request, **http_conn_args: Any) -> http.client.HTTPResponse:
        return super().do_open(self.deadline.watch(http_class), req, **http_conn_args)


class _WatchedHttp(_Watched, urllib.request.HTTPHandler):
    pass


class _WatchedHttps(_Watched, urllib.request.HTTPSHandler):
    pass


def _not_http(url: str, target: str) -> DossierError:
    return DossierError(f"{url} redirects to {quote_text(target)}, which is not an http(s) address")


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def fetch(url: str, timeout: float | None = None, max_bytes: int | None = None, deadline: float | None = None) -> Page:
    """The page at `url`, or a DossierError saying why not.

    `timeout` bounds connecting and each read (default TIMEOUT), `deadline` the whole request
    (default DEADLINE), `max_bytes` the page (default MAX_BYTES).
    """
    timeout = TIMEOUT if timeout is None else timeout
    deadline = DEADLINE if deadline is None else deadline
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    watch = _Deadline(deadline)
    watch.timer.start()
    try:
        return _fetch(url, timeout, max_bytes, deadline, watch)
    except DossierError:
        if watch.passed:  # whatever broke, it broke because the deadline shut the connection
            raise DossierError(f"{url}: the page did not arrive within {deadline:g} seconds") from None
        raise
    finally:
        watch.timer.cancel()


def _fetch(url: str, timeout: float, max_bytes: int, deadline: float, watch: _Deadline) -> Page:
    give_up_at = time.monotonic() + deadline
    opener = urllib.request.build_opener(_Redirects(), _WatchedHttp(watch), _WatchedHttps(watch))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            kind = headers.get_content_type()
            if kind not in HTML_TYPES:
                raise DossierError(f"{url} is not an HTML page (it is {kind}); save the article's web page instead")
            stated = headers.get("Content-Length")
            length = int(stated) if stated and stated.isdigit() else None
            if length is not None and length > max_bytes:
                raise DossierError(f"{url} is too large ({length:,} bytes; at most {max_bytes:,} are read)")
            body = _read_body(url, response, max_bytes, give_up_at, deadline)
            if length is not None and len(body) < length:
                raise DossierError(f"{url}: the page was cut off ({len(body):,} of its {length:,} bytes arrived)")
            return Page(body, response.geturl(), headers.get_content_charset())
    except urllib.error.HTTPError as error:
        if error.code in (301, 302, 303, 307, 308):
            target = urljoin(url, error.headers.get("Location", ""))
            if urlsplit(target).scheme not in ("http", "https"):  # urllib refuses it before asking the handler
                raise _not_http(url, target) from None
            raise DossierError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
        raise DossierError(f"{url}: the server answered {error.code} {error.reason}") from None
    except TimeoutError:
        raise DossierError(f"{url}: no answer within {timeout:g} seconds") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise DossierError(f"{url}: no answer within {timeout:g} seconds") from None
        if isinstance(error.reason, http.client.HTTPException):  # urllib wraps some, e.g. a closed connection
            raise _broken(url, error.reason) from None
        raise DossierError(f"{url}: could not connect ({quote_text(error.reason)})") from None
    except http.client.HTTPException as error:
        raise _broken(url, error) from None
    except OSError as error:
        raise DossierError(f"{url}: the connection failed ({quote_text(error)})") from None


def _read_body(
    url: str, response: http.client.HTTPResponse, max_bytes: int, give_up_at: float, deadline: float
) -> bytes:
    """At most max_bytes + 1 bytes of the body, in bounded reads, giving up at `give_up_at`."""
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if time.monotonic() > give_up_at:
            raise DossierError(f"{url}: the page did not arrive within {deadline:g} seconds")
        part = response.read1(min(CHUNK, max_bytes + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    if size > max_bytes:
        raise DossierError(f"{url} is too large (over {max_bytes:,} bytes)")
    return b"".join(parts)


def _broken(url: str, error: http.client.HTTPException) -> DossierError:
    """A DossierError for an answer that is not HTTP as it should be (the server's words quoted)."""
    if isinstance(error, http.client.RemoteDisconnected):
        return DossierError(f"{url}: the server closed the connection without answering")
    if isinstance(error, http.client.IncompleteRead):
        return DossierError(
            f"{url}: the page was cut off after {len(error.partial):,} bytes"
            " (the answer ended early or is badly chunked)"
        )
    if isinstance(error, http.client.BadStatusLine):
        return DossierError(
            f"{url}: the server's answer is not HTTP (it starts {quote_text(error.args[0] if error.args else '')})"
        )
    detail = str(error) or type(error).__name__
    return DossierError(f"{url}: the server's answer is broken HTTP ({quote_text(detail)})")
