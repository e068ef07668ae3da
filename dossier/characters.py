"""Characters a record may not hold: controls, invisible characters and bidirectional overrides.

They let a record show a reviewer one thing and publish another (U+202E reverses the text that
follows; a zero-width space makes a visual twin of a name), break front matter, CSV cells and
terminals, or are not characters at all (U+FFFE). Messages name them as U+XXXX and never
print them.
"""

from __future__ import annotations

import re

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
# Anywhere in a file, comments included. Tab, line feed and carriage return are YAML's own.
RAW = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_ZERO_WIDTH}{_NONCHARACTERS}]")
# In a value (where a double-quoted escape such as "\e" or "\u202e" can put them).
IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_ZERO_WIDTH}{_NONCHARACTERS}]")
# In a one-line value: no tab either (a line break gets its own message).
IN_LINE = re.compile(f"[\t{IN_TEXT.pattern[1:-1]}]")


def name_character(char: str) -> str:
    """`U+202E (an invisible bidirectional-text control)`."""
    code = ord(char)
    if char == "\t":
        kind = "a tab"
    elif code < 0x20 or 0x7F <= code <= 0x9F:
        kind = "a control character"
    elif re.match(f"[{_BIDI}]", char):
        kind = "an invisible bidirectional-text control"
    elif re.match(f"[{_ZERO_WIDTH}]", char):
        kind = "an invisible zero-width character"
    elif char in "\u2028\u2029":
        kind = "a line or paragraph separator"
    else:
        kind = "a Unicode noncharacter"
    return f"U+{code:04X} ({kind})"


# YAML double-quoted escapes that stand for one character (\x, \u and \U take hex digits).
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}


def find_in_source(source: str, double_quoted: bool, bad: re.Pattern[str]) -> tuple[int, str] | None:
    """Offset in a scalar's one-line source, and the character, of the first match of `bad`.

    The source includes any quotes; in double quotes an escape counts at its backslash.
    """
    index = 0
    while index < len(source):
        char, width = source[index], 1
        if double_quoted and char == "\\" and index + 1 < len(source):
            letter = source[index + 1]
            digits = _HEX_LENGTH.get(letter, 0)
            try:
                char = chr(int(source[index + 2 : index + 2 + digits], 16)) if digits else _ESCAPES[letter]
            except (KeyError, ValueError):
                char = letter
            width = 2 + digits
        if bad.match(char):
            return index, char
        index += width
    return None


# The same characters for a JSON Schema pattern (ECMA-262 and Python read \uXXXX alike; the
# supplementary-plane noncharacters are left to the checker, as patterns differ on them).
SCHEMA_CLASS = (
    r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    r"\u200b-\u200d\u2060\ufeff\ufdd0-\ufdef\ufffe\uffff"
)
