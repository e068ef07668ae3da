"""Coverage: sentences (pysbd) on awkward punctuation, the joint-coverage rule, `check`'s
warning and the `coverage` command's list, with ready-to-run `new claim` lines."""

from __future__ import annotations

import io
import shlex
import subprocess
from pathlib import Path

import pytest

from conftest import apply_edits
from dossier.cli import main
from dossier.link.coverage import split_sentences, uncovered_sentences
from dossier.link.crossref import Anchor
from dossier.problems import MAX_LINE
from dossier.start.coverage_report import _character

CASES = [
    ("One. Two.", ["One.", "Two."]),
    ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
    (
        "China isn’t alone. Costs $1.4 trillion (about 10%). End",
        ["China isn’t alone.", "Costs $1.4 trillion (about 10%).", "End"],
    ),
    ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
    ("No full stop", ["No full stop"]),
    ("Mr. Xi met U.S. officials on Jan. 5. They talked.", ["Mr. Xi met U.S. officials on Jan. 5.", "They talked."]),
    ("Shares rose 3.5% – a record. “Good,” he said.", ["Shares rose 3.5% – a record.", "“Good,” he said."]),
    ("…", []),  # no letter or digit: nothing to cover
]


FILL = {"kind": "statement", "claim": "A sentence.", "summary": "Not checked yet."}


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("text, expected", CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences((text,))] == expected


def test_a_sentence_is_covered_when_excerpts_hold_all_its_words_together() -> None:
    paragraphs = ("Alpha beta, gamma. Delta epsilon.",)
    halves = [Anchor(0, 0, 10), Anchor(0, 12, 17)]  # "Alpha beta" and "gamma": the comma and full stop between
    assert [(s.start, s.end) for s in uncovered_sentences(paragraphs, halves)] == [(19, 33)]
    missing_a_word = [Anchor(0, 0, 5), Anchor(0, 12, 18)]  # "beta" outside both
    assert [(s.start, s.end) for s in uncovered_sentences(paragraphs, missing_a_word)] == [(0, 18), (19, 33)]
    everything = [Anchor(0, 0, 33)]
    assert uncovered_sentences(paragraphs, everything) == []


def test_check_warns_once_per_article_and_still_passes(dossier_dir: Path) -> None:
    apply_edits(dossier_dir, {"articles/harbour-fees.yaml": None, "fees-rise.yaml": None, "ferries-third.yaml": None})
    apply_edits(dossier_dir, {"ruiz-pay-for-themselves.yaml": None, "sources/budget-papers.yaml": None})
    assert run(["check"]) == (
        0,
        "claims/articles/ferry-story.yaml:9:3: warning: paragraphs: no excerpt covers 2 of the article's 5 "
        "sentences; list them with: python build_claims.py coverage --article ferry-story\n"
        "ok: 5 claims, 3 sources, 2 entities, 1 article; 1 warning above, worth fixing but not failing the check\n",
        "",
    )


def test_coverage_lists_exactly_the_uncovered_sentences_with_a_command_for_each(dossier_dir: Path) -> None:
    code, out, err = run(["coverage"])
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "ferry-story: no excerpt covers 2 of its 5 sentences",
        "  paragraph 2: The ferries will carry 2,000 passengers a day.",
        "    python build_claims.py new claim ferries-will-carry-2-000 --excerpt='The ferries will carry 2,000 "
        "passengers a day.' --article ferry-story",
        "  paragraph 3: The ferries will carry 2,000 passengers a day, the operator repeated.",
        "    python build_claims.py new claim ferries-will-carry-2-000-2 --excerpt='The ferries will carry 2,000 "
        "passengers a day, the operator repeated.' --article ferry-story",
        "harbour-fees: no excerpt covers 2 of its 4 sentences",
        "  paragraph 1: Harbourville Council will raise mooring fees by 8% from June, its budget papers show, "
        "to close a €1.5 million gap left by the ferry plan.",
        "    python build_claims.py new claim harbourville-council-will-raise-mooring --excerpt='Harbourville "
        "Council will raise mooring fees by 8% from June, its budget papers show, to close a €1.5 million gap "
        "left by the ferry plan.' --article harbour-fees",
        "  paragraph 4: Boat owners meet on Thursday to discuss the rise.",
        "    python build_claims.py new claim boat-owners-meet-on-thursday --excerpt='Boat owners meet on Thursday "
        "to discuss the rise.' --article harbour-fees",
    ]
    # Each line runs as printed; the claims it starts, once filled in, cover the sentences.
    for line in out.splitlines():
        if line.startswith("    python build_claims.py "):
            argv = shlex.split(line)[2:]
            assert run(argv)[0] == 0
            filled = {argv[2] + ".yaml": [(f"{k}: TODO", f"{k}: {v}") for k, v in FILL.items()]}
            apply_edits(dossier_dir, filled)
    assert run(["coverage", "--article", "ferry-story"])[1].splitlines() == [
        "ferry-story: every one of its 5 sentences lies inside an excerpt"
    ]


def test_coverage_quotes_any_sentence_for_the_shell_and_repeats_take_an_occurrence(dossier_dir: Path) -> None:
    odd = "It’s $5 – or `free` for \"members\"; see 'x' & y!"
    apply_edits(
        dossier_dir,
        {
            "articles/harbour-fees.yaml": [
                ('  - "Boat owners', f'  - {_quoted(odd)}\n  - {_quoted(odd)}\n  - "Boat owners')
            ]
        },
    )
    out = run(["coverage", "--article", "harbour-fees"])[1].splitlines()
    commands = [shlex.split(line) for line in out if line.startswith("    python")]
    excerpts = [(_excerpt(c), c[c.index("--occurrence") + 1] if "--occurrence" in c else None) for c in commands]
    assert excerpts[1:3] == [(odd, "1"), (odd, "2")]
    assert [_through_bash(line) for line in out if line.startswith("    python")] == commands
    assert run(["coverage", "--article", "harbour-fee"]) == (
        1,
        "",
        'error: no article "harbour-fee"; the articles are: ferry-story, harbour-fees\n',
    )


def _excerpt(argv: list[str]) -> str:
    """The excerpt a parsed command passes, as `--excerpt=<text>` (one word, so no text reads as an option)."""
    (excerpt,) = [word.removeprefix("--excerpt=") for word in argv if word.startswith("--excerpt=")]
    return excerpt


def _through_bash(line: str) -> list[str]:
    """The words bash makes of a printed command line (not shlex's reading of it)."""
    done = subprocess.run(["bash", "-c", f"printf '%s\\0' {line.strip()}"], capture_output=True, text=True, check=True)
    return done.stdout.split("\0")[:-1]


def test_a_sentence_starting_with_a_hyphen_gets_a_command_that_runs(dossier_dir: Path) -> None:
    # `--excerpt -3%.` would be an unknown option to argparse; `--excerpt=-3%.` is the excerpt.
    apply_edits(dossier_dir, {"articles/harbour-fees.yaml": [('  - "Boat owners', '  - "-3%."\n  - "Boat owners')]})
    code, out, err = run(["coverage", "--article", "harbour-fees"])
    assert (code, err) == (0, "")
    assert out.splitlines()[3:5] == [
        "  paragraph 4: -3%.",
        "    python build_claims.py new claim 3 --excerpt=-3%. --article harbour-fees",
    ]
    argv = _through_bash(out.splitlines()[4])
    assert argv == shlex.split(out.splitlines()[4])
    assert run(argv[2:]) == (0, "claims/3.yaml\n", "")
    assert '\nexcerpt: "-3%."\n' in (dossier_dir / "3.yaml").read_text(encoding="utf-8")


def test_a_short_sentence_with_a_tab_gets_the_true_reason_and_its_place(dossier_dir: Path) -> None:
    # The terminal line shows a tab as `\t`, so no command can carry the sentence; it is not "too long".
    # (A tab is the one such character `check` lets into an article: it refuses the others.)
    tab = '  - "Tab\\there and a line."\n'
    apply_edits(dossier_dir, {"articles/harbour-fees.yaml": [('  - "Boat owners', tab + '  - "Boat owners')]})
    code, out, err = run(["coverage", "--article", "harbour-fees"])
    assert (code, err) == (0, "")
    assert out.splitlines()[3:5] == [
        "  paragraph 4: Tab\\there and a line.",
        "    (no command: the sentence holds a tab, which a command line cannot show; start its claim by hand: "
        "it is at character 1 of the paragraph at claims/articles/harbour-fees.yaml:13:5)",
    ]
    assert _character("\u200b") == "the character U+200B (ZERO WIDTH SPACE)"


def _quoted(text: str) -> str:
    from dossier.start.yaml_text import quoted

    return quoted(text)


LONG = " ".join(["boats and fees and ferries"] * 180)  # about 4,900 characters: past one printed line


def test_a_sentence_too_long_for_one_line_gets_a_whole_command_for_its_start(dossier_dir: Path) -> None:
    sentence = f"Boat owners meet on Thursday to discuss the rise and {LONG} end."
    apply_edits(
        dossier_dir,
        {
            "articles/harbour-fees.yaml": [
                ('  - "Boat owners meet on Thursday to discuss the rise."', f'  - "{sentence}"')
            ]
        },
    )
    code, out, err = run(["coverage", "--article", "harbour-fees"])
    assert (code, err) == (0, "")
    *_, shown, command, note = out.splitlines()
    assert shown.startswith("  paragraph 4: Boat owners meet") and shown.endswith(
        " more characters)"
    )  # clipped: only shown
    assert len(command) <= MAX_LINE
    argv = shlex.split(command)  # a whole command: the quote closes
    excerpt = _excerpt(argv)
    assert sentence.startswith(excerpt + " ") and len(command) > MAX_LINE - 40  # the longest whole-word start that fits
    assert note == (
        f"    (the sentence is too long for one command line: the excerpt is its first {len(excerpt):,} of "
        f"{len(sentence):,} characters; extend it to the sentence's end in the new claim's file)"
    )
    assert run(argv[2:])[0] == 0  # it runs, and the claim it starts passes check once filled in
    apply_edits(
        dossier_dir, {"boat-owners-meet-on-thursday.yaml": [(f"{k}: TODO", f"{k}: {v}") for k, v in FILL.items()]}
    )
    assert run(["check"])[0] == 0


def test_a_sentence_with_no_start_short_enough_gets_its_place_instead_of_a_command(dossier_dir: Path) -> None:
    word = "x" * 5000
    apply_edits(
        dossier_dir,
        {
            "articles/harbour-fees.yaml": [
                ('  - "Boat owners meet on Thursday to discuss the rise."', f'  - "{word} and more."')
            ]
        },
    )
    code, out, err = run(["coverage", "--article", "harbour-fees"])
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "    (no command: the sentence is too long to give as one; start its claim by hand: it is at character 1 "
        "of the paragraph at claims/articles/harbour-fees.yaml:13:5)"
    )
    assert "build_claims.py new claim" not in out.splitlines()[-2]
