"""Rules that weigh linked records against each other: evidence, dates and look-alike names.

Run after references resolve (crossref.py). A rule whose records did not load (they failed
their own checks, or only some files are being checked) stays silent: those files are
reported on their own, and guessing would only add noise.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from dossier.problems import Problem, quote_text
from dossier.read.fields import format_path
from dossier.read.model import Article, Claim, Entity, FieldPath, Source
from dossier.read.records import date_before

UNRATED = ("unverified", "opinion")


def check_claim_against_records(
    claim: Claim, article: Article | None, sources: dict[str, Source], entities: dict[str, Entity]
) -> list[Problem]:
    """Evidence and date rules for one claim whose references have been resolved."""
    problems: list[Problem] = []

    def report(path: FieldPath, message: str) -> None:
        line, col = claim.origin.at(path)
        problems.append(Problem(claim.origin.path, line, col, f"{format_path(path)}: {message}"))

    cited = [sources.get(ref.source) for ref in claim.sources]
    if article is not None and claim.verdict.rating not in UNRATED and cited and None not in cited:
        if all(same_page(s.url, article.url) for s in cited if s is not None):
            report(
                ("sources",),
                f"the only source cited is the article itself (its URL is the article's, {quote_text(article.url)}); "
                f"a rated claim needs at least one other source, or rate it {' or '.join(UNRATED)}",
            )
    speaker = entities.get(claim.quote.speaker) if claim.quote else None
    if speaker is not None and speaker.kind != "person":
        report(
            ("quote", "speaker"),
            f"entity {quote_text(speaker.id)} has kind: {speaker.kind}; a quote's speaker must be a person "
            "(an entity with kind: person)",
        )
    if article is not None and article.published is not None:
        dated: list[tuple[FieldPath, str]] = [(("verdict", "checked"), claim.verdict.checked)]
        dated += [(("corrections", i, "date"), c.date) for i, c in enumerate(claim.corrections)]
        for path, date in dated:
            if date_before(date, article.published):
                report(
                    path,
                    f"{date} is before the article was published ({article.published}); "
                    "a claim can be checked or corrected only after its article appeared",
                )
    return problems


def same_page(first: str, second: str) -> bool:
    """Whether two URLs name the same page, ignoring scheme and host case, http/https and a trailing slash."""
    return _page_key(first) == _page_key(second)


def _page_key(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower().removesuffix("s")  # http and https serve the same article
    return scheme + "://" + parts.netloc.lower(), parts.path.rstrip("/"), parts.query


def check_name_twins(entities: list[Entity]) -> list[Problem]:
    """Two entities whose names or aliases read the same once case and look-alike characters are ignored."""
    problems: list[Problem] = []
    seen: dict[str, tuple[Entity, FieldPath, str]] = {}
    for entity in sorted(entities, key=lambda e: e.id):
        for path, name in _names(entity):
            key = fold_name(name)
            first = seen.setdefault(key, (entity, path, name))
            other, other_path, other_name = first
            if other.id == entity.id:
                continue
            line, col = entity.origin.at(path)
            other_line, other_col = other.origin.at(other_path)
            problems.append(
                Problem(
                    entity.origin.path,
                    line,
                    col,
                    f"{format_path(path)}: {quote_text(name)} reads the same as {quote_text(other_name)}, "
                    f"{format_path(other_path)} of entity {quote_text(other.id)} "
                    f"({other.origin.path}:{other_line}:{other_col}); "
                    "two entities cannot share a name: merge them, or tell the names apart",
                )
            )
    return problems


def _names(entity: Entity) -> Iterator[tuple[FieldPath, str]]:
    yield ("name",), entity.name
    for index, alias in enumerate(entity.aliases):
        yield ("aliases", index), alias


def fold_name(name: str) -> str:
    """A name as a reader sees it: NFKC-normalised, case-folded, runs of spaces made one."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())
