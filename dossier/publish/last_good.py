"""The last valid build's pages, set aside while `mkdocs serve --dirty` shows the error site.

A save that breaks a record puts the problem page at every page path (serve_errors.py), and the
save that mends it would then have MkDocs build every page again: 14 s at 1,000 claims, minutes
at 10,000, for a one-character fix. Instead, when the error site first replaces a valid build,
that build's files are moved aside (a rename each, in a folder outside the site) with their
search and sitemap entries. On the next valid build each page whose text is what it was comes
back with a rename and is not built again; the rest are built as after any save, and what is
left aside is deleted. Nothing here reads or writes the contributor's records.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dossier.render.search_index import SearchEntries


class LastGoodPages:
    def __init__(self) -> None:
        self.folder: Path | None = None  # where the set-aside files are, made on first use
        self.texts: dict[str, str] = {}  # generated path -> its text in the set-aside build
        self.moved: dict[str, str] = {}  # generated path -> its file's place in the site folder (relative)
        self.search_pages: dict[str, list[dict[str, Any]]] = {}  # page URL -> its search entries
        self.search_texts: dict[str, str] = {}  # page URL -> the same entries as JSON text
        self.sitemap: dict[str, str] = {}  # page URL -> its sitemap entry

    def set_aside(
        self,
        site_dir: str,
        written: dict[str, str],
        destination: Callable[[str], str],
        search: SearchEntries,
        sitemap: dict[str, str],
    ) -> int:
        """Move the files of the build whose texts are `written` out of `site_dir`; how many were moved.

        Called once, as the error site replaces a valid build; a later error build finds nothing to
        move (its pages are problem pages), and the set-aside build stays the one to come back to.
        """
        if self.texts:
            return 0
        self.folder = Path(tempfile.mkdtemp(prefix="dossier-last-good-"))
        for path, text in written.items():
            relative = destination(path)
            source = os.path.join(site_dir, relative)
            if not os.path.isfile(source):
                continue
            kept = self.folder / relative
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, kept)  # a rename within one file system
            self.moved[path] = relative
            self.texts[path] = text
        self.search_pages, self.search_texts = dict(search.pages), dict(search.texts)
        self.sitemap = dict(sitemap)
        return len(self.moved)

    def put_back(self, site_dir: str, path: str, text: str) -> bool:
        """Move `path`'s set-aside file back into `site_dir` if the page's text is what it was then."""
        if self.texts.get(path) != text or path not in self.moved or self.folder is None:
            return False
        relative = self.moved.pop(path)
        target = os.path.join(site_dir, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.move(self.folder / relative, target)
        return True

    def put_back_entries(self, urls: list[str], search: SearchEntries, sitemap: dict[str, str]) -> None:
        """The search and sitemap entries of the pages put back, as the set-aside build had them."""
        for url in urls:
            if url in self.search_pages:
                search.pages[url], search.texts[url] = self.search_pages[url], self.search_texts[url]
            if url in self.sitemap:
                sitemap[url] = self.sitemap[url]

    def discard(self) -> None:
        """Forget the set-aside build and delete what is left of it."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.__init__()  # type: ignore[misc]
