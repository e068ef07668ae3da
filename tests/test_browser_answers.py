"""A reader in a hurry, in Chromium: verdicts without colour, a preview on tap, filters in the URL,
a phone-width claims index, citations to copy and search that answers.

The example dossier is built once with a public address (DOSSIER_SITE_URL), so citations are
absolute, and served on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import serve
from test_site import EXAMPLE, build

PUBLIC = "https://facts.example.org/dossier/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
CITATION = (
    "Harbourville Fact Desk, “The ferries will carry 2,000 passengers a day”, a claim from “Harbourville bets on "
    "electric ferries” (Lake Gazette). Rated partly supported, checked 10 March 2024. "
    "https://facts.example.org/dossier/claims/ferry-capacity/"
)


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("public") / "site"
    result = build(EXAMPLE, out, DOSSIER_SITE_URL=PUBLIC)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DOSSIER_SITE_URL is not set" not in result.stdout
    return out


@pytest.fixture(scope="module")
def base(public_site: Path) -> Iterator[str]:
    with serve(public_site) as url:
        yield url


@pytest.mark.parametrize("refused", [False, True], ids=["clipboard-api", "clipboard-api-refused"])
def test_copy_button_copies_the_absolute_citation(chromium: Any, base: str, refused: bool) -> None:
    context = chromium.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    if refused:  # as a browser does without permission: the promise rejects
        context.add_init_script(
            "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));"
        )
    page = context.new_page()
    page.goto(base + "claims/ferry-capacity/", wait_until="load")
    assert page.locator("#dossier-citation").inner_text() == CITATION
    page.get_by_role("button", name="Copy the citation").click()
    status = page.locator(".dossier-copy-status")
    status.filter(has_text="Copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == CITATION
    share = page.locator(".dossier-share a")
    assert share.all_inner_texts() == ["E-mail", "Bluesky", "X", "Facebook", "LinkedIn"]
    assert share.nth(2).get_attribute("href") == (
        "https://x.com/intent/post?text=Partly%20supported%3A%20The%20ferries%20will%20carry%202%2C000%20passengers"
        "%20a%20day.&url=https%3A%2F%2Ffacts.example.org%2Fdossier%2Fclaims%2Fferry-capacity%2F"
    )
    context.close()


def test_where_nothing_can_copy_the_citation_is_selected_for_the_keyboard(chromium: Any, base: str) -> None:
    context = chromium.new_context(viewport=PHONE)
    context.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));"
        "document.execCommand = () => false;"
    )
    page = context.new_page()
    page.goto(base + "claims/ferry-capacity/", wait_until="load")
    page.get_by_role("button", name="Copy the citation").click()
    page.locator(".dossier-copy-status").filter(has_text="Selected").wait_for()
    assert page.evaluate("String(window.getSelection())") == CITATION
    context.close()


def test_every_marker_and_badge_shows_its_verdicts_symbol(chromium: Any, base: str) -> None:
    """A distinct shape per verdict before each marker and in the legend, so no verdict rests on colour."""
    from dossier.render.common import RATING_ICONS, RATING_LABELS

    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + "articles/ferry-story/", wait_until="load")
    symbol = "(e) => getComputedStyle(e, '::before').content"
    markers = page.locator("a.dossier-marker")
    found = {(m.get_attribute("data-verdict"), m.evaluate(symbol)) for m in markers.all()}
    assert found == {
        ("Supported", '"✓" / ""'),
        ("Unverified", '"?" / ""'),
        ("Opinion", '"❝" / ""'),
        ("Partly supported", '"◐" / ""'),
    }
    legend = {b.inner_text(): b.evaluate(symbol) for b in page.locator("p .dossier-badge").all()}
    assert legend == {label: f'"{RATING_ICONS[r]}" / ""' for r, label in RATING_LABELS.items()}
    assert len(set(RATING_ICONS.values())) == len(RATING_ICONS)
    # The symbol's text alternative is the marker's name, which says the verdict in words.
    assert markers.first.get_attribute("aria-label") == (
        "Claim 1, Supported: Harbourville will spend €12 million on four electric ferries by 2027."
    )
    context.close()


def test_a_tap_on_a_phone_opens_the_preview_and_does_not_leave_the_page(chromium: Any, base: str) -> None:
    context = chromium.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    article = base + "articles/ferry-story/"
    page.goto(article, wait_until="load")
    preview = page.locator("#dossier-preview")
    marker = page.locator("#c-ferry-capacity")
    marker.tap()
    preview.wait_for(state="visible")
    assert page.url.split("#")[0] == article  # the theme tracks the heading in view in the fragment
    assert [line for line in preview.inner_text().split("\n") if line] == [
        "Claim 5 Partly supported",
        "The ferries will carry 2,000 passengers a day.",
        "Too high, because the operator's timetable has seats for 1,600 passengers a day, not 2,000.",
        "Read the check →",
    ]
    box = preview.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # A tap outside closes it; a tap on a passage opens that passage's claim.
    page.locator("#findings + p").tap()  # plain text: our finding on the article
    preview.wait_for(state="hidden")
    page.locator('.dossier-excerpt[data-marker="c-roads-better"]').tap()
    preview.wait_for(state="visible")
    assert "Critics say the money would be better spent on roads." in preview.inner_text()
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    assert page.url.split("#")[0] == article  # the theme tracks the heading in view in the fragment
    # The preview's link opens the check; so does a second tap on the same number.
    marker.tap()
    preview.get_by_role("link", name="Read the check →").tap()
    page.wait_for_url(base + "claims/ferry-capacity/")
    page.go_back()
    page.locator("#c-ferry-budget").tap()
    preview.wait_for(state="visible")
    page.locator("#c-ferry-budget").tap()
    page.wait_for_url(base + "claims/ferry-budget/")
    context.close()


def test_keyboard_focus_opens_the_preview_and_escape_closes_it(chromium: Any, base: str) -> None:
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base + "articles/ferry-story/", wait_until="load")
    preview = page.locator("#dossier-preview")
    page.locator("#c-ferry-capacity").focus()
    preview.wait_for(state="visible")
    assert "Read the check →" in preview.inner_text()
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    page.keyboard.press("Shift+Tab")  # the marker before it
    preview.wait_for(state="visible")
    assert "Critics say the money would be better spent on roads." in preview.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(base + "claims/roads-better/")
    context.close()


def shown_claims(page: Any) -> list[str]:
    return page.locator(".dossier-filter-results li a").all_inner_texts()


def test_filters_live_in_the_address_and_round_trip(chromium: Any, base: str) -> None:
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + "claims/", wait_until="load")
    page.get_by_label("Verdict").focus()
    page.wait_for_function("document.getElementById('dossier-filter-verdict').options.length > 1")
    page.get_by_label("Topic").select_option("transport")
    page.wait_for_url(base + "claims/?topic=transport")
    page.get_by_label("Sort by").select_option("claim")
    page.wait_for_url(base + "claims/?topic=transport&sort=claim")
    assert shown_claims(page) == [
        "Harbourville will spend €12 million on four electric ferries by 2027.",
        "The electric ferries take up a third of Harbourville's capital budget.",
        "The ferries will carry 2,000 passengers a day.",
        "The mayor said the ferries will pay for themselves.",
    ]
    page.get_by_label("Words in the claim").fill("seats")  # a word of the summary only
    page.wait_for_url(base + "claims/?q=seats&topic=transport&sort=claim")
    assert shown_claims(page) == ["The ferries will carry 2,000 passengers a day."]
    # Back undoes one step at a time: the words, then the sort, then the topic.
    page.go_back()
    page.wait_for_url(base + "claims/?topic=transport&sort=claim")
    page.wait_for_function("document.querySelectorAll('.dossier-filter-results li').length === 4")
    assert page.get_by_label("Words in the claim").input_value() == ""
    page.go_back()
    page.wait_for_url(base + "claims/?topic=transport")
    assert page.get_by_label("Sort by").input_value() == "order"
    page.go_back()
    page.wait_for_url(base + "claims/")
    page.wait_for_function("document.querySelector('.dossier-filter-results').hidden")
    assert page.locator(".dossier-claims-list").is_visible()
    context.close()


def test_a_shared_filtered_address_opens_the_same_view(chromium: Any, base: str) -> None:
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    visit_url = base + "claims/?verdict=supported&entity=harbourville-council&article=ferry-story&kind=statement"
    page.goto(visit_url, wait_until="load")
    page.locator(".dossier-filter-results li").first.wait_for()
    assert shown_claims(page) == ["The council announced the ferry purchase on Monday."]
    assert page.locator(".dossier-filter-status").inner_text() == "1 of 8 claims"
    assert [
        page.get_by_label(name).input_value() for name in ("Verdict", "Person or organisation", "Article", "Kind")
    ] == [
        "supported",
        "harbourville-council",
        "ferry-story",
        "statement",
    ]
    assert page.locator(".dossier-filter-results .dossier-entry-summary").all_inner_texts() == [
        "The council's minutes date the announcement Monday 4 March 2024, as the article says."
    ]
    page.reload(wait_until="load")
    page.locator(".dossier-filter-results li").first.wait_for()
    assert shown_claims(page) == ["The council announced the ferry purchase on Monday."]
    # An id the dossier does not know is dropped from the address, not shown as an empty list.
    page.goto(base + "claims/?topic=no-such-topic&q=seats", wait_until="load")
    page.wait_for_url(base + "claims/?q=seats")
    page.wait_for_function("document.querySelectorAll('.dossier-filter-results li').length === 1")
    context.close()


@pytest.mark.parametrize("path", ["claims/", "figures/", "sources/", "timeline/", "articles/ferry-story/", ""])
def test_nothing_scrolls_sideways_on_a_phone_even_after_the_filters_load(chromium: Any, base: str, path: str) -> None:
    context = chromium.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base + path, wait_until="load")
    if path == "claims/":
        page.locator(".dossier-filter-box > summary").click()  # folded on a phone: unfold the filters
        page.get_by_label("Person or organisation").focus()
        page.wait_for_function("document.getElementById('dossier-filter-entity').options.length > 1")
    overflow = "() => document.documentElement.scrollWidth - window.innerWidth"
    wide = """() => [...document.querySelectorAll('.md-content *')].filter(e => e.getBoundingClientRect().right
      > window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    assert (page.evaluate(overflow), page.evaluate(wide)) == (0, [])
    context.close()


def search(page: Any, query: str) -> list[tuple[str, str]]:
    """(title, text) of each search result for `query`, best first."""
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("")
    page.keyboard.type(query, delay=20)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta')?.textContent.match(/matching|No matching/)"
    )
    page.wait_for_timeout(300)  # the results of the last keystroke
    # Each result: its heading, then its text.
    pairs = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a article')].map(a => {
      const text = a.cloneNode(true);
      text.querySelectorAll('h1, h2, nav, .md-search-result__icon').forEach(e => e.remove());
      return [a.querySelector('h1, h2').textContent.trim(), text.textContent.trim()];
    })""")
    return [(title, text) for title, text in pairs]


@pytest.mark.parametrize(
    "query, claims",
    [
        # A number: the claim that states it, before the article whose text holds it too.
        ("12", ["Harbourville will spend €12 million on four electric ferries by 2027."]),
        # An entity: every claim that names it comes before its own page and the rest.
        (
            "Harbourville Council",
            [
                "Harbourville will spend €12 million on four electric ferries by 2027.",
                "The council announced the ferry purchase on Monday.",
                "Harbourville will raise mooring fees by 8% from June 2024.",
                "The electric ferries take up a third of Harbourville's capital budget.",
            ],
        ),
    ],
)
def test_search_answers_with_claims_first_and_their_verdict_and_summary(
    chromium: Any, base: str, query: str, claims: list[str]
) -> None:
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base, wait_until="load")
    results = search(page, query)
    assert sorted(title for title, _ in results[: len(claims)]) == sorted(claims)
    first_title, first_text = results[0]
    summary = {
        "Harbourville will spend €12 million on four electric ferries by 2027.": "Supported · Figure. The council "
        "approved €12 million for four electric ferries, due by 2027, as the article says.",
        "The council announced the ferry purchase on Monday.": "Supported · Statement. The council's minutes date "
        "the announcement Monday 4 March 2024, as the article says.",
        "Harbourville will raise mooring fees by 8% from June 2024.": "Supported · Figure. The budget papers raise "
        "mooring fees by 8% from 1 June 2024, as the article says.",
        "The electric ferries take up a third of Harbourville's capital budget.": "Partly supported · Figure. "
        "Overstated, because the ferries take €12 million of a €48 million capital budget, a quarter rather than "
        "a third.",
    }
    assert first_text == summary[first_title]
    context.close()


def test_search_shows_an_article_as_its_title_and_finding_and_leaves_out_the_contributor_guide(
    chromium: Any, base: str
) -> None:
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base, wait_until="load")
    results = dict(search(page, "Northshore"))
    # The byline in the order the article page gives it, the date as a reader says it, the full stop kept.
    assert results["Mooring fees rise to pay for the ferry plan"] == (
        "Sam Example · Northshore Courier · published on 15 April 2024. "
        "The fee rise is as the budget papers give it; the ferries’ share of the budget is overstated."
    )
    # An entity answers with what it is, not with the page's list of facts.
    assert dict(search(page, "Ruiz"))["Ana Ruiz"] == "Mayor of Harbourville."
    assert (
        dict(search(page, "Town Council"))["Harbourville Council"] == "The elected council of the town of Harbourville."
    )
    # Words the contributor guide is full of find nothing of it.
    for query in ("excerpt", "pull request"):
        assert not page.locator(".md-search-result__link[href*='contributing']").count(), search(page, query)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_follow_the_palette_and_give_way_to_their_tables_on_a_phone(
    chromium: Any, base: str, scheme: str
) -> None:
    for viewport, shown in ((DESKTOP, True), (PHONE, False)):
        context = chromium.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        page.goto(base + "figures/", wait_until="load")
        chart = page.locator("img.dossier-chart").first
        assert chart.is_visible() is shown
        if shown:
            style = chart.evaluate("e => getComputedStyle(e).filter")
            assert style == ("invert(1) hue-rotate(180deg)" if scheme == "dark" else "none")
            # Chart text is drawn at 10 pt (13.3 CSS px) on a 7.5-inch (720 px) canvas: at the width shown
            # it stays at least 11 px.
            assert chart.evaluate("e => e.getBoundingClientRect().width / e.naturalWidth") * 13.33 >= 11
        else:
            assert page.locator("table[data-stack] td[data-label='Sources support']").count() >= 1
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_in_the_new_states(chromium: Any, base: str, scheme: str) -> None:
    """The states the page-type check does not reach: share links and a copied citation, filters
    loaded from the address, an open preview, the phone layout's stacked tables."""
    from test_browser_reader import AXE_RUN

    from browser import AXE

    found = {}
    for viewport in (DESKTOP, PHONE):
        context = chromium.new_context(viewport=viewport, color_scheme=scheme, has_touch=viewport is PHONE)
        page = context.new_page()
        page.goto(base + "claims/ferry-capacity/", wait_until="load")
        page.get_by_role("button", name="Copy the citation").click()
        page.locator(".dossier-copy-status").filter(has_text="C").wait_for()
        states = {"claim, copied": page}
        for name, path, ready in [
            ("filtered index", "claims/?verdict=supported&sort=claim", ".dossier-filter-results li"),
            ("figures", "figures/", "table"),
            ("home", "", ".dossier-answer"),
        ]:
            other = context.new_page()
            other.goto(base + path, wait_until="load")
            other.locator(ready).first.wait_for()
            states[name] = other
        article = context.new_page()
        article.goto(base + "articles/ferry-story/", wait_until="load")
        article.locator("#c-ferry-capacity").focus()
        article.locator("#dossier-preview").wait_for()
        states["article, preview open"] = article
        for name, state in states.items():
            state.add_script_tag(path=str(AXE))
            violations = state.evaluate(AXE_RUN)
            if violations:
                found[f"{name} ({viewport['width']} px)"] = violations
        context.close()
    assert found == {}


def test_the_built_search_index_holds_no_contributor_guide_and_boosts_claims(public_site: Path) -> None:
    import json

    docs = json.loads((public_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert [d["location"] for d in docs if d["location"].startswith("contributing/")] == []
    claims = [d for d in docs if d["location"].startswith("claims/")]
    assert len(claims) == 8 and {d.get("boost") for d in claims} == {10}
    assert not any(d["location"] == "" or d["location"].startswith("#") for d in docs)  # the home page's cards


def test_on_a_phone_every_claims_verdict_and_summary_are_in_the_first_screen(chromium: Any, base: str) -> None:
    """A corrected claim says so in one line at the top, so its verdict still leads the first screen."""
    from test_site import CLAIM_IDS, FEES_CLAIM_IDS

    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    below = {}
    for claim_id in CLAIM_IDS + FEES_CLAIM_IDS:
        page.goto(base + f"claims/{claim_id}/", wait_until="load")
        bottom = page.locator(".dossier-summary").evaluate("e => e.getBoundingClientRect().bottom")
        if bottom > PHONE["height"]:
            below[claim_id] = bottom
    page.goto(base + "claims/ferry-capacity/", wait_until="load")
    notice = page.locator(".dossier-correction-notice")
    assert notice.inner_text() == "Corrected 12\u00a0March\u00a02024. What changed"
    assert notice.evaluate("e => e.getClientRects().length && e.querySelector('a').getClientRects().length") == 1
    assert notice.evaluate("e => e.getBoundingClientRect().height") < 40  # one line
    notice.get_by_role("link").click()  # to the log, which keeps the correction's full text
    assert page.locator("#corrections").evaluate("e => e.getBoundingClientRect().top") < 100
    context.close()
    assert below == {}


def test_a_shared_filtered_view_on_a_phone_shows_its_results_in_the_first_screen(chromium: Any, base: str) -> None:
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base + "claims/?verdict=partly-supported", wait_until="load")
    results = page.locator(".dossier-filter-results li")
    results.first.wait_for()
    # The filters fold into one line that says what is chosen; the counts of the whole dossier step aside.
    box = page.locator("details.dossier-filter-box")
    assert box.evaluate("e => e.open") is False
    assert box.locator("summary").inner_text() == "Filtered: Partly supported · 2 claims · change filters"
    assert page.locator(".dossier-listing-summary").is_hidden()
    assert results.first.evaluate("e => e.getBoundingClientRect().bottom") <= PHONE["height"]
    # An opinion is not called "Opinion" twice, and no entry carries a number beside its own.
    page.goto(base + "claims/?verdict=opinion", wait_until="load")
    page.wait_for_function("document.querySelector('.dossier-filter-results li a')?.textContent.startsWith('Critics')")
    assert results.all_inner_texts() == [
        "Opinion Critics say the money would be better spent on roads. · Harbourville bets on electric ferries\n"
        "A view about priorities that evidence cannot settle."
    ]
    box.locator("summary").click()
    assert page.get_by_label("Verdict").input_value() == "opinion" and page.get_by_label("Article").is_visible()
    context.close()


@pytest.fixture(scope="module")
def one_article_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example dossier without its second article (and the claims and source only it needs)."""
    import shutil

    from conftest import apply_edits

    claims = tmp_path_factory.mktemp("one-article") / "claims"
    shutil.copytree(EXAMPLE, claims)
    gone = ["articles/harbour-fees.yaml", "fees-rise.yaml", "ferries-third.yaml", "ruiz-pay-for-themselves.yaml"]
    apply_edits(claims, dict.fromkeys([*gone, "sources/budget-papers.yaml"]))
    out = claims.parent / "site"
    result = build(claims, out)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(out) as url:
        yield url


def test_with_one_article_the_filters_offer_no_choice_of_article(chromium: Any, one_article_base: str) -> None:
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(one_article_base + "claims/?kind=forecast", wait_until="load")
    page.locator(".dossier-filter-results li").first.wait_for()
    assert page.get_by_label("Verdict").is_visible() and page.get_by_label("Article").is_hidden()
    sorts = page.get_by_label("Sort by").locator("option").all_inner_texts()
    assert "Article" not in sorts and "Kind" in sorts
    assert page.locator(".dossier-filter-results li").all_inner_texts() == [
        "Partly supported The ferries will carry 2,000 passengers a day. · Forecast\n"
        "Too high, because the operator's timetable has seats for 1,600 passengers a day, not 2,000."
    ]
    context.close()


def test_on_a_phone_the_figures_tables_keep_no_chart_numbers_or_captions(chromium: Any, base: str) -> None:
    for viewport, shown in ((DESKTOP, True), (PHONE, False)):
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(base + "figures/", wait_until="load")
        # The row number names a chart's bars; a caption such as "Smaller amounts, on their own scale"
        # introduces a chart: neither means anything where the chart gives way to its table.
        number = page.locator("table td:first-child").first
        assert number.inner_text() == "1" and number.is_visible() is shown
        page.evaluate(
            """() => document.querySelector('.md-content .md-typeset').insertAdjacentHTML('beforeend',
            '<p class="dossier-chart-lead">Smaller amounts, on their own scale so that their bars show:</p>')"""
        )
        leads = page.locator(".dossier-chart-lead")
        assert [leads.nth(i).is_visible() for i in range(leads.count())] == [shown, shown]
        # The intro's sentence about the charts goes with them: on a phone it would promise what is hidden.
        assert leads.first.inner_text().startswith("A chart compares the two where both are known")
        if not shown:  # each stacked row starts with its claim
            labels = page.locator("table[data-stack] tbody tr").first.evaluate(
                "r => [...r.children].filter(c => c.offsetParent).map(c => c.dataset.label)"
            )
            assert labels == ["Claim", "As stated", "Sources support", "Article vs sources"]
        context.close()
