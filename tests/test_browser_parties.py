"""The chronology's party filter in real Chromium: in place with JavaScript, links without."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build
from tests.helpers import serve_folder
from tests.sites import BASIC_SITE, article

pytestmark = pytest.mark.browser

PARTIES = """\
search: false
parties:
  - slug: marovia
    name: Marovia
    aliases: [Marovia, Marovian]
  - slug: ostland
    name: Ostland
    aliases: [Ostland, Ostlander]
"""
FILES = {
    "content/articles/a.md": article(
        "A",
        "2022-03-31",
        "Ostland said its engineers left Chernobyl on Monday.\n\n"
        "Marovian officials said shelling hit Donetsk on Tuesday.\n\n"
        "Inspectors reached Chernobyl on Wednesday.\n",
        source="Lakeside Courier",
    ),
}


@pytest.fixture
def served(make_site: Callable[..., Path]) -> Iterator[str]:
    site = make_site(FILES, BASIC_SITE + PARTIES)
    with serve_folder(build(BuildOptions(site)).output) as url:
        yield url


def visible_texts(page: Any) -> list[str]:
    return page.locator(".event:visible .event-text").all_inner_texts()


def test_party_buttons_filter_events_in_place(page: Any, served: str) -> None:
    page.goto(served + "chronology/")
    assert len(visible_texts(page)) == 3
    ostland = page.locator(".party-filter").get_by_role("button", name="Ostland")
    ostland.click()
    assert ostland.get_attribute("aria-pressed") == "true"
    assert visible_texts(page) == ["Ostland said its engineers left Chernobyl."]
    claim = page.locator(".event:visible .event-claim").inner_text()
    assert "claimed" in claim and "claimed by Ostland" in claim and "via Lakeside Courier" in claim
    # With a topic pressed too, an event must be about it and claimed by the party.
    page.locator(".topic-filter").get_by_role("button", name="Donbas").click()
    assert visible_texts(page) == []
    page.locator(".party-filter").get_by_role("button", name="Marovia").click()
    assert visible_texts(page) == ["Marovian officials said shelling hit Donetsk."]
    ostland.click()
    page.locator(".topic-filter").get_by_role("button", name="Donbas").click()
    page.locator(".party-filter").get_by_role("button", name="Marovia").click()
    assert len(visible_texts(page)) == 3  # nothing pressed: all shown


def test_without_javascript_the_parties_link_to_their_pages(browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served + "chronology/")
        assert page.get_by_role("button").count() == 0
        page.locator(".party-filter").get_by_role("link", name="Marovia").click()
        page.wait_for_url("**/parties/marovia/")
        assert page.locator("h1").inner_text() == "Claims by Marovia"
        assert visible_texts(page) == ["Marovian officials said shelling hit Donetsk."]
        assert page.locator(".status").inner_text() == "claimed"
    finally:
        context.close()
