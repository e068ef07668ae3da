"""Drive Debian's Chromium with Playwright against a built site served on 127.0.0.1.

Playwright's own browser download is not reachable, so the system `chromium` is launched with
`executable_path`. Outside CI a missing browser skips the browser tests with the reason; in CI
(`CI` set, as `.ci/run` runs) it is a failure, so a broken install cannot pass silently.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"


def chromium_or_skip() -> str:
    """The path of the system Chromium; skip (or, in CI, fail) when it is not installed."""
    # Debian's package; Ubuntu's images (GitHub's runners) carry chromium-browser or Google Chrome.
    candidates = [os.environ.get("DOSSIER_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"]
    path = next((found for name in candidates if name and (found := shutil.which(name))), None)
    try:
        import playwright  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        message = "browser tests need Debian's chromium and Playwright for Python (bash .ci/run installs both)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 on a free port; yield the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """What a page did while it loaded and was used: requests, console errors, dialogs."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def watch(page: Any) -> Visit:
    """Record every request, console error, uncaught exception and dialog of a Playwright page."""
    visit = Visit()
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda msg: visit.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))

    def on_dialog(dialog: Any) -> None:
        visit.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return visit


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path relative to its root, sorted."""
    paths = []
    for html_file in sorted(site.rglob("*.html")):
        relative = html_file.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths
