"""The home-page tally of inherited versus own flaws, computed from claim records (audit)."""

from __future__ import annotations

from pathlib import Path

from conftest import apply_edits
from dossier.link.check import check_dossier
from dossier.render.provenance import rewrite_tally

SECOND_ARTICLE = ["articles/harbour-fees.yaml", "fees-rise.yaml", "ferries-third.yaml", "ruiz-pay-for-themselves.yaml"]


def tally(claims: Path) -> str:
    """The tally for the ferry story alone (the example's second article has weak claims of its own)."""
    apply_edits(claims, {path: None for path in SECOND_ARTICLE if (claims / path).exists()})
    _, index, problems = check_dossier(str(claims))
    assert problems == []
    return rewrite_tally(index)


def test_no_tally_when_no_weak_claim_is_traced(dossier_dir: Path) -> None:
    path = dossier_dir / "ferry-capacity.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("first_appearance:")], encoding="utf-8")
    # No weak claim is traced: nothing to count, so no section at all.
    assert tally(dossier_dir) == ""


def test_a_changed_claim_counts_as_the_articles_doing(dossier_dir: Path) -> None:
    path = dossier_dir / "ferry-capacity.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("change: kept", "change: changed"), encoding="utf-8")
    text = tally(dossier_dir)
    assert "| Inherited: wording kept or reworded from an earlier text | 0 |" in text
    assert "| The article's doing: substance changed, or its own words | 1 |" in text
    assert "claims/ferry-capacity.md" not in text  # counts only: the home page lists each claim once, elsewhere


def test_weak_claims_without_a_first_appearance_are_reported(dossier_dir: Path) -> None:
    # A second weak claim, not traced: the tally says so instead of counting it either way.
    path = dossier_dir / "ferry-budget.yaml"
    text = path.read_text(encoding="utf-8").replace("rating: supported", "rating: disputed")
    path.write_text(text[: text.index("first_appearance:")], encoding="utf-8")
    result = tally(dossier_dir)
    assert "2 claims did not fully hold up." in result
    assert "1 of them is not yet traced to an earlier text." in result
