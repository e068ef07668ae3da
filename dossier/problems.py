"""Problems found in the records, the one user-fixable error type, and how both are printed."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
# The last line of defence against a message that grows with its input (a list of every match):
# checker messages name at most a handful of places, and stay far below these.
MAX_MESSAGE = 2_000  # characters of a problem's message
MAX_LINE = 4_096  # characters of one line printed to a terminal or a CI log, escapes included


class DossierError(Exception):
    """Something the user can fix: a missing folder, invalid records, a page collision.

    `details` are further lines to show under the message, such as what MkDocs logged.
    """

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.details = tuple(details)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the records, at a 1-based line and column of a file.

    A warning (e.g. a source no claim cites) is printed and annotated but does not fail `check`.
    """

    path: str
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        if len(self.message) > MAX_MESSAGE:
            object.__setattr__(self, "message", clip(self.message, MAX_MESSAGE))

    def __str__(self) -> str:
        marker = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.col}: {marker}{self.message}"


def quote_text(value: object, limit: int = 80) -> str:
    """Quote user text for a one-line message: escaped newlines, shortened past `limit`."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return json.dumps(text, ensure_ascii=False)


def clip(text: str, limit: int) -> str:
    """`text` if it has at most `limit` characters, else its start and how much was cut, in `limit` characters."""
    if len(text) <= limit:
        return text
    kept = limit - len(f"… ({len(text):,} more characters)")
    return f"{text[:kept]}… ({len(text) - kept:,} more characters)"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Order by path, then line and column as numbers; drop exact repeats."""
    return sorted(set(problems))


def summarize_problems(problems: list[Problem]) -> str:
    """The closing line of a failed check, e.g. `3 problems in 2 files`."""
    files = len({p.path for p in problems})
    return f"{plural(len(problems), 'problem')} in {plural(files, 'file')}"


def plural(count: int, noun: str) -> str:
    """`1 claim`, `2 claims`, `1 entity`, `3 entities`."""
    if count == 1:
        return f"{count} {noun}"
    if noun.endswith("y"):
        return f"{count} {noun[:-1]}ies"
    return f"{count} {noun}s"


def with_article(noun: str) -> str:
    """`an entity`, `a source`."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _escape_github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the problem's line in a pull request."""
    props = ",".join(
        [
            f"file={_escape_github_property(terminal_safe(problem.path))}",
            f"line={problem.line}",
            f"col={problem.col}",
        ]
    )
    return clip(f"::{problem.severity} {props}::{_escape_github_data(terminal_safe(problem.message))}", MAX_LINE)


# Characters a terminal or a CI log could act on, or that make text read other than it is:
# controls (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width ones),
# line and paragraph separators, surrogates, private-use and unassigned code points.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def terminal_safe(text: str) -> str:
    """Text with every control, format or invisible character shown as an escape (`\\n`, `\\x1b`, `\\u202e`)."""
    return "".join(_escape_char(c) if unicodedata.category(c) in _UNSAFE_CATEGORIES else c for c in text)


def terminal_line(text: str) -> str:
    """One safe line of output, at most MAX_LINE characters, that cannot start a GitHub workflow command (`::…`)."""
    line = terminal_safe(text)
    body = line.lstrip()
    if body.startswith(("::", "##[")):  # the runner reads these as commands, even after spaces
        indent = len(line) - len(body)
        line = f"{line[:indent]}\\x{ord(body[0]):02x}{body[1:]}"
    return clip(line, MAX_LINE)
