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
    "electric ferries” (Lake Gazette). Rated partly supported, checked 2024-03-10. "
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
