"""Characters a record may not hold: controls, invisible characters and bidirectional overrides.

They let a record show a reviewer one thing and publish another (U+202E reverses the text that
follows; a zero-width space makes a visual twin of a name), break front matter, CSV cells and
terminals, or are not characters at all (U+FFFE). Messages name them as U+XXXX and never
print them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"


def _format_characters() -> str:
    """Every other invisible format character (Unicode category Cf): soft hyphen, invisible operators, tags."""
    planes = itertools.chain(range(0x20000), range(0xE0000, 0xE1000))  # where Cf characters are assigned
    named = set(_BIDI_CHARS + _ZERO_WIDTH_CHARS)
    return "".join(re.escape(chr(c)) for c in planes if unicodedata.category(chr(c)) == "Cf" and chr(c) not in named)


_BIDI_CHARS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_FORMAT = _format_characters()
# Private use has no agreed meaning, surrogates are halves of characters, and the Hangul fillers
# and the combining grapheme joiner draw nothing: each can make a visual twin of a name.
_PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_SURROGATES = "\ud800-\udfff"
_FILLERS = "\u034f\u115f\u1160\u3164\uffa0"
_INVISIBLE = _FORMAT + _PRIVATE_USE + _SURROGATES + _FILLERS
# Anywhere in a file, comments included. Tab, line feed and carriage return are YAML's own.
RAW = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_ZERO_WIDTH}{_NONCHARACTERS}{_INVISIBLE}]")
# In a value (where a double-quoted escape such as "\e" or "\u202e" can put them).
IN_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_ZERO_WIDTH}{_NONCHARACTERS}{_INVISIBLE}]")
# In a one-line value: no tab either (a line break gets its own message).
IN_LINE = re.compile(f"[\t{IN_TEXT.pattern[1:-1]}]")

# The same for text that is all ASCII, by far the most common case: a tiny class is much faster
# to search than one holding every invisible character of Unicode.
_ASCII_FAST = {
    RAW: re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"),
    IN_TEXT: re.compile("[\x00-\x08\x0b-\x1f\x7f]"),
    IN_LINE: re.compile("[\t\x00-\x08\x0b-\x1f\x7f]"),
}


def search_forbidden(pattern: re.Pattern[str], text: str, start: int = 0) -> re.Match[str] | None:
    """`pattern.search(text)`, through the ASCII-only twin of RAW, IN_TEXT or IN_LINE when it can."""
    return (_ASCII_FAST.get(pattern, pattern) if text.isascii() else pattern).search(text, start)


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
    elif unicodedata.category(char) == "Cf":
        kind = "an invisible format character"
    elif unicodedata.category(char) == "Co":
        kind = "a private-use character"
    elif unicodedata.category(char) == "Cs":
        kind = "half of a surrogate pair, not a character"
    elif char in "\u034f\u115f\u1160\u3164\uffa0":
        kind = "an invisible filler"
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
