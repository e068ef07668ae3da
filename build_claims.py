"""Claims dossier: validate YAML claim records and build them into a MkDocs site.

Pipeline: load files (dossier/loader.py) -> check each against the declared rules (fields.py,
records.py) -> link across files (crossref.py) -> render pages (site.py) -> write or hand to
MkDocs. This file is the entry point twice over: the command line (`python build_claims.py
check|render|build|schema`) and the MkDocs hook named in mkdocs.yml.
"""

from __future__ import annotations

import sys

from dossier.cli import main
from dossier.mkdocs_hook import DossierHook

# MkDocs calls these module-level functions; one hook object carries the pages between events.
_hook = DossierHook()
on_config = _hook.on_config
on_pre_build = _hook.on_pre_build
on_files = _hook.on_files

if __name__ == "__main__":
    sys.exit(main())
