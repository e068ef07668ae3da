"""`new claim`: the excerpt finds its article, paragraph and occurrence; with several articles
and nothing to go on the command refuses, and it never writes `article: TODO`."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, apply_edits
from dossier.cli import main


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


def written(claims: Path, claim_id: str) -> dict[str, object]:
    return yaml.safe_load((claims / f"{claim_id}.yaml").read_text(encoding="utf-8"))


def test_the_excerpt_finds_its_article(dossier_dir: Path) -> None:
    assert run(["new", "claim", "owners", "--excerpt", "Boat owners meet on Thursday"]) == (
        0,
        "claims/owners.yaml\n",
        "",
    )
    record = written(dossier_dir, "owners")
    assert (record["article"], record["excerpt"], "occurrence" in record) == (
        "harbour-fees",
        "Boat owners meet on Thursday",
        False,
    )


def test_an_excerpt_that_repeats_in_one_article_needs_an_occurrence(dossier_dir: Path) -> None:
    excerpt = "The ferries will carry 2,000 passengers a day"
    assert run(["new", "claim", "again", "--excerpt", excerpt]) == (
        1,
        "",
        'error: excerpt: occurs 2 times in article "ferry-story"; give --occurrence 1 to 2 to say which:\n'
        '  --occurrence 1: paragraph 2: "…e lake,” said mayor Ana Ruiz. The ferries will carry 2,000 passengers a day."\n'
        '  --occurrence 2: paragraph 3: "…uld be better spent on roads. The ferries will carry 2,000 passengers a day, the operator repeated."\n',
    )
    assert not (dossier_dir / "again.yaml").exists()
    assert run(["new", "claim", "again", "--excerpt", excerpt, "--occurrence", "2"])[0] == 0
    text = (dossier_dir / "again.yaml").read_text(encoding="utf-8")
    assert f'\nexcerpt: "{excerpt}"\n' in text and "\noccurrence: 2\n" in text
    assert run(["new", "claim", "third", "--excerpt", excerpt, "--occurrence", "3"]) == (
        1,
        "",
        'error: --occurrence 3, but the excerpt occurs only 2 times in article "ferry-story"\n',
    )


def test_words_in_several_articles_ask_for_the_article(dossier_dir: Path) -> None:
    assert run(["new", "claim", "town", "--excerpt", "Harbourville"]) == (
        1,
        "",
        "error: excerpt: occurs 2 times in 2 articles; give --article ID (and --occurrence N) to say which:\n"
        '  --article ferry-story: paragraph 1: "Harbourville will spend €12 million on fou…"\n'
        '  --article harbour-fees: paragraph 1: "Harbourville Council will raise mooring fe…"\n',
    )
    assert run(["new", "claim", "town", "--excerpt", "Harbourville", "--article", "harbour-fees"])[0] == 0
    assert written(dossier_dir, "town")["article"] == "harbour-fees"


def test_no_match_prints_the_closest_passage_in_each_article(dossier_dir: Path) -> None:
    typo = "The ferries will carry 2,000 passengers a dya"
    assert run(["new", "claim", "typo", "--excerpt", typo]) == (
        1,
        "",
        "error: excerpt: not found in any of the 2 articles\n"
        '  article "ferry-story": closest passage (paragraph 2): "The ferries will carry 2,000 passengers a day"; '
        'first difference at character 44: the article has "a" (U+0061) where the excerpt has "y" (U+0079)\n'
        '  article "harbour-fees": no passage of the article resembles it\n',
    )
    # Named, one article: the message `check` would print for the claim.
    straight = '"Nobody likes paying more'
    assert run(["new", "claim", "typo", "--excerpt", straight, "--article", "harbour-fees"]) == (
        1,
        "",
        'error: excerpt: not found in article "harbour-fees"; closest passage (paragraph 3): "“Nobody likes paying more"; '
        'first difference at character 1: the article has "“" (U+201C) where the excerpt has "\\"" (U+0022)\n',
    )
    assert run(["new", "claim", "cut", "--excerpt", "Boat own"]) == (
        1,
        "",
        'error: excerpt: ends inside the word "owners"; end the excerpt at a word boundary\n',
    )
    assert not list(dossier_dir.glob("typo.yaml")) and not list(dossier_dir.glob("cut.yaml"))


def test_several_articles_and_nothing_to_go_on_is_refused(dossier_dir: Path) -> None:
    assert run(["new", "claim", "which"]) == (
        1,
        "",
        "error: the dossier has 2 articles; say which the claim comes from with --excerpt TEXT (its words, copied "
        "from the article) or --article ID; the articles are: ferry-story, harbour-fees\n",
    )
    assert run(["new", "claim", "which", "--article", "harbour-fee"]) == (
        1,
        "",
        'error: no article "harbour-fee"; the articles are: ferry-story, harbour-fees\n',
    )
    assert not (dossier_dir / "which.yaml").exists()
    # With one article, nothing more is needed.
    apply_edits(dossier_dir, {"articles/harbour-fees.yaml": None})
    assert run(["new", "claim", "which"])[0] == 0
    assert written(dossier_dir, "which")["article"] == "ferry-story"


def test_hostile_excerpts_round_trip_or_are_refused(dossier_dir: Path) -> None:
    hostile = 'no: "x" # [y] {z} *a &b !c %d @e `f | > \\ 2024-03 \u00a0“’”—'
    apply_edits(
        dossier_dir, {"articles/ferry-story.yaml": [('  - "Critics', f'  - {yaml_quoted(hostile)}\n  - "Critics')]}
    )
    assert run(["new", "claim", "hostile", "--excerpt", hostile]) == (0, "claims/hostile.yaml\n", "")
    assert written(dossier_dir, "hostile")["excerpt"] == hostile
    assert run(["new", "claim", "two-lines", "--excerpt", "Critics say\nthe money"]) == (
        1,
        "",
        "error: excerpt: expected one line of text, found a line break\n",
    )


def yaml_quoted(text: str) -> str:
    from dossier.start.yaml_text import quoted

    return quoted(text)


def test_the_command_line_runs_as_the_guide_writes_it(dossier_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "build_claims.py"), "new", "claim", "fees", "--excerpt", "mooring fees by 8%"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "claims/fees.yaml\n", "")
    assert written(dossier_dir, "fees")["article"] == "harbour-fees"


def test_the_template_says_where_topics_come_from_and_shows_a_citations_quote() -> None:
    import datetime

    from dossier.read.templates import PLACEHOLDERS, render_template

    text = render_template("claim", "new-claim", article="ferry-story", today=datetime.date(2026, 1, 2))
    assert "# Topic ids such as `5g` (at most 20); each must be listed in topics.yaml.\n# topics: [topic]\n" in text
    block = text.split("# sources:\n", 1)[1].split("\n\n", 1)[0]
    # Uncommented, the example is a citation with the source's id, a note and the quoted words.
    example = yaml.safe_load("\n".join(line.removeprefix("# ") for line in block.splitlines()))
    assert example == [
        {
            "source": "source-id",
            "note": "What this source says about the claim.",
            "quote": "The source's own words that the note relies on, copied exactly.",
        }
    ]
    assert example[0]["quote"] in PLACEHOLDERS  # left as it is, `check` refuses it
