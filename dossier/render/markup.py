"""Escaping helpers: the only way record text reaches a page.

Record text is data. `md_text` turns every character that Markdown, its extensions (attribute
lists, tables, snippets) or HTML could act on into a numeric character reference, so it renders
as written in Markdown paragraphs, table cells, link labels and raw HTML alike.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import yaml

# ASCII punctuation that Python-Markdown or an extension may treat as syntax. Quotes become
# entities too, so the same text is safe inside an HTML attribute. Letters, digits, spaces and
# , ; ? / are left alone: they are inert in every context we emit.
_ACTIVE = set("\\`*_{}[]()#+-.!|<>&~^=:$%@")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
_INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn")
# RFC 3986's unreserved and reserved characters, and "%" so existing escapes stay as they are.
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"
_REFERENCES = {c: f"&#{ord(c)};" for c in _ACTIVE} | {'"': "&quot;", "'": "&#39;"}
# One regular-expression pass: several times faster than str.translate with a dict on long text.
_ACTIVE_CHAR = re.compile("[" + re.escape("".join(sorted(_REFERENCES))) + "]")


def _reference(match: re.Match[str]) -> str:
    return _REFERENCES[match.group()]


def md_text(text: str) -> str:
    """Inline text, shown exactly as written; line breaks and tabs become spaces.

    Leading spaces become references too: text that starts a line with four spaces would
    otherwise be read as a code block.
    """
    # Names, titles and claims recur on many pages (about three calls in four at 10,000 claims);
    # long text (conclusions, notes) seldom does, and would only fill the cache.
    return _md_text_cached(text) if len(text) <= _CACHED_LENGTH else _md_text(text)


def _md_text(text: str) -> str:
    inline = _LINE_BREAKS.sub(" ", _ACTIVE_CHAR.sub(_reference, text))
    body = inline.lstrip(" ")
    return "&#32;" * (len(inline) - len(body)) + body


_CACHED_LENGTH = 160
_md_text_cached = functools.lru_cache(maxsize=1 << 15)(_md_text)


# Chinese in record text (a source's title or quote): Han characters (the basic plane's blocks and
# the extensions beyond it, e.g. Cantonese 𨋢 in Extension B), CJK punctuation and full-width ASCII
# forms. A run of them, with digits, spaces and escaped punctuation between, gets lang="zh" so a
# screen reader reads it as Chinese and the browser picks a Chinese font. Kana or Hangul in the
# text (in any of their forms: half-width katakana and Hangul, Hangul jamo and compatibility jamo)
# mean Japanese or Korean: then nothing is tagged (the records say no language, and a wrong tag is
# worse than none).
_HAN = (
    "\u3000-\u303f"  # CJK symbols and punctuation
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Extension A, unified, compatibility ideographs
    "\uff00-\uff60\uffe0-\uffef"  # full-width ASCII and punctuation (not the half-width kana/Hangul between)
    "\U00020000-\U0002a6df\U0002a700-\U0002ee5f"  # Extensions B to F, and I
    "\U0002f800-\U0002fa1f"  # compatibility ideographs supplement
    "\U00030000-\U000323af"  # Extensions G and H
)
_HAN_RUN = re.compile(f"[{_HAN}](?:(?:[{_HAN}0-9 ,;?/]|&#[0-9]+;|&quot;)*[{_HAN}])?")
_NOT_CHINESE = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff"  # kana, katakana phonetic extensions
    "\uff65-\uff9f"  # half-width katakana (and its middle dot)
    "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"  # Hangul jamo, compatibility jamo, extensions
    "\uac00-\ud7af\uffa0-\uffdc]"  # Hangul syllables, half-width Hangul
)


def md_text_lang(text: str) -> str:
    """`md_text`, with each run of Chinese marked `<span lang="zh">…</span>`, for text shown in a
    paragraph, a list item, a table cell or a link label (not in an attribute or a heading).

    The text is escaped first, so the only markup in the result is the spans added here: a run
    holds characters the escaping leaves alone (Han, digits, spaces, `,;?/`) and its references.
    """
    escaped = md_text(text)
    if _NOT_CHINESE.search(text) or not _HAN_RUN.search(escaped):
        return escaped
    return _HAN_RUN.sub(lambda m: f'<span lang="zh">{m.group()}</span>', escaped)


def md_paragraphs(text: str) -> str:
    """Multi-line text as Markdown paragraphs: a blank line starts a new paragraph."""
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "\n\n".join(md_text(p.strip()) for p in paragraphs)


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: no `|` or line break can end the cell."""
    return md_text(text.strip()) or " "


@functools.lru_cache(maxsize=1 << 14)  # each source's address is linked from every claim citing it
def safe_href(url: str) -> str | None:
    """An http(s) URL made inert for an `href` inside Markdown, or None if it is not well formed.

    Characters a URL may not hold are percent-encoded (existing `%XX` escapes are kept), then
    every remaining character Markdown or HTML could act on becomes a character reference:
    `[x](…)`, quotes or `<` inside the URL cannot open a link or close the attribute, and the
    browser still decodes the references back to the same address.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced "[" read as an IPv6 host
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or "@" in parts.netloc:
        return None  # no credentials: "https://trusted.example@evil.example" reads as a trusted host
    plain = url.isascii() and url.isprintable() and " " not in url  # the usual case, without a look at each character
    if not plain and any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Cs", "Cn") for c in url):
        return None
    encoded = quote(url, safe=_URL_SAFE)
    return _ACTIVE_CHAR.sub(_reference, encoded)


def external_link(label: str, url: str) -> str:
    """An inline link to an outside page; only well-formed http(s) URLs become links, anything else stays text."""
    href = safe_href(url)
    if href is None:
        return md_text(label)
    return f'<a href="{href}" rel="noopener">{md_text(label)}</a>'


def share_link(label: str, base: str, params: dict[str, str]) -> str:
    """A plain link that hands text to another site or to the mail program (no script of theirs runs here).

    `base` is ours (an https address, or `mailto:`); every parameter value is percent-encoded
    whole, so record text in it is inert in the URL, and the result passes the same gate as
    any other link.
    """
    query = urlencode(params, quote_via=quote, safe="")
    href = base + "?" + query
    if not href.startswith("mailto:"):
        return external_link(label, href)
    return f'<a href="{_ACTIVE_CHAR.sub(_reference, href)}">{md_text(label)}</a>'


def safe_title(text: str) -> str:
    """A page title for front matter: themes unescape titles, so no character may form markup.

    Control, format and unassigned characters (which the checker refuses anyway) become U+FFFD,
    so a title can never carry an invisible instruction into the theme's navigation.
    """
    one_line = " ".join(text.split())
    # isprintable() is False for every character of the _INVISIBLE categories (and for odd spaces).
    visible = one_line if one_line.isprintable() else "".join(_visible(c) for c in one_line)
    return visible.replace("&", "＆").replace("<", "‹").replace(">", "›")


def _visible(char: str) -> str:
    return "\ufffd" if unicodedata.category(char) in _INVISIBLE else char


def front_matter(values: dict[str, Any]) -> str:
    """A YAML front matter block of JSON values, ASCII only.

    JSON is valid YAML, and `\\uXXXX` escapes keep every character out of the raw stream: a
    DEL, a C1 control or U+FFFE written raw would make MkDocs' front-matter reader reject the
    block silently and render it as page text, where Markdown would act on it.
    """
    lines = [f"{key}: {_yaml_escape(json.dumps(value, ensure_ascii=False))}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _yaml_escape(text: str) -> str:
    """Every character outside printable ASCII as a YAML escape: `\\u00e9`, or `\\U0001f6a2` above U+FFFF.

    JSON's own `\\ud83d\\udea2` surrogate pairs are not valid YAML escapes for libyaml, which
    MkDocs reads front matter with, so characters beyond U+FFFF get the eight-digit form.
    """
    if text.isascii() and text.isprintable():  # printable ASCII is exactly " " to "~"
        return text
    return "".join(c if " " <= c <= "~" else _yaml_escape_one(c) for c in text)


def _yaml_escape_one(char: str) -> str:
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the reader MkDocs itself uses
# Lines of `key: value`, each value a JSON string, number, true, false, null or list of those,
# in printable ASCII with only the escapes libyaml reads: no `\ud800`-`\udfff` (JSON's surrogate
# halves, which libyaml refuses) and `\U` only for U+10000 to U+10FFFF. Blocks of this shape skip
# the parse (a third of render time at 10,000 claims); anything else is judged by libyaml itself.
_JSON_STRING = (
    r'"(?:[ !#-\[\]-~]|\\(?:["\\/bfnrt]|u(?![dD][89a-fA-F])[0-9a-fA-F]{4}|U00(?:0[1-9a-fA-F]|10)[0-9a-fA-F]{4}))*"'
)
_JSON_ATOM = rf"(?:{_JSON_STRING}|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null)"
_PLAIN_FRONT_MATTER = re.compile(rf"(?:[a-z_]+: (?:{_JSON_ATOM}|\[(?:{_JSON_ATOM}(?:, {_JSON_ATOM})*)?\])\n)+")
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # as MkDocs reads it


def front_matter_error(page: str) -> str | None:
    """Why a Markdown page's front matter would not be read as front matter, or None if it would be."""
    if not page.startswith("---"):
        return None
    match = _FRONT_MATTER.match(page)
    if match is None:
        return "the front matter block is not closed"
    if _PLAIN_FRONT_MATTER.fullmatch(match.group(1)):
        return None  # the shape `front_matter` writes, which libyaml always reads: proven without a parse
    try:
        data = yaml.load(match.group(1), Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        return f"the front matter is not valid YAML ({ascii(str(error).splitlines()[0])})"
    return None if isinstance(data, dict) else "the front matter is not a mapping"


def json_for_script(data: Any) -> str:
    """JSON for a <script> element: no `<`, `>` or `&` can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
