"""The quick reading of a clean record: libyaml composes the whole tree in C.

`yaml_tree._Composer` turns parser events into nodes in Python, so it can refuse anchors,
aliases and tags, count values and keep every mark. That costs about five times libyaml's own
composer, and most files need none of it. This path answers only for files the careful one
would accept without a word: the text holds no token that could start an anchor, alias or tag;
it is one document; it stays under the value budget; and it is read on the main thread. Any
doubt returns None and the careful path reads the file. The loader also rereads every file
whose fields have a problem the careful way, so messages never depend on which path ran.

libyaml's composer recurses, once per level of nesting. libyaml stops at 1,000 levels (a test
holds it to that), which measured about 400 KB of C stack: safe on a main thread (1 MB or more
everywhere) but not on a thread with a small stack, such as a server's worker on macOS.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode

from dossier.read.yaml_scalars import TAG, resolve_plain

# "&anchor", "*alias" and "!tag" are only read as such at the start of a node: after a space,
# a line break, "[", "{", "," or ":" (flow keys may be followed directly by their value).
_MAYBE_PROPERTY = re.compile(r"(?:^|[\s\[{,:])[&*!]")
_STR, _SEQ, _MAP = TAG + "str", TAG + "seq", TAG + "map"


class _Unsure(Exception):
    """The careful path must read this file."""


def compose_fast(text: str, max_nodes: int) -> Node | None:
    """The root node of a plain one-document record, or None when the careful path must read it."""
    if not yaml.__with_libyaml__ or threading.current_thread() is not threading.main_thread():
        return None
    if ("&" in text or "*" in text or "!" in text) and _MAYBE_PROPERTY.search(text):
        return None
    loader = _CoreComposer(text, max_nodes)
    try:
        root: Node | None = loader.get_single_node()
    except (yaml.YAMLError, _Unsure):  # several documents, a syntax error, too many values
        return None
    finally:
        loader.dispose()
    return root


# PyYAML's C parser class, when PyYAML was built with libyaml (its wheels are).
_CParser: Any = vars(yaml.cyaml)["CParser"] if yaml.__with_libyaml__ else object


class _CoreComposer(_CParser):
    """libyaml's composer alone (no PyYAML constructor or resolver), with YAML 1.2 core-schema
    tags and a count of the values it makes."""

    def __init__(self, text: str, max_nodes: int) -> None:
        super().__init__(text)
        self.nodes_left = max_nodes

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        # Called once for each node without an explicit tag; the text screen rules tags out.
        self.nodes_left -= 1
        if self.nodes_left < 0:
            raise _Unsure
        if kind is ScalarNode:
            return resolve_plain(value) if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP

    # The composer reports each step down and back up the tree, for PyYAML's path resolvers.
    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass
