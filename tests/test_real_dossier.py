"""The real dossier in claims/: properties every state of it must have, never its counts or wording.

A contributor who adds a valid claim, source or entity must not break these tests
(tests/test_new_records.py proves it on a copy of the repository). They assert that every record is
valid, every sentence of every article lies inside an excerpt, every rated claim has evidence
beyond the article itself, and the built site agrees with the records.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from dossier.link.check import check_dossier
from dossier.link.coverage import uncovered_sentences
from dossier.link.crossref import Index
from dossier.read.loader import Dossier
from dossier.render.common import RATING_LABELS
from dossier.render.markup import safe_title
from site_html import read_page
from test_site import build

CLAIMS = ROOT / "claims"


@pytest.fixture(scope="module")
def real() -> tuple[Dossier, Index]:
    dossier, index, problems = check_dossier(str(CLAIMS))
    assert [str(p) for p in problems] == [], "run: python build_claims.py check"
    return dossier, index


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("real-site") / "site"
    result = build(CLAIMS, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_every_record_file_was_loaded(real: tuple[Dossier, Index]) -> None:
    dossier, _ = real
    loaded = {
        "claim": {c.id for c in dossier.claims},
        "article": {a.id for a in dossier.articles},
        "source": {s.id for s in dossier.sources},
        "entity": {e.id for e in dossier.entities},
        "dossier": {"dossier"} if dossier.masthead else set(),
        "topics": {"topics"} if dossier.topic_list else set(),
    }
    assert loaded == {kind: set(ids) for kind, ids in dossier.present.items()}
    assert dossier.articles and dossier.claims


def test_every_sentence_of_every_article_lies_inside_an_excerpt(real: tuple[Dossier, Index]) -> None:
    dossier, index = real
    missing = []
    for article in dossier.articles:
        anchors = [index.anchors[c.id] for c in dossier.claims if c.article == article.id]
        for s in uncovered_sentences(article.paragraphs, anchors):
            missing.append(
                f"{article.origin.path}: paragraph {s.paragraph + 1}: {article.paragraphs[s.paragraph][s.start : s.end]}"
            )
    # The rule `check` warns by and `build_claims.py coverage` lists (dossier/link/coverage.py).
    assert missing == [], "run build_claims.py coverage: add claims whose excerpts hold every word of these sentences"


def test_every_rated_claim_cites_a_source_other_than_the_article(real: tuple[Dossier, Index]) -> None:
    dossier, index = real
    article_urls = {a.url for a in dossier.articles}
    unsourced, unexplained = [], []
    for claim in dossier.claims:
        if claim.verdict.rating in ("opinion", "unverified"):
            continue
        if not [r for r in claim.sources if index.sources[r.source].url not in article_urls]:
            unsourced.append(claim.origin.path)
        unexplained += [f"{claim.origin.path}: {r.source}" for r in claim.sources if not r.note]
    assert unsourced == [], "cite a source other than the article itself"
    assert unexplained == [], "give each source a note saying what it shows"


def test_every_rated_claim_has_a_conclusion(real: tuple[Dossier, Index]) -> None:
    dossier, _ = real
    assert [
        c.origin.path for c in dossier.claims if c.verdict.rating != "unverified" and not c.verdict.conclusion
    ] == []


def test_each_claim_page_shows_the_claim_and_its_verdict(real: tuple[Dossier, Index], site: Path) -> None:
    dossier, _ = real
    for claim in dossier.claims:
        html = (site / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
        content = html[html.index("<article") :]
        verdict = re.search(r'<div class="dossier-verdict dossier-([a-z-]+)"', content)
        assert verdict is not None and verdict.group(1) == claim.verdict.rating, claim.id
        page = read_page(site / "claims" / claim.id / "index.html")
        assert f"Verdict: {RATING_LABELS[claim.verdict.rating]}" in page.text, claim.id
        assert safe_title(claim.claim) in page.title, claim.id
        assert f"../../articles/{claim.article}/#c-{claim.id}" in [href for href, _ in page.links], claim.id


def test_the_claims_index_lists_every_claim(real: tuple[Dossier, Index], site: Path) -> None:
    dossier, _ = real
    links = {href for href, _ in read_page(site / "claims" / "index.html").links}
    assert {f"{c.id}/" for c in dossier.claims} <= links


def test_each_article_marks_every_claim_taken_from_it(real: tuple[Dossier, Index], site: Path) -> None:
    dossier, _ = real
    for article in dossier.articles:
        page = read_page(site / "articles" / article.id / "index.html")
        markers = {a["id"]: href for href, a in page.links if "dossier-marker" in a.get("class", "")}
        expected = {f"c-{c.id}": f"../../claims/{c.id}/" for c in dossier.claims if c.article == article.id}
        assert markers == expected, article.id


def test_source_and_entity_pages_link_every_claim_that_uses_them(real: tuple[Dossier, Index], site: Path) -> None:
    dossier, _ = real
    citers: dict[tuple[str, str], set[str]] = {}
    for claim in dossier.claims:
        for ref in claim.sources:
            citers.setdefault(("sources", ref.source), set()).add(claim.id)
        for entity in {*claim.entities, *([claim.quote.speaker] if claim.quote else [])}:
            citers.setdefault(("entities", entity), set()).add(claim.id)
    for record in [*dossier.sources, *dossier.entities]:
        folder = "sources" if record in dossier.sources else "entities"
        page = read_page(site / folder / record.id / "index.html")
        linked = {href for href, _ in page.links}
        expected = {f"../../claims/{c}/" for c in citers.get((folder, record.id), set())}
        assert expected <= linked, (folder, record.id)
