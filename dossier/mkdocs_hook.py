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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .loader import Dossier
from .pipeline import CLAIMS_ENV, check_dossier
from .problems import DossierError, Problem, summarize_problems, terminal_line
from .serve_errors import error_site
from .site import RenderedPage, render_site

CONTRIBUTING_PAGE = "contributing.md"
log = logging.getLogger("mkdocs.hooks.dossier")


class DossierHook:
    def __init__(self) -> None:
        self.claims_dir = "claims"
        self.pages: dict[str, RenderedPage] = {}
        self.serving = False  # `mkdocs serve`: show invalid records' problems in the browser

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

    def on_pre_build(self, config: MkDocsConfig) -> None:
        dossier = None
        try:
            dossier, index, problems = check_dossier(self.claims_dir)
            if problems:
                for problem in problems:
                    log.error(terminal_line(str(problem)))
                if self.serving:
                    self.show_problems(problems, summarize_problems(problems), dossier)
                    return
                raise PluginError(f"{summarize_problems(problems)}; the site was not rebuilt")
            self.pages = render_site(index, config.site_url)
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
            generated = File.generated(config, path, content=page.text)
            generated.edit_uri = f"{claims_in_repo}/{page.record}" if page.record else None
            files.append(generated)
        return files
