"""The escaping helpers, on the strings that break naive renderers."""

from __future__ import annotations

import html
import json
from urllib.parse import unquote

import pytest
import yaml

from dossier.markup import (
    external_link,
    front_matter,
    front_matter_error,
    json_for_script,
    md_cell,
    md_paragraphs,
    md_text,
    safe_href,
    safe_title,
)

MD_TEXT = [
    ("plain words, digits 123; fine?", "plain words, digits 123; fine?"),
    ("# not a heading", "&#35; not a heading"),
    ("1. not a list", "1&#46; not a list"),
    ("- not a bullet", "&#45; not a bullet"),
    ("> not a quote", "&#62; not a quote"),
    ("a | b", "a &#124; b"),
    ("*em* _em_ `code`", "&#42;em&#42; &#95;em&#95; &#96;code&#96;"),
    ("[x](javascript:y)", "&#91;x&#93;&#40;javascript&#58;y&#41;"),
    ("{: .cls #id }", "&#123;&#58; &#46;cls &#35;id &#125;"),
    ('<script>alert("x")</script>', "&#60;script&#62;alert&#40;&quot;x&quot;&#41;&#60;/script&#62;"),
    ("&amp; stays literal", "&#38;amp; stays literal"),
    ("--8<-- 'file'", "&#45;&#45;8&#60;&#45;&#45; &#39;file&#39;"),
    ("{{ config }} {% x %}", "&#123;&#123; config &#125;&#125; &#123;&#37; x &#37;&#125;"),
    ("line one\nline two\ttab", "line one line two tab"),
    ("    four spaces would be code", "&#32;&#32;&#32;&#32;four spaces would be code"),
    ("\tx", "&#32;x"),
    ("curly “quotes” and – dashes stay", "curly “quotes” and – dashes stay"),
]


@pytest.mark.parametrize("text, expected", MD_TEXT)
def test_md_text(text: str, expected: str) -> None:
    assert md_text(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("one\ntwo", "one two"),
        ("first\n\nsecond", "first\n\nsecond"),
        ("    indented would be code", "indented would be code"),
        ("\n\n\nblank lines only around\n\n\n", "blank lines only around"),
    ],
)
def test_md_paragraphs(text: str, expected: str) -> None:
    assert md_paragraphs(text) == expected


@pytest.mark.parametrize("text, expected", [("a|b\nc", "a&#124;b c"), ("", " "), ("  padded  ", "padded")])
def test_md_cell(text: str, expected: str) -> None:
    assert md_cell(text) == expected


PAYLOAD_URL = "https://capacitymedia.com/articles/3825224/[a](autofocus/onfocus=alert(document.domain)//)"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a?b=1&c=2", "https&#58;//example&#46;org/a?b&#61;1&#38;c&#61;2"),
        (
            PAYLOAD_URL,
            "https&#58;//capacitymedia&#46;com/articles/3825224/&#91;a&#93;&#40;autofocus/onfocus&#61;"
            "alert&#40;document&#46;domain&#41;//&#41;",
        ),
        ('https://example.org/"onmouseover="y', "https&#58;//example&#46;org/&#37;22onmouseover&#61;&#37;22y"),
        (
            "https://example.org/<b>{x}|`y`",
            "https&#58;//example&#46;org/&#37;3Cb&#37;3E&#37;7Bx&#37;7D&#37;7C&#37;60y&#37;60",
        ),
        ("https://example.org/caf%C3%A9 ok", None),  # whitespace: not a well-formed URL
        ("https://example.org/café", "https&#58;//example&#46;org/caf&#37;C3&#37;A9"),
        ("HTTPS://example.org/", "HTTPS&#58;//example&#46;org/"),
        ("https://trusted.example@evil.example/", None),
        ("https://example.org/\x7f", None),
        ("https://example.org/\u202e", None),
        ("https://[::1", None),
        ("https:///no-host", None),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("//example.org/", None),
    ],
)
def test_safe_href(url: str, expected: str | None) -> None:
    assert safe_href(url) == expected


@pytest.mark.parametrize("url", [PAYLOAD_URL, "https://example.org/a?b=1&c=2#f", 'https://example.org/"x"'])
def test_safe_href_decodes_to_the_same_address(url: str) -> None:
    href = safe_href(url)
    assert href is not None and not set("[]()<>\"'`*_{}") & set(href)
    assert unquote(html.unescape(href)) == unquote(url)


@pytest.mark.parametrize(
    "label, url, expected",
    [
        ("site", "https://example.org/", '<a href="https&#58;//example&#46;org/" rel="noopener">site</a>'),
        ("[x](y)", "javascript:alert(1)", "&#91;x&#93;&#40;y&#41;"),
        ("bad", "data:text/html,hi", "bad"),
    ],
)
def test_external_link_only_links_well_formed_http(label: str, url: str, expected: str) -> None:
    assert external_link(label, url) == expected


def test_safe_title_has_no_markup_characters() -> None:
    assert safe_title("</title><b>A & B</b>\nnext") == "‹/title›‹b›A ＆ B‹/b› next"


@pytest.mark.parametrize(
    "hidden", ["\x7f", "\x85", "\x00", "\x1b[2J", "\ufffe", "\uffff", "\u202e", "\u200b", "\ud800"]
)
def test_front_matter_stays_valid_with_any_character(hidden: str) -> None:
    title = f"[x](https://evil.example/){{: onmouseover=alert(1) }}{hidden}"
    page = front_matter({"title": title, "tags": [hidden]}) + "# body\n"
    assert page.isascii()
    assert front_matter_error(page) is None
    assert yaml.safe_load(page.split("---\n")[1]) == {"title": title, "tags": [hidden]}


def test_safe_title_makes_invisible_characters_visible() -> None:
    # NEL (U+0085) is a line break, so it becomes a space like any other.
    assert safe_title("a\x7fb\x85c\u202ed\u200be\ufffe") == "a\ufffdb c\ufffdd\ufffde\ufffd"


@pytest.mark.parametrize(
    "page, expected",
    [
        ("# no front matter\n", None),
        ('---\ntitle: "ok"\n---\n\nbody', None),
        ("---\ntitle: a\x7f\n---\n\nbody", "the front matter is not valid YAML"),
        ("---\ntitle: [\n---\n\nbody", "the front matter is not valid YAML"),
        ("---\n- a list\n---\n\nbody", "the front matter is not a mapping"),
        ("---\ntitle: x\n", "the front matter block is not closed"),
    ],
)
def test_front_matter_error(page: str, expected: str | None) -> None:
    error = front_matter_error(page)
    assert (error if error is None else error.split(" (", 1)[0]) == expected


def test_json_for_script_cannot_close_the_element() -> None:
    data = {"claim": "</script><!-- & -->"}
    text = json_for_script(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
