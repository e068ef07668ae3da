"""The validation pipeline as one call: load every file, then link the records."""

from __future__ import annotations

from dossier.link.coverage import coverage_warnings
from dossier.link.crossref import Anchor, Index, link_dossier
from dossier.link.orphans import find_orphans
from dossier.problems import Problem, plural, sort_problems
from dossier.read.loader import Dossier, load_dossier

MAX_PROBLEMS_PER_FILE = 50  # past this, a file is broken wholesale; the rest would only bury other files
CLAIMS_ENV = "DOSSIER_CLAIMS"  # claims folder for the MkDocs hook, relative to mkdocs.yml; default "claims"


def check_dossier(claims_dir: str, only: frozenset[str] | None = None) -> tuple[Dossier, Index, list[Problem]]:
    """Validate a claims folder (or just the files in `only`): every problem found, sorted."""
    dossier, problems = load_dossier(claims_dir, only)
    index, link_problems = link_dossier(dossier)
    return dossier, index, cap_problems(sort_problems(problems + link_problems))


def cap_problems(problems: list[Problem], limit: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
    """Keep each file's first `limit` problems (in the order given), then one line-1 problem counting the rest."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    capped: list[Problem] = []
    for path, found in by_file.items():
        capped += found[:limit]
        if len(found) > limit:
            rest = len(found) - limit
            capped.append(
                Problem(path, 1, 1, f"{plural(rest, 'more problem')} in this file not shown; fix these and check again")
            )
    return capped


def check_with_warnings(
    claims_dir: str, only: frozenset[str] | None = None
) -> tuple[Dossier, Index, list[Problem], list[Problem]]:
    """`check_dossier`, plus the warnings (records nothing uses) for a whole-dossier check."""
    dossier, index, problems = check_dossier(claims_dir, only)
    # A partial load (`only`) leaves most claims unread, so every record would look unused.
    warnings = [] if only is not None else find_orphans(dossier)
    # Coverage is advice for a dossier that passes: with errors to fix, it would only add noise.
    if only is None and not problems and _every_claim_anchored(dossier, index):
        warnings += coverage_warnings(dossier.articles, anchors_by_article(index), claims_dir)
    return dossier, index, problems, sort_problems(warnings)


def _every_claim_anchored(dossier: Dossier, index: Index) -> bool:
    """Coverage means something only when every claim file loaded and every excerpt was placed."""
    claims = set(dossier.present.get("claim", ()))
    return {c.id for c in dossier.claims} == claims and claims <= set(index.anchors)


def anchors_by_article(index: Index) -> dict[str, list[Anchor]]:
    """Each article's placed excerpts."""
    found: dict[str, list[Anchor]] = {}
    for claim_id, anchor in index.anchors.items():
        found.setdefault(index.claims[claim_id].article, []).append(anchor)
    return found


def count_records(dossier: Dossier) -> str:
    """`26 claims, 14 sources, 22 entities, 1 article`."""
    return ", ".join(
        [
            plural(len(dossier.claims), "claim"),
            plural(len(dossier.sources), "source"),
            plural(len(dossier.entities), "entity"),
            plural(len(dossier.articles), "article"),
        ]
    )
