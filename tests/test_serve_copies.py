"""Problem pages the hook copies while records are invalid, compared with a server that renders every one.

The reference is the same repository with `copied_pages` patched to return {} (so MkDocs renders
every problem page); both servers run on the same invalid records.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from test_serve_sequence import break_a_claim, comparable, serving

from conftest import EXAMPLE, ROOT
from dossier.read.paths import page_url

IGNORED = shutil.ignore_patterns(".*", "site", "node_modules", "__pycache__", "tests", "bench")


def repo_copy(tmp_path: Path, name: str, copying: bool, edit_config=None) -> Path:  # type: ignore[no-untyped-def]
    repo = tmp_path / name
    shutil.copytree(ROOT, repo, ignore=IGNORED)
    if not copying:
        module = repo / "dossier" / "publish" / "serve_errors.py"
        text = module.read_text(encoding="utf-8")
        text = text.replace(
            "    folders: dict[str, list[str]] = {}\n", "    return {}\n    folders: dict[str, list[str]] = {}\n", 1
        )
        assert "    return {}\n    folders" in text  # the reference really renders every page
        module.write_text(text, encoding="utf-8")
    if edit_config is not None:
        config = repo / "mkdocs.yml"
        config.write_text(edit_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    return repo


def record_page_urls(claims: Path) -> list[str]:
    found = [page_url(f"claims/{p.stem}.md") for p in claims.glob("*.yaml") if p.stem not in ("topics", "dossier")]
    for folder in ("sources", "entities", "articles"):
        found += [page_url(f"{folder}/{p.stem}.md") for p in (claims / folder).glob("*.yaml")]
    return sorted(found)


def served_differences(tmp_path: Path, edit_config, dirty: bool, extra: tuple[str, ...] = ()) -> list[object]:  # type: ignore[no-untyped-def]
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE, claims)
    break_a_claim(claims)
    mine_repo = repo_copy(tmp_path, "mine", True, edit_config)
    ref_repo = repo_copy(tmp_path, "reference", False, edit_config)
    wrong: list[object] = []
    with serving(claims, tmp_path / "mine.log", dirty=dirty, root=mine_repo) as mine:
        with serving(claims, tmp_path / "ref.log", dirty=False, root=ref_repo) as ref:
            for path in [*record_page_urls(claims), "", "claims/", "methodology/", *extra]:
                a, b = mine.fetch(path), ref.fetch(path)
                if a[0] != b[0] or comparable(path, a[1], mine) != comparable(path, b[1], ref):
                    wrong.append((path, a[0], b[0]))
    return wrong


def nav_naming(entry: str):  # type: ignore[no-untyped-def]
    def edit(text: str) -> str:
        return text.replace(
            "  - Contribute: contributing.md\n", f"  - Contribute: contributing.md\n  - Featured: {entry}\n", 1
        )

    return edit


def test_nav_naming_a_record_page_with_dot_slash(tmp_path: Path) -> None:
    """MkDocs finds `./claims/x.md` in the nav as the page claims/x.md, and so does the hook: a page the
    navigation names is rendered, never copied (once it was, and the nav's entry was a dead link)."""
    wrong = served_differences(tmp_path, nav_naming("./claims/ruiz-cleanest.md"), dirty=False)
    assert wrong == [], "\n".join(map(str, wrong))


def add_a_claim_first_in_its_folder(claims: Path) -> None:
    """A valid new claim whose page sorts first in claims/: the problems stay the same."""
    text = (claims / "council-announced.yaml").read_text(encoding="utf-8")
    (claims / "aaa-new.yaml").write_text(text.replace("id: council-announced", "id: aaa-new", 1), encoding="utf-8")


def fix(claims: Path) -> None:
    claim = claims / "ferry-budget.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("knd:", "kind:", 1), encoding="utf-8")


def sequence_differences(  # type: ignore[no-untyped-def]
    tmp_path: Path, saves, dirty: bool = True, edit_config=None, mount: str = "", valid_at_start: bool = True
) -> list[object]:
    """`mine` (this code) and `reference` (no copies, no --dirty) take the same saves from the same
    records; after each save every page path either has seen is compared."""
    from test_serve_sequence import pages_of

    mine_claims, ref_claims = tmp_path / "a" / "claims", tmp_path / "b" / "claims"
    shutil.copytree(EXAMPLE, mine_claims)
    shutil.copytree(EXAMPLE, ref_claims)
    if not valid_at_start:
        break_a_claim(mine_claims)
        break_a_claim(ref_claims)
    mine_repo = repo_copy(tmp_path, "mine", True, edit_config)
    ref_repo = repo_copy(tmp_path, "reference", False, edit_config)
    seen = pages_of(EXAMPLE) | set(record_page_urls(mine_claims))
    wrong: list[object] = []
    with serving(mine_claims, tmp_path / "mine.log", dirty=dirty, root=mine_repo) as mine:
        with serving(ref_claims, tmp_path / "ref.log", dirty=False, root=ref_repo) as ref:
            for server in (mine, ref):
                server.base += mount
            for save in saves:
                for server, claims in ((mine, mine_claims), (ref, ref_claims)):
                    built = server.builds()
                    save(claims)
                    server.wait_until_built(built)
                seen |= set(record_page_urls(mine_claims))
                for path in sorted(seen):
                    if "sitemap" in path or "search_index" in path:
                        continue  # while invalid these list only the rendered problem pages (README)
                    if edit_config is not None and "use_directory_urls: false" in edit_config(""):
                        path = re.sub(r"/$", ".html", path) if path.endswith("/") else path
                    a, b = mine.fetch(path), ref.fetch(path)
                    if a[0] != b[0] or comparable(path, a[1], mine) != comparable(path, b[1], ref):
                        wrong.append((save.__name__, path, a[0], b[0]))
                        dump = tmp_path / "diff" / save.__name__ / (path.replace("/", "_") or "home")
                        dump.mkdir(parents=True, exist_ok=True)
                        (dump / "mine").write_bytes(comparable(path, a[1], mine))
                        (dump / "reference").write_bytes(comparable(path, b[1], ref))
    return wrong


def test_nav_naming_a_record_page_relative_to_docs(tmp_path: Path) -> None:
    """With `validation: nav: absolute_links: relative_to_docs` MkDocs finds `/claims/x.md` in the nav as
    claims/x.md, and so does the hook's `_nav_pages`: the page is rendered, not copied."""

    def edit(text: str) -> str:
        text = nav_naming("/claims/ruiz-cleanest.md")(text)
        return text.replace(
            "    not_found: warn\n  links:", "    not_found: warn\n    absolute_links: relative_to_docs\n  links:", 1
        )

    wrong = served_differences(tmp_path, edit, dirty=False)
    assert wrong == [], "\n".join(map(str, wrong))


def test_a_hand_written_page_linking_to_a_copied_record_page(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """docs/methodology.md links to a claim page; while the records are invalid that page is a copy,
    which MkDocs gets as a stand-in, so the link still resolves (left out, it was a dead link)."""
    original = repo_copy

    def with_link(tmp: Path, name: str, copying: bool, edit_config=None) -> Path:  # type: ignore[no-untyped-def]
        repo = original(tmp, name, copying, edit_config)
        page = repo / "docs" / "methodology.md"
        page.write_text(
            page.read_text(encoding="utf-8") + "\nAn example: [a checked claim](claims/ruiz-cleanest.md).\n",
            encoding="utf-8",
        )
        return repo

    monkeypatch.setitem(globals(), "repo_copy", with_link)
    wrong = served_differences(tmp_path, None, dirty=False)
    assert wrong == [], "\n".join(map(str, wrong))


def delete_roads_better(claims: Path) -> None:
    (claims / "roads-better.yaml").unlink()


def delete_the_new_claim(claims: Path) -> None:
    (claims / "aaa-new.yaml").unlink()


def test_dirty_records_come_and_go_while_invalid(tmp_path: Path) -> None:
    saves = [
        break_a_claim,
        add_a_claim_first_in_its_folder,
        delete_roads_better,
        fix,
        break_a_claim,
        delete_the_new_claim,
        fix,
    ]
    wrong = sequence_differences(tmp_path, saves)
    wrong = [w for w in wrong if "sitemap" not in w[1] and "search_index" not in w[1]]  # type: ignore[index]
    assert wrong == [], "\n".join(map(str, wrong))
