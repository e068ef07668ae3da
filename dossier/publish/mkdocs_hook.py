"""The MkDocs adapter: validate before MkDocs cleans the site folder, then add the pages in memory.

`build_claims.py` exposes one `DossierHook`'s methods as MkDocs hook functions. Validation runs
in `on_pre_build`, which MkDocs calls before it empties `site_dir`, so invalid records abort
the build and the last good site stays in place. Under `mkdocs serve` they build an error site
instead (serve_errors.py), because the dev server would otherwise hold every request.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from dossier.link.check import CLAIMS_ENV, check_dossier
from dossier.link.crossref import Index
from dossier.problems import DossierError, Problem, summarize_problems, terminal_line
from dossier.publish.engines import RELATIVE_CITATIONS
from dossier.publish.serve_errors import error_site
from dossier.read.loader import Dossier
from dossier.render.search_index import compact_search_index
from dossier.render.site import RenderedPage, render_site

CONTRIBUTING_PAGE = "contributing.md"
log = logging.getLogger("mkdocs.hooks.dossier")


class DossierHook:
    def __init__(self) -> None:
        self.claims_dir = "claims"
        self.pages: dict[str, RenderedPage] = {}
        self.serving = False  # `mkdocs serve`: show invalid records' problems in the browser
        self.index: Index | None = None
        self.written: dict[str, str] = {}  # generated pages as the last finished build wrote them
        self.templates = TemplateCache()
        self.dirty = False  # `mkdocs serve --dirty`: rebuilds write only changed pages
        self.search_docs: dict[str, dict[str, Any]] = {}  # the search entries the last build wrote
        self.told_relative = False  # said once per run (not per rebuild) that citations are relative

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        given = os.environ.get(CLAIMS_ENV, "claims")
        self.claims_dir = given if os.path.isabs(given) else os.path.relpath(root / given)
        if not config.repo_url:
            config.edit_uri = None  # edit buttons need a repository; set DOSSIER_REPO_URL for them
        for watched in (self.claims_dir, str(root / "CONTRIBUTING.md")):
            if os.path.abspath(watched) not in (os.path.abspath(w) for w in config.watch):
                config.watch.append(watched)
        return config

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_pre_build(self, config: MkDocsConfig) -> None:
        dossier = None
        try:
            taken = _take_checked(self.claims_dir)  # `build` hands over the records it has just checked
            if taken is not None:
                index, problems = taken
            else:
                dossier, index, problems = check_dossier(self.claims_dir)
            if problems:
                for problem in problems:
                    log.error(terminal_line(str(problem)))
                if self.serving:
                    self.show_problems(problems, summarize_problems(problems), dossier)
                    return
                raise PluginError(f"{summarize_problems(problems)}; the site was not rebuilt")
            self.pages = render_site(index, config.site_url)
            if not config.site_url and not self.told_relative:
                log.info(RELATIVE_CITATIONS)
                self.told_relative = True
            self.index = index
        except DossierError as error:
            if self.serving:
                self.show_problems([], str(error), dossier)
                return
            raise PluginError(terminal_line(str(error))) from error
        except Exception as error:  # a bug; record text may be in its message, so escape it for the log
            message = f"internal error while rendering the dossier: {type(error).__name__}: {error}"
            raise PluginError(terminal_line(message)) from error

    def show_problems(self, problems: list[Problem], summary: str, dossier: Dossier | None) -> None:
        """While serving: build the error site, and say so on every failure (MkDocs drops repeats)."""
        log.error(
            terminal_line(f"{summary}; the site was not rebuilt, and its pages show the problems until they are fixed")
        )
        self.pages = error_site(problems, summary, dossier, self.pages)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path or ".").resolve().parent
        claims_in_repo = Path(os.path.relpath(Path(self.claims_dir).resolve(), root)).as_posix()
        for file in files:
            if file.is_documentation_page() and not file.generated_by:
                file.edit_uri = f"{Path(config.docs_dir).relative_to(root).as_posix()}/{file.src_uri}"
        # CONTRIBUTING.md lives at the top for GitHub; the site shows the same file as a page.
        contributing = File.generated(config, CONTRIBUTING_PAGE, abs_src_path=str(root / "CONTRIBUTING.md"))
        contributing.edit_uri = "CONTRIBUTING.md"
        files.append(contributing)
        for path, page in self.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"docs/{path} is written by hand, but the dossier generates that page; rename the file"
                )
            generated = GeneratedFile.generated(config, path, content=page.text)
            assert isinstance(generated, GeneratedFile)  # File.generated builds an instance of its class
            generated.changed = self.written.get(path) != page.text
            generated.edit_uri = f"{claims_in_repo}/{page.record}" if page.record else None
            files.append(generated)
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        # Runs after the search plugin (hooks follow plugins) has written its index.
        search_index = Path(config.site_dir) / "search" / "search_index.json"
        if self.index is not None and search_index.is_file():
            kept = compact_search_index(search_index, self.index, self.search_docs if self.dirty else None)
            self.search_docs = kept if self.dirty else {}
        self.remember_written()

    # Fast preview: `mkdocs serve --dirty` rebuilds only the pages whose File says it was modified.

    def remember_written(self) -> None:
        """The build finished: every generated page on disk now has this text."""
        self.written = {path: page.text for path, page in self.pages.items()}

    def on_env(self, env: Environment) -> Environment:
        env.bytecode_cache = self.templates
        return env

    def on_build_error(self, error: Exception) -> None:
        """A build stopped part way: what is on disk is unknown, so the next build writes everything."""
        self.written = {}


# `build_claims.py build` checks the records before it starts MkDocs in the same process; it
# hands the result over so that a build reads and links every file once, not twice.
_checked: tuple[str, Index] | None = None


def hand_over_checked(claims_dir: str, index: Index) -> None:
    """The index of a claims folder just checked without problems, for the next build's hook."""
    global _checked
    _checked = (os.path.abspath(claims_dir), index)


def _take_checked(claims_dir: str) -> tuple[Index, list[Problem]] | None:
    global _checked
    checked, _checked = _checked, None
    if checked is not None and checked[0] == os.path.abspath(claims_dir):
        return checked[1], []
    return None


class TemplateCache(BytecodeCache):
    """Compiled theme templates kept in memory across the rebuilds of one `mkdocs serve`.

    MkDocs reloads its configuration, and so a fresh Jinja environment, on every rebuild; without
    this each rebuild compiles Material's templates again. Keys carry the template's checksum.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class GeneratedFile(File):
    """A generated page that, in a dirty build, counts as modified only if its text changed.

    MkDocs' `--dirty` skips pages whose `is_modified()` is false, but treats every file made
    from in-memory content as modified, so a preview rebuilt all pages for one saved claim.
    """

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)
