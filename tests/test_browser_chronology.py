"""The chronology's topic filter in real Chromium: in place with JavaScript, links without."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build
from tests.helpers import serve_folder
from tests.sites import BASIC_SITE, article

pytestmark = pytest.mark.browser

FILES = {
    "content/articles/a.md": article(
        "A", "2022-03-31", "Troops left Chernobyl on Monday.\n\nShelling hit Donetsk on Tuesday.\n"
    ),
    "content/articles/b.md": article("B", "2021-06-01", "Inspectors reached Chernobyl.\n"),
}


@pytest.fixture
def served(make_site: Callable[..., Path]) -> Iterator[str]:
    site = make_site(FILES, BASIC_SITE + "search: false\n")
    with serve_folder(build(BuildOptions(site)).output) as url:
        yield url + "chronology/"


def visible_texts(page: Any) -> list[str]:
    return page.locator(".event:visible .event-text").all_inner_texts()


def test_topic_buttons_filter_events_in_place(page: Any, served: str) -> None:
    page.goto(served)
    assert len(visible_texts(page)) == 3
    donbas = page.get_by_role("button", name="Donbas")
    donbas.click()
    assert donbas.get_attribute("aria-pressed") == "true"
    assert visible_texts(page) == ["Shelling hit Donetsk."]
    assert page.locator(".topic-filter [aria-live]").inner_text() == "Showing 1 of 3 events."
    # The year 2021 holds only a Chernobyl event: its heading goes too.
    assert not page.locator("#y2021").is_visible()
    page.get_by_role("button", name="Chernobyl").click()  # either topic
    assert len(visible_texts(page)) == 3
    donbas.click()
    assert visible_texts(page) == ["Inspectors reached Chernobyl.", "Troops left Chernobyl."]
    page.get_by_role("button", name="Chernobyl").click()  # none pressed: all shown
    assert len(visible_texts(page)) == 3 and page.locator("#y2021").is_visible()


def test_without_javascript_the_topics_link_to_their_timelines(browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served)
        assert page.get_by_role("button").count() == 0
        page.locator(".topic-filter").get_by_role("link", name="Donbas").click()
        page.wait_for_url("**/topics/donbas/#timeline")
        assert page.locator("#timeline").is_visible()
    finally:
        context.close()
