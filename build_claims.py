"""Claims dossier: validate YAML claim records and build them into a MkDocs site.

Pipeline: load files (dossier/loader.py) -> check each against the declared rules (fields.py,
records.py) -> link across files (crossref.py) -> render pages (site.py) -> write or hand to
MkDocs. This file is the entry point twice over: the command line (`python build_claims.py
check|new|render|build|schema`) and the MkDocs hook named in mkdocs.yml.
"""

from __future__ import annotations

import functools
import sys
from typing import Any

from dossier.cli import main


@functools.cache
def _hook() -> Any:
    # Imported on first use: the command line's `check` must run without MkDocs installed.
    from dossier.mkdocs_hook import DossierHook

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


def on_env(env: Any, config: Any, files: Any) -> Any:
    return _hook().on_env(env)


def on_post_build(config: Any) -> None:
    _hook().on_post_build(config)


def on_build_error(error: Exception) -> None:
    _hook().on_build_error(error)


if __name__ == "__main__":
    sys.exit(main())
