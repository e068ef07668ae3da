"""The MkDocs adapter: validate before MkDocs cleans the site folder, then add the pages in memory.

`build_claims.py` exposes one `DossierHook`'s methods as MkDocs hook functions. Validation runs
in `on_pre_build`, which MkDocs calls before it empties `site_dir`, so invalid records abort
the build and the last good site stays in place.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .pipeline import CLAIMS_ENV, check_dossier
from .problems import DossierError, summarize_problems, terminal_line
from .site import RenderedPage, render_site

CONTRIBUTING_PAGE = "contributing.md"
log = logging.getLogger("mkdocs.hooks.dossier")


class DossierHook:
    def __init__(self) -> None:
        self.claims_dir = "claims"
        self.pages: dict[str, RenderedPage] = {}

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

    def on_pre_build(self, config: MkDocsConfig) -> None:
        try:
            _, index, problems = check_dossier(self.claims_dir)
            if problems:
                for problem in problems:
                    log.error(terminal_line(str(problem)))
                raise PluginError(f"{summarize_problems(problems)}; the site was not rebuilt")
            self.pages = render_site(index, config.site_url)
        except DossierError as error:
            raise PluginError(str(error)) from error

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
