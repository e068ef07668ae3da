"""`coverage [--article ID]`: every sentence no excerpt covers, with a command to start its claim.

Per article, in order: the paragraph number, the sentence, and a ready-to-run `new claim`
line whose excerpt is the sentence, given as `--excerpt=<text>` (so a sentence starting with
"-" is not read as an option) and shell-quoted (any quote or dollar sign in it stays text), with
`--article` and, when the sentence occurs more than once, `--occurrence`. A command is never
printed clipped or escaped: for a sentence too long to give whole on one line (MAX_LINE), the
excerpt is the longest run of its first words that fits, with a note to extend it in the file;
when not even that fits, or the sentence holds a character the terminal line would show as an
escape (a tab, a control or invisible character), the note gives the reason and the sentence's
place instead. The rule is
`link.coverage`'s, the one `check` warns by and the site's coverage figures count.
"""

from __future__ import annotations

import re
import shlex
import unicodedata

from dossier.link.check import anchors_by_article
from dossier.link.coverage import Sentence, split_sentences, uncovered_sentences
from dossier.link.crossref import Index
from dossier.link.excerpts import ArticleText
from dossier.problems import DossierError, plural, quote_text, terminal_line, terminal_safe
from dossier.read.model import Article

_WORD = re.compile(r"[a-z0-9]+")
MAX_ID_WORDS = 5
INDENT = "    "  # before each command line


def coverage_lines(index: Index, article_id: str | None, claims_dir: str = "claims") -> list[str]:
    """The report, one line each; an article with every sentence covered gets one line saying so."""
    if article_id is not None and article_id not in index.articles:
        known = ", ".join(sorted(index.articles)) or "none"
        raise DossierError(f"no article {quote_text(article_id)}; the articles are: {known}")
    articles = [index.articles[article_id]] if article_id else sorted(index.articles.values(), key=lambda a: a.id)
    anchors = anchors_by_article(index)
    taken = set(index.claims)
    lines: list[str] = []
    for article in articles:
        total = len(split_sentences(article.paragraphs))
        uncovered = uncovered_sentences(article.paragraphs, anchors.get(article.id, []))
        if not uncovered:
            lines.append(f"{article.id}: every one of its {plural(total, 'sentence')} lies inside an excerpt")
            continue
        lines.append(f"{article.id}: no excerpt covers {uncovered_count(len(uncovered), total)}")
        text = ArticleText(article.paragraphs)
        for sentence in uncovered:
            words = article.paragraphs[sentence.paragraph][sentence.start : sentence.end]
            lines.append(f"  paragraph {sentence.paragraph + 1}: {words}")
            lines += new_claim_lines(article, text, sentence, words, taken, claims_dir)
    return lines


def new_claim_lines(
    article: Article, text: ArticleText, sentence: Sentence, words: str, taken: set[str], claims_dir: str
) -> list[str]:
    """The command for the sentence's claim, printed whole, or its longest whole-word start that prints whole."""
    claim_id = _free_id(words, article.id, taken)
    taken.add(claim_id)
    command = new_claim_command(article, text, sentence, words, claim_id, claims_dir)
    if command is None:
        return [_no_command("the sentence repeats more often than --occurrence can pick out", article, sentence)]
    if _prints_whole(command):
        return [INDENT + command]
    hidden = next((c for c in command if terminal_safe(c) != c), None)
    if hidden is not None:  # the line would show it as an escape: say so, rather than "too long"
        holder = "the sentence" if hidden in words else "the claims folder's name"
        return [
            _no_command(f"{holder} holds {_character(hidden)}, which a command line cannot show", article, sentence)
        ]
    ends = [m.start() for m in re.finditer(r"(?<=\S)\s", words)]  # each whole-word start of the sentence
    low, high, best = 0, len(ends) - 1, None
    while low <= high:  # the longest start whose command prints whole (a longer start, a longer line)
        middle = (low + high) // 2
        shorter = new_claim_command(article, text, sentence, words[: ends[middle]], claim_id, claims_dir)
        if shorter is not None and _prints_whole(shorter):
            best, low = (shorter, ends[middle]), middle + 1
        else:
            high = middle - 1
    if best is None:
        return [_no_command("the sentence is too long to give as one", article, sentence)]
    return [
        INDENT + best[0],
        f"{INDENT}(the sentence is too long for one command line: the excerpt is its first {best[1]:,} of "
        f"{len(words):,} characters; extend it to the sentence's end in the new claim's file)",
    ]


def _no_command(why: str, article: Article, sentence: Sentence) -> str:
    line, col = article.origin.at(("paragraphs", sentence.paragraph))
    return (
        f"{INDENT}(no command: {why}; start its claim by hand: it is at character {sentence.start + 1} "
        f"of the paragraph at {article.origin.path}:{line}:{col})"
    )


def _character(char: str) -> str:
    """`a tab`, or `the character U+202E (RIGHT-TO-LEFT OVERRIDE)`."""
    if char == "\t":
        return "a tab"
    name = unicodedata.name(char, "")
    return f"the character U+{ord(char):04X}" + (f" ({name})" if name else "")


def _prints_whole(command: str) -> bool:
    """Whether the command line prints as it is (not clipped at MAX_LINE, no character escaped)."""
    return terminal_line(INDENT + command) == INDENT + command


def uncovered_count(uncovered: int, total: int) -> str:
    return f"{uncovered} of its {plural(total, 'sentence')}"


def new_claim_command(
    article: Article, text: ArticleText, sentence: Sentence, excerpt: str, claim_id: str, claims_dir: str
) -> str | None:
    """`python build_claims.py new claim <id> --excerpt='<excerpt>' --article <id> [--occurrence N]`,
    the excerpt taken at the sentence's start; None when its place is past the places `find` lists.
    The `=` form keeps an excerpt starting with "-" (`-3%.`) from being read as an option."""
    command = ["--article", article.id]
    places = text.find(excerpt).anchors  # at most MAX_PLACES: past that, check refuses the excerpt anyway
    if len(places) > 1:
        where = next(
            (
                n
                for n, anchor in enumerate(places, 1)
                if (anchor.paragraph, anchor.start) == (sentence.paragraph, sentence.start)
            ),
            None,
        )
        if where is None:
            return None
        command += ["--occurrence", str(where)]
    if claims_dir != "claims":
        command += ["--claims", claims_dir]
    start = shlex.join(["python", "build_claims.py", "new", "claim", claim_id])
    return f"{start} --excerpt={shlex.quote(excerpt)} {shlex.join(command)}"


def _free_id(words: str, article_id: str, taken: set[str]) -> str:
    """An id from the sentence's first words (`ferries-will-carry-2-000`), unused by any claim."""
    found = _WORD.findall(words.lower())
    while len(found) > 1 and found[0] in ("the", "a", "an"):
        found = found[1:]
    slug = "-".join(found[:MAX_ID_WORDS])[:56].strip("-") or article_id[:56]
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
