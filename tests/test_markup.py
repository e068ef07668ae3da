"""The escaping helpers, on the strings that break naive renderers."""

from __future__ import annotations

import html
import json
import random
from urllib.parse import unquote

import pytest
import yaml

from dossier.render.markup import (
    _PLAIN_FRONT_MATTER,
    external_link,
    front_matter,
    front_matter_error,
    json_for_script,
    md_cell,
    md_paragraphs,
    md_text,
    md_text_lang,
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
    "hidden", ["\x7f", "\x85", "\x00", "\x1b[2J", "\ufffe", "\uffff", "\u202e", "\u200b", "🚢", "𝐀", "\U000e0041"]
)
def test_front_matter_stays_valid_with_any_character(hidden: str) -> None:
    title = f"[x](https://evil.example/){{: onmouseover=alert(1) }}{hidden}"
    page = front_matter({"title": title, "tags": [hidden]}) + "# body\n"
    assert page.isascii()
    assert front_matter_error(page) is None
    # MkDocs reads front matter with libyaml, which refuses JSON's surrogate pairs for 🚢.
    assert yaml.load(page.split("---\n")[1], Loader=yaml.CSafeLoader) == {"title": title, "tags": [hidden]}


# Every kind of character the writer must escape: controls, DEL, C1, separators, surrogate
# halves, noncharacters, astral ones, the last code point, and plain ASCII around them.
_HARD = [0, 0x1F, 0x7F, 0x85, 0xA0, 0xE9, 0x2028, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFFFE, 0x1F6A2, 0xE0041, 0x10FFFF]
_POOL = [chr(c) for c in (*range(0x20, 0x7F), *_HARD)]


@pytest.mark.parametrize("seed", range(4))
def test_front_matter_proven_without_a_parse_is_what_libyaml_reads(seed: int) -> None:
    """`front_matter_error` skips libyaml for blocks of a shape libyaml always reads; hold it to that."""
    rng = random.Random(seed)
    shapes = {True: 0, False: 0}
    for _ in range(400):
        text = "".join(rng.choice(_POOL) for _ in range(rng.randint(0, 10)))
        values = {"title": text, "tags": [text, "x"], "count": rng.randint(-3, 3), "flag": None}
        block = front_matter(values).split("---\n")[1]
        proven = _PLAIN_FRONT_MATTER.fullmatch(block) is not None
        shapes[proven] += 1
        if proven:
            assert yaml.load(block, Loader=yaml.CSafeLoader) == values
        else:  # only the surrogate halves fall outside the shape, and libyaml refuses those
            assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
            with pytest.raises(yaml.YAMLError):
                yaml.load(block, Loader=yaml.CSafeLoader)
    assert shapes[True] > 100 and shapes[False] > 10


@pytest.mark.parametrize(
    "block",
    ['title: "\\ud83d\\udea2"\n', 'title: "\\U00110000"\n', "title: plain\n", 'title: "a\x7f"\n', '- "a"\n'],
)
def test_front_matter_outside_the_proven_shape_goes_to_libyaml(block: str) -> None:
    assert _PLAIN_FRONT_MATTER.fullmatch(block) is None


def test_a_lone_surrogate_in_front_matter_is_reported() -> None:
    assert front_matter_error(front_matter({"title": "a\ud800"})) is not None


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
        ('---\ntitle: "\\ud83d\\udea2"\n---\n\nbody', "the front matter is not valid YAML"),
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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("白皮书显示,直接投资超10万亿。", '<span lang="zh">白皮书显示,直接投资超10万亿。</span>'),
        (
            "Digital China Holdings Ltd (神州數碼) CEO",
            'Digital China Holdings Ltd &#40;<span lang="zh">神州數碼</span>&#41; CEO',
        ),
        # Escaped punctuation between Han characters stays inside the run; Latin letters end it.
        ("李克強:加強 (Li)", '<span lang="zh">李克強&#58;加強</span> &#40;Li&#41;'),
        ("持有DCG 21.76%总股权", '<span lang="zh">持有</span>DCG 21&#46;76&#37;<span lang="zh">总股权</span>'),
        # Markup stays text: the only tags are the spans.
        ("<b>中文</b>", '&#60;b&#62;<span lang="zh">中文</span>&#60;/b&#62;'),
        # Japanese (kana) or Korean (Hangul) is not Chinese: nothing is tagged rather than mistagged.
        ("東京タワー", "東京タワー"),
        ("서울 市", "서울 市"),
        # ... in every form they are written in: half-width katakana, half-width Hangul, Hangul
        # compatibility jamo, Hangul jamo.
        ("ﾄｳｷｮｳ", "ﾄｳｷｮｳ"),
        ("ｶﾀｶﾅ 東京", "ｶﾀｶﾅ 東京"),
        ("ﾡﾢ 市", "ﾡﾢ 市"),
        ("ㅋㅋ 中", "ㅋㅋ 中"),
        ("\u1112\u1161\u11ab 韓", "\u1112\u1161\u11ab 韓"),
        # Full-width ASCII and punctuation stay Chinese-compatible.
        ("中文（ＡＢ）￥", '<span lang="zh">中文（ＡＢ）￥</span>'),
        # Han beyond the basic plane (Extension B: Cantonese 𨋢, "lift") is inside the run.
        ("升降機𨋢", '<span lang="zh">升降機𨋢</span>'),
        ("\U00020000 and \U0002f800", '<span lang="zh">\U00020000</span> and <span lang="zh">\U0002f800</span>'),
        ("No Chinese here.", "No Chinese here&#46;"),
    ],
)
def test_md_text_lang_marks_chinese_runs_only_after_escaping(text: str, expected: str) -> None:
    assert md_text_lang(text) == expected
    assert html.unescape(md_text_lang(text).replace('<span lang="zh">', "").replace("</span>", "")) == text
