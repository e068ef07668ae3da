"""Read a built site's HTML the way the tests need it: links, ids, scripts and visible text."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Page:
    links: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (href, attributes)
    ids: set[str] = field(default_factory=set)
    scripts: list[dict[str, str]] = field(default_factory=list)  # attributes plus "text"
    stylesheets: list[str] = field(default_factory=list)
    text: str = ""
    title: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._script: dict[str, str] | None = None
        self._in_title = False
        self._chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.page.links.append((attributes["href"], attributes))
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.page.stylesheets.append(attributes.get("href", ""))
        if tag == "script":
            self._script = attributes | {"text": ""}
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.page.scripts.append(self._script)
            self._script = None
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script["text"] += data
        elif self._in_title:
            self.page.title += data
        else:
            self._chunks.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join("".join(self._chunks).split())


def read_page(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def page_file(site: Path, url_path: str) -> Path:
    """The HTML file serving a site-relative URL path such as `claims/x/`."""
    target = site / unquote(url_path)
    return target / "index.html" if url_path.endswith("/") or target.is_dir() else target


def resolve(site: Path, from_file: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        return from_file, parts.fragment
    base = "/" if parts.path.startswith("/") else posixpath.dirname(from_file.relative_to(site).as_posix())
    joined = posixpath.normpath(posixpath.join(base, parts.path)).lstrip("/")
    if not joined:  # the site's root, as "/" (Zensical's 404 page links home that way)
        return page_file(site, ""), parts.fragment
    return page_file(site, joined + ("/" if parts.path.endswith("/") else "")), parts.fragment
