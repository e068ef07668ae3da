"""Hostile record text stays inert: checked in the built HTML, not only the Markdown."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import apply_edits
from site_html import read_page
from test_site import EXAMPLE, build

NASTY = (
    '<script>alert("p")</script> **bold** _it_ `code` [x](javascript:alert(1)) {: onclick="evil()"} '
    '--8<-- "/etc/passwd" {{ config.site_name }} {% include "x" %} </script> | a | b <!-- material/tags --> '
    "&amp; \\*escaped\\* ~~del~~ <b>b</b> ![img](https://example.org/i.png)"
)
CLAIM = '</script><script>alert("c")</script> | **x** {#evil} [y](https://evil.example)'
CONCLUSION = (
    "# Not a heading\n\n- not a list\n1. nor this\n\n> nor a quote <img src=x onerror=alert(1)>\n\n    not code"
)
SOURCE_TITLE = "</title><script>alert('t')</script> & [link](javascript:alert(2))"
ENTITY_NAME = "[Ana](javascript:alert(3)) <i>Ruiz</i> {: .evil }"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    claims = root / "claims"
    shutil.copytree(EXAMPLE, claims)
    apply_edits(
        claims,
        {
            "articles/ferry-story.yaml": [("paragraphs:\n", f"paragraphs:\n  - {json.dumps(NASTY)}\n")],
            "roads-better.yaml": [
                ("claim: Critics say the money would be better spent on roads.", f"claim: {json.dumps(CLAIM)}"),
                ("excerpt: Critics say the money would be better spent on roads.", f"excerpt: {json.dumps(NASTY)}"),
                (
                    "  conclusion: A view about priorities, not a checkable fact.",
                    f"  conclusion: {json.dumps(CONCLUSION)}",
                ),
            ],
            "sources/council-minutes.yaml": [
                ("title: Minutes of the council meeting of 4 March 2024", f"title: {json.dumps(SOURCE_TITLE)}")
            ],
            "entities/ana-ruiz.yaml": [
                ("name: Ana Ruiz", f"name: {json.dumps(ENTITY_NAME)}"),
                ("description: Mayor of Harbourville.", 'description: "| cell | break |"'),
            ],
            "council-announced.yaml": [
                (
                    "  - source: council-minutes",
                    '  - source: council-minutes\n    note: "<img src=x onerror=alert(4)> `--8<-- x`"',
                )
            ],
        },
    )
    site = root / "site"
    result = build(claims, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags_of(path: Path) -> list[tuple[str, dict[str, str]]]:
    parser = _Attributes()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def test_no_markup_from_records_reaches_any_page(hostile_site: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    assert build(EXAMPLE, clean).returncode == 0
    for html_file in sorted(hostile_site.rglob("*.html")):
        tags = tags_of(html_file)
        assert [t for t, a in tags if any(k.startswith("on") for k in a)] == [], html_file
        assert [a["href"] for t, a in tags if t == "a" and a.get("href", "").startswith("javascript:")] == [], html_file
        baseline_tags = tags_of(clean / html_file.relative_to(hostile_site))
        for name in (
            "img",
            "i",
            "b",
            "strong",
            "em",
            "del",
            "code",
            "h1",
            "h2",
            "ul",
            "ol",
            "blockquote",
            "pre",
            "table",
        ):
            assert sum(t == name for t, _ in tags) == sum(t == name for t, _ in baseline_tags), (html_file, name)
        page = read_page(html_file)
        scripts = [s for s in page.scripts if s.get("type") != "application/ld+json"]
        baseline = read_page(clean / html_file.relative_to(hostile_site))
        assert len(scripts) == len([s for s in baseline.scripts if s.get("type") != "application/ld+json"]), html_file
        assert "<" not in page.title and ">" not in page.title
        assert "root:x:0:0" not in html_file.read_text(encoding="utf-8")


def test_record_text_is_shown_exactly_as_written(hostile_site: Path) -> None:
    claim = read_page(hostile_site / "claims" / "roads-better" / "index.html")
    assert " ".join(NASTY.split()) in claim.text
    assert " ".join(CLAIM.split()) in claim.text
    for line in [
        "# Not a heading",
        "- not a list 1. nor this",
        "> nor a quote <img src=x onerror=alert(1)>",
        "not code",
    ]:
        assert line in claim.text
    article = read_page(hostile_site / "articles" / "ferry-story" / "index.html")
    assert " ".join(NASTY.split()) in article.text
    source = read_page(hostile_site / "sources" / "council-minutes" / "index.html")
    assert SOURCE_TITLE in source.text
    assert "<img src=x onerror=alert(4)> `--8<-- x`" in source.text
    entity = read_page(hostile_site / "entities" / "ana-ruiz" / "index.html")
    assert ENTITY_NAME in entity.text and "| cell | break |" in entity.text


def test_json_ld_cannot_be_closed_by_record_text(hostile_site: Path) -> None:
    raw = (hostile_site / "claims" / "roads-better" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    assert block is not None
    assert json.loads(block.group(1))["claimReviewed"] == CLAIM


def test_pipes_and_line_breaks_cannot_break_tables(hostile_site: Path) -> None:
    raw = (hostile_site / "sources" / "index.html").read_text(encoding="utf-8")
    table = raw.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert len(rows) == 2
    assert all(row.count("<td") == 4 for row in rows)
    # The claims index is a list (scale work): a hostile claim stays one item, shown as written.
    listing = (hostile_site / "claims" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r"<li>(.*?)</li>", listing.split('class="dossier-claims-list"', 1)[1], re.S)
    assert len(items) == 5
    assert CLAIM in read_page(hostile_site / "claims" / "index.html").text
