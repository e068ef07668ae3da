"""Find excerpts in an article's text through an index built once per article.

Searching every paragraph for every claim grew with claims x paragraphs (10,000 tiny claims
took 47 s). Here each article's paragraphs are joined once and every word start is indexed by
its first few characters; an excerpt is found by looking up its rarest inner word start and
verifying each hit, so checking grows with claims plus text. When even the rarest word start is
common (a sentence repeated 140,000 times), one scan of the text in C replaces verifying its hits
in Python, and no search goes past MAX_PLACES occurrences (an excerpt that occurs more often is
refused), so no excerpt costs more than about one pass over its article. The "closest passage"
suggestion for an excerpt that is not found compares only windows aligned on the excerpt's rarer
words, with a cap on the work, so a long excerpt against a huge paragraph costs a fraction of a
second."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dossier.problems import quote_text

KEY = 5  # characters of a word start that index it: long enough to be selective
MAX_PLACES = 1_000  # occurrences of one excerpt a search counts; an article repeats real ones a few times
# A word start with more hits than this is searched by a scan of the text in C, which costs
# about as much as verifying this many hits one by one in Python.
_MOST_HITS = 256
_SEPARATOR = "\n"  # an excerpt is one line, so it can never span two joined paragraphs
_WORD_START = re.compile(r"(?<!\w)\w")
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# Budget of the suggestion: this many rare words, this many places each, and only the excerpt's
# first _COMPARED characters are compared, by an edit distance kept within a band of _BAND.
_ANCHOR_WORDS = 6
_PLACES_PER_WORD = 32
_COMPARED = 400
_BAND = 24


@dataclass(frozen=True)
class Anchor:
    """Where an excerpt sits: paragraph index (0-based) and character span in it."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Found:
    """Where an excerpt occurs: its first MAX_PLACES places in article order, and whether it occurs more often."""

    anchors: tuple[Anchor, ...]
    more: bool


@dataclass
class ArticleText:
    """An article's paragraphs joined once, with every word start indexed by its first KEY characters."""

    paragraphs: tuple[str, ...]
    text: str = field(init=False)
    starts: list[int] = field(init=False)  # offset of each paragraph in `text`
    index: dict[str, list[int]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.text = _SEPARATOR.join(self.paragraphs)
        self.starts = []
        offset = 0
        for paragraph in self.paragraphs:
            self.starts.append(offset)
            offset += len(paragraph) + len(_SEPARATOR)
        self.index = {}
        text = self.text
        for match in _WORD_START.finditer(text):
            at = match.start()
            self.index.setdefault(text[at : at + KEY], []).append(at)

    def find(self, excerpt: str) -> Found:
        """Where `excerpt` occurs inside one paragraph, in order (overlapping ones count), up to MAX_PLACES."""
        anchors: list[Anchor] = []
        for at in self._places(excerpt):
            anchor = self._anchor(at, len(excerpt))
            if anchor is None:
                continue
            if len(anchors) == MAX_PLACES:
                return Found(tuple(anchors), more=True)
            anchors.append(anchor)
        return Found(tuple(anchors), more=False)

    def _places(self, excerpt: str) -> Iterator[int]:
        """Offsets in `text` where `excerpt` starts, in order, found lazily."""
        keys = [(m.start(), excerpt[m.start() : m.start() + KEY]) for m in _WORD_START.finditer(excerpt, 1)]
        keys = [(j, key) for j, key in keys if len(key) == KEY]
        if keys:
            # A word start inside the excerpt is a word start in the article too: look up the rarest.
            j, key = min(keys, key=lambda item: len(self.index.get(item[1], ())))
            hits = self.index.get(key, [])
            if len(hits) <= _MOST_HITS:
                return (q - j for q in hits if q >= j and self.text.startswith(excerpt, q - j))
        # No whole word start inside it (a word or two), or only common ones: scan the text.
        return _every_find(self.text, excerpt)

    def _anchor(self, at: int, length: int) -> Anchor | None:
        number = bisect.bisect_right(self.starts, at) - 1
        start = at - self.starts[number]
        if start + length > len(self.paragraphs[number]):
            return None
        return Anchor(number, start, start + length)

    def closest_passage(self, excerpt: str) -> str:
        """Describe the article passage most like `excerpt`, and where the two first differ."""
        best = self._best_window(excerpt)
        if best is None:
            return "no passage of the article resembles it"
        number, start = best
        passage = self.paragraphs[number][start : start + len(excerpt)]
        described = f"closest passage (paragraph {number + 1}): {quote_text(passage, 200)}"
        differ = next((i for i, (a, b) in enumerate(zip(passage, excerpt, strict=False)) if a != b), None)
        if differ is None:
            return described
        return (
            f"{described}; first difference at character {differ + 1}: the article has "
            f"{describe_char(passage[differ])} where the excerpt has {describe_char(excerpt[differ])}"
        )

    def _best_window(self, excerpt: str) -> tuple[int, int] | None:
        """(paragraph, start) of the window most like the excerpt, if it differs in under 40% of it."""
        head = excerpt[:_COMPARED]
        windows = self._aligned_windows(excerpt)
        # Rank by both ends: in repetitive text many windows share the head, only one the tail too.
        tail = len(excerpt) - min(len(excerpt), _COMPARED // 2)
        ranked = sorted(
            windows,
            key=lambda at: (
                -_same_places(self.text, at, head[: _COMPARED // 2])
                - _same_places(self.text, at + tail, excerpt[tail:]),
                at,
            ),
        )[:3]
        scored = [(self._distance(at, head), rank, at) for rank, at in enumerate(ranked)]
        if not scored or min(scored)[0] > len(head) * 0.4:
            return None
        at = min(scored)[2]
        number = bisect.bisect_right(self.starts, at) - 1
        return number, at - self.starts[number]

    def _aligned_windows(self, excerpt: str) -> set[int]:
        """Starts of windows that line the excerpt up on one of its rarer words in the article."""
        keys = [(m.start(), excerpt[m.start() : m.start() + KEY]) for m in _WORD_START.finditer(excerpt)]
        counted = sorted((len(self.index.get(key, ())), j, key) for j, key in keys if len(key) == KEY)
        windows: set[int] = set()
        for _, j, key in [c for c in counted if c[0]][:_ANCHOR_WORDS]:
            for q in self.index[key][:_PLACES_PER_WORD]:
                paragraph_start = self.starts[bisect.bisect_right(self.starts, q) - 1]
                windows.add(max(paragraph_start, q - j))
        return windows

    def _distance(self, at: int, head: str) -> int:
        """Edits that turn `head` into the start of the paragraph text at `at` (band-limited)."""
        number = bisect.bisect_right(self.starts, at) - 1
        end = self.starts[number] + len(self.paragraphs[number])
        return banded_distance(self.text[at : min(end, at + len(head) + _BAND)], head, _BAND)


def banded_distance(text: str, head: str, band: int) -> int:
    """Levenshtein distance from `head` to its best-matching prefix of `text`, on alignments within `band`.

    Work is len(head) x (2 band + 1) whatever the characters; a distance that needs a wider
    band comes out too large, which only makes a far-off passage look further off.
    """
    far = len(head) + len(text) + 1
    previous = [j if j <= band else far for j in range(len(text) + 1)]
    for i in range(1, len(head) + 1):
        low, high = max(1, i - band), min(len(text), i + band)
        current = [far] * (len(text) + 1)
        current[0] = i if i <= band else far
        c = head[i - 1]
        for j in range(low, high + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (text[j - 1] != c))
        previous = current
    return min(previous)


def _same_places(text: str, at: int, head: str) -> int:
    return sum(a == b for a, b in zip(text[at : at + len(head)], head, strict=False))


def _every_find(text: str, excerpt: str) -> Iterator[int]:
    at = text.find(excerpt)
    while at != -1:
        yield at
        at = text.find(excerpt, at + 1)


def cut_words(paragraph: str, anchor: Anchor) -> tuple[str | None, str | None]:
    """The article words the excerpt's start and end fall inside, if either cuts one."""
    return _cut(paragraph, anchor.start), _cut(paragraph, anchor.end)


def _cut(paragraph: str, at: int) -> str | None:
    if not 0 < at < len(paragraph) or not (_WORD_CHAR.match(paragraph[at - 1]) and _WORD_CHAR.match(paragraph[at])):
        return None
    for match in _WORD.finditer(paragraph, max(0, at - 200), at + 200):
        if match.start() < at < match.end():
            return match.group()
    return None


def describe_char(c: str) -> str:
    return f"{quote_text(c)} (U+{ord(c):04X})"
