"""Sources no claim cites and entities no claim names: warnings with file:line, never a failure."""

from __future__ import annotations

from pathlib import Path

from test_check import run

from conftest import EXAMPLE_COVERAGE, apply_edits

UNUSED_SOURCE = "id: unused-report\ntitle: T\npublisher: P\nurl: https://example.org/\naccessed: 2024-03-05\n"
SOURCE_WARNING = (
    'claims/sources/unused-report.yaml:1:5: warning: id: no claim cites source "unused-report"; '
    "cite it in a claim's sources, or delete the file"
)


def test_an_orphan_is_a_warning_and_check_still_passes(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"sources/unused-report.yaml": UNUSED_SOURCE})
    assert run(["check"]) == (
        0,
        EXAMPLE_COVERAGE + SOURCE_WARNING + "\n"
        "ok: 8 claims, 5 sources, 2 entities, 2 articles; 3 warnings above, worth fixing but not failing the check\n",
        "",
    )


def test_orphans_are_warning_annotations_on_a_pull_request(dossier_dir: Path) -> None:
    apply_edits(
        dossier_dir,
        {
            "sources/unused-report.yaml": UNUSED_SOURCE,
            "ruiz-cleanest.yaml": None,
            "ruiz-pay-for-themselves.yaml": None,
            "articles/harbour-fees.yaml": [(", ruiz-pay-for-themselves]", "]")],
        },
    )
    code, out, _ = run(["check", "--format", "github"])
    assert code == 0
    lines = [line for line in out.splitlines() if "no excerpt covers" not in line]  # coverage: tested elsewhere
    assert lines[:3] == [
        '::warning file=claims/entities/ana-ruiz.yaml,line=2,col=5::id: no claim names entity "ana-ruiz"; '
        "list it in a claim's entities, or delete the file",
        '::warning file=claims/sources/unused-report.yaml,line=1,col=5::id: no claim cites source "unused-report"; '
        "cite it in a claim's sources, or delete the file",
        'claims/entities/ana-ruiz.yaml:2:5: warning: id: no claim names entity "ana-ruiz"; '
        "list it in a claim's entities, or delete the file",
    ]


def test_a_quote_speaker_counts_as_named(dossier_dir: Path) -> None:
    apply_edits(
        dossier_dir,
        {name: [("entities: [ana-ruiz]\n", "")] for name in ["ruiz-cleanest.yaml", "ruiz-pay-for-themselves.yaml"]},
    )
    assert run(["check"]) == (
        0,
        EXAMPLE_COVERAGE
        + "ok: 8 claims, 4 sources, 2 entities, 2 articles; 2 warnings above, worth fixing but not failing the check\n",
        "",
    )


def test_no_orphan_warnings_while_a_claim_fails_to_load(dossier_dir: Path) -> None:
    # The broken claim may be the one citing the source: a warning now would be a false alarm.
    apply_edits(dossier_dir, {"ferry-capacity.yaml": [("kind: forecast", "kind: forecas")]})
    code, out, _ = run(["check"])
    assert code == 1
    assert "warning" not in out


def test_checking_some_files_reports_their_orphans(dossier_dir: Path) -> None:
    # Named files are checked with the whole dossier, so a record no claim uses is seen as such.
    apply_edits(dossier_dir, {"sources/unused-report.yaml": UNUSED_SOURCE})
    assert run(["check", "claims/sources/unused-report.yaml"]) == (
        0,
        SOURCE_WARNING + "\n"
        "elsewhere in the dossier:\n" + EXAMPLE_COVERAGE + "ok: 1 file named, checked with the whole dossier "
        "(8 claims, 5 sources, 2 entities, 2 articles); 3 warnings above, worth fixing but not failing the check\n",
        "",
    )
