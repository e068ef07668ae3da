"""Escaping helpers: the only way record text reaches a page.

Record text is data. `md_text` turns every character that Markdown, its extensions (attribute
lists, tables, snippets) or HTML could act on into a numeric character reference, so it renders
as written in Markdown paragraphs, table cells, link labels and raw HTML alike.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# ASCII punctuation that Python-Markdown or an extension may treat as syntax. Quotes become
# entities too, so the same text is safe inside an HTML attribute. Letters, digits, spaces and
# , ; ? / are left alone: they are inert in every context we emit.
_ACTIVE = set("\\`*_{}[]()#+-.!|<>&~^=:$%@")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
_REFERENCES = {c: f"&#{ord(c)};" for c in _ACTIVE} | {'"': "&quot;", "'": "&#39;"}
# One regular-expression pass: several times faster than str.translate with a dict on long text.
_ACTIVE_CHAR = re.compile("[" + re.escape("".join(sorted(_REFERENCES))) + "]")


def _reference(match: re.Match[str]) -> str:
    return _REFERENCES[match.group()]


def md_text(text: str) -> str:
    """Inline text, shown exactly as written; line breaks and tabs become spaces."""
    return _LINE_BREAKS.sub(" ", _ACTIVE_CHAR.sub(_reference, text))


def md_paragraphs(text: str) -> str:
    """Multi-line text as Markdown paragraphs: a blank line starts a new paragraph."""
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "\n\n".join(md_text(p.strip()) for p in paragraphs)


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: no `|` or line break can end the cell."""
    return md_text(text.strip()) or " "


def html_attr(value: str) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(value, quote=True)


def external_link(label: str, url: str) -> str:
    """An inline link to an outside page; only http(s) URLs become links, anything else stays text."""
    if not url.startswith(("http://", "https://")):
        return md_text(label)
    return f'<a href="{html_attr(url)}" rel="noopener">{md_text(label)}</a>'


def safe_title(text: str) -> str:
    """A page title for front matter: themes unescape titles, so no character may form markup."""
    one_line = " ".join(text.split())
    return one_line.replace("&", "＆").replace("<", "‹").replace(">", "›")


def front_matter(values: dict[str, Any]) -> str:
    """A YAML front matter block; JSON values are valid YAML and quote everything."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def json_for_script(data: Any) -> str:
    """JSON for a <script> element: no `<`, `>` or `&` can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
