"""Run MkDocs' strict build on mkdocs.yml for a given claims folder (the `build` command).

The site is built into a fresh folder beside the target and swapped in only when the whole
build, strict warnings included, has succeeded (`atomic_folder`), so a failed or killed build
leaves the last good site in place. MkDocs' own warnings and errors are kept for the message.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from dossier.link.check import CLAIMS_ENV
from dossier.problems import DossierError
from dossier.publish.atomic_folder import replacing_folder


class _Collect(logging.Handler):
    """Keeps every warning and error MkDocs logs (without this they are not shown anywhere)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def build_site(mkdocs_yml: Path, claims_dir: str, site_dir: str | None, offline: bool = False) -> str:
    """Build the site strictly and swap it into place; return the output folder.

    The hook validates the records again. `offline` writes pages as `.html` files linked as such, so the
    site browses from disk.
    """
    options: dict[str, Any] = {"use_directory_urls": False} if offline else {}
    if site_dir:
        options["site_dir"] = os.path.abspath(site_dir)
    collected = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collected)
    try:
        config = load_config(config_file=str(mkdocs_yml), strict=True, **options)
    except (Abort, ConfigurationError) as error:
        logger.removeHandler(collected)
        raise DossierError(f"{mkdocs_yml}: {error}", collected.lines) from error
    target = Path(config.site_dir)
    try:
        with _claims_env(claims_dir):
            with replacing_folder(target) as staging:
                config["site_dir"] = str(staging)
                build(config)
    except Abort as error:
        raise DossierError(
            f"the site build failed ({error}); the last good site in {target} is unchanged",
            [line for message in collected.lines for line in message.splitlines()],
        ) from error
    finally:
        logger.removeHandler(collected)
    return str(target)


@contextmanager
def _claims_env(claims_dir: str) -> Iterator[None]:
    """Point the hook at the claims folder (it reads the folder from the environment)."""
    previous = os.environ.get(CLAIMS_ENV)
    os.environ[CLAIMS_ENV] = os.path.abspath(claims_dir)
    try:
        yield
    finally:
        if previous is None:
            del os.environ[CLAIMS_ENV]
        else:
            os.environ[CLAIMS_ENV] = previous
