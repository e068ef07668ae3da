"""`archive`: ask the Internet Archive's Save Page Now to capture each source with no archived copy,
and (with `--write`) add the capture's address and date to the source's YAML.

Save Page Now is asked the way its clients savepagenow and waybackpy ask it (a GET of
`<endpoint>/save/<url>`; the capture's path comes back in `Content-Location`, or as the
`memento` in the `Link` header). Both clients hard-code web.archive.org, so neither lets the
tests point them at a server on 127.0.0.1; this module keeps their protocol, on requests, with
the endpoint a parameter. The YAML is rewritten by ruamel.yaml's round-trip mode, so comments,
key order and quoting stay as the editor wrote them: only the new lines are added.
"""

from __future__ import annotations

import datetime
import io
import re
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ENDPOINT = "https://web.archive.org"
INTERVAL = 5.0  # seconds between two captures: Save Page Now limits anonymous captures per minute
USER_AGENT = "claims-dossier-archive/1 (a fact-check archiving the pages it cites)"
_MEMENTO_PATH = re.compile(r"/web/(\d{14})/")


class ArchiveError(Exception):
    """Save Page Now did not give a capture."""


@dataclass(frozen=True)
class Capture:
    archive_url: str
    captured: datetime.date  # from the capture's timestamp


def save_page_now(url: str, endpoint: str = ENDPOINT, timeout: float = 120.0) -> Capture:
    """Ask Save Page Now to capture `url`; the capture's address and day."""
    base = endpoint.rstrip("/")
    try:
        response = requests.get(f"{base}/save/{url}", headers={"User-Agent": USER_AGENT}, timeout=timeout)
    except requests.RequestException as error:
        raise ArchiveError(f"could not reach Save Page Now ({type(error).__name__})") from error
    with response:
        refused = response.headers.get("X-Archive-Wayback-Runtime-Error")
        if refused:
            raise ArchiveError(f"Save Page Now refused: {refused}")
        if response.status_code >= 400:
            raise ArchiveError(f"Save Page Now answered {response.status_code}")
        location = response.headers.get("Content-Location")
        address = f"{base}{location}" if location else response.links.get("memento", {}).get("url")
    if not address:
        raise ArchiveError("Save Page Now gave no capture address")
    stamp = _MEMENTO_PATH.search(address)
    if stamp is None:
        raise ArchiveError(f"Save Page Now gave an address that is not a capture: {address}")
    return Capture(address, datetime.datetime.strptime(stamp.group(1), "%Y%m%d%H%M%S").date())


def add_capture(text: str, capture: Capture) -> str:
    """A source file's text with `archive_url` added after `url`; nothing else changes.

    `accessed` stays as the editor wrote it: a capture shows the page answered, not that anyone
    read it again (and `archive` runs only on records that pass `check`, which requires it)."""
    from ruamel.yaml import YAML  # here: only `archive --write` needs it

    yaml = YAML()  # round-trip: comments, key order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a long line the editor wrote on one
    yaml.indent(mapping=2, sequence=4, offset=2)
    record = yaml.load(text)
    keys = list(record)
    position = keys.index("url") + 1 if "url" in keys else len(keys)
    record.insert(position, "archive_url", capture.archive_url)
    out = io.StringIO()
    yaml.dump(record, out)
    return out.getvalue()


def write_capture(path: Path, capture: Capture) -> None:
    """Rewrite the source file with the capture added (the `--write` flag asked for it)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(add_capture(text, capture), encoding="utf-8", newline="\n")


def pause() -> None:
    time.sleep(INTERVAL)
