"""Evidence a reader may not be able to check later: sources with no access date.

A warning, not an error, while the editors add `accessed` to every source of the real dossier
(issue 20); once they have, the lead can make the field required in `read/spec.py` and drop
this module. Reported only when every source loaded, like the orphan warnings.
"""

from __future__ import annotations

from dossier.problems import Problem
from dossier.read.loader import Dossier


def undated_access(dossier: Dossier) -> list[Problem]:
    """A warning at the id of each source that does not say when it was read."""
    warnings = []
    for source in dossier.sources:
        if source.accessed is None:
            line, col = source.origin.at(("id",))
            message = (
                f'accessed: source "{source.id}" does not say when it was read; '
                "add accessed: YYYY-MM-DD, the day you last read it"
            )
            warnings.append(Problem(source.origin.path, line, col, message, "warning"))
    return warnings
