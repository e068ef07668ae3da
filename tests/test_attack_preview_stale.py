"""Attack findings: saves after which the preview's pages differ from a fresh render."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import EXAMPLE
from dossier.link.check import check_dossier
from dossier.publish.preview import Preview
from dossier.render.site import render_site


def _stale_pages(preview: Preview, claims: Path) -> list[str]:
    preview.update(str(claims))
    _, index, problems = check_dossier(str(claims))
    assert problems == []
    full = render_site(index)
    return sorted(path for path in full.keys() | preview.pages.keys() if full.get(path) != preview.pages.get(path))


def test_moving_an_articles_date_updates_the_published_after_marks_on_source_pages(tmp_path: Path) -> None:
    """budget-papers (2 April 2024) becomes 'published after the article' once harbour-fees is dated
    4 March 2024: the source page and the sources index show that mark, so they must be rendered again."""
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    preview = Preview()
    assert _stale_pages(preview, claims) == []
    article = claims / "articles" / "harbour-fees.yaml"
    article.write_text(
        article.read_text(encoding="utf-8").replace("published: 2024-04-15", "published: 2024-03-04"), encoding="utf-8"
    )
    assert _stale_pages(preview, claims) == []


def test_a_finding_listing_another_articles_claim_follows_that_claims_verdict(tmp_path: Path) -> None:
    """check accepts a finding of harbour-fees that lists council-announced (a ferry-story claim); the
    harbour-fees page shows that claim's verdict badge, but does not render again when it changes."""
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    article = claims / "articles" / "harbour-fees.yaml"
    article.write_text(
        article.read_text(encoding="utf-8").replace("claims: [fees-rise]", "claims: [fees-rise, council-announced]"),
        encoding="utf-8",
    )
    preview = Preview()
    assert _stale_pages(preview, claims) == []
    claim = claims / "council-announced.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("rating: supported", "rating: partly-supported"), encoding="utf-8"
    )
    assert _stale_pages(preview, claims) == []


def test_the_sources_index_follows_a_citing_claim_that_moves_to_an_earlier_article(tmp_path: Path) -> None:
    """fees-rise cites budget-papers (2 April 2024); moved from harbour-fees (15 April) to ferry-story
    (4 March), it makes budget-papers 'published after the article'. The sources index shows that
    mark but depends only on the sources and the counts of citing claims, which did not change."""
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    story = claims / "articles" / "ferry-story.yaml"
    story.write_text(
        story.read_text(encoding="utf-8").replace(
            "paragraphs:\n", 'paragraphs:\n  - "Harbourville Council will raise mooring fees by 8% from June."\n', 1
        ),
        encoding="utf-8",
    )
    preview = Preview()
    assert _stale_pages(preview, claims) == []
    claim = claims / "fees-rise.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("article: harbour-fees", "article: ferry-story"), encoding="utf-8"
    )
    assert "sources/index.md" not in _stale_pages(preview, claims)
