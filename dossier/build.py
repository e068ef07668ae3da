"""Run MkDocs' strict build on mkdocs.yml for a given claims folder (the `build` command)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .pipeline import CLAIMS_ENV
from .problems import DossierError


def build_site(mkdocs_yml: Path, claims_dir: str, site_dir: str | None) -> str:
    """Build the site strictly; return the output folder. The hook validates the records again."""
    previous = os.environ.get(CLAIMS_ENV)
    os.environ[CLAIMS_ENV] = os.path.abspath(claims_dir)  # the hook reads the folder from here
    options = {"site_dir": os.path.abspath(site_dir)} if site_dir else {}
    try:
        config = load_config(config_file=str(mkdocs_yml), strict=True, **options)
        build(config)
    except Abort as error:
        raise DossierError(f"the site build failed: {error}") from error
    finally:
        if previous is None:
            del os.environ[CLAIMS_ENV]
        else:
            os.environ[CLAIMS_ENV] = previous
    return str(config.site_dir)
