"""Records no claim points at: sources no claim cites and entities no claim names.

These are warnings, not errors: a record may be added a pull request ahead of the claim that
uses it. They are only reported when every claim file loaded, since a claim that failed to load
may be the one that cites the record.
"""

from __future__ import annotations

from dossier.problems import Problem
from dossier.read.loader import Dossier
from dossier.read.model import Entity, Source


def find_orphans(dossier: Dossier) -> list[Problem]:
    """A warning at the id of each source no claim cites and each entity no claim names."""
    if {claim.id for claim in dossier.claims} != set(dossier.present.get("claim", ())):
        return []
    cited = {ref.source for claim in dossier.claims for ref in claim.sources}
    named = {entity for claim in dossier.claims for entity in claim.entities}
    named |= {claim.quote.speaker for claim in dossier.claims if claim.quote}
    warnings = [
        _warning(source, f'no claim cites source "{source.id}"; cite it in a claim\'s sources, or delete the file')
        for source in dossier.sources
        if source.id not in cited
    ]
    warnings += [
        _warning(entity, f'no claim names entity "{entity.id}"; list it in a claim\'s entities, or delete the file')
        for entity in dossier.entities
        if entity.id not in named
    ]
    return warnings


def _warning(record: Source | Entity, message: str) -> Problem:
    line, col = record.origin.at(("id",))
    return Problem(record.origin.path, line, col, f"id: {message}", "warning")
