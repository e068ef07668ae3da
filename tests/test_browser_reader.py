"""The example site as a reader meets it in Chromium: local only, no script errors, accessible.

Screenshots of each page type at phone and desktop width, light and dark, are saved under
`screenshots/` (or $DOSSIER_SCREENSHOTS) for a person to look at; CI keeps them as artifacts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import AXE, serve, site_pages, watch
from conftest import ROOT
from test_site import site  # noqa: F401 - the example site fixture, used by name

PAGE_TYPES = {
    "home": "",
    "article": "articles/ferry-story/",
    "index": "claims/",
    "claim": "claims/ferry-budget/",
    "source": "sources/council-minutes/",
    "entity": "entities/ana-ruiz/",
    "figures": "figures/",
    "timeline": "timeline/",
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SCREENSHOTS = Path(os.environ.get("DOSSIER_SCREENSHOTS", ROOT / "screenshots"))
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)"""


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:  # noqa: F811
    with serve(site) as base:
        yield base


def test_every_page_loads_only_local_files_without_script_errors(
    chromium: Any,
    site: Path,  # noqa: F811
    base_url: str,
) -> None:
    context = chromium.new_context()
    page = context.new_page()
    visit = watch(page)
    failures = {}
    for path in site_pages(site):
        page.goto(base_url + path, wait_until="networkidle")
        if visit.console_errors or visit.page_errors:
            failures[path] = visit.console_errors + visit.page_errors
            visit.console_errors.clear()
            visit.page_errors.clear()
    context.close()
    assert failures == {}
    assert len(visit.requests) > len(site_pages(site))
    assert [url for url in visit.requests if not url.startswith(base_url)] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(chromium: Any, base_url: str, scheme: str) -> None:
    assert AXE.is_file(), "axe-core is missing: run bash tests/install-browser.sh"
    context = chromium.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for name, path in PAGE_TYPES.items():
        page.goto(base_url + path, wait_until="load")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(AXE_RUN)
        if violations:
            found[name] = violations
    context.close()
    assert found == {}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_screenshots_of_every_page_type(chromium: Any, base_url: str, viewport: str) -> None:
    """No page scrolls sideways on a phone; the screenshots are kept for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wide = {}
    for scheme in ("light", "dark"):
        context = chromium.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
        page = context.new_page()
        for name, path in PAGE_TYPES.items():
            page.goto(base_url + path, wait_until="load")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport}-{scheme}.png"), full_page=True)
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                wide[f"{name} ({scheme})"] = overflow
        context.close()
    assert wide == {}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_article_previews_a_claim_and_its_marker_opens_it(chromium: Any, base_url: str, viewport: str) -> None:
    context = chromium.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(base_url + "articles/ferry-story/", wait_until="load")
    marker = page.locator("#c-ferry-capacity")
    assert (
        marker.get_attribute("aria-label")
        == "Claim 5, Partly supported: The ferries will carry 2,000 passengers a day."
    )
    # Tap (click) a passage: the preview shows the claim and its verdict, and the page stays.
    page.locator('.dossier-excerpt[data-marker="c-ferry-capacity"]').click()
    preview = page.locator("#dossier-preview")
    assert preview.is_visible()
    assert [line for line in preview.inner_text().split("\n") if line] == [
        "Claim 5 Partly supported",
        "The ferries will carry 2,000 passengers a day.",
        "Too high, because the operator's timetable has seats for 1,600 passengers a day, not 2,000.",
        "Read the check →",
    ]
    assert page.url.split("#")[0] == base_url + "articles/ferry-story/"  # the fragment tracks the heading in view
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    # Keyboard: focusing the marker previews it; Enter opens the claim's page.
    marker.focus()
    assert preview.is_visible() and "Partly supported" in preview.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "claims/ferry-capacity/")
    assert page.locator("h1").inner_text().startswith("The ferries will carry 2,000 passengers a day.")
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_claims_index_filters_and_sorts_in_the_page(chromium: Any, base_url: str, viewport: str) -> None:
    context = chromium.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    visit = watch(page)
    page.goto(base_url + "claims/", wait_until="load")
    plain = page.locator(".dossier-claims-list li")
    assert plain.count() == 8 and page.locator(".dossier-filter-results").is_hidden()
    # Each entry starts with its number: no bullet before it as well.
    assert plain.first.evaluate("li => getComputedStyle(li).listStyleType") == "none"
    assert page.locator("#dossier-listing-lead").inner_text() == "8 claims, in the order they appear in the articles."
    assert not any(url.endswith("claims-index.json") for url in visit.requests)  # loaded on first use only
    folded = page.locator("details.dossier-filter-box")
    assert folded.evaluate("e => e.open") is (viewport == "desktop")  # a phone shows the list first
    if viewport == "phone":
        folded.locator("summary").click()  # opening the filters loads the data
    page.get_by_label("Verdict").focus()  # so does reaching for them
    page.wait_for_function("document.getElementById('dossier-filter-verdict').options.length > 1")
    assert sum(url.endswith("claims-index.json") for url in visit.requests) == 1
    page.get_by_label("Verdict").select_option("partly-supported")
    results = page.locator(".dossier-filter-results li")
    results.first.wait_for()
    assert results.all_inner_texts() == [
        "Partly supported The ferries will carry 2,000 passengers a day. · Forecast"
        " · Harbourville bets on electric ferries\n"
        "Too high, because the operator's timetable has seats for 1,600 passengers a day, not 2,000.",
        "Partly supported The electric ferries take up a third of Harbourville's capital budget. · Figure"
        " · Mooring fees rise to pay for the ferry plan\n"
        "Overstated, because the ferries take €12 million of a €48 million capital budget, a quarter rather than a third.",
    ]
    assert page.locator(".dossier-filter-status").inner_text() == "2 of 8 claims"
    assert folded.locator("summary").inner_text() == "Filtered: Partly supported · 2 claims · change filters"
    assert plain.first.is_hidden()
    # The intro and the page's contents describe the filtered view, not the whole list.
    assert page.locator("#dossier-listing-lead").inner_text() == "2 of 8 claims match the filters."
    assert page.locator("#list").inner_text().startswith("Claims that match the filters")
    toc = page.locator(".md-nav--secondary").first
    assert toc.locator('a[href="#list"]').evaluate("a => a.textContent.trim()") == "Claims that match the filters"
    assert toc.locator('a[href="#by-verdict"]').evaluate("a => a.parentNode.hidden") is True
    page.get_by_label("Verdict").select_option("")
    page.get_by_label("Sort by").select_option("claim")
    page.wait_for_function("document.querySelectorAll('.dossier-filter-results li').length === 8")
    firsts = [text.split(" ·")[0] for text in results.all_inner_texts()]
    assert firsts[0] == "Opinion Critics say the money would be better spent on roads."
    assert firsts[-1] == "Unsupported The mayor said the ferries will pay for themselves."
    page.get_by_label("Words in the claim").fill("ferries")
    page.wait_for_function("document.querySelectorAll('.dossier-filter-results li').length === 4")
    link = page.locator(".dossier-filter-results a").first
    assert link.inner_text() == "Harbourville will spend €12 million on four electric ferries by 2027."
    link.click()
    page.wait_for_url(base_url + "claims/ferry-budget/")
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()


def test_a_one_claim_dossier_says_whether_its_claim_matches(chromium: Any, base_url: str) -> None:
    # "1 of 1 claims match the filters" is not English; the data file is cut to its first claim here.
    context = chromium.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    watch(page)

    def one_claim(route: Any) -> None:
        data = route.fetch().json()
        route.fulfill(json={**data, "claims": data["claims"][:1]})

    page.route("**/claims-index.json", one_claim)
    page.goto(base_url + "claims/", wait_until="load")
    words = page.get_by_label("Words in the claim")
    lead, status = page.locator("#dossier-listing-lead"), page.locator(".dossier-filter-status")
    words.fill("ferries")
    page.wait_for_function("document.querySelectorAll('.dossier-filter-results li').length === 1")
    assert (lead.inner_text(), status.inner_text()) == ("The one claim matches the filters.", "1 of 1 claim")
    words.fill("no such words")
    page.wait_for_function("document.querySelectorAll('.dossier-filter-results li').length === 0")
    assert (lead.inner_text(), status.inner_text()) == ("The one claim does not match the filters.", "0 of 1 claim")
    context.close()


@pytest.mark.parametrize(
    "query, first",
    [
        ("Ana Ruiz", "The mayor called the new fleet the cleanest on the lake."),  # an entity's claim
        ("12", "Harbourville will spend €12 million on four electric ferries by 2027."),  # a number without "€"
    ],
)
def test_search_finds_claims_first_and_shows_their_verdict(
    chromium: Any, base_url: str, query: str, first: str
) -> None:
    context = chromium.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    page.locator(".md-search__input").click()
    page.keyboard.type(query, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    title, _, text = results.first.inner_text().partition("\n")
    assert title == first
    assert text.split(" · ")[0].strip() in {"Supported", "Partly supported", "Unverified", "Opinion"}
    context.close()
