"""`new article ID --from FILE|URL`: an article record from a saved page, a URL or a text file.

The page's body paragraphs and metadata come from `extract`; options given on the command line
(`--title`, `--publisher`, `--url`, `--published`, `--author`, `--retrieved`) fill in or
replace what the page says. The record is written with every string double-quoted (so any
text reads back exactly), checked with the same per-file rules as `check` before it is written,
and never written over an existing file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from dossier.problems import DossierError, plural, quote_text
from dossier.read.fields import text_problem
from dossier.read.records import parse_record_bytes
from dossier.read.spec import FOLDERS, Ref
from dossier.start.extract import Extracted, from_html, from_plain_text
from dossier.start.fetch import fetch, is_url
from dossier.start.yaml_text import quoted

METADATA = ("title", "publisher", "url", "published", "author", "retrieved")
REQUIRED = ("title", "publisher", "url")


@dataclass(frozen=True)
class Started:
    path: Path
    paragraphs: int
    notes: tuple[str, ...]  # what the contributor should know: removed characters, what came from where


def start_article(
    claims_dir: str,
    article_id: str,
    source: str,
    given: dict[str, str | None],
    today: datetime.date | None = None,
) -> Started:
    """Extract, check and write the new article record."""
    problem = text_problem(article_id, Ref("article"))
    if problem is not None:
        raise DossierError(f"{article_id!r} cannot be an id: {problem}")
    root = Path(claims_dir)
    if not root.is_dir():
        raise DossierError(f"claims folder {claims_dir!r} not found (give another with --claims DIR)")
    relative = Path(FOLDERS["article"]) / f"{article_id}.yaml"
    path = root / relative
    if path.exists():
        raise DossierError(f"{path} already exists; edit it, or choose another id")
    today = today or datetime.date.today()
    extracted, retrieved = _extract(source, today)
    values = {
        "title": extracted.title,
        "publisher": extracted.publisher,
        "url": extracted.url,
        "published": extracted.published,
        "author": extracted.author,
        "retrieved": retrieved,
    } | {name: value for name, value in given.items() if value is not None}
    missing = [name for name in REQUIRED if not values.get(name)]
    if missing:
        options = " ".join(f"--{name} {name.upper()}" for name in missing)
        raise DossierError(f"the page does not say its {_listed(missing)}; give {options}")
    text = record_text(article_id, source, values, extracted.paragraphs)
    record, problems = parse_record_bytes("article", path, text.encode("utf-8"), str(path), str(relative))
    if record is None or problems:
        raise DossierError(
            f"the record would not pass check; nothing written ({plural(len(problems), 'problem')}):",
            [str(p) for p in problems],
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise DossierError(f"{path} already exists; edit it, or choose another id") from None
    notes = [f"removed {plural(n, 'invisible ' + name + ' character')}" for name, n in extracted.removed.items()]
    return Started(path, len(extracted.paragraphs), tuple(notes))


def _extract(source: str, today: datetime.date) -> tuple[Extracted, str]:
    """The extracted article and the date its text was taken (today for a URL, the file's date for a file)."""
    if is_url(source):
        page = fetch(source)
        html: bytes | str = page.body
        if page.charset:
            try:
                html = page.body.decode(page.charset)
            except (LookupError, UnicodeDecodeError):
                html = page.body  # let the extractor read the page's own <meta charset>
        extracted = from_html(html, page.url)
        extracted.url = extracted.url or page.url
        return extracted, today.isoformat()
    file = Path(source)
    if not file.is_file():
        raise DossierError(f"{source}: no such file (give a saved page, a text file or an http(s) URL)")
    data = file.read_bytes()
    saved = datetime.date.fromtimestamp(file.stat().st_mtime)
    retrieved = min(saved, today).isoformat()
    if _looks_like_html(file, data):
        return from_html(data), retrieved
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DossierError(f"{source}: not UTF-8 text (byte {error.start + 1}); save it as UTF-8") from None
    return from_plain_text(text), retrieved


def _looks_like_html(file: Path, data: bytes) -> bool:
    if file.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def record_text(article_id: str, source: str, values: dict[str, str | None], paragraphs: list[str]) -> str:
    """The record as YAML: every string double-quoted, one paragraph a line."""
    lines = [
        "# yaml-language-server: $schema=../../schema/article.schema.json",
        f"# Started with: build_claims.py new article {article_id} --from {_comment_safe(source)}",
        "# Read the paragraphs against the page: each must be the article's words, exactly.",
        f"id: {article_id}",
    ]
    lines += [f"{name}: {quoted(str(values[name]))}" for name in METADATA if values.get(name)]
    lines.append("paragraphs:")
    lines += [f"  - {quoted(p)}" for p in paragraphs]
    return "\n".join(lines) + "\n"


def _comment_safe(source: str) -> str:
    """The source for a comment line: one line, printable (a file name can hold anything)."""
    shown = quote_text(source, 200)
    return shown[1:-1] if shown[1:-1] == source else shown


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
