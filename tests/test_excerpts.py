"""The indexed excerpt search finds exactly what a plain search of each paragraph finds."""

from __future__ import annotations

import pytest

from dossier.link import excerpts
from dossier.link.excerpts import MAX_PLACES, Anchor, ArticleText, Found, cut_words

PARAGRAPHS = (
    "Harbourville will spend €12 million on four electric ferries by 2027, the council said on Monday.",
    "“This is the cleanest fleet on the lake,” said mayor Ana Ruiz. The ferries will carry 2,000 a day.",
    "aaaa aaaa aaaa. Critics say the money would be better spent on roads.",
    "Monday",
)


def plain_search(paragraphs: tuple[str, ...], text: str) -> list[Anchor]:
    """The obvious quadratic search the index replaces."""
    found = []
    for number, paragraph in enumerate(paragraphs):
        start = paragraph.find(text)
        while start != -1:
            found.append(Anchor(number, start, start + len(text)))
            start = paragraph.find(text, start + 1)
    return found


@pytest.mark.parametrize(
    "excerpt",
    [
        "the council said on Monday",
        "Monday",  # no word start inside it: searched directly, in every paragraph
        "aaaa aaaa",  # overlapping occurrences count
        "aa aa",
        "ferries will carry",
        "ouncil said",  # starts inside a word: still found, so the checker can say so
        "2,000",
        "“This is",
        ",” said mayor",
        "Monday.\nCritics",  # never across two paragraphs
        "Monday. “This",
        "Zebras qqq",
        "e",
    ],
)
@pytest.mark.parametrize("most_hits", [0, 10_000], ids=["scanned", "indexed"])
def test_index_finds_what_a_plain_search_finds(excerpt: str, most_hits: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Both ways of searching (verifying a rare word start's hits, or scanning the text) agree.
    monkeypatch.setattr(excerpts, "_MOST_HITS", most_hits)
    assert ArticleText(PARAGRAPHS).find(excerpt) == Found(tuple(plain_search(PARAGRAPHS, excerpt)), more=False)


@pytest.mark.parametrize(("repeats", "more"), [(MAX_PLACES, False), (MAX_PLACES + 1, True)])
def test_search_stops_after_max_places(repeats: int, more: bool) -> None:
    paragraphs = ("Intro.", "Go on. " * repeats + "Stop.")
    found = ArticleText(paragraphs).find("Go on.")
    assert (len(found.anchors), found.more) == (MAX_PLACES, more)
    assert found.anchors[-1] == Anchor(1, 7 * (MAX_PLACES - 1), 7 * (MAX_PLACES - 1) + 6)


def test_an_excerpt_of_common_word_starts_only_is_found_by_a_scan() -> None:
    paragraphs = ("Intro.", "Go on. " * 300 + "Stop.")
    text = ArticleText(paragraphs)
    assert min(len(text.index["Go on"]), len(text.index["on. G"])) > excerpts._MOST_HITS  # so it scans
    found = text.find("Go on. Go on.")
    assert found == Found(tuple(plain_search(paragraphs, "Go on. Go on.")), more=False)
    assert len(found.anchors) == 299


@pytest.mark.parametrize(
    ("anchor", "cut"),
    [
        (Anchor(0, 0, 12), (None, None)),  # "Harbourville"
        (Anchor(0, 1, 12), ("Harbourville", None)),
        (Anchor(0, 0, 11), (None, "Harbourville")),
        (Anchor(0, 64, 69), (None, None)),  # "2027," ends at punctuation
        (Anchor(1, 39, 60), (None, "Ruiz")),  # ",” said mayor Ana Rui": punctuation first is fine
    ],
)
def test_cut_words_names_the_word_an_edge_falls_inside(anchor: Anchor, cut: tuple[str | None, str | None]) -> None:
    assert cut_words(PARAGRAPHS[anchor.paragraph], anchor) == cut


def test_near_miss_in_a_huge_paragraph_names_the_first_differing_character() -> None:
    words = "the of and to in a is that for it as was with be by on not he this are or his from at which".split()
    huge = " ".join(words[(n * 7) % len(words)] for n in range(200_000)) + " the mayor’s 1,234 ferries sail."
    excerpt = huge[-1_000:].replace("’", "'")
    result = ArticleText(("Intro.", huge)).closest_passage(excerpt)
    assert result.endswith(
        '; first difference at character 979: the article has "’" (U+2019) where the excerpt has "\'" (U+0027)'
    )
    assert result.startswith('closest passage (paragraph 2): "')


def test_long_excerpt_of_common_words_in_another_order_resembles_nothing() -> None:
    words = "the of and to in a is that for it as was with be by on not he this are or his from at which".split()
    huge = " ".join(words[(n * 7) % len(words)] for n in range(200_000))
    excerpt = " ".join(words[(n * 5) % len(words)] for n in range(400))[:1000]
    assert ArticleText((huge,)).closest_passage(excerpt) == "no passage of the article resembles it"
