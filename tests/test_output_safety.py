"""What reaches a terminal or a CI log is safe there: escaped names, only our own annotations."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_check import run

from dossier.problems import MAX_LINE, MAX_MESSAGE, Problem, format_github, terminal_line, terminal_safe


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text: “curly” é 中文", "plain text: “curly” é 中文"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x1b[2J\x1b[H ok", "\\x1b[2J\\x1b[H ok"),
        ("\x00\x07\x7f\x85\x9b", "\\x00\\x07\\x7f\\x85\\x9b"),
        ("rtl\u202egnp.exe \u2066x\u2069", "rtl\\u202egnp.exe \\u2066x\\u2069"),
        ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("private \ue000 \U000f0000", "private \\ue000 \\U000f0000"),
        ("a backslash \\n stays", "a backslash \\n stays"),
    ],
)
def test_terminal_safe_escapes_what_a_terminal_could_act_on(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("::warning file=README.md::x", "\\x3a:warning file=README.md::x"),
        ("  ::error::x", "  \\x3a:error::x"),
        ("##[error]x", "\\x23#[error]x"),
        ("\n::warning::x", "\\n::warning::x"),
        ("claims/a.yaml:1:1: x :: y", "claims/a.yaml:1:1: x :: y"),
    ],
)
def test_a_terminal_line_never_starts_a_workflow_command(text: str, shown: str) -> None:
    assert terminal_line(text) == shown


HOSTILE_NAMES = ["x\n::warning file=README.md,line=1::pwned", "\x1b[2J\x1b[H ok: 27 claims", "rtl\u202elmth.txt"]


def _add_hostile_files(claims: Path) -> None:
    text = (claims / "roads-better.yaml").read_text(encoding="utf-8")
    for name in HOSTILE_NAMES:
        (claims / f"{name}.yaml").write_text(text, encoding="utf-8")  # its id differs from the name


def test_hostile_file_names_print_one_annotation_per_problem(dossier_dir: Path) -> None:
    _add_hostile_files(dossier_dir)
    code, out, _ = run(["check", "--format", "github"])
    lines = out.splitlines()
    assert code == 1
    assert "\x1b" not in out and "\u202e" not in out
    message = 'id: "roads-better" must equal the file name "{}"; rename the file or change the id'
    assert lines == [
        "::error file=claims/\\x1b[2J\\x1b[H ok%3A 27 claims.yaml,line=2,col=5::"
        + message.format("\\u001b[2J\\u001b[H ok: 27 claims"),
        "::error file=claims/rtl\\u202elmth.txt.yaml,line=2,col=5::" + message.format("rtl\\u202elmth.txt"),
        "::error file=claims/x\\n%3A%3Awarning file=README.md%2Cline=1%3A%3Apwned.yaml,line=2,col=5::"
        + message.format("x\\n::warning file=README.md,line=1::pwned"),
        "claims/\\x1b[2J\\x1b[H ok: 27 claims.yaml:2:5: " + message.format("\\u001b[2J\\u001b[H ok: 27 claims"),
        "claims/rtl\\u202elmth.txt.yaml:2:5: " + message.format("rtl\\u202elmth.txt"),
        "claims/x\\n::warning file=README.md,line=1::pwned.yaml:2:5: "
        + message.format("x\\n::warning file=README.md,line=1::pwned"),
        "3 problems in 3 files",
    ]


def test_hostile_file_names_in_the_text_format(dossier_dir: Path) -> None:
    _add_hostile_files(dossier_dir)
    code, out, _ = run(["check"])
    assert code == 1
    assert "\x1b" not in out and "\u202e" not in out
    assert [line for line in out.splitlines() if line.lstrip().startswith("::")] == []
    assert len(out.splitlines()) == 4


def test_the_mkdocs_hook_logs_safe_lines(dossier_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import PluginError

    from dossier.publish.mkdocs_hook import DossierHook

    _add_hostile_files(dossier_dir)
    hook = DossierHook()
    hook.claims_dir = str(dossier_dir)
    with caplog.at_level(logging.ERROR), pytest.raises(PluginError):
        hook.on_pre_build(SimpleNamespace(site_url=None))  # type: ignore[arg-type]
    logged = [record.getMessage() for record in caplog.records]
    assert len(logged) == 3
    assert all("\n" not in m and "\x1b" not in m and "\u202e" not in m for m in logged)
    assert logged[2].endswith(
        ':2:5: id: "roads-better" must equal the file name "x\\n::warning file=README.md,line=1::pwned"; rename the file or change the id'
    )


def test_error_messages_escape_the_names_they_quote(dossier_dir: Path) -> None:
    code, out, err = run(["check", "claims/\x1b[31mred.yaml"])
    assert (code, out) == (1, "")
    assert err == "error: claims/\\x1b[31mred.yaml: no such file\n"


def test_annotations_carry_their_severity() -> None:
    problem = Problem("claims/sources/a.yaml", 2, 5, 'id: no claim cites source "a"', "warning")
    assert format_github(problem) == '::warning file=claims/sources/a.yaml,line=2,col=5::id: no claim cites source "a"'
    assert str(problem) == 'claims/sources/a.yaml:2:5: warning: id: no claim cites source "a"'


def test_new_refuses_an_article_id_with_a_line_break(dossier_dir: Path) -> None:
    code, out, err = run(["new", "claim", "fine-id", "--article", "ferry-story\nverdict: supported"])
    assert (code, out) == (1, "")
    assert (
        err
        == "error: 'ferry-story\\nverdict: supported' cannot be an id: expected one line of text, found a line break\n"
    )
    assert not (dossier_dir / "fine-id.yaml").exists()


def test_new_refuses_an_article_id_that_is_not_an_id(dossier_dir: Path) -> None:
    code, _, err = run(["new", "claim", "fine-id", "--article", "Ferry Story"])
    assert code == 1
    assert err.startswith("error: 'Ferry Story' cannot be an id: expected an article id")
    assert not (dossier_dir / "fine-id.yaml").exists()


# --- bounded: however a message came to be long, what is printed stays a few kilobytes ------------


def test_a_problem_keeps_at_most_max_message_characters() -> None:
    short = Problem("claims/a.yaml", 1, 1, "x" * MAX_MESSAGE)
    long = Problem("claims/a.yaml", 1, 1, "paragraphs " + "1, " * 140_000)
    assert short.message == "x" * MAX_MESSAGE
    assert len(long.message) == MAX_MESSAGE
    assert long.message.startswith("paragraphs 1, 1, 1, ")
    assert long.message.endswith("1, 1, … (418,038 more characters)")


@pytest.mark.parametrize(
    ("message", "cut"),
    [
        ("%" * MAX_MESSAGE, [False, True, True]),  # "%" is "%25" in an annotation
        ("\u202e" * MAX_MESSAGE, [True, True, True]),  # "\u202e" in both
        ("\n" * MAX_MESSAGE, [False, False, True]),
        ("x" * 10**5, [True, True, True]),  # cut where the problem is made
    ],
    ids=["percent signs", "bidi controls", "line breaks", "plain"],
)
def test_every_printed_line_has_at_most_max_line_characters(message: str, cut: list[bool]) -> None:
    problem = Problem("claims/a.yaml", 1, 1, message)
    lines = [terminal_line(str(problem)), format_github(problem), terminal_line(message * 10)]
    assert [len(line) <= MAX_LINE for line in lines] == [True, True, True]
    assert [line.endswith(" more characters)") for line in lines] == cut
    assert ["\n" in line or "\u202e" in line for line in lines] == [False, False, False]


def test_check_prints_an_overlong_message_cut_to_a_bounded_line(
    dossier_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Were a rule to list every match again, the message would be cut where the problem is made.
    from dossier.link import crossref

    monkeypatch.setattr(crossref, "LISTED_PLACES", 1_000_000)
    (dossier_dir / "articles" / "ferry-story.yaml").write_text(
        (dossier_dir / "articles" / "ferry-story.yaml")
        .read_text(encoding="utf-8")
        .replace("summary:", '  - "' + "Go on. " * 900 + '"\nsummary:'),
        encoding="utf-8",
    )
    claim = dossier_dir / "roads-better.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace(
            "excerpt: Critics say the money would be better spent on roads.", "excerpt: Go on."
        ),
        encoding="utf-8",
    )
    for output_format in ("text", "github"):
        code, out, _ = run(["check", "--format", output_format])
        assert code == 1
        assert max(len(line) for line in out.splitlines()) <= MAX_LINE
        assert "(paragraphs 4, 4, 4, " in out and " more characters)" in out
