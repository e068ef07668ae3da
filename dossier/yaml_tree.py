"""Read one YAML record into a node tree that keeps every line, refusing what records never need.

PyYAML's own loaders would construct `!!python/...` tags, silently keep the last of two
duplicate keys, expand alias bombs and recurse without bound. We compose nodes only (nothing is
constructed here), reject tags, anchors and aliases as they are parsed, and stop at a depth no
record reaches, so hostile input costs little time and memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import Node, ScalarNode

from .problems import Problem

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32


@dataclass
class Located:
    """A problem found while composing, before a path is attached."""

    line: int
    col: int
    message: str


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


class _RecordLoader(yaml.SafeLoader):
    """A SafeLoader whose composer reports tags, anchors and aliases instead of honouring them."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.found: list[Located] = []
        self.depth = 0

    def _report(self, mark: Any, message: str) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.found.append(Located(line, col, message))

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            self.get_event()
            self._report(event.start_mark, f"YAML alias *{event.anchor} is not allowed in records; write the value out")
            # Stand in an empty value so composing goes on and every later problem is reported too.
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)  # type: ignore[arg-type]
        if isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if event.anchor is not None:
                self._report(event.start_mark, f"YAML anchor &{event.anchor} is not allowed in records; remove it")
                event.anchor = None
            if event.tag is not None:
                self._report(
                    event.start_mark,
                    f"explicit YAML tag {_shorthand(event.tag)} is not allowed in records; remove it"
                    " (quote the value if it is text)",
                )
                event.tag = None
                if isinstance(event, ScalarEvent):
                    plain = event.style is None
                    event.implicit = (plain, not plain)
                else:
                    event.implicit = True
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _shorthand(tag: str) -> str:
    """Show a tag as it is usually written: `tag:yaml.org,2002:str` -> `!!str`."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def decode_utf8(data: bytes) -> tuple[str | None, Located | None]:
    """Decode a file's bytes as UTF-8, or say at which line and column it is not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        bad = data[err.start : err.start + 1].hex()
        return None, Located(line, col, f"file is not UTF-8: byte 0x{bad} cannot be decoded; save it as UTF-8")
    return text.removeprefix("\ufeff"), None


def compose_record(data: bytes) -> tuple[Node | None, list[Located]]:
    """Compose one YAML document from a file's bytes; return its root node and what was wrong."""
    if len(data) > MAX_FILE_BYTES:
        size = f"{len(data):,} bytes"
        return None, [Located(1, 1, f"file is too large ({size}; a record is at most {MAX_FILE_BYTES:,})")]
    text, bad_bytes = decode_utf8(data)
    if text is None:
        return None, [bad_bytes] if bad_bytes else []
    loader = _RecordLoader(text)
    try:
        root = loader.get_single_node()
    except _TooDeep as err:
        mark = err.mark
        message = f"nesting deeper than {MAX_DEPTH} levels; records are at most a few levels deep"
        return None, [*loader.found, Located(mark.line + 1, mark.column + 1, message)]
    except yaml.MarkedYAMLError as err:
        return None, [*loader.found, _syntax_problem(err)]
    except yaml.YAMLError as err:  # reader errors (control characters) carry no mark
        return None, [*loader.found, Located(1, 1, f"YAML error: {err}")]
    finally:
        loader.dispose()
    if root is None:
        return None, [Located(1, 1, "file is empty (or holds only comments); a record is a YAML mapping")]
    return root, loader.found


def _syntax_problem(err: yaml.MarkedYAMLError) -> Located:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if err.context == "expected a single document in the stream":
        return Located(line, col, "several YAML documents in one file; a record file holds exactly one")
    parts = [p for p in (err.context, err.problem) if p]
    return Located(line, col, "YAML syntax error: " + "; ".join(parts))


def attach_path(path: str, found: list[Located]) -> list[Problem]:
    """Turn composer findings into problems of the file at `path`."""
    return [Problem(path, f.line, f.col, f.message) for f in found]
