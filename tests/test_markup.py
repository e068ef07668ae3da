"""The escaping helpers, on the strings that break naive renderers."""

from __future__ import annotations

import json

import pytest

from dossier.markup import external_link, json_for_script, md_cell, md_paragraphs, md_text, safe_title

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


@pytest.mark.parametrize(
    "label, url, expected",
    [
        (
            "site",
            "https://example.org/a?b=1&c=2",
            '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener">site</a>',
        ),
        (
            "x",
            'https://example.org/"onmouseover="y',
            '<a href="https://example.org/&quot;onmouseover=&quot;y" rel="noopener">x</a>',
        ),
        ("bad", "javascript:alert(1)", "bad"),
        ("bad", "data:text/html,hi", "bad"),
    ],
)
def test_external_link_only_links_http(label: str, url: str, expected: str) -> None:
    assert external_link(label, url) == expected


def test_safe_title_has_no_markup_characters() -> None:
    assert safe_title("</title><b>A & B</b>\nnext") == "‹/title›‹b›A ＆ B‹/b› next"


def test_json_for_script_cannot_close_the_element() -> None:
    data = {"claim": "</script><!-- & -->"}
    text = json_for_script(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
