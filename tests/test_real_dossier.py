"""The real dossier in claims/: complete coverage of the article and external evidence for every rated claim."""

from __future__ import annotations

from conftest import ROOT
from dossier.coverage import split_sentences, uncovered_sentences
from dossier.pipeline import check_dossier


def load():  # type: ignore[no-untyped-def]
    dossier, index, problems = check_dossier(str(ROOT / "claims"))
    assert problems == []
    return dossier, index


def test_every_sentence_of_the_article_lies_inside_an_excerpt() -> None:
    dossier, index = load()
    (article,) = dossier.articles
    anchors = [index.anchors[c.id] for c in dossier.claims if c.article == article.id]
    assert len(split_sentences(article.paragraphs)) == 19
    missing = [
        article.paragraphs[s.paragraph][s.start : s.end] for s in uncovered_sentences(article.paragraphs, anchors)
    ]
    assert missing == []


def test_every_checkable_claim_cites_a_source_other_than_the_article() -> None:
    dossier, index = load()
    article_urls = {a.url for a in dossier.articles}
    for claim in dossier.claims:
        if claim.verdict.rating in ("opinion", "unverified"):
            continue
        external = [r for r in claim.sources if index.sources[r.source].url not in article_urls]
        assert external, claim.id
        assert all(r.note for r in claim.sources), claim.id


def test_every_entity_and_source_is_used() -> None:
    dossier, _ = load()
    entities = {e for c in dossier.claims for e in c.entities} | {c.quote.speaker for c in dossier.claims if c.quote}
    sources = {r.source for c in dossier.claims for r in c.sources}
    assert {e.id for e in dossier.entities} == entities
    assert {s.id for s in dossier.sources} == sources


def test_figures_that_differ_from_the_evidence_say_both_numbers() -> None:
    dossier, _ = load()
    by_id = {c.id: c for c in dossier.claims}
    ericsson = by_id["ericsson-share-10pct"]
    assert (ericsson.figure.value, ericsson.figure.checked_value) == (10, 11.5)
    assert "11.5%" in ericsson.verdict.conclusion and "10%" in ericsson.verdict.conclusion
    assert "six years" in by_id["tech-plan-total"].verdict.conclusion
    assert "$180 billion a" in by_id["morgan-stanley-1-98tn"].verdict.conclusion
