"""Read one YAML record into a node tree that keeps every line, refusing what records never need.

PyYAML's own loaders would construct `!!python/...` tags, silently keep the last of two
duplicate keys, expand alias bombs and recurse without bound. We take only the parser's events
(from libyaml when PyYAML has it: about eight times faster on large input) and compose nodes
ourselves, without recursion: tags, anchors and aliases are reported, never honoured, nothing
is constructed here, and nesting stops at a depth no record reaches. Plain scalars are resolved
by the YAML 1.2 core schema, as editors read them (`yaml_scalars.py`). Invisible and control
characters are refused before parsing, and a file stops at a number of values no record nears.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dossier.problems import Problem
from dossier.read.characters import RAW, name_character, search_forbidden
from dossier.read.yaml_errors import syntax_problem
from dossier.read.yaml_fast import compose_fast
from dossier.read.yaml_scalars import TAG, resolve_plain

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32
# Keys, values and list items in one file. The largest real record (an article of about 50
# paragraphs) has under 200; 5,000 leaves room for any real article while stopping a file of
# repeated lines after a few milliseconds, before duplicate keys or any per-value check runs.
MAX_NODES = 5_000
MAX_CHARACTER_PROBLEMS = 10
_Loader: Any = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class _Stop(Exception):
    """Composing stops here: the file is beyond what any record needs."""

    def __init__(self, located: Located) -> None:
        self.located = located


class SourceScalar(ScalarNode):
    """A scalar node that also keeps its one-line source text (quotes included), or None."""

    source: str | None = None


@dataclass
class Located:
    """A problem found in a file, before the file's path is attached."""

    line: int
    col: int
    message: str


def _at(mark: Any, message: str) -> Located:
    return Located(mark.line + 1, mark.column + 1, message) if mark is not None else Located(1, 1, message)


def _node(cls: Any, tag: str, value: Any, event: Any, **style: Any) -> Node:
    """A node spanning an event (libyaml's marks and PyYAML's are interchangeable here)."""
    node: Node = cls(tag, value, event.start_mark, event.end_mark, **style)
    return node


def _shorthand(tag: str) -> str:
    """Show a tag as it is usually written: `tag:yaml.org,2002:str` -> `!!str`."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def decode_utf8(data: bytes) -> tuple[str | None, Located | None]:
    """Decode a file's bytes as UTF-8, or say at which line and column it is not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Located(1, 1, "file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        bad = data[err.start : err.start + 1].hex()
        return None, Located(line, col, f"file is not UTF-8: byte 0x{bad} cannot be decoded; save it as UTF-8")
    return text.removeprefix("\ufeff"), None


def compose_record(data: bytes, quick: bool = True) -> tuple[Node | None, list[Located]]:
    """Compose one YAML document from a file's bytes; return its root node and what was wrong.

    `quick` lets libyaml compose a plain file in C (`yaml_fast.py`); its nodes carry no source
    text, so a caller that finds a problem in them reads the file again with `quick=False`.
    """
    if len(data) > MAX_FILE_BYTES:
        return None, [Located(1, 1, f"file is too large (over {MAX_FILE_BYTES:,} bytes); a record is far smaller")]
    text, bad_bytes = decode_utf8(data)
    if text is None:
        return None, [bad_bytes] if bad_bytes else []
    bad_characters = find_raw_characters(text)
    if bad_characters:
        return None, bad_characters
    root = compose_fast(text, MAX_NODES) if quick else None
    if root is not None:
        return root, []
    composer = _Composer(_Loader(text), text)
    try:
        root = composer.run()
    except _Stop as stop:
        return None, [*composer.found, stop.located]
    except yaml.MarkedYAMLError as err:
        return None, [*composer.found, Located(*syntax_problem(text, err))]
    except yaml.YAMLError as err:  # reader errors (control characters) carry a position, not a mark
        return None, [*composer.found, _reader_problem(text, err)]
    finally:
        composer.parser.dispose()
    if root is None and not composer.found:
        return None, [Located(1, 1, "file is empty (or holds only comments); a record is a YAML mapping")]
    return root, composer.found


def find_raw_characters(text: str) -> list[Located]:
    """Every control, invisible or bidirectional character in a file (the first ten, then a count)."""
    found: list[Located] = []
    if search_forbidden(RAW, text) is None:  # the usual case, answered without the large class
        return found
    for count, match in enumerate(RAW.finditer(text)):
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        if count == MAX_CHARACTER_PROBLEMS:
            rest = len(RAW.findall(text, match.start()))
            found.append(Located(line, col, f"{rest} more such characters from here on; remove them all"))
            break
        message = f"{name_character(match.group())} is not allowed in a record file; remove it"
        found.append(Located(line, col, message))
    return found


class _Composer:
    """Builds nodes from parser events with an explicit stack, reporting what records forbid."""

    def __init__(self, parser: Any, text: str) -> None:
        self.parser = parser
        self.text = text
        self.found: list[Located] = []
        self.stack: list[list[Any]] = []  # [collection node, pending mapping key or None]
        self.root: Node | None = None
        self.nodes = 0

    def run(self) -> Node | None:
        documents = 0
        while True:
            event: Any = self.parser.get_event()
            if isinstance(event, StreamEndEvent):
                return self.root
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.found.append(_at(event.start_mark, "several YAML documents in one file; a record holds one"))
                    return None
            elif isinstance(event, AliasEvent):
                self.found.append(
                    _at(event.start_mark, f"YAML alias *{event.anchor} is not allowed; write the value out")
                )
                # An empty value stands in, so composing goes on and every later problem is reported.
                self._attach(_node(ScalarNode, "tag:yaml.org,2002:null", "", event))
            elif isinstance(event, ScalarEvent):
                self._attach(self._scalar(event))
            elif isinstance(event, CollectionStartEvent):
                self._open(event)
            elif isinstance(event, CollectionEndEvent):
                self.stack.pop()

    def _scalar(self, event: Any) -> Node:
        """A scalar node: plain ones resolved by the YAML 1.2 core schema, the rest are text."""
        self._refuse_anchor_and_tag(event)
        tag = resolve_plain(event.value) if not event.style else TAG + "str"
        node: Any = _node(SourceScalar, tag, event.value, event, style=event.style)
        if event.start_mark.line == event.end_mark.line:
            node.source = self.text[event.start_mark.index : event.end_mark.index]
        return node

    def _refuse_anchor_and_tag(self, event: Any) -> None:
        """Report an anchor or explicit tag (the value is then read as if neither were there)."""
        if event.anchor is not None:
            self.found.append(_at(event.start_mark, f"YAML anchor &{event.anchor} is not allowed; remove it"))
        if event.tag is not None:
            message = (
                f"explicit YAML tag {_shorthand(event.tag)} is not allowed; remove it (quote the value if it is text)"
            )
            self.found.append(_at(event.start_mark, message))

    def _open(self, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            message = f"nesting deeper than {MAX_DEPTH} levels; records are at most a few levels deep"
            raise _Stop(_at(event.start_mark, message))
        self._refuse_anchor_and_tag(event)
        if isinstance(event, MappingStartEvent):
            node = _node(MappingNode, "tag:yaml.org,2002:map", [], event)
        else:
            node = _node(SequenceNode, "tag:yaml.org,2002:seq", [], event)
        self._attach(node)
        self.stack.append([node, None])

    def _attach(self, node: Node) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            message = (
                f"more than {MAX_NODES:,} values (fields and list items) in one file; "
                "a record holds a few hundred at most, so remove the repeated lines"
            )
            raise _Stop(_at(node.start_mark, message))
        if not self.stack:
            self.root = node
            return
        entry = self.stack[-1]
        parent = entry[0]
        if isinstance(parent, SequenceNode):
            parent.value.append(node)
        elif entry[1] is None:
            entry[1] = node
        else:
            parent.value.append((entry[1], node))
            entry[1] = None


def _reader_problem(text: str, err: yaml.YAMLError) -> Located:
    position = getattr(err, "position", None)
    reason = getattr(err, "reason", None) or str(err)
    if not isinstance(position, int):
        return Located(1, 1, f"YAML error: {reason}")
    before = text[:position]
    line = before.count("\n") + 1
    col = position - (before.rfind("\n") + 1) + 1
    character = getattr(err, "character", None)
    shown = f" (U+{ord(character):04X})" if isinstance(character, str) else ""
    return Located(line, col, f"YAML error: {reason}{shown}; remove the character")


def attach_path(path: str, found: list[Located]) -> list[Problem]:
    """Turn composer findings into problems of the file at `path`."""
    return [Problem(path, f.line, f.col, f.message) for f in found]
