"""Check one composed YAML node tree against a record spec, reporting every problem at its line.

The result is plain values (dicts, lists, strings, numbers, ISO date strings) plus the
position of every value, so later stages can point at a field without re-reading YAML. Scalars
are read as YAML 1.2 reads them (see `yaml_scalars.py`); every string value is first screened
for invisible and control characters and for placeholders left from a template.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dossier.problems import quote_text, with_article
from dossier.read import spec as s
from dossier.read.characters import IN_LINE, IN_TEXT, find_in_source, name_character, search_forbidden
from dossier.read.model import FieldPath
from dossier.read.templates import PLACEHOLDERS
from dossier.read.yaml_scalars import TAG, construct, is_number, reading_problem, resolve_plain, text_as_number_problem
from dossier.read.yaml_tree import Located

_BAD = object()  # marks a value that failed its check; its problem is already reported
# ASCII digits only, and the whole value: "\d" takes any script's digits and "$" a final newline.
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)
_DATE_TIME = re.compile(r"^[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+)[0-9]", re.ASCII)
_TAG = TAG
_STR = TAG + "str"
_FIRST_YEAR = 1900
_LIMIT_REASON = "the largest figure the site can chart; give it in a larger unit, such as usd-trillion"
_PLACEHOLDER_WORDS = frozenset({"todo", "tbd", "fixme", "xxx"})
_PLACEHOLDER_WORD = re.compile("|".join(sorted(_PLACEHOLDER_WORDS)))
_OUTER_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


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


def check_record(
    root: Node, record: s.Obj, today: datetime.date | None = None, *, no_hidden_characters: bool = False
) -> Checked:
    """Validate a record's root node against its spec; `today` bounds dates of things done.

    `no_hidden_characters` says the caller has screened the whole file (see `file_hides_nothing`),
    so no value needs its own search for forbidden characters.
    """
    walker = _Walker(today or datetime.date.today(), screen_characters=not no_hidden_characters)
    if not isinstance(root, MappingNode):
        walker.report(root, (), f"the top level must be a mapping of fields (key: value), got {walker.describe(root)}")
        return Checked({}, walker.positions, walker.problems)
    values = walker.check(root, record, ())
    return Checked(values if isinstance(values, dict) else {}, walker.positions, walker.problems)


def file_hides_nothing(data: bytes) -> bool:
    r"""True when no value composed from this file can hold a character `screen` refuses.

    The composer has already refused every such character in the raw text except a tab and a
    carriage return, and YAML folds raw line breaks into "\n". A value can only hold one by way of
    a tab or carriage return in the file, or a double-quoted escape ("\t", "\u202e"), so a file
    with none of those three bytes needs no search per value (a few hundred per record).
    """
    return b"\\" not in data and b"\t" not in data and b"\r" not in data


class _Walker:
    def __init__(self, today: datetime.date, screen_characters: bool = True) -> None:
        self.problems: list[Located] = []
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        self.today = today
        self.screen_characters = screen_characters

    def report(self, node: Node, path: FieldPath, message: str) -> None:
        prefix = f"{format_path(path)}: " if path else ""
        mark = node.start_mark
        self.problems.append(Located(mark.line + 1, mark.column + 1, prefix + message))

    def report_field(self, path: FieldPath, message: str) -> None:
        line, col = self.positions.get(path, (1, 1))
        self.problems.append(Located(line, col, f"{format_path(path)}: {message}"))

    def report_at(self, node: ScalarNode, offset: int | None, path: FieldPath, message: str) -> None:
        """Report at a character `offset` inside a one-line scalar's source, else at its start."""
        mark = node.start_mark
        col = mark.column + 1 + (offset or 0)
        self.problems.append(Located(mark.line + 1, col, f"{format_path(path)}: {message}" if path else message))

    def scalar(self, node: ScalarNode) -> Any:
        """The value of a scalar as YAML 1.2 reads it (the composer has resolved its tag)."""
        return construct(node.tag, node.value)

    def screen(self, node: ScalarNode, value: str, ftype: s.FieldType | None, path: FieldPath) -> bool:
        """Report a forbidden character or a template placeholder in a string value; True if clean."""
        # Multi-line text may hold tabs; line breaks in one-line text get their own message later.
        forbidden = IN_TEXT if type(ftype) is s.Text and not ftype.one_line else IN_LINE
        bad = search_forbidden(forbidden, value) if self.screen_characters else None
        if bad is not None:
            source = getattr(node, "source", None)
            found = find_in_source(source, node.style == '"', forbidden) if source else None
            char = found[1] if found else bad.group()
            where = "in one-line text; use a space" if char == "\t" else "in a record; remove it"
            self.report_at(node, found[0] if found else None, path, f"{name_character(char)} is not allowed {where}")
            return False
        if ftype is not None and _is_placeholder(value):
            what = "the text" if _expected(ftype) == "text" else _expected(ftype)
            self.report(node, path, f"fill in {what}; {quote_text(value)} is a placeholder")
            return False
        return True

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
            return f"the number {_short(node.value)}"
        return f"text {quote_text(node.value)}"

    def check(self, node: Node, ftype: s.FieldType, path: FieldPath) -> Any:
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        # Spec classes are a closed set, so `type(...) is` stands in for (slower) isinstance.
        if type(ftype) is s.Obj:
            return self.check_mapping(node, ftype, path)
        if type(ftype) is s.ListOf:
            return self.check_list(node, ftype, path)
        if not isinstance(node, ScalarNode):
            self.report(node, path, f"expected {_expected(ftype)}, got {self.describe(node)}")
            return _BAD
        value = node.value if node.tag == _STR else self.scalar(node)
        if type(value) is str and not self.screen(node, value, ftype, path):
            return _BAD
        if type(ftype) is s.Date:
            return self.check_date(node, ftype, path)
        if type(ftype) is s.Number or type(ftype) is s.Count:
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
            if name is not None and self.screen_characters and not self.screen(key_node, name, None, path):
                continue
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
        for declared in obj.required:
            if declared.name not in seen:
                self.report(node, path, f"missing required field {quote_text(declared.name)}")
            elif values.get(declared.name) == []:
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
        if listing.max_items is not None and len(node.value) > listing.max_items:
            self.report(node, path, f"has {len(node.value):,} items; at most {listing.max_items} are allowed")
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
        expected = _expected(ftype)
        if is_number(value):
            problem = reading_problem(node.value, value)
            if problem is None and isinstance(ftype, s.Count) and isinstance(value, float) and value.is_integer():
                problem = f"{node.value} is not written as a whole number; write {int(value)}"
            if problem is not None:
                self.report(node, path, problem)
                return _BAD
            if isinstance(ftype, s.Count) and (not isinstance(value, int) or value < 1):
                self.report(node, path, f"expected {expected}, got {self.describe(node)}")
                return _BAD
            if isinstance(value, float) and not math.isfinite(value):
                self.report(node, path, f"expected {expected}, got {self.describe(node)}")
                return _BAD
            limit = ftype.limit if type(ftype) is s.Number else None
            if limit is not None and abs(value) > limit:
                self.report(node, path, f"{_short(node.value)} is beyond ±{limit:g}, {_LIMIT_REASON}")
                return _BAD
            return value
        hint = ""
        if isinstance(value, str) and not node.style:
            other = text_as_number_problem(node.value)
            if other is not None and other.startswith(node.value):
                self.report(node, path, other)
                return _BAD
            hint = f"; {other}" if other else ""
        elif isinstance(value, str) and resolve_plain(value.strip()).endswith(("int", "float")):
            hint = "; remove the quotes"
        self.report(node, path, f"expected {expected}, got {self.describe(node)}{hint}")
        return _BAD

    def check_date(self, node: ScalarNode, ftype: s.Date, path: FieldPath) -> Any:
        expected = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
        text = node.value
        if node.tag in (_TAG + "int", _TAG + "str") and _DATE_TIME.match(text):
            self.report(node, path, f"{expected}, without a time; got {quote_text(text)}")
            return _BAD
        match = _DATE.fullmatch(text) if node.tag in (_TAG + "int", _TAG + "str") else None
        if match is None:
            self.report(node, path, f"{expected}, got {self.describe(node)}")
            return _BAD
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            first_day = datetime.date(year, month, day)
        except ValueError:
            self.report(node, path, f"{quote_text(text)} is not a date that exists")
            return _BAD
        if year < _FIRST_YEAR:
            self.report(node, path, f"{text} is before {_FIRST_YEAR}; records hold dates from {_FIRST_YEAR} on")
            return _BAD
        if ftype.past and first_day > self.today:
            self.report(node, path, f"{text} is after today; only a figure's dates may lie in the future")
            return _BAD
        return text


def url_port_problem(url: str) -> str | None:
    """What is wrong with the port an http(s) URL names (a number from 1 to 65535, or none), or None."""
    try:
        port = urlsplit(url).port  # ValueError when not a number or past 65535
    except ValueError:
        port = 0
    if port == 0:
        return f"the port in {quote_text(url)} is not a number from 1 to 65535"
    return None


def text_problem(value: str, ftype: s.FieldType) -> str | None:
    """What is wrong with `value` as the text of a field of type `ftype`, or None."""
    if type(ftype) is s.Url:
        try:
            parts = urlsplit(value)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname) and not any(c.isspace() for c in value)
        except ValueError:  # e.g. an unbalanced "[" in the host, read as an IPv6 address
            valid = False
        if not valid:
            return f"expected an http(s) URL, got {quote_text(value)}"
        return url_port_problem(value)
    if type(ftype) is s.Unit:
        return _unit_problem(value)
    if type(ftype) is s.Choice:
        if value in ftype.values:
            return None
        close = difflib.get_close_matches(value, ftype.values, n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return f"expected one of {', '.join(ftype.values)}; got {quote_text(value)}{hint}"
    text = _ID if type(ftype) is s.Ref else ftype
    if type(text) is not s.Text:
        raise TypeError(f"no text rule for {ftype!r}")
    if not value.strip():
        return "must not be empty"
    if text.one_line and ("\n" in value or "\r" in value):
        return "expected one line of text, found a line break"
    if text.max_length is not None and len(value) > text.max_length:
        return f"is {len(value)} characters long; at most {text.max_length} are allowed"
    if text.compiled is not None and not text.compiled.fullmatch(value):
        return f"expected {_expected(ftype)}; got {quote_text(value)}"
    return None


_ID = s.Text(one_line=True, max_length=64, pattern=s.ID_PATTERN, hint=s.ID_HINT)


def _unit_problem(value: str) -> str | None:
    """A unit is an ISO 4217 code in capitals, or a lowercase word that is not a currency code."""
    if value in s.CURRENCY_CODES:
        return None
    if value.upper() in s.CURRENCY_CODES:
        return f'{quote_text(value)} is a currency code, written in capitals; did you mean "{value.upper()}"?'
    if re.fullmatch("[A-Z]{3}", value):
        close = difflib.get_close_matches(value, sorted(s.CURRENCY_CODES), n=3, cutoff=0.6)
        closest = f"; closest: {', '.join(close)}" if close else ""
        return f"{quote_text(value)} is not an ISO 4217 currency code{closest}"
    if re.fullmatch(s.UNIT_PATTERN, value):
        return None
    return f"expected {s.UNIT_HINT}; got {quote_text(value)}"


def _is_placeholder(value: str) -> bool:
    """TODO, TBD, FIXME, XXX or an ellipsis, alone (any case, any punctuation around), or a template hint."""
    bare = value.strip()
    if bare in PLACEHOLDERS or (bool(bare) and not bare.strip(".… ")):
        return True
    if len(bare) > 20 or _PLACEHOLDER_WORD.search(bare.casefold()) is None:  # the usual case, without the strip below
        return False
    return _OUTER_PUNCTUATION.sub("", bare).casefold() in _PLACEHOLDER_WORDS


def _short(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}…{text[-4:]} ({len(text)} characters)"


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
    if isinstance(ftype, s.Unit):
        return s.UNIT_HINT
    names = {
        s.Url: "an http(s) URL",
        s.Number: "a finite number",
        s.Count: "a whole number of 1 or more",
        s.Date: "a date as YYYY, YYYY-MM or YYYY-MM-DD",
        s.ListOf: "a list",
        s.Obj: "a mapping of fields",
    }
    return names.get(type(ftype), "text")
