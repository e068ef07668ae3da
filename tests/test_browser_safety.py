"""Hostile records in a real browser: no script runs on load, hover or focus, on any page.

The sites come from tests/test_site_safety.py: payloads in every text field and every URL
field, and control characters smuggled past the checker into every title-bearing field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser import serve, site_pages, watch
from test_site_safety import hostile_site, smuggled_site  # noqa: F401 - fixtures, used by name

# Runs in every page after it loads: any attribute that could run script, anywhere in the DOM.
HANDLER_ATTRIBUTES = """() => [...document.querySelectorAll('*')].flatMap(el =>
  [...el.attributes]
    .filter(a => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))
    .map(a => `${el.tagName.toLowerCase()} ${a.name}=${a.value}`))"""


def exercise_every_page(chromium: Any, site: Path) -> dict[str, list[str]]:
    """Load each page, then hover and focus every link and button; return what went wrong, by page."""
    found: dict[str, list[str]] = {}
    with serve(site) as base:
        context = chromium.new_context()
        page = context.new_page()
        visit = watch(page)
        for path in site_pages(site):
            before = len(visit.dialogs)
            page.goto(base + path, wait_until="load")
            problems = [f"handler {h}" for h in page.evaluate(HANDLER_ATTRIBUTES)]
            for element in page.query_selector_all("article a, article button"):
                if element.is_visible():
                    element.hover(timeout=2000)
                    element.focus()
                    page.keyboard.press("Escape")  # closes a claim preview, which may cover the next link
            problems += [f"dialog {d}" for d in visit.dialogs[before:]]
            if problems:
                found[path] = problems
        outside = [url for url in visit.requests if not url.startswith(base)]
        if outside:
            found["(requests to other hosts)"] = outside
        if visit.page_errors or visit.console_errors:
            found["(script errors)"] = visit.page_errors + visit.console_errors
        context.close()
    return found


def test_hostile_text_and_urls_run_no_script(chromium: Any, hostile_site: Path) -> None:  # noqa: F811
    assert exercise_every_page(chromium, hostile_site) == {}


def test_smuggled_control_characters_run_no_script(chromium: Any, smuggled_site: Path) -> None:  # noqa: F811
    assert exercise_every_page(chromium, smuggled_site) == {}
