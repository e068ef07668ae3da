"""`coverage [--article ID]`: every sentence no excerpt covers, with a command to start its claim.

Per article, in order: the paragraph number, the sentence, and a ready-to-run `new claim`
line whose excerpt is the sentence, shell-quoted (any quote or dollar sign in it stays text),
with `--article` and, when the sentence occurs more than once, `--occurrence`. The rule is
`link.coverage`'s, the one `check` warns by and the site's coverage figures count.
"""

from __future__ import annotations

import re
import shlex

from dossier.link.check import anchors_by_article
from dossier.link.coverage import split_sentences, uncovered_sentences
from dossier.link.crossref import Index
from dossier.link.excerpts import ArticleText
from dossier.problems import DossierError, plural, quote_text
from dossier.read.model import Article

_WORD = re.compile(r"[a-z0-9]+")
MAX_ID_WORDS = 5


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
            lines.append("    " + new_claim_command(article, text, sentence, words, taken, claims_dir))
    return lines


def uncovered_count(uncovered: int, total: int) -> str:
    return f"{uncovered} of its {plural(total, 'sentence')}"


def new_claim_command(
    article: Article, text: ArticleText, sentence: object, words: str, taken: set[str], claims_dir: str
) -> str:
    """`python build_claims.py new claim <id> --excerpt '<sentence>' --article <id> [--occurrence N]`."""
    claim_id = _free_id(words, article.id, taken)
    taken.add(claim_id)
    command = ["python", "build_claims.py", "new", "claim", claim_id, "--excerpt", words, "--article", article.id]
    places = text.find(words).anchors  # at most MAX_PLACES: past that, check refuses the excerpt anyway
    if len(places) > 1:
        where = next(
            (
                n
                for n, anchor in enumerate(places, 1)
                if (anchor.paragraph, anchor.start) == (sentence.paragraph, sentence.start)  # type: ignore[attr-defined]
            ),
            None,
        )
        if where is not None:
            command += ["--occurrence", str(where)]
    if claims_dir != "claims":
        command += ["--claims", claims_dir]
    return shlex.join(command)


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
