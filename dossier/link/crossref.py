"""Second pass: resolve references between records and anchor each excerpt in its article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dossier.link.consistency import check_claim_against_records, check_name_twins
from dossier.link.excerpts import MAX_PLACES, Anchor, ArticleText, Found, cut_words
from dossier.problems import Problem, quote_text, with_article
from dossier.read.fields import format_path
from dossier.read.loader import Dossier
from dossier.read.model import Article, Claim, Entity, FieldPath, Masthead, RecordKind, Source, Topic
from dossier.read.spec import FOLDERS, SINGLE_FILES

__all__ = ["Anchor", "Index", "link_dossier"]  # Anchor is re-exported for the renderers and coverage

MAX_SUGGESTIONS = 50  # distinct excerpts not found that get a closest passage in one check (up to 50 ms each)
NOT_SUGGESTED = f"closest passage not searched: only the first {MAX_SUGGESTIONS} excerpts not found get one"
LISTED_PLACES = 5  # places of an excerpt a message names; the rest are counted


@dataclass(frozen=True)
class Index:
    """A fully linked dossier: records by id and every excerpt's place in its article."""

    claims: dict[str, Claim]
    articles: dict[str, Article]
    sources: dict[str, Source]
    entities: dict[str, Entity]
    anchors: dict[str, Anchor]
    topics: dict[str, Topic] = field(default_factory=dict)  # topics.yaml, in its order
    masthead: Masthead | None = None  # dossier.yaml


def link_dossier(dossier: Dossier) -> tuple[Index, list[Problem]]:
    """Check every cross-file rule; return the index and the problems found."""
    index = Index(
        claims={c.id: c for c in dossier.claims},
        articles={a.id: a for a in dossier.articles},
        sources={s.id: s for s in dossier.sources},
        entities={e.id: e for e in dossier.entities},
        anchors={},
        topics={t.id: t for t in dossier.topic_list.topics} if dossier.topic_list else {},
        masthead=dossier.masthead,
    )
    problems: list[Problem] = []
    by_article: dict[str, list[Claim]] = {}
    suggestions = Budget(MAX_SUGGESTIONS)
    for claim in dossier.claims:
        for path, kind, target in _references(claim):
            problem = _check_reference(dossier, index, claim, path, kind, target)
            if problem:
                problems.append(problem)
        by_article.setdefault(claim.article, []).append(claim)
        article = index.articles.get(claim.article)
        problems += check_claim_against_records(claim, article, index.sources, index.entities)
        problems += _check_names(dossier, index, claim)
    for article_id, claims in by_article.items():
        article = index.articles.get(article_id)
        if article is None:
            continue
        placed = _place_excerpts(article, claims, suggestions)
        for claim in claims:
            anchor, excerpt_problems = placed[claim.id]
            if anchor:
                index.anchors[claim.id] = anchor
            problems += excerpt_problems
    problems += check_name_twins(list(dossier.entities))
    for record in dossier.articles:  # an article's findings cite claims (audit)
        for i, finding in enumerate(record.findings):
            for j, target in enumerate(finding.claims):
                problem = _check_reference(dossier, index, record, ("findings", i, "claims", j), "claim", target)
                if problem:
                    problems.append(problem)
    return index, problems


def _check_names(dossier: Dossier, index: Index, claim: Claim) -> list[Problem]:
    """A claim's topics are listed in topics.yaml, and its checkers in dossier.yaml's team."""
    team = frozenset(m.id for m in index.masthead.team) if index.masthead else frozenset()
    return _unknown_names(dossier, claim, ("topics",), claim.topics, "topics", frozenset(index.topics), "topic") + (
        _unknown_names(
            dossier, claim, ("verdict", "checked_by"), claim.verdict.checked_by, "dossier", team, "team member"
        )
    )


def _unknown_names(
    dossier: Dossier,
    claim: Claim,
    path: FieldPath,
    names: tuple[str, ...],
    kind: RecordKind,
    known: frozenset[str],
    noun: str,
) -> list[Problem]:
    if (dossier.present.get(kind) and not known) or (kind == "dossier" and not dossier.present.get(kind)):
        return []  # the file failed its own checks, or is missing (dossier.yaml must be there): reported once, there
    problems = []
    for i, name in enumerate(names):
        if name in known:
            continue
        message = f"{format_path((*path, i))}: no {noun} {quote_text(name)} in {SINGLE_FILES[kind]}"
        close = close_id(name, known)
        if not dossier.present.get(kind):
            message += ", which is missing; create it in the claims folder (see the Contribute page)"
        elif close:
            message += f"; did you mean {quote_text(close)}?"
        else:
            message += f"; add it there, or use one of: {_some(known)}"
        line, col = claim.origin.at((*path, i))
        problems.append(Problem(claim.origin.path, line, col, message))
    return problems


def _some(ids: frozenset[str], shown: int = 8) -> str:
    """`a, b, c` or `a, b, … (12 in all)`: a few known ids, sorted, never an unbounded list."""
    names = sorted(ids)
    return ", ".join(names) if len(names) <= shown else ", ".join(names[:shown]) + f", … ({len(names)} in all)"


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
        close = close_id(target, dossier.present.get(kind, frozenset()))
        if close:
            message += f"; did you mean {quote_text(close)}?"
    line, col = claim.origin.at(path)
    return Problem(claim.origin.path, line, col, message)


def close_id(target: str, ids: frozenset[str]) -> str | None:
    """An id the target is probably a slip for: at most a few characters typed differently.

    Only close ids: a deleted "cer-china-mobile-5g" must not suggest "silicon-china-mobile-5g",
    nor a deleted "china" suggest "china-mobile".
    """
    budget = 1 if len(target) <= 4 else 2 if len(target) <= 10 else 3
    best: tuple[int, str] | None = None
    for candidate in ids:
        if abs(len(candidate) - len(target)) > budget:
            continue
        distance = _edit_distance(target, candidate, budget)
        if distance <= budget and (best is None or (distance, candidate) < best):
            best = (distance, candidate)
    return best[1] if best else None


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or limit + 1 as soon as it must exceed `limit`."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


@dataclass
class Budget:
    """How many more times a costly step may run."""

    left: int

    def take(self) -> bool:
        """Spend one run; False once none is left."""
        if self.left <= 0:
            return False
        self.left -= 1
        return True


def _place_excerpts(
    article: Article, claims: list[Claim], suggestions: Budget
) -> dict[str, tuple[Anchor | None, list[Problem]]]:
    """Each claim's anchor or problems, by claim id: every distinct excerpt searched once, however many quote it."""
    text = ArticleText(article.paragraphs)  # indexed once, and dropped before the next article
    by_excerpt: dict[str, list[Claim]] = {}
    for claim in claims:
        by_excerpt.setdefault(claim.excerpt, []).append(claim)
    placed = {}
    for excerpt, quoting in by_excerpt.items():
        found = text.find(excerpt)
        closest = ""
        if not found.anchors and excerpt not in article.title:
            closest = text.closest_passage(excerpt) if suggestions.take() else NOT_SUGGESTED
        for claim in quoting:
            placed[claim.id] = anchor_excerpt(claim, article, found, closest)
    return placed


def anchor_excerpt(claim: Claim, article: Article, found: Found, closest: str) -> tuple[Anchor | None, list[Problem]]:
    """Place the claim's excerpt where `found` (its search in the article) says, or explain why it cannot be placed.

    `closest` describes the article's passage most like an excerpt that is not found.
    """
    places = found.anchors
    path: FieldPath = ("excerpt",)
    message = None
    if not places and claim.excerpt in article.title:
        message = "excerpt: found only in the title, which is not searched; quote the article's paragraphs"
    elif not places:
        message = f"excerpt: not found in article {quote_text(article.id)}; {closest}"
    elif found.more:
        message = (
            f"excerpt: occurs more than {MAX_PLACES:,} times in the article ({_paragraphs(places, more=True)}); "
            f"quote a longer passage, one that occurs at most {MAX_PLACES:,} times"
        )
    elif claim.occurrence is None and len(places) > 1:
        message = (
            f"excerpt: occurs {len(places):,} times in the article ({_paragraphs(places)}); "
            f"add occurrence: 1 to {len(places):,} to say which"
        )
    elif claim.occurrence is not None and claim.occurrence > len(places):
        path = ("occurrence",)
        times = "once" if len(places) == 1 else f"{len(places):,} times"
        message = f"occurrence: {claim.occurrence:,}, but the excerpt occurs only {times} in the article"
    line, col = claim.origin.at(path)
    if message is not None:
        return None, [Problem(claim.origin.path, line, col, message)]
    anchor = places[(claim.occurrence or 1) - 1]
    starts_in, ends_in = cut_words(article.paragraphs[anchor.paragraph], anchor)
    cuts = []
    if starts_in:
        cuts.append(f"starts inside the word {quote_text(starts_in)}; begin the excerpt at a word boundary")
    if ends_in:
        cuts.append(f"ends inside the word {quote_text(ends_in)}; end the excerpt at a word boundary")
    problems = [Problem(claim.origin.path, line, col, f"excerpt: {cut}") for cut in cuts]
    return (None if problems else anchor), problems


def _paragraphs(places: tuple[Anchor, ...], more: bool = False) -> str:
    """`paragraphs 2, 3`, or `paragraphs 1, 1, 1, 1, 1 and 995 more` (`and more` past what was counted)."""
    named = ", ".join(str(a.paragraph + 1) for a in places[:LISTED_PLACES])
    rest = len(places) - LISTED_PLACES
    if more:
        return f"paragraphs {named} and more"
    return f"paragraphs {named} and {rest:,} more" if rest > 0 else f"paragraphs {named}"
