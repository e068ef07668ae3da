"""Hostile record text stays inert: checked in the built HTML, not only the Markdown."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

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
SUMMARY = 'Not <img src=x onerror=alert(5)> [a](javascript:alert(6)) {: onclick="evil()"} & "quoted" done.'
SOURCE_TITLE = "</title><script>alert('t')</script> & [link](javascript:alert(2))"
ENTITY_NAME = "[Ana](javascript:alert(3)) <i>Ruiz</i> {: .evil }"
# Markdown's link syntax inside a URL once wrote a second <a> into our href, whose quote closed
# the attribute and left an autofocus/onfocus handler that fired on load. One per URL field.
URL_PAYLOADS = {
    field: f"https://example.org/{field}/[a](autofocus/onfocus=alert(document.domain)//)\"'<b>`{{x}}`"
    for field in ("source-url", "archive-url", "entity-url", "article-url")
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    claims = root / "claims"
    shutil.copytree(EXAMPLE, claims)
    apply_edits(
        claims,
        {
            "articles/ferry-story.yaml": [
                ("paragraphs:\n", f"paragraphs:\n  - {json.dumps(NASTY)}\n  - '    Indented, not code.'\n"),
                ("url: https://example.org/news/ferries", f"url: {json.dumps(URL_PAYLOADS['article-url'])}"),
            ],
            "roads-better.yaml": [
                ("claim: Critics say the money would be better spent on roads.", f"claim: {json.dumps(CLAIM)}"),
                ("excerpt: Critics say the money would be better spent on roads.", f"excerpt: {json.dumps(NASTY)}"),
                (
                    "  conclusion: A view about priorities, not a checkable fact.",
                    f"  conclusion: {json.dumps(CONCLUSION)}",
                ),
            ],
            "sources/council-minutes.yaml": [
                ("title: Minutes of the council meeting of 4 March 2024", f"title: {json.dumps(SOURCE_TITLE)}"),
                (
                    "url: https://example.org/council/minutes-2024-03-04",
                    f"url: {json.dumps(URL_PAYLOADS['source-url'])}",
                ),
            ],
            "sources/operator-timetable.yaml": [
                (
                    "archive_url: https://archive.example.org/operator/timetable",
                    f"archive_url: {json.dumps(URL_PAYLOADS['archive-url'])}",
                )
            ],
            "entities/harbourville-council.yaml": [
                ("url: https://example.org/council", f"url: {json.dumps(URL_PAYLOADS['entity-url'])}")
            ],
            "entities/ana-ruiz.yaml": [
                ("name: Ana Ruiz", f"name: {json.dumps(ENTITY_NAME)}"),
                ("description: Mayor of Harbourville.", 'description: "    | cell | break |"'),
            ],
            # An emoji once broke the front matter for libyaml (JSON wrote it as a surrogate pair),
            # and the title line became page text where the attribute list acted on it.
            "ferry-capacity.yaml": [
                (
                    "claim: The ferries will carry 2,000 passengers a day.",
                    f"claim: {json.dumps(EMOJI_CLAIM, ensure_ascii=False)}",
                )
            ],
            "council-announced.yaml": [
                (
                    "    note: Dated Monday 4 March 2024.",
                    '    note: "<img src=x onerror=alert(4)> `--8<-- x`"',
                ),
                # A rated claim, so its page carries ClaimReview data (opinions get none).
                ("claim: The council announced the ferry purchase on Monday.", f"claim: {json.dumps(CLAIM)}"),
                (
                    "  summary: The council's minutes date the announcement Monday 4 March 2024, as the article says.",
                    f"  summary: {json.dumps(SUMMARY)}",
                ),
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
    assert SUMMARY in read_page(hostile_site / "claims" / "council-announced" / "index.html").text
    entity = read_page(hostile_site / "entities" / "ana-ruiz" / "index.html")
    assert ENTITY_NAME in entity.text and "| cell | break |" in entity.text


def test_json_ld_cannot_be_closed_by_record_text(hostile_site: Path) -> None:
    raw = (hostile_site / "claims" / "council-announced" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    assert block is not None
    assert json.loads(block.group(1))["claimReviewed"] == CLAIM
    # ferry-budget first appeared in the source whose title is hostile.
    raw = (hostile_site / "claims" / "ferry-budget" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    assert block is not None
    assert json.loads(block.group(1))["itemReviewed"]["firstAppearance"]["headline"] == SOURCE_TITLE


def test_pipes_and_line_breaks_cannot_break_tables(hostile_site: Path) -> None:
    raw = (hostile_site / "sources" / "index.html").read_text(encoding="utf-8")
    table = raw.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert len(rows) == 4
    assert all(row.count("<td") == 4 for row in rows)
    # The claims index is a list (scale work): a hostile claim stays one item, shown as written.
    listing = (hostile_site / "claims" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r"<li>(.*?)</li>", listing.split('class="dossier-claims-list"', 1)[1], re.S)
    assert len(items) == 8
    assert CLAIM in read_page(hostile_site / "claims" / "index.html").text


def test_urls_stay_inside_their_href(hostile_site: Path) -> None:
    """Each URL reaches the page as one link whose href decodes to exactly the record's URL."""
    hrefs: set[str] = set()
    for html_file in sorted(hostile_site.rglob("*.html")):
        for tag, attributes in tags_of(html_file):
            if tag == "a" and "example.org/" in attributes.get("href", ""):
                assert set(attributes) <= {"href", "rel", "title", "class"}, (html_file, attributes)
                hrefs.add(attributes["href"])
    assert {unquote(h) for h in hrefs if "[a]" in unquote(h)} == set(URL_PAYLOADS.values())


EMOJI_CLAIM = "*x*{tabindex=0 autofocus onfocus=alert(document.domain)} 🚢 [ferry](javascript:alert(3))"
HIDDEN = ["\x7f", "\x85", "\ufffe", "\x1b[2J", "\u202e", "🚢"]
SMUGGLED = "[x](https://evil.example/){: onmouseover=alert(document.domain) }"


@pytest.fixture(scope="module")
def smuggled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Control characters in every title-bearing field, put in after the checker passed the records.

    The checker refuses them, but the renderer must not rely on that: one such character once
    made MkDocs drop the front matter and render the title as Markdown, link syntax and all.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    import dossier.publish.mkdocs_hook as hook
    from conftest import ROOT

    real_check = hook.check_dossier

    def smuggle(claims_dir: str, *args: object, **kwargs: object) -> object:
        dossier, index, problems = real_check(claims_dir, *args, **kwargs)  # type: ignore[arg-type]
        hidden = iter(HIDDEN * 10)
        for records, field in (
            (index.claims, "claim"),
            (index.sources, "title"),
            (index.entities, "name"),
            (index.articles, "title"),
        ):
            for key, record in list(records.items()):
                records[key] = dataclasses.replace(
                    record, **{field: f"{SMUGGLED}{next(hidden)}{getattr(record, field)}"}
                )
        return dossier, index, problems

    site = tmp_path_factory.mktemp("smuggled") / "site"
    patch = pytest.MonkeyPatch()
    patch.setattr(hook, "check_dossier", smuggle)
    patch.setenv("DOSSIER_CLAIMS", str(EXAMPLE))
    try:
        mkdocs_build(load_config(config_file=str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(site)))
    finally:
        patch.undo()
    return site


def test_control_characters_cannot_turn_a_title_into_markup(smuggled_site: Path) -> None:
    pages = sorted(smuggled_site.rglob("*.html"))
    assert len(pages) > 10
    for html_file in pages:
        tags = tags_of(html_file)
        assert [(t, a) for t, a in tags if any(k.startswith("on") for k in a)] == [], html_file
        assert [a["href"] for t, a in tags if t == "a" and "evil.example" in a.get("href", "")] == [], html_file
    for page in ["claims/ferry-budget", "sources/council-minutes", "entities/ana-ruiz", "articles/ferry-story"]:
        shown = read_page(smuggled_site / page / "index.html")
        assert shown.title.startswith(SMUGGLED), (page, shown.title)
        assert [c for c in shown.title if unicodedata.category(c) in ("Cc", "Cf")] == [], page
        assert SMUGGLED in shown.text


def test_a_page_whose_front_matter_would_not_parse_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier.render.claim
    from dossier.link.check import check_dossier
    from dossier.problems import DossierError
    from dossier.render.site import render_site

    monkeypatch.setattr(dossier.render.claim, "front_matter", lambda values: "---\ntitle: a\x7f\n---\n\n")
    with pytest.raises(DossierError) as error:
        render_site(check_dossier(str(EXAMPLE))[1])
    assert str(error.value) == (
        "page 'claims/ferry-budget.md' (ferry-budget.yaml): the front matter is not valid YAML "
        "('unacceptable character #x007f: control characters are not allowed')"
    )


def test_link_preview_tags_hold_record_text_as_text(hostile_site: Path) -> None:
    raw = (hostile_site / "claims" / "roads-better" / "index.html").read_text(encoding="utf-8")
    metas = [a for t, a in tags_of(hostile_site / "claims" / "roads-better" / "index.html") if t == "meta"]
    described = [a for a in metas if a.get("property") == "og:description" or a.get("name") == "description"]
    assert len(described) == 2 and all(set(a) <= {"name", "property", "content"} for a in described)
    assert {a["content"] for a in described} == {"Opinion: A view about priorities that evidence cannot settle."}
    assert "<img src=x" not in raw
    summarised = [a for t, a in tags_of(hostile_site / "claims" / "council-announced" / "index.html") if t == "meta"]
    assert {a["content"] for a in summarised if a.get("property") == "og:description"} == {
        'Supported: Not ‹img src=x onerror=alert(5)› [a](javascript:alert(6)) {: onclick="evil()"} ＆ "quoted" done.'
    }
