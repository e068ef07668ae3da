"""An article's text and metadata from a web page (trafilatura) or a plain-text file.

The body is what trafilatura's main-content extraction keeps (it drops cookie banners,
navigation, bylines, captions, ads, asides, newsletter boxes, related links and footers), as
paragraphs in page order, words verbatim (curly quotes and dashes kept; runs of white space
become one space). Headings are left out, always: the headline is the record's title, and
subheadings are signposts, not claims. Anything the page shows before its headline (a kicker
such as "Transport") is left out too; the standfirst under the headline is kept as the first
paragraph, since it is the publisher's own words. Lines that only point elsewhere ("Read
more: …", "Advertisement") are dropped if the extractor let one through.

Metadata comes from the page's JSON-LD, meta tags and <time> elements, through trafilatura
and htmldate (only the page's markup is searched for the date, never its running text), and
the canonical address from <link rel="canonical">.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from dossier.problems import DossierError
from dossier.read.characters import IN_LINE

_SPACE = re.compile(r"\s+")
# "Read more: …", "Related: …", "Advertisement": lines that point elsewhere, never article text.
_POINTERS = re.compile(
    r"^(?:(?:read more|read next|related(?: stories| articles| content)?|see also|more on this story)\s*[:›»|–—-]"
    r"|advertisement\.?$)",
    re.I,
)


@dataclass
class Extracted:
    paragraphs: list[str]
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    removed: dict[str, int] = field(default_factory=dict)  # invisible characters taken out, by name


def clean(text: str, removed: dict[str, int]) -> str:
    """One line of text: white space runs made one space, invisible and control characters removed."""

    def drop(match: re.Match[str]) -> str:
        name = f"U+{ord(match.group()):04X}"
        removed[name] = removed.get(name, 0) + 1
        return ""

    # spaces made one before and after: "a \u200b b" is "a b", not "a  b"
    return _SPACE.sub(" ", IN_LINE.sub(drop, _SPACE.sub(" ", text))).strip()


def from_plain_text(text: str) -> Extracted:
    """Paragraphs separated by blank lines; a paragraph's own line breaks become spaces."""
    removed: dict[str, int] = {}
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = [p for p in (clean(b, removed) for b in blocks) if p]
    if not paragraphs:
        raise DossierError("no article text found: the file holds no paragraphs")
    return Extracted(paragraphs, removed=removed)


def from_html(html: bytes | str, page_url: str | None = None) -> Extracted:
    """The body paragraphs and metadata of a news page."""
    import trafilatura  # only here: `check` must run with what pre-commit installs (PyYAML, pysbd)

    document: Any = trafilatura.bare_extraction(
        html,
        url=page_url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        include_links=False,
        date_extraction_params={"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"},
    )
    body = getattr(document, "body", None)
    if document is None or body is None:
        raise DossierError("no article text found on the page")
    removed: dict[str, int] = {}
    title = clean(document.title, removed) if document.title else None
    paragraphs = _body_paragraphs(body, title, removed)
    if not paragraphs:
        raise DossierError("no article text found on the page")
    tree = _parse(html)
    return Extracted(
        paragraphs,
        title=title,
        publisher=_publisher(tree, removed) or (clean(document.sitename, removed) if document.sitename else None),
        author=clean(document.author, removed) if document.author else None,
        published=document.date or None,
        url=_canonical(tree) or document.url or page_url,
        removed=removed,
    )


def _body_paragraphs(body: Any, title: str | None, removed: dict[str, int]) -> list[str]:
    elements = list(body)
    headline = next(
        (
            i
            for i, e in enumerate(elements)
            if e.tag == "head" and (e.get("rend") == "h1" or _text(e, removed) == title)
        ),
        None,
    )
    if headline is not None:
        elements = elements[headline + 1 :]
    paragraphs = []
    for element in elements:
        if element.tag == "head":
            continue
        items = [i for i in element.iter("item")] if element.tag == "list" else [element]
        for item in items:
            text = _text(item, removed)
            if text and not _POINTERS.match(text):
                paragraphs.append(text)
    return paragraphs


def _text(element: Any, removed: dict[str, int]) -> str:
    return clean("".join(element.itertext()), removed)


def _parse(html: bytes | str) -> Any:
    import lxml.html  # type: ignore[import-untyped]

    try:
        return lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001  (an unparseable page simply has no canonical link)
        return None


def _canonical(tree: Any) -> str | None:
    if tree is None:
        return None
    for link in tree.iterfind(".//link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href", "").startswith("http"):
            return str(link.get("href")).strip()
    return None


def _publisher(tree: Any, removed: dict[str, int]) -> str | None:
    """The publisher's name from the page's JSON-LD (NewsArticle.publisher.name), when given, cleaned
    like the title (invisible characters removed and counted in `removed`)."""
    if tree is None:
        return None
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # not JSON, or nested too deep to read
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items if isinstance(items, list) else [items]:
            publisher = item.get("publisher") if isinstance(item, dict) else None
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                name = clean(publisher["name"], removed)
                if name:
                    return name
    return None
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            publisher = item.get("publisher") if isinstance(item, dict) else None
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
                return _SPACE.sub(" ", publisher["name"]).strip()
    return None
