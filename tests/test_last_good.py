"""The last valid build set aside while the error site is served, and put back page by page."""

from __future__ import annotations

from pathlib import Path

from dossier.publish.last_good import LastGoodPages
from dossier.render.search_index import SearchEntries


def site_with(site: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text, encoding="utf-8")


def destination(path: str) -> str:
    return path.removesuffix(".md") + "/index.html" if path.endswith(".md") else path


def test_a_page_comes_back_only_with_the_text_it_had_and_the_rest_is_deleted(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site_with(site, {"claims/a/index.html": "<p>A</p>", "claims/b/index.html": "<p>B</p>", "claims.json": "[]"})
    search = SearchEntries()
    search.pages, search.texts = {"claims/a/": [{"location": "claims/a/"}]}, {"claims/a/": '{"location":"claims/a/"}'}
    written = {"claims/a.md": "# A", "claims/b.md": "# B", "claims.json": "[]", "claims/gone.md": "# never built"}
    last_good = LastGoodPages()

    assert last_good.set_aside(str(site), written, destination, search, {"claims/a/": "<url>a</url>"}) == 3
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == []
    assert last_good.set_aside(str(site), written, destination, search, {}) == 0  # the first valid build stays
    kept = last_good.folder
    assert kept is not None and kept.is_dir()

    assert last_good.put_back(str(site), "claims/a.md", "# A") is True
    assert last_good.put_back(str(site), "claims/b.md", "# B, edited") is False  # built again instead
    assert last_good.put_back(str(site), "claims/gone.md", "# never built") is False  # nothing was on disk
    assert (site / "claims/a/index.html").read_text(encoding="utf-8") == "<p>A</p>"
    assert not (site / "claims/b/index.html").exists()

    search.pages, search.texts, sitemap = {}, {}, {}
    last_good.put_back_entries(["claims/a/"], search, sitemap)
    assert search.pages == {"claims/a/": [{"location": "claims/a/"}]}
    assert sitemap == {"claims/a/": "<url>a</url>"}

    last_good.discard()
    assert not kept.exists() and last_good.texts == {} and last_good.folder is None
