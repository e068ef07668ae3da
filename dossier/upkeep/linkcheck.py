"""`links`: ask every URL in the dossier whether it still answers, politely and in parallel.

Each distinct URL is asked once, with HEAD (and again with GET when HEAD gets an error: many
servers refuse or mishandle HEAD), following redirects. A 5xx answer, a 429 (after the wait its
Retry-After asks for) and a timeout are tried once more. At most `WORKERS` requests run at
once, and only one at a time per host, `HOST_INTERVAL` seconds apart.

What comes back, per place a URL is written: dead (404, 410, connection refused, no such host)
is an error; no answer in time, or any other failure, is a warning ("unreachable"); a permanent
redirect is a hint to update the record.
"""

from __future__ import annotations

import email.utils
import socket
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import requests

from dossier.problems import quote_text
from dossier.read.fields import url_port_problem
from dossier.upkeep.urls import UrlAt

WORKERS = 8  # requests under way at once, across hosts
HOST_INTERVAL = 1.0  # seconds between two requests to the same host
RETRY_WAIT = 2.0  # seconds before the second try after a 5xx answer or a timeout
MAX_RETRY_AFTER = 60.0  # the longest Retry-After we wait for; past it, the link is reported as busy
USER_AGENT = "claims-dossier-link-check/1 (a fact-check's weekly look at its sources)"
DEAD_STATUSES = {404: "not found", 410: "gone"}

Severity = Literal["error", "warning", "hint"]


@dataclass(frozen=True)
class Outcome:
    """What asking one URL found: `severity` None when it answered fine."""

    severity: Severity | None
    message: str = ""


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    col: int
    url: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        marker = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.col}: {marker}{self.url}: {self.message}"


class HostGate:
    """One request at a time per host, at least `interval` seconds apart."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.locks: dict[str, threading.Lock] = {}
        self.last: dict[str, float] = {}
        self.guard = threading.Lock()

    def lock_for(self, host: str) -> threading.Lock:
        with self.guard:
            return self.locks.setdefault(host, threading.Lock())

    def wait_turn(self, host: str) -> None:
        """Call holding the host's lock: sleep until the host's interval has passed."""
        gap = self.last.get(host, float("-inf")) + self.interval - time.monotonic()
        if gap > 0:
            time.sleep(gap)

    def done(self, host: str) -> None:
        self.last[host] = time.monotonic()


def check_urls(places: Iterable[UrlAt], timeout: float, interval: float | None = None) -> list[Finding]:
    """Ask each distinct URL once; a finding at every place that writes a URL that did not answer well."""
    places = list(places)
    distinct = sorted({p.url for p in places})
    gate = HostGate(HOST_INTERVAL if interval is None else interval)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        outcomes = dict(zip(distinct, pool.map(lambda url: probe(url, timeout, gate), distinct), strict=True))
    return sorted(
        Finding(p.path, p.line, p.col, p.url, outcome.severity, outcome.message)
        for p in places
        if (outcome := outcomes[p.url]).severity is not None
    )


def probe(url: str, timeout: float, gate: HostGate) -> Outcome:
    """Ask one URL, and once more after a 5xx, a 429 or a timeout."""
    problem = url_port_problem(url)  # check refuses it too; this keeps `probe` safe on its own
    if problem is not None:
        return Outcome("error", f"not a valid address: {problem}")
    parts = urlsplit(url)
    host = f"{parts.hostname}:{parts.port}"  # one queue per server, so a slow site holds up no other
    with requests.Session() as session:
        session.headers["User-Agent"] = USER_AGENT
        first = _ask_politely(session, url, timeout, gate, host)
        wait = _retry_wait(first)
        if wait is None:
            return _judge(first, timeout)
        if wait > MAX_RETRY_AFTER:
            return Outcome("warning", f"busy: asked to wait {wait:g} seconds; try again later")
        time.sleep(wait)
        return _judge(_ask_politely(session, url, timeout, gate, host), timeout, again=True)


Answer = requests.Response | Exception


def _ask_politely(session: requests.Session, url: str, timeout: float, gate: HostGate, host: str) -> Answer:
    with gate.lock_for(host):
        gate.wait_turn(host)
        try:
            return _ask(session, url, timeout)
        except (requests.RequestException, ValueError) as error:  # ValueError: e.g. a redirect to a bad address
            return error
        finally:
            gate.done(host)


def _ask(session: requests.Session, url: str, timeout: float) -> requests.Response:
    response = session.head(url, allow_redirects=True, timeout=timeout)
    if response.status_code >= 400:  # many servers refuse or mishandle HEAD: ask as a browser would
        response.close()
        response = session.get(url, allow_redirects=True, timeout=timeout, stream=True)
    response.close()  # the status is all we need, not the body
    return response


def _retry_wait(answer: Answer) -> float | None:
    """Seconds to wait before asking again, or None when the answer is final."""
    if isinstance(answer, requests.Timeout):
        return RETRY_WAIT
    if not isinstance(answer, requests.Response):
        return None
    if answer.status_code == 429:
        return _retry_after(answer.headers.get("Retry-After"))
    return RETRY_WAIT if answer.status_code >= 500 else None


def _retry_after(value: str | None) -> float:
    """Retry-After as seconds: a number of seconds, or an HTTP date."""
    if value is None:
        return RETRY_WAIT
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return RETRY_WAIT
    return max(0.0, when.timestamp() - time.time())


def _judge(answer: Answer, timeout: float, again: bool = False) -> Outcome:
    tried = " twice" if again else ""
    if isinstance(answer, requests.Timeout):
        return Outcome("warning", f"unreachable: no answer within {timeout:g} seconds{tried}")
    if isinstance(answer, Exception):
        return _judge_failure(answer)
    status = answer.status_code
    if status in DEAD_STATUSES:
        return Outcome("error", f"dead link: {DEAD_STATUSES[status]} ({status})")
    if status >= 400:
        return Outcome("warning", f"answered {status}{tried}; open it in a browser to see whether it still holds")
    if any(r.status_code in (301, 308) for r in answer.history):
        return Outcome("hint", f"moved permanently to {answer.url}; put the new address in the record")
    return Outcome(None)


def _judge_failure(error: Exception) -> Outcome:
    """Refused connections and unknown hosts are dead; anything else (TLS, resets) is unreachable."""
    if isinstance(error, ValueError):  # requests' InvalidURL, or a redirect to an address it cannot parse
        return Outcome("warning", f"unreachable: an address that cannot be asked ({quote_text(error)})")
    causes = list(_causes(error))
    if any(isinstance(c, socket.gaierror) or type(c).__name__ == "NameResolutionError" for c in causes):
        return Outcome("error", "dead link: no such host (DNS lookup failed)")
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return Outcome("error", "dead link: connection refused")
    reason = type(causes[-1]).__name__ if causes else type(error).__name__
    return Outcome("warning", f"unreachable: {reason}")


def _causes(error: BaseException) -> Iterable[BaseException]:
    """The exception and every exception it wraps (urllib3 keeps the socket error as `reason`)."""
    seen: set[int] = set()
    stack: list[BaseException] = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for linked in (current.__cause__, current.__context__, getattr(current, "reason", None), *current.args):
            if isinstance(linked, BaseException):
                stack.append(linked)


def summary(checked: int, findings: list[Finding]) -> str:
    """The closing line: how many URLs were asked and what was found."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "hint")}
    words = {"error": "dead", "warning": "unreachable or refusing", "hint": "moved permanently"}
    found = ", ".join(f"{n} {words[s]}" for s, n in counts.items() if n) or "all answered"
    return f"links: {checked} URLs asked; {found}"
