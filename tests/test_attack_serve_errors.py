"""Attack finding: `mkdocs serve` started on invalid records leaves nav pages without a problem page."""

from __future__ import annotations

import re

from conftest import ROOT
from dossier.problems import Problem
from dossier.publish.serve_errors import error_site


def test_a_fresh_error_site_has_a_page_at_every_page_the_navigation_names() -> None:
    nav = re.findall(r"^  - [A-Za-z]+: (\S+\.md)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    handwritten = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")} | {"contributing.md"}
    pages = error_site([Problem("claims/x.yaml", 1, 1, "broken")], "1 problem", None, [])
    missing = [page for page in nav if page not in handwritten and page not in pages]
    assert missing == []  # figures.md and timeline.md: their tabs link to "figures.md", and /figures/ answers 404
