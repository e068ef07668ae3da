"""Time `mkdocs serve` from saving one claim file to its changed pages being served.

Starts the server the README's way on a dossier, waits for the first build, rewrites one
claim's text, and polls the claim page, its article page and the claims index page that lists
it until each shows the new text. Only talks to 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVE_OPTIONS = ["--dirty"]  # as in the README's serve command


@dataclass(frozen=True)
class EditTimes:
    first_build: float  # server start to the home page being served
    claim_page: float  # save to the claim page showing the change (the fastest of the saves)
    all_pages: float  # save to the claim, article and index pages all showing it (the fastest)
    every_save: tuple[float, ...] = ()  # all_pages for each save in turn


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(claims: Path, options: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    """`mkdocs serve` on `claims` at a free port of 127.0.0.1; the process and its base URL."""
    port = free_port()
    env = os.environ | {"DOSSIER_CLAIMS": str(claims), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    return server, f"http://127.0.0.1:{port}/"


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, deadline: float) -> float:
    """Poll until the page holds `text`; the moment it did."""
    while time.perf_counter() < deadline:
        if text in fetch(url):
            return time.perf_counter()
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


def measure(
    claims: Path, claim_id: str, article_id: str, index_url: str, timeout: float = 1800, saves: int = 3
) -> EditTimes:
    """Serve `claims`, edit `claims/<claim_id>.yaml` `saves` times, and time the pages catching up.

    The fastest save is reported (as `timeit` reports the fastest run): on a shared machine,
    other work only ever adds time, and one save can land on the watcher's next poll or its last.
    """
    server, base = start_server(claims, SERVE_OPTIONS)
    try:
        start = time.perf_counter()
        first = wait_for(base, "Claims dossier", start + timeout) - start
        path = claims / f"{claim_id}.yaml"
        original = path.read_text(encoding="utf-8")
        claim_times, all_times = [], []
        for _ in range(saves):
            marker = f"Edited {time.time_ns()}"
            edited = "\n".join(
                f'claim: "{marker}: {line[7:].strip().strip(chr(34))}"' if line.startswith("claim: ") else line
                for line in original.splitlines()
            )
            time.sleep(1.1)  # a new modification time, even on file systems with one-second resolution
            saved = time.perf_counter()
            path.write_text(edited + "\n", encoding="utf-8")
            deadline = saved + timeout
            claim = wait_for(f"{base}claims/{claim_id}/", marker, deadline)
            article = wait_for(f"{base}articles/{article_id}/", marker, deadline)
            listing = wait_for(f"{base}{index_url}", marker, deadline)
            claim_times.append(claim - saved)
            all_times.append(max(claim, article, listing) - saved)
        return EditTimes(first, min(claim_times), min(all_times), tuple(all_times))
    finally:
        stop_server(server)
