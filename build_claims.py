"""Claims dossier: validate YAML claim records and build them into a MkDocs site.

Pipeline: load (dossier/loader.py) -> check each file (fields.py, records.py) -> link across
files (crossref.py) -> render pages (later) -> write. This file is the entry point: the command
line (`python build_claims.py check`) and, for MkDocs, the hook named in mkdocs.yml.
"""

from __future__ import annotations

import sys

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main())
