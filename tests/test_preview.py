"""The preview's memory (dossier/publish/preview.py): after any save, the site it keeps is the site
`render_site` makes from scratch, page for page, and its problems are the ones `check` finds.

Every page family declares what it depends on (dossier/render/site.py); the mutation test edits
every text field of every record of the example dossier in turn, so a renderer that starts
showing something its family does not declare fails here.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLE, ROOT, record_files
from dossier.link.backlinks import build_backlinks
from dossier.link.changes import TOKEN_KINDS
from dossier.link.check import check_dossier
from dossier.publish.preview import Preview
from dossier.read.paths import claims_listing_page
from dossier.render import record_pages
from dossier.render.home import PAGE_SIZE
from dossier.render.site import FAMILIES, PageFamily, Site, render_site

sys.path.insert(0, str(ROOT / "bench"))
from synth import make_dossier  # noqa: E402


def same_as_from_scratch(preview: Preview, claims: Path) -> set[str]:
    """Update the preview; assert it equals a fresh check and render. The paths it says changed."""
    update = preview.update(str(claims))
    _, index, problems = check_dossier(str(claims))
    if problems:
        assert update.index is None
        assert update.problems == problems
        return set()
    assert update.problems == []
    assert update.index is not None
    assert preview.linked is not None
    fresh = build_backlinks(index)
    kept = preview.linked.backlinks
    assert kept.ordered == fresh.ordered and kept.rank == fresh.rank
    for name in (
        "by_article",
        "by_source",
        "by_entity",
        "quotes_by_speaker",
        "by_topic",
        "by_first_appearance",
        "by_rating",
    ):
        assert list(getattr(kept, name).items()) == list(getattr(fresh, name).items()), name
    full = render_site(index)
    wrong = sorted(path for path in full.keys() | preview.pages.keys() if full.get(path) != preview.pages.get(path))
    assert wrong == []
    assert list(preview.pages) == list(full)
    return update.changed


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "claims")
    return tmp_path / "claims"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def save(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def undeclared(families: Iterable[PageFamily], site: Site) -> list[str]:
    """The families with a page that declares no dependency, or one the preview cannot follow."""
    found = []
    for family in families:
        for subject in family.subjects(site):
            declared = list(family.depends(site, subject))
            if not declared or any(token[0] not in TOKEN_KINDS for token in declared):
                found.append(f"{family.name} {subject!r}")
    return found


def test_every_page_family_declares_what_its_pages_depend_on(claims: Path) -> None:
    _, index, problems = check_dossier(str(claims))
    assert problems == []
    site = Site(index)
    assert undeclared(FAMILIES, site) == []
    rendered = set()
    for family in FAMILIES:
        subjects = list(family.subjects(site))
        assert subjects, f"the example dossier has no {family.name} page: add records that make one"
        for subject in subjects:
            rendered |= set(family.render(site, subject))
    assert rendered == set(render_site(index))  # every generated file belongs to a family


def test_a_new_page_family_without_dependencies_is_caught(claims: Path) -> None:
    """As a new kind of page would be, were its dependencies left out."""
    _, index, _ = check_dossier(str(claims))
    about = PageFamily("about", lambda site: [None], lambda site, _: {}, lambda site, _: ())
    typo = PageFamily(
        "corrections", lambda site: [None], lambda site, _: {}, lambda site, _: [("recrod", "claim", "x")]
    )
    assert undeclared([*FAMILIES, about, typo], Site(index)) == ["about None", "corrections None"]


def test_a_claim_edit_renders_only_the_pages_that_show_the_claim(claims: Path) -> None:
    preview = Preview()
    same_as_from_scratch(preview, claims)
    before = render_site(check_dossier(str(claims))[1])
    claim = claims / "roads-better.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("better spent on roads.\nexcerpt", "better spent on trams.\nexcerpt")
    )
    changed = same_as_from_scratch(preview, claims)
    after = render_site(check_dossier(str(claims))[1])
    assert changed == {path for path in after if after[path] != before[path]}
    assert {"claims/roads-better.md", "articles/ferry-story.md", "claims/index.md", "claims.json"} <= changed
    assert preview.relinker.relinked == 1  # no other claim refers to it
    rendered = {family for family, _ in preview.site.rendered}
    assert rendered.isdisjoint({"source", "entity", "topic", "sources index", "entities index", "figures"})
    assert len(preview.site.rendered) < 15


def test_any_sequence_of_saves_gives_the_site_of_its_records(claims: Path) -> None:
    preview = Preview()
    same_as_from_scratch(preview, claims)
    for step in _saves(claims):
        step()
        same_as_from_scratch(preview, claims)


def _saves(claims: Path) -> Iterator[Any]:
    """Saves an editor makes, in turn: each step leaves the folder as a real edit would."""
    claim_files = sorted(claims.glob("*.yaml"))
    claim_files = [p for p in claim_files if p.name not in ("topics.yaml", "dossier.yaml")]
    first = claim_files[0]

    def edit_claim() -> None:
        data = load(first)
        data["claim"] = data["claim"] + " Edited."
        save(first, data)

    def change_rating() -> None:
        data = load(first)
        data["verdict"]["rating"] = "unverified"
        data["verdict"].pop("conclusion", None)
        save(first, data)

    def rename_source() -> None:
        source = sorted((claims / "sources").glob("*.yaml"))[0]
        old, new = source.stem, source.stem + "-renamed"
        for path in claims.rglob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(old, new), encoding="utf-8")
        source.rename(source.with_name(new + ".yaml"))

    def delete_entity() -> None:
        speakers = {load(p).get("quote", {}).get("speaker") for p in claim_files}
        entity = next(p for p in sorted((claims / "entities").glob("*.yaml")) if p.stem not in speakers)
        for path in claim_files:
            data = load(path)
            if entity.stem in data.get("entities", []):
                data["entities"] = [e for e in data["entities"] if e != entity.stem]
                if not data["entities"]:
                    del data["entities"]
                save(path, data)
        entity.unlink()

    def break_a_file() -> None:
        first.write_text(first.read_text(encoding="utf-8").replace("kind:", "knd:", 1), encoding="utf-8")

    def fix_it() -> None:
        first.write_text(first.read_text(encoding="utf-8").replace("knd:", "kind:", 1), encoding="utf-8")

    def add_claim() -> None:
        data = load(first)
        data["id"] = "a-new-claim"
        data.pop("related", None)
        save(claims / "a-new-claim.yaml", data)

    def move_an_excerpt() -> None:
        article = sorted((claims / "articles").glob("*.yaml"))[0]
        data = load(article)
        data["paragraphs"] = ["A new first paragraph, quoted by no claim."] + data["paragraphs"]
        save(article, data)

    def remove_claim() -> None:
        (claims / "a-new-claim.yaml").unlink()

    def rename_topic() -> None:
        topics = load(claims / "topics.yaml")
        old = topics["topics"][0]["id"]
        topics["topics"][0]["id"] = old + "-x"
        save(claims / "topics.yaml", topics)
        for path in claim_files:
            data = load(path)
            if old in data.get("topics", []):
                data["topics"] = [t + "-x" if t == old else t for t in data["topics"]]
                save(path, data)

    def edit_masthead() -> None:
        data = load(claims / "dossier.yaml")
        data["funding"] = data["funding"] + " And more."
        save(claims / "dossier.yaml", data)

    yield from (edit_claim, change_rating, rename_source, delete_entity, break_a_file, fix_it, add_claim)
    yield from (move_an_excerpt, remove_claim, rename_topic, edit_masthead, break_a_file, rename_source, fix_it)


NAMES = {"name", "title", "publisher", "author", "role"}  # names may be one word ("Transport")


def _text_fields(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every text value of a record that is prose or a name (not an id, a reference, a date, a URL
    or a choice)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _text_fields(value, (*path, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _text_fields(value, (*path, n))
    elif isinstance(data, str) and not data.startswith("http"):
        if " " in data.strip() or (path and path[-1] in NAMES):
            yield path, data


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    out = yaml.safe_load(yaml.safe_dump(data))
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def test_editing_any_text_of_any_record_updates_exactly_like_a_fresh_render(claims: Path) -> None:
    """Each prose field of each record, edited and put back: a family that shows a field without
    declaring it (a claim page showing a masthead name, say) fails here."""
    preview = Preview()
    same_as_from_scratch(preview, claims)
    for _, path in record_files(claims):
        original = path.read_text(encoding="utf-8")
        data = load(path)
        for where, text in _text_fields(data):
            save(path, _set(data, where, text.replace(" ", " edited ", 1) if " " in text else text + " Edited"))
            same_as_from_scratch(preview, claims)
        path.write_text(original, encoding="utf-8")
        same_as_from_scratch(preview, claims)


def test_a_large_dossier_pages_and_moves_claims_like_a_fresh_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """260 synthetic claims: listings of several pages (topics in pages of 5 here), a claim added
    at the front shifts every page after it."""
    monkeypatch.setattr(record_pages, "TOPIC_PAGE_SIZE", 5)
    claims = tmp_path / "claims"
    make_dossier(claims, 260)
    preview = Preview()
    same_as_from_scratch(preview, claims)
    claim = claims / "claim-7.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace('claim: "', 'claim: "Edited: ', 1), encoding="utf-8")
    changed = same_as_from_scratch(preview, claims)
    assert claims_listing_page(1) in changed and claims_listing_page(2) not in changed
    assert len(changed) < 20
    assert "topics/topic-7/page/2.md" in preview.pages and not any(p.startswith("topics/topic-7/") for p in changed)
    data = load(claims / "claim-0.yaml")
    data["id"] = "claim-00"  # the same excerpt: it sorts just after claim-0, and every later claim moves down
    save(claims / "claim-00.yaml", data)
    changed = same_as_from_scratch(preview, claims)
    assert {claims_listing_page(n) for n in range(1, 260 // PAGE_SIZE + 2)} <= changed
    (claims / "claim-00.yaml").unlink()
    (claims / "claim-259.yaml").unlink()
    data = load(claims / "claim-258.yaml")
    data["related"] = ["claim-0"]
    save(claims / "claim-258.yaml", data)
    same_as_from_scratch(preview, claims)
    for n in (3, 30, 31):
        (claims / f"claim-{n}.yaml").unlink()
    for name in ("claim-2", "claim-29", "claim-32"):
        data = load(claims / f"{name}.yaml")
        data["related"] = ["claim-0"]
        save(claims / f"{name}.yaml", data)
    same_as_from_scratch(preview, claims)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_moving_an_articles_date_marks_the_sources_published_after_it(claims: Path) -> None:
    """budget-papers (2 April 2024) comes out after harbour-fees once that is dated 4 March 2024:
    its page and the sources index gain the "published after the article" mark (red-team)."""
    preview = Preview()
    same_as_from_scratch(preview, claims)
    replace_in(claims / "articles" / "harbour-fees.yaml", "published: 2024-04-15", "published: 2024-03-04")
    assert {"sources/budget-papers.md", "sources/index.md"} <= same_as_from_scratch(preview, claims)


def test_a_claim_moving_to_an_earlier_article_marks_its_sources_in_the_index(claims: Path) -> None:
    """fees-rise moves from harbour-fees (15 April) to ferry-story (4 March); the sources index,
    whose counts of citing claims stay the same, gains the mark for budget-papers (2 April)."""
    replace_in(
        claims / "articles" / "ferry-story.yaml",
        "paragraphs:\n",
        'paragraphs:\n  - "Harbourville Council will raise mooring fees by 8% from June."\n',
    )
    preview = Preview()
    same_as_from_scratch(preview, claims)
    replace_in(claims / "fees-rise.yaml", "article: harbour-fees", "article: ferry-story")
    assert "sources/index.md" in same_as_from_scratch(preview, claims)


def test_a_finding_that_lists_another_articles_claim_follows_its_verdict(claims: Path) -> None:
    """A finding of harbour-fees may list council-announced (ferry-story's); its badge follows the rating."""
    replace_in(
        claims / "articles" / "harbour-fees.yaml", "claims: [fees-rise]", "claims: [fees-rise, council-announced]"
    )
    preview = Preview()
    same_as_from_scratch(preview, claims)
    replace_in(claims / "council-announced.yaml", "rating: supported", "rating: partly-supported")
    assert "articles/harbour-fees.md" in same_as_from_scratch(preview, claims)
