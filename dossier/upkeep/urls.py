"""Every URL the records hold, with the file, line and column where it is written."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.read.loader import Dossier
from dossier.read.model import FieldPath, Origin


@dataclass(frozen=True, order=True)
class UrlAt:
    """One URL where a record writes it."""

    path: str
    line: int
    col: int
    url: str


def _at(origin: Origin, field: FieldPath, url: str | None) -> list[UrlAt]:
    if not url:
        return []
    line, col = origin.at(field)
    return [UrlAt(origin.path, line, col, url)]


def dossier_urls(dossier: Dossier) -> list[UrlAt]:
    """Sources (page and archived copy), entities, articles and dossier.yaml's links, in file order."""
    found: list[UrlAt] = []
    for source in dossier.sources:
        found += _at(source.origin, ("url",), source.url) + _at(source.origin, ("archive_url",), source.archive_url)
    for entity in dossier.entities:
        found += _at(entity.origin, ("url",), entity.url)
    for article in dossier.articles:
        found += _at(article.origin, ("url",), article.url)
    masthead = dossier.masthead
    if masthead is not None:
        found += _at(masthead.origin, ("publisher", "url"), masthead.publisher.url)
        for i, member in enumerate(masthead.team):
            found += _at(masthead.origin, ("team", i, "url"), member.url)
        found += _at(masthead.origin, ("contact", "url"), masthead.contact.url)
        found += _at(masthead.origin, ("licence", "url"), masthead.licence.url)
    return sorted(found)
