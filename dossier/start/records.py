"""`new claim|source|entity ID`: write a commented template, never over an existing file.

A claim needs its article: `--excerpt` finds it (with the paragraph and, when the words occur
more than once, the occurrence), `--article` names it, and a dossier of one article needs
neither. With several articles and neither option the command refuses, listing them: a
template saying `article: TODO` would only move the question to `check`.
"""

from __future__ import annotations

from pathlib import Path

from dossier.problems import DossierError
from dossier.read.fields import text_problem
from dossier.read.loader import load_dossier
from dossier.read.model import Article
from dossier.read.spec import FOLDERS, SPECS, RecordKind, Ref
from dossier.read.templates import render_template
from dossier.start.place import article_ids, choose_article, place_excerpt
from dossier.start.yaml_text import quoted


def start_record(
    kind: RecordKind,
    record_id: str,
    claims_dir: str,
    article: str | None = None,
    excerpt: str | None = None,
    occurrence: int | None = None,
) -> Path:
    """Write the new record's template and return its path."""
    for name, ref_kind in [(record_id, kind), (article, "article")]:
        problem = None if name is None else text_problem(name, Ref(ref_kind))
        if problem is not None:
            raise DossierError(f"{name!r} cannot be an id: {problem}")
    root = Path(claims_dir)
    if not root.is_dir():
        raise DossierError(f"claims folder {claims_dir!r} not found (give another with --claims DIR)")
    if kind != "claim" and (excerpt is not None or occurrence is not None or article is not None):
        raise DossierError(f"--article, --excerpt and --occurrence are for a new claim, not a {kind}")
    path = root / FOLDERS[kind] / f"{record_id}.yaml"
    if path.exists():  # said before any search, which may fail for other reasons
        raise DossierError(f"{path} already exists; edit it, or choose another id")
    given: dict[str, str] = {}
    if kind == "claim":
        article, given = _claim_values(claims_dir, article, excerpt, occurrence)
    text = render_template(kind, record_id, article, given=given)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise DossierError(f"{path} already exists; edit it, or choose another id") from None
    return path


def _claim_values(
    claims_dir: str, article: str | None, excerpt: str | None, occurrence: int | None
) -> tuple[str, dict[str, str]]:
    """The claim's article id, and the excerpt and occurrence as YAML when an excerpt is given."""
    articles = _articles(claims_dir)
    if excerpt is None:
        if occurrence is not None:
            raise DossierError("--occurrence needs --excerpt: which words occur more than once?")
        if article is not None:
            return choose_article(articles, article).id, {}
        if len(articles) == 1:
            return articles[0].id, {}
        if not articles:
            raise DossierError("there is no article yet; start one with: new article ID --from FILE|URL")
        raise DossierError(
            f"the dossier has {len(articles)} articles; say which the claim comes from with --excerpt TEXT "
            f"(its words, copied from the article) or --article ID; the articles are: {article_ids(articles)}"
        )
    problem = text_problem(excerpt, SPECS["claim"].by_name["excerpt"].type)
    if problem is not None:
        raise DossierError(f"excerpt: {problem}")
    if occurrence is not None and occurrence < 1:
        raise DossierError(f"--occurrence counts from 1; got {occurrence}")
    place = place_excerpt(articles, excerpt, article, occurrence)
    given = {"excerpt": quoted(excerpt)}
    if place.occurrence is not None:
        given["occurrence"] = str(place.occurrence)
    return place.article, given


def _articles(claims_dir: str) -> tuple[Article, ...]:
    """The dossier's articles that load; an article file with problems is left to `check`."""
    dossier, _ = load_dossier(claims_dir, only=frozenset())
    return dossier.articles
