"""Build the site with an engine that runs no MkDocs hooks (Zensical), from the pages `render` writes.

Zensical reads `mkdocs.yml` but not its `hooks`, so the dossier's pages are rendered first into
a docs folder laid out as MkDocs would see it: the generated pages and exports, the hand-written
pages under `docs/`, and `CONTRIBUTING.md` as `contributing.md`. A copy of `mkdocs.yml` without
the hook (and with relative `docs_dir` and `site_dir`, which Zensical needs) then builds it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from dossier.link.crossref import Index
from dossier.problems import DossierError

ENGINES = ("mkdocs", "zensical")
SITE_URL_ENV = "DOSSIER_SITE_URL"  # the site's public address; mkdocs.yml reads it as `site_url`
RELATIVE_CITATIONS = (
    f"note: {SITE_URL_ENV} is not set, so citations and ClaimReview data give each claim's address "
    "relative to the site (/claims/<id>/) and claim pages show no share links; set it to the "
    "site's public address for absolute ones"
)


def site_url_from_env() -> str | None:
    """The site's public address, as `mkdocs.yml` gets it, or None when it is not set."""
    return os.environ.get(SITE_URL_ENV) or None


def engine_config(mkdocs_yml: Path, docs_dir: str, site_dir: str) -> str:
    """`mkdocs.yml` without the hook, the claims watch and edit links, pointed at the given folders.

    Edit links go: without the hook they would open the generated Markdown, not the YAML record.
    """
    kept = []
    skipping = False
    for line in mkdocs_yml.read_text(encoding="utf-8").splitlines():
        if line.startswith(("hooks:", "watch:")):
            skipping = True  # the block runs to the next top-level key
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        if not line.startswith("edit_uri:"):
            kept.append(line)
    return "\n".join(kept) + f"\nedit_uri: ''\ndocs_dir: {docs_dir}\nsite_dir: {site_dir}\n"


def prepare_docs(root: Path, pages_dir: Path, index: Index) -> None:
    """Write every page MkDocs would see into `pages_dir` (new or empty)."""
    from dossier.render.site import render_site, write_site  # here: `check` imports this module for ENGINES alone

    # The site's public address, as mkdocs.yml reads it, for citations', ClaimReview's and the feed's absolute URLs.
    write_site(render_site(index, site_url_from_env()), pages_dir)
    for path in sorted((root / "docs").rglob("*")):
        if path.is_file():
            target = pages_dir / path.relative_to(root / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    shutil.copyfile(root / "CONTRIBUTING.md", pages_dir / "contributing.md")


def run_zensical(config_dir: Path, quiet: bool = True) -> None:
    """`zensical build` on `config_dir/mkdocs.yml`; raise DossierError with its output on failure."""
    command = [str(Path(sys.executable).parent / "zensical"), "build", "--clean", "-f", "mkdocs.yml"]
    if not Path(command[0]).exists():
        raise DossierError("Zensical is not installed: pip install -r requirements-dev.txt")
    result = subprocess.run(command, cwd=config_dir, capture_output=quiet, text=True, check=False)
    if result.returncode != 0:
        raise DossierError(f"the Zensical build failed:\n{result.stdout or ''}{result.stderr or ''}")


def build_with_zensical(root: Path, index: Index, site_dir: str) -> str:
    """Render the pages, then build them into `site_dir` with Zensical; return the output folder."""
    site = Path(site_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="dossier-zensical-") as tmp:
        work = Path(tmp)
        prepare_docs(root, work / "docs", index)
        (work / "mkdocs.yml").write_text(engine_config(root / "mkdocs.yml", "docs", "site"), encoding="utf-8")
        if (root / "overrides").is_dir():  # the theme's custom_dir, relative to mkdocs.yml
            shutil.copytree(root / "overrides", work / "overrides")
        run_zensical(work)
        if site.exists():
            shutil.rmtree(site)
        shutil.move(str(work / "site"), site)
    return os.fspath(site)
