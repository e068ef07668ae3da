"""Write text into YAML so that any string reads back exactly: double-quoted, with escapes.

A plain or single-quoted scalar can turn `no`, `2024-03`, `#`, `: ` or a leading `*` into
something else; a double-quoted one with every special character escaped cannot. Characters
YAML does not allow as they are (controls, line separators, the byte-order mark, surrogates)
and the line breaks a double-quoted scalar would fold are written as escapes, so the file's
one line per value holds whatever the text contains.
"""

from __future__ import annotations

_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}


def _printable(char: str) -> bool:
    """Printable in YAML and not a line break a double-quoted scalar would fold (U+0085, U+2028/9)."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029))
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    )


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    if _printable(char):
        return char
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar on one line."""
    return '"' + "".join(_escape(c) for c in text) + '"'
