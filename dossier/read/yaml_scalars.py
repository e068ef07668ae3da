"""What a plain (unquoted) YAML scalar means, read one way for everyone: the YAML 1.2 core schema.

Editors (yaml-language-server, YAML 1.2) and the JSON Schema see `no` as text, `1.4e12` as a
number and `2024-03-10` as text; PyYAML's YAML 1.1 rules see a yes/no value, text and a date.
The checker reads every plain scalar by the 1.2 core schema, so all three agree. Where a YAML
1.1 reader would make a *different number* of the same characters (`017` is octal 15 there),
or a number no reader can hold, the checker asks for a spelling every reader reads alike;
`reading_problem` says which.
"""

from __future__ import annotations

import math
import re
import sys
from typing import Any

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

TAG = "tag:yaml.org,2002:"
# The core schema's plain-scalar rules, as YAML 1.2.2 section 10.3.2 writes them.
_CORE = (
    ("null", re.compile(r"null|Null|NULL|~|")),
    ("bool", re.compile(r"true|True|TRUE|false|False|FALSE")),
    ("int", re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")),
    ("float", re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")),
)
_MAY_BE_OTHER = frozenset("nN~tTfF-+.0123456789")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_MAX_DIGITS = 400  # past this an integer is far beyond any float; never convert its text
_EXACT = 2**53  # integers above this may not survive a float (JavaScript editors, JSON readers)


def resolve_plain(text: str) -> str:
    """The core-schema tag of a plain scalar: null, bool, int, float or str (with the prefix)."""
    if text and text[0] not in _MAY_BE_OTHER:  # most values are words: skip the patterns
        return TAG + "str"
    for name, pattern in _CORE:
        if pattern.fullmatch(text):
            return TAG + name
    return TAG + "str"


def construct(tag: str, text: str) -> Any:
    """The Python value of a scalar of a core-schema tag."""
    name = tag.removeprefix(TAG)
    if name == "null":
        return None
    if name == "bool":
        return text.lower() == "true"
    if name == "int":
        if len(text) > _MAX_DIGITS:
            return math.inf if not text.startswith("-") else -math.inf
        return int(text[2:], 8) if text.startswith("0o") else int(text, 0 if text.startswith("0x") else 10)
    if name == "float":
        lowered = text.lower().lstrip("+")
        if lowered in (".inf", "-.inf", ".nan"):
            return float(lowered.replace(".", ""))
        return float(text)
    return text


def yaml11_reading(text: str) -> Any:
    """What a YAML 1.1 reader (PyYAML's rules) makes of a plain scalar; the text itself if text."""
    tag = Resolver().resolve(ScalarNode, text, (True, False))
    if len(text) > _MAX_DIGITS or tag in (TAG + "str", TAG + "timestamp", TAG + "merge", TAG + "value"):
        return text
    try:
        return SafeConstructor().construct_object(ScalarNode(tag, text))
    except (ValueError, ConstructorError):
        return text


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def plain_number(value: int | float) -> str:
    """A spelling of `value` that every YAML reader reads as this number."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def reading_problem(text: str, value: Any) -> str | None:
    """Why a plain scalar that YAML 1.2 reads as the number `value` must be written otherwise."""
    if _LEADING_ZERO.fullmatch(text):
        other = yaml11_reading(text)
        if is_number(other) and other != value:
            return f"{text} has a leading zero, which makes some YAML readers see octal {other}; write {value}"
        return f"{text} has a leading zero, which some YAML readers take for text; write {value}"
    too_large = isinstance(value, int) and abs(value) > sys.float_info.max  # float(value) would overflow
    if too_large or isinstance(value, float) and math.isinf(value) and "inf" not in text.lower():
        digits = "" if "e" in text.lower() else f" ({len(text.lstrip('+-'))} digits)"
        return f"{_short(text)}{digits} is too large for a number; the largest is about 1.8e+308"
    if isinstance(value, int) and abs(value) > _EXACT and float(value) != value:
        return (
            f"{_short(text)} has more digits than a number can hold exactly; readers keep {float(value)!r}, "
            "so write that, or round it"
        )
    if isinstance(value, float) and value != 0 and abs(value) < sys.float_info.min:
        return f"{_short(text)} is too small to be stored exactly (readers keep {value!r}); write 0 or change the unit"
    if value == 0 and re.search(r"[1-9]", text.lower().partition("e")[0]):
        return f"{_short(text)} is too small for any reader, which would store 0; write 0 or change the unit"
    return None


def text_as_number_problem(text: str) -> str | None:
    """For a plain scalar YAML 1.2 reads as text: the number a YAML 1.1 reader would see, if any."""
    other = yaml11_reading(text)
    if is_number(other) and math.isfinite(other):
        number = plain_number(other)
        return f"{text} is the number {number} to some YAML readers and text to others; write {number}"
    if isinstance(other, bool):
        return f"some YAML readers take an unquoted {text} for a yes/no value"
    return None


def _short(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}…{text[-4:]}"
