"""Problems found in the records, the one user-fixable error type, and how both are printed."""

from __future__ import annotations

import json
from dataclasses import dataclass


class DossierError(Exception):
    """Something the user can fix: a missing folder, invalid records, a page collision."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the records, at a 1-based line and column of a file."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


def quote_text(value: object, limit: int = 80) -> str:
    """Quote user text for a one-line message: escaped newlines, shortened past `limit`."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return json.dumps(text, ensure_ascii=False)


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
            f"file={_escape_github_property(problem.path)}",
            f"line={problem.line}",
            f"col={problem.col}",
        ]
    )
    return f"::error {props}::{_escape_github_data(problem.message)}"
