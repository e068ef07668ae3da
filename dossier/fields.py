"""Check one composed YAML node tree against a record spec, reporting every problem at its line.

The result is plain values (dicts, lists, strings, numbers, ISO date strings) plus the
position of every value, so later stages can point at a field without re-reading YAML.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import spec as s
from .model import FieldPath
from .problems import quote_text, with_article
from .yaml_tree import Located

_BAD = object()  # marks a value that failed its check; its problem is already reported
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TAG = "tag:yaml.org,2002:"


def format_path(path: FieldPath) -> str:
    """`("sources", 1, "note")` -> `sources[1].note`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def words(values: tuple[str, ...]) -> str:
    """`a, b or c`."""
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]


@dataclass
class Checked:
    """A record's values, where each one stands, and what was wrong."""

    values: dict[str, Any]
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Located] = field(default_factory=list)


def check_record(root: Node, record: s.Obj) -> Checked:
    """Validate a record's root node against its spec."""
    walker = _Walker()
    if not isinstance(root, MappingNode):
        walker.report(root, (), f"the top level must be a mapping of fields (key: value), got {walker.describe(root)}")
        return Checked({}, walker.positions, walker.problems)
    values = walker.check(root, record, ())
    return Checked(values if isinstance(values, dict) else {}, walker.positions, walker.problems)


class _Walker:
    def __init__(self) -> None:
        self.problems: list[Located] = []
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        self._constructor = SafeConstructor()

    def report(self, node: Node, path: FieldPath, message: str) -> None:
        prefix = f"{format_path(path)}: " if path else ""
        mark = node.start_mark
        self.problems.append(Located(mark.line + 1, mark.column + 1, prefix + message))

    def report_field(self, path: FieldPath, message: str) -> None:
        line, col = self.positions.get(path, (1, 1))
        self.problems.append(Located(line, col, f"{format_path(path)}: {message}"))

    def scalar(self, node: ScalarNode) -> Any:
        """The value PyYAML reads from a plain scalar; `_BAD` when it cannot (an unquoted `2026-13-45`)."""
        try:
            return self._constructor.construct_object(node)
        except (ValueError, ConstructorError):
            return _BAD

    def describe(self, node: Node) -> str:
        """Name what YAML made of a node, for "expected X, got Y" messages."""
        if isinstance(node, MappingNode):
            return "a mapping"
        if isinstance(node, SequenceNode):
            return "a list"
        tag = node.tag.removeprefix(_TAG)
        if tag == "null":
            return "nothing" if node.value in ("", "~") else f"null (YAML reads an unquoted {node.value} as empty)"
        if tag == "bool":
            return f"the boolean {node.value} (YAML reads an unquoted {node.value} as a yes/no value)"
        if tag in ("int", "float"):
            return f"the number {node.value}"
        if tag == "timestamp":
            return f"the date {node.value}"
        if tag in ("merge", "value"):
            return f"the YAML special value {node.value}"
        return f"text {quote_text(node.value)}"

    def check(self, node: Node, ftype: s.FieldType, path: FieldPath) -> Any:
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(ftype, s.Obj):
            return self.check_mapping(node, ftype, path)
        if isinstance(ftype, s.ListOf):
            return self.check_list(node, ftype, path)
        if not isinstance(node, ScalarNode):
            self.report(node, path, f"expected {_expected(ftype)}, got {self.describe(node)}")
            return _BAD
        if isinstance(ftype, s.Date):
            return self.check_date(node, path)
        value = self.scalar(node)
        if isinstance(ftype, (s.Number, s.Count)):
            return self.check_number(node, value, ftype, path)
        if not isinstance(value, str):
            hint = ""
            if not node.value:
                hint = "; write a value after the colon"
            elif text_problem(node.value, ftype) is None:
                hint = f"; write it in quotes: {quote_text(node.value)}"
            self.report(node, path, f"expected {_expected(ftype)}, got {self.describe(node)}{hint}")
            return _BAD
        return self.check_text(node, value, ftype, path)

    def check_mapping(self, node: Node, obj: s.Obj, path: FieldPath) -> Any:
        if not isinstance(node, MappingNode):
            self.report(node, path, f"expected a mapping of fields (key: value), got {self.describe(node)}")
            return _BAD
        values: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(name, str) or not name:
                self.report(key_node, path, f"field names must be plain words, got {self.describe(key_node)}")
                continue
            if name in seen:
                self.report(
                    key_node,
                    path,
                    f"duplicate field {quote_text(name)} (first at line {seen[name]}); "
                    "YAML would keep only the last, so merge them",
                )
                continue
            seen[name] = key_node.start_mark.line + 1
            declared = obj.get(name)
            if declared is None:
                self.report(key_node, path, _unknown_field(name, obj))
                continue
            value = self.check(value_node, declared.type, (*path, name))
            if value is not _BAD:
                values[name] = value
        self.check_presence(node, obj, path, values, seen)
        return values

    def check_presence(
        self, node: Node, obj: s.Obj, path: FieldPath, values: dict[str, Any], seen: dict[str, int]
    ) -> None:
        for declared in obj.fields:
            if declared.required and declared.name not in seen:
                self.report(node, path, f"missing required field {quote_text(declared.name)}")
            elif declared.required and values.get(declared.name) == []:
                self.report_field((*path, declared.name), "must list at least one item")
        for cond in obj.conditions:
            decider = _lookup(values, cond.when)
            if not isinstance(decider, str) or (decider in cond.values) == cond.negate:
                continue
            subject = ".".join(cond.when)
            rule = (
                f"unless {subject} is {words(cond.values)}"
                if cond.negate
                else f"when {subject} is {quote_text(decider)}"
            )
            if cond.effect == "required" and cond.field not in seen:
                self.report(node, path, f"missing field {quote_text(cond.field)}, required {rule}")
            elif cond.effect == "required" and values.get(cond.field) == []:
                self.report_field((*path, cond.field), f"must list at least one item {rule}")
            elif cond.effect == "forbidden" and cond.field in seen:
                only = f"; it belongs only where {subject} is {words(cond.values)}" if cond.negate else ""
                self.report_field((*path, cond.field), f"not allowed when {subject} is {quote_text(decider)}{only}")

    def check_list(self, node: Node, listing: s.ListOf, path: FieldPath) -> Any:
        if not isinstance(node, SequenceNode):
            self.report(
                node, path, f'expected a list (one item per line, each starting with "- "), got {self.describe(node)}'
            )
            return _BAD
        items: list[Any] = []
        first_line: dict[Any, int] = {}
        for index, item_node in enumerate(node.value):
            value = self.check(item_node, listing.item, (*path, index))
            if value is _BAD:
                continue
            key = value.get(listing.unique_key) if listing.unique_key and isinstance(value, dict) else value
            if listing.unique and isinstance(key, str):
                if key in first_line:
                    self.report(
                        item_node, (*path, index), f"repeats {quote_text(key)} (already at line {first_line[key]})"
                    )
                    continue
                first_line[key] = item_node.start_mark.line + 1
            items.append(value)
        return items

    def check_text(self, node: ScalarNode, value: str, ftype: s.FieldType, path: FieldPath) -> Any:
        problem = text_problem(value, ftype)
        if problem is not None:
            self.report(node, path, problem)
            return _BAD
        return value

    def check_number(self, node: ScalarNode, value: Any, ftype: s.FieldType, path: FieldPath) -> Any:
        if isinstance(ftype, s.Count):
            if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
                return value
            self.report(node, path, f"expected a whole number of 1 or more, got {self.describe(node)}")
            return _BAD
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return value
        hint = ""
        if isinstance(value, str) and _is_number(value):
            hint = "; remove the quotes" if node.style else _exponent_hint(value)
        self.report(node, path, f"expected a finite number, got {self.describe(node)}{hint}")
        return _BAD

    def check_date(self, node: ScalarNode, path: FieldPath) -> Any:
        expected = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
        value = self.scalar(node)
        if value is _BAD:
            self.report(node, path, f"{quote_text(node.value)} is not a date that exists")
            return _BAD
        if isinstance(value, datetime.datetime):
            self.report(node, path, f"{expected}, without a time; got {quote_text(node.value)}")
            return _BAD
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
            return f"{value:04d}"
        match = _DATE.match(value) if isinstance(value, str) else None
        if match is None:
            self.report(node, path, f"{expected}, got {self.describe(node)}")
            return _BAD
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            datetime.date(year, month, day)
        except ValueError:
            self.report(node, path, f"{quote_text(value)} is not a date that exists")
            return _BAD
        return value


def text_problem(value: str, ftype: s.FieldType) -> str | None:
    """What is wrong with `value` as the text of a field of type `ftype`, or None."""
    if isinstance(ftype, s.Url):
        try:
            parts = urlsplit(value)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname) and not any(c.isspace() for c in value)
        except ValueError:  # e.g. an unbalanced "[" in the host, read as an IPv6 address
            valid = False
        return None if valid else f"expected an http(s) URL, got {quote_text(value)}"
    if isinstance(ftype, s.Choice):
        if value in ftype.values:
            return None
        close = difflib.get_close_matches(value, ftype.values, n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return f"expected one of {', '.join(ftype.values)}; got {quote_text(value)}{hint}"
    text = _ID if isinstance(ftype, s.Ref) else ftype
    if not isinstance(text, s.Text):
        raise TypeError(f"no text rule for {ftype!r}")
    if not value.strip():
        return "must not be empty"
    if text.one_line and ("\n" in value or "\r" in value):
        return "expected one line of text, found a line break"
    if text.max_length is not None and len(value) > text.max_length:
        return f"is {len(value)} characters long; at most {text.max_length} are allowed"
    if text.pattern is not None and not re.fullmatch(text.pattern, value):
        return f"expected {_expected(ftype)}; got {quote_text(value)}"
    return None


_ID = s.Text(one_line=True, max_length=64, pattern=s.ID_PATTERN, hint=s.ID_HINT)


def _exponent_hint(text: str) -> str:
    """PyYAML (YAML 1.1) reads `1.4e12` as text: a float needs a dot and a signed exponent."""
    mantissa, _, exponent = text.lower().partition("e")
    if not exponent:
        return ""
    mantissa = mantissa if "." in mantissa else mantissa + ".0"
    exponent = exponent if exponent[0] in "+-" else "+" + exponent
    return f"; YAML reads this form as text, write {mantissa}e{exponent}"


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _lookup(values: dict[str, Any], path: tuple[str, ...]) -> Any:
    current: Any = values
    for part in path:
        current = current.get(part) if isinstance(current, dict) else None
    return current


def _unknown_field(name: str, obj: s.Obj) -> str:
    known = [f.name for f in obj.fields]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"unknown field {quote_text(name)}; did you mean {quote_text(close[0])}?"
    return f"unknown field {quote_text(name)}; allowed here: {', '.join(known)}"


def _expected(ftype: s.FieldType) -> str:
    """What a field holds, in words, for "expected …" messages."""
    if isinstance(ftype, s.Ref):
        return f"{with_article(ftype.kind)} id ({s.ID_RULE})"
    if isinstance(ftype, s.Text) and ftype.hint:
        return ftype.hint
    if isinstance(ftype, s.Choice):
        return f"one of {', '.join(ftype.values)}"
    names = {
        s.Url: "an http(s) URL",
        s.Number: "a finite number",
        s.Count: "a whole number of 1 or more",
        s.Date: "a date as YYYY, YYYY-MM or YYYY-MM-DD",
        s.ListOf: "a list",
        s.Obj: "a mapping of fields",
    }
    return names.get(type(ftype), "text")
