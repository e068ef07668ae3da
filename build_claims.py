"""Claims dossier: validate YAML claim records and build them into a MkDocs site.

Pipeline, one sub-package of `dossier/` per stage: read each record file (dossier/read/) ->
link the records across files (dossier/link/) -> render pages and exports (dossier/render/) ->
publish with MkDocs or Zensical (dossier/publish/). This file is the entry point twice over: the
command line (`python build_claims.py check|new|render|build|schema`, in dossier/cli.py) and the
MkDocs hook named in mkdocs.yml.
"""

from __future__ import annotations

import functools
import sys
from typing import Any

from dossier.cli import main


@functools.cache
def _hook() -> Any:
    # Imported on first use: the command line's `check` must run without MkDocs installed.
    from dossier.publish.mkdocs_hook import DossierHook

    return DossierHook()


# MkDocs calls these module-level functions; one hook object carries the pages between events.
def on_startup(command: str, dirty: bool) -> None:
    _hook().on_startup(command, dirty)


def on_config(config: Any) -> Any:
    return _hook().on_config(config)


def on_pre_build(config: Any) -> None:
    _hook().on_pre_build(config)


def on_files(files: Any, config: Any) -> Any:
    return _hook().on_files(files, config)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return _hook().on_page_markdown(markdown, page)


def on_env(env: Any, config: Any, files: Any) -> Any:
    return _hook().on_env(env)


def on_post_build(config: Any) -> None:
    _hook().on_post_build(config)


def on_build_error(error: Exception) -> None:
    _hook().on_build_error(error)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    return _hook().on_serve(server, config)


def on_shutdown() -> None:
    _hook().on_shutdown()


if __name__ == "__main__":
    sys.exit(main())
