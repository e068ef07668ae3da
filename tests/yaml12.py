"""Read YAML the way an editor does: ruamel.yaml's parser with the YAML 1.2 core schema.

yaml-language-server reads with the YAML 1.2 core schema (null, true/false, decimal, 0o and 0x
integers, floats; everything else is text). ruamel.yaml's own "1.2" resolver keeps some YAML
1.1 readings (0b binary, 1_000, dates, `=`), so this reader gives ruamel's parser the core
schema's rules as YAML 1.2.2 section 10.3.2 writes them. Nothing here comes from the checker.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

_RULES = [
    ("null", r"null|Null|NULL|~|"),
    ("bool", r"true|True|TRUE|false|False|FALSE"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"),
    ("float", r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"),
]


class CoreResolver(VersionedResolver):
    """ruamel's resolver, with plain scalars resolved by the core schema's rules alone."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            name = next((name for name, rule in _RULES if re.fullmatch(rule, value)), "str")
            return Tag(suffix=f"tag:yaml.org,2002:{name}")
        return super().resolve(kind, value, implicit)


def load_yaml12(text: str) -> Any:
    """The data an editor's YAML 1.2 reader hands the JSON Schema."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Resolver = CoreResolver
    return yaml.load(text)
