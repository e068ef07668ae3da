"""Turn a YAML parser error into the line where the mistake is and a plain fix.

libyaml reports where it gave up, in its own words ("could not find expected ':'" on the line
after the one that lacks the colon). Each rule below recognises one common mistake from the
parser's words and the text around its marks, and says what to change, where; anything else
keeps the parser's words, prefixed "YAML syntax error".
"""

from __future__ import annotations

import re
from typing import Any

Where = tuple[int, int, str]  # 1-based line and column, message
_PREFIX = "YAML syntax error: "
_FIELD = re.compile(r"\s*(- +)?[^\s#:'\"][^:#]*:(\s|$)")  # a line that holds "name:" (maybe after "- ")


def syntax_problem(text: str, err: Any) -> Where:
    """Where the mistake behind a parser error is, and what to do about it."""
    lines = text.split("\n")
    problem, context = err.problem or "", err.context or ""
    mark = err.problem_mark or err.context_mark
    rules = (_tab, _quote, _flow, _missing_colon, _colon_in_value, _indentation, _bad_start, _escape, _block)
    for rule in rules:
        found = rule(lines, problem, context, err)
        if found is not None:
            line, col, message = found
            return line, col, _PREFIX + message
    parts = [p for p in (context, problem) if p]
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return line, col, _PREFIX + "; ".join(parts)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _tab(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """A tab in a line's indentation (YAML indents with spaces only)."""
    for mark in (err.problem_mark, err.context_mark):
        if mark is None:
            continue
        for number in (mark.line + 1, mark.line):  # the error line, or the line before it
            text = _line(lines, number)
            indent = text[: len(text) - len(text.lstrip(" \t"))]
            if "\t" in indent and text.strip():
                col = indent.index("\t") + 1
                return number, col, f"a tab is used for indentation on line {number}; indent with spaces"
    return None


def _quote(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """A quote opened and never closed, or closed early with more text after it."""
    if "quoted scalar" in context and "end of stream" in problem:
        return _unclosed_quote(lines, err.context_mark)
    mark = err.problem_mark
    if mark is None or problem not in ("did not find expected key", "could not find expected ':'"):
        return None
    before = _line(lines, mark.line + 1)[: mark.column].rstrip()
    if before.endswith(('"', "'")) and mark.column > len(before):
        message = "text follows the closing quote; put the whole value in one pair of quotes"
        return mark.line + 1, mark.column + 1, message
    for number in range(mark.line, 0, -1):  # a quote left open further up swallowed the lines between
        opened = _open_quote(_line(lines, number))
        if opened is not None:
            return _unclosed_quote(lines, _Mark(number - 1, opened))
    return None


class _Mark:
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


def _open_quote(text: str) -> int | None:
    """The column of a value's opening quote that is not closed on its own line."""
    match = re.match(r"\s*(?:- +)?(?:[^\s#:'\"][^:#]*:\s+)?(?:- +)?(['\"])", text)
    if match is None:
        return None
    quote, rest = match.group(1), text[match.end() :]
    closed = re.search(r'(?<!\\)(\\\\)*"' if quote == '"' else r"'(?!')", rest.replace("''", ""))
    return None if closed else match.start(1)


def _unclosed_quote(lines: list[str], mark: Any) -> Where:
    quote = _line(lines, mark.line + 1)[mark.column : mark.column + 1] or '"'
    return (
        mark.line + 1,
        mark.column + 1,
        f"the quote {quote} opened on line {mark.line + 1} is never closed; end the value with {quote}",
    )


def _flow(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """A [list] or {mapping} that is never closed (or whose items lack a comma)."""
    kind = "list" if "flow sequence" in context else "mapping" if "flow mapping" in context else None
    if kind is None or err.context_mark is None:
        return None
    opener, closer = ("[", "]") if kind == "list" else ("{", "}")
    mark = err.context_mark
    return (
        mark.line + 1,
        mark.column + 1,
        f'the {kind} opened with "{opener}" on line {mark.line + 1} is never closed; '
        f'end it with "{closer}" (and separate its items with ", ")',
    )


def _missing_colon(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """A field line without its colon; libyaml notices only on a later line."""
    if problem == "could not find expected ':'" and err.context_mark is not None:
        number = err.context_mark.line + 1
        return number, err.context_mark.column + 1, _no_colon(number)
    if problem != "mapping values are not allowed in this context" or err.problem_mark is None:
        return None
    # The plain text before this colon began on an earlier line: that line has no colon.
    number = err.problem_mark.line + 1
    indent = _indent(_line(lines, number))
    for above in range(number - 1, 0, -1):
        text = _line(lines, above)
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if _indent(text) == indent and not _FIELD.match(text):
            return above, indent + 1, _no_colon(above)
        return None
    return None


def _no_colon(number: int) -> str:
    return f'line {number} has no ":" after its field name; write it as name: value'


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _colon_in_value(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """`claim: a: b`: a colon and a space inside a plain value start a mapping."""
    mark = err.problem_mark
    if problem != "mapping values are not allowed in this context" or mark is None:
        return None
    text = _line(lines, mark.line + 1)
    if _FIELD.match(text) and text.index(":") < mark.column:
        return mark.line + 1, mark.column + 1, 'a value holds ": " (a colon and a space); put the whole value in quotes'
    above = next((t for t in reversed(lines[: mark.line]) if t.strip() and not t.lstrip().startswith("#")), "")
    if _indent(text) > _indent(above):
        return mark.line + 1, _indent(text) + 1, _misaligned(mark.line + 1, "indented more than the line above it")
    return None


def _misaligned(number: int, how: str) -> str:
    return f"line {number} is {how}; give the fields of one mapping the same indentation"


def _indentation(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """A field or list item out of line with its neighbours."""
    mark = err.problem_mark
    if problem not in ("did not find expected key", "did not find expected '-' indicator") or mark is None:
        return None
    text = _line(lines, mark.line + 1)
    if mark.column != _indent(text):
        return None
    if text.lstrip().startswith("- "):
        message = f"the list item on line {mark.line + 1} is not lined up under a field or with the items above it"
        return mark.line + 1, mark.column + 1, message + '; indent every "- " of one list the same'
    return mark.line + 1, mark.column + 1, _misaligned(mark.line + 1, "not lined up with the fields above it")


def _bad_start(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """A plain value starting with a character YAML reserves (@, `, %, &, *, |x)."""
    mark = err.problem_mark
    if mark is None or not (
        problem == "found character that cannot start any token"
        or "anchor" in context
        or "alias" in context
        or "directive" in context
    ):
        return None
    start = err.context_mark if err.context_mark is not None and "token" not in context else mark
    char = _line(lines, start.line + 1)[start.column : start.column + 1]
    return start.line + 1, start.column + 1, f'a value cannot start with "{char}" in YAML; put the value in quotes'


def _escape(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """`"C:\\path"`: a backslash in double quotes starts an escape."""
    mark = err.problem_mark
    if problem != "found unknown escape character" or mark is None:
        return None
    sequence = _line(lines, mark.line + 1)[mark.column : mark.column + 2]
    return (
        mark.line + 1,
        mark.column + 1,
        f"{sequence} is not an escape YAML knows in double quotes; write \\\\ for a backslash, or use single quotes",
    )


def _block(lines: list[str], problem: str, context: str, err: Any) -> Where | None:
    """`claim: |text`: after | or > only an indentation digit, - or + may stand."""
    mark = err.problem_mark
    if "block scalar" not in context or mark is None:
        return None
    return mark.line + 1, mark.column + 1, 'after "|" or ">" the text starts on the next line, indented; move it there'
