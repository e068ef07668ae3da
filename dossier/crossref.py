"""Second pass: resolve references between records and anchor each excerpt in its article."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .fields import format_path
from .loader import Dossier
from .model import Article, Claim, Entity, FieldPath, RecordKind, Source
from .problems import Problem, quote_text, with_article
from .spec import FOLDERS


@dataclass(frozen=True)
class Anchor:
    """Where an excerpt sits: paragraph index (0-based) and character span in it."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Index:
    """A fully linked dossier: records by id and every excerpt's place in its article."""

    claims: dict[str, Claim]
    articles: dict[str, Article]
    sources: dict[str, Source]
    entities: dict[str, Entity]
    anchors: dict[str, Anchor]


def link_dossier(dossier: Dossier) -> tuple[Index, list[Problem]]:
    """Check every cross-file rule; return the index and the problems found."""
    index = Index(
        claims={c.id: c for c in dossier.claims},
        articles={a.id: a for a in dossier.articles},
        sources={s.id: s for s in dossier.sources},
        entities={e.id: e for e in dossier.entities},
        anchors={},
    )
    problems: list[Problem] = []
    for claim in dossier.claims:
        for path, kind, target in _references(claim):
            problem = _check_reference(dossier, index, claim, path, kind, target)
            if problem:
                problems.append(problem)
        article = index.articles.get(claim.article)
        if article is not None:
            anchor, problem = anchor_excerpt(claim, article)
            if anchor:
                index.anchors[claim.id] = anchor
            if problem:
                problems.append(problem)
    for record in dossier.articles:  # an article's findings cite claims (audit)
        for i, finding in enumerate(record.findings):
            for j, target in enumerate(finding.claims):
                problem = _check_reference(dossier, index, record, ("findings", i, "claims", j), "claim", target)
                if problem:
                    problems.append(problem)
    return index, problems


def _references(claim: Claim) -> Iterator[tuple[FieldPath, RecordKind, str]]:
    yield ("article",), "article", claim.article
    if claim.quote:
        yield ("quote", "speaker"), "entity", claim.quote.speaker
    if claim.figure and claim.figure.usd_rate:
        yield ("figure", "usd_rate", "source"), "source", claim.figure.usd_rate.source
    for i, entity in enumerate(claim.entities):
        yield ("entities", i), "entity", entity
    for i, ref in enumerate(claim.sources):
        yield ("sources", i, "source"), "source", ref.source
    for i, other in enumerate(claim.related):
        yield ("related", i), "claim", other
    if claim.first_appearance and claim.first_appearance.source:
        yield ("first_appearance", "source"), "source", claim.first_appearance.source


def _check_reference(
    dossier: Dossier, index: Index, claim: Claim | Article, path: FieldPath, kind: RecordKind, target: str
) -> Problem | None:
    known: dict[str, dict[str, Any]] = {
        "article": index.articles,
        "entity": index.entities,
        "source": index.sources,
        "claim": index.claims,
    }
    if target in known[kind] or target in dossier.present.get(kind, ()):
        return None  # found, or its file exists but failed to load and was reported already
    folder = FOLDERS[kind]
    where = f"{folder}/{target}.yaml" if folder else f"{target}.yaml"
    message = f"{format_path(path)}: no {kind} {quote_text(target)} (looked for {where})"
    others = [k for k, ids in dossier.present.items() if target in ids and k != kind]
    if others:
        message += f"; {quote_text(target)} is {with_article(others[0])}, not {with_article(kind)}"
    else:
        close = difflib.get_close_matches(target, sorted(dossier.present.get(kind, ())), n=1, cutoff=0.7)
        if close:
            message += f"; did you mean {quote_text(close[0])}?"
    line, col = claim.origin.at(path)
    return Problem(claim.origin.path, line, col, message)


def find_occurrences(paragraphs: tuple[str, ...], text: str) -> list[Anchor]:
    """Every place `text` occurs, in paragraph order (overlapping occurrences count)."""
    found: list[Anchor] = []
    for number, paragraph in enumerate(paragraphs):
        start = paragraph.find(text)
        while start != -1:
            found.append(Anchor(number, start, start + len(text)))
            start = paragraph.find(text, start + 1)
    return found


def anchor_excerpt(claim: Claim, article: Article) -> tuple[Anchor | None, Problem | None]:
    """Locate the claim's excerpt in its article, or explain why it cannot be placed."""
    found = find_occurrences(article.paragraphs, claim.excerpt)
    path: FieldPath = ("excerpt",)
    message = None
    if not found and claim.excerpt in article.title:
        message = "excerpt: found only in the title, which is not searched; quote the article's paragraphs"
    elif not found:
        closest = closest_passage(article.paragraphs, claim.excerpt)
        message = f"excerpt: not found in article {quote_text(article.id)}; {closest}"
    elif claim.occurrence is None and len(found) > 1:
        paragraphs = ", ".join(str(a.paragraph + 1) for a in found)
        message = (
            f"excerpt: occurs {len(found)} times in the article (paragraphs {paragraphs}); "
            f"add occurrence: 1 to {len(found)} to say which"
        )
    elif claim.occurrence is not None and claim.occurrence > len(found):
        path = ("occurrence",)
        times = "once" if len(found) == 1 else f"{len(found)} times"
        message = f"occurrence: {claim.occurrence}, but the excerpt occurs only {times} in the article"
    if message is not None:
        line, col = claim.origin.at(path)
        return None, Problem(claim.origin.path, line, col, message)
    return found[(claim.occurrence or 1) - 1], None


def closest_passage(paragraphs: tuple[str, ...], text: str) -> str:
    """Describe the article passage most like `text`, and where the two first differ."""
    best = (0, 0, 0)  # characters in common, paragraph, start of the passage
    for number, paragraph in enumerate(paragraphs):
        matcher = difflib.SequenceMatcher(None, paragraph, text, autojunk=False)
        common = sum(block.size for block in matcher.get_matching_blocks())
        if common > best[0]:
            # Align the passage on the longest run the two share: a one-character slip stays visible.
            longest = matcher.find_longest_match(0, len(paragraph), 0, len(text))
            best = (common, number, max(0, longest.a - longest.b))
    common, number, start = best
    if common < len(text) * 0.6:
        return "no passage of the article resembles it"
    passage = paragraphs[number][start : start + len(text)]
    described = f"closest passage (paragraph {number + 1}): {quote_text(passage, 200)}"
    differ = next((i for i, (a, b) in enumerate(zip(passage, text, strict=False)) if a != b), None)
    if differ is None:
        return described
    return (
        f"{described}; first difference at character {differ + 1}: the article has "
        f"{_char(passage[differ])} where the excerpt has {_char(text[differ])}"
    )


def _char(c: str) -> str:
    return f"{quote_text(c)} (U+{ord(c):04X})"
