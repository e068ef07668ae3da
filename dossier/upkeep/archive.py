"""`archive`: ask the Internet Archive's Save Page Now to capture each source with no archived copy,
and (with `--write`) add the capture's address and date to the source's YAML.

Save Page Now is asked the way its clients savepagenow and waybackpy ask it (a GET of
`<endpoint>/save/<url>`; the capture's path comes back in `Content-Location`, or as the
`memento` in the `Link` header). Both clients hard-code web.archive.org, so neither lets the
tests point them at a server on 127.0.0.1; this module keeps their protocol, on requests, with
the endpoint a parameter.

A capture's address is taken only when it is one check accepts, on the endpoint's own host,
with a date that exists. `--write` adds one line, `archive_url: …`, after the source's `url:`
line, with that line's indentation and line ending; every other byte stays as written (comments,
spacing, CRLF, `---`/`...`). The result is read back: when it is not the same record plus that
one field (say the record is written in flow style), nothing is written and the source is reported.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests
from yaml.nodes import MappingNode, ScalarNode

from dossier.problems import quote_text
from dossier.read.characters import IN_LINE, search_forbidden
from dossier.read.fields import text_problem
from dossier.read.records import record_values
from dossier.read.spec import Url
from dossier.read.yaml_tree import compose_record

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
    return _capture(address, base)


def _capture(address: str, base: str) -> Capture:
    """The capture at `address`, when it is an address check accepts, on the endpoint's host, dated."""
    shown = quote_text(address, 200)
    if search_forbidden(IN_LINE, address) is not None or text_problem(address, Url()) is not None:
        raise ArchiveError(f"Save Page Now gave an address a record cannot hold: {shown}")
    where, expected = urlsplit(address), urlsplit(base)
    if (where.scheme, where.netloc.lower()) != (expected.scheme, expected.netloc.lower()):
        raise ArchiveError(f"Save Page Now gave an address outside {base}: {shown}")
    stamp = _MEMENTO_PATH.search(where.path)
    if stamp is None:
        raise ArchiveError(f"Save Page Now gave an address that is not a capture: {shown}")
    try:
        captured = datetime.datetime.strptime(stamp.group(1), "%Y%m%d%H%M%S").date()
    except ValueError:
        raise ArchiveError(f"Save Page Now gave a capture dated {stamp.group(1)}, a time that does not exist") from None
    return Capture(address, captured)


def add_capture(text: str, capture: Capture, shown: str = "the source") -> str:
    """A source file's text with the line `archive_url: …` added after its `url:`; nothing else changes.

    `accessed` stays as the editor wrote it: a capture shows the page answered, not that anyone
    read it again (and `archive` runs only on records that pass `check`, which requires it).
    An ArchiveError when the line cannot be added so (the record then stays as it is)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    before, _ = record_values("source", body.encode("utf-8"), shown)
    root, _ = compose_record(body.encode("utf-8"), quick=False)
    if before is None or not isinstance(root, MappingNode):
        raise ArchiveError("the record does not pass check")
    if "archive_url" in before:
        raise ArchiveError("the record already has an archive_url")
    url = next((pair for pair in root.value if isinstance(pair[0], ScalarNode) and pair[0].value == "url"), None)
    if url is None:
        raise ArchiveError("the record has no url to add it after")
    key, value = url
    parts = body.split("\n")  # lines as YAML counts them (a lone CR would be one more: refused below)
    lines = [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    end = value.end_mark
    at = end.line if end.column == 0 and end.line > value.start_mark.line else end.line + 1
    if "\r" in body.replace("\r\n", "") or at > len(lines) or key.start_mark.line >= at:
        raise _cannot()
    previous = lines[at - 1]
    newline = "\r\n" if previous.endswith("\r\n") or (not previous.endswith("\n") and "\r\n" in body) else "\n"
    if not previous.endswith("\n"):  # the url line is the file's last, with no line end
        lines[at - 1] = previous + newline
    lines.insert(at, f"{' ' * key.start_mark.column}archive_url: {capture.archive_url}{newline}")
    result = "".join(lines)
    after, _ = record_values("source", result.encode("utf-8"), shown)
    if after != {**before, "archive_url": capture.archive_url}:
        raise _cannot()
    return bom + result


def _cannot() -> ArchiveError:
    return ArchiveError(
        "the line archive_url cannot be added without changing others (is the record in flow style?); add it by hand"
    )


def write_capture(path: Path, capture: Capture, shown: str = "the source") -> None:
    """Add the capture's line to the source file (the `--write` flag asked for it), every other byte kept."""
    path = Path(os.path.realpath(path))  # a symlinked record: the file it points to gets the line
    text = path.read_bytes().decode("utf-8")
    data = add_capture(text, capture, shown).encode("utf-8")
    # Whole or not at all: the new text goes to a file beside it, which then takes the record's
    # place, so a crash or a full disk mid-write never leaves a contributor's record cut short.
    spare = path.with_name(f".{path.name}.archive-{os.getpid()}")
    try:
        with open(spare, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(path, spare)
        os.replace(spare, path)
    finally:
        spare.unlink(missing_ok=True)


def pause() -> None:
    time.sleep(INTERVAL)
