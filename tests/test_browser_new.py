"""The "new" chips in real Chromium: what was added since the reader's last visit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build
from tests.helpers import serve_folder
from tests.sites import BASIC_SITE, article

pytestmark = pytest.mark.browser

FILES = {
    "content/articles/a.md": article("Troops leave", "2022-03-31", "Troops left Chernobyl.\n"),
    "content/articles/b.md": article("Shelling", "2022-03-20", "Shelling hit Donetsk.\n"),
}
ADDED = article(
    "Inspectors return", "2022-04-02", "Inspectors reached Chernobyl on 2 April 2022.\n"
)
PAGES = ("", "topics/chernobyl/", "chronology/")


def new_items(page: Any) -> list[str]:
    """The article titles and event texts marked new on the page."""
    return page.eval_on_selector_all(
        ".new-chip",
        """chips => chips.map(chip => {
            const item = chip.closest("li");
            return (item.querySelector(".article-link, .event-text") || item).textContent.trim();
        })""",
    )


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Path:
    return make_site(FILES, BASIC_SITE + "search: false\n")


@pytest.mark.slow
def test_items_added_since_the_last_visit_are_marked_new(site: Path, browser: Any) -> None:
    output = build(BuildOptions(site)).output
    context = browser.new_context()  # one reader: the same storage across the visits
    try:
        with serve_folder(output) as home:
            first = context.new_page()
            for path in PAGES:
                first.goto(home + path)
                first.wait_for_load_state("load")
                assert new_items(first) == [], path  # a first visit marks nothing
            first.close()
            (site / "content/articles/c.md").write_text(ADDED)
            build(BuildOptions(site))
            # A later visit, in a new tab (a new session).
            second = context.new_page()
            second.goto(home)
            second.wait_for_selector(".new-chip")
            assert new_items(second) == ["Inspectors reached Chernobyl.", "Inspectors return"]
            second.goto(home + "topics/chernobyl/")
            second.wait_for_selector(".new-chip")
            assert sorted(new_items(second)) == [
                "Inspectors reached Chernobyl.",
                "Inspectors return",
            ]
            second.goto(home + "chronology/")
            second.wait_for_selector(".new-chip")
            assert new_items(second) == ["Inspectors reached Chernobyl."]
            # Still new on a reload during this visit; no longer on the next visit.
            second.reload()
            second.wait_for_selector(".new-chip")
            second.close()
            third = context.new_page()
            third.goto(home)
            third.wait_for_load_state("load")
            assert new_items(third) == []
            cookies = context.cookies()
    finally:
        context.close()
    assert cookies == []


def test_without_javascript_nothing_is_marked(site: Path, browser: Any) -> None:
    output = build(BuildOptions(site)).output
    context = browser.new_context(java_script_enabled=False)
    try:
        with serve_folder(output) as home:
            page = context.new_page()
            page.goto(home)
            (site / "content/articles/c.md").write_text(ADDED)
            build(BuildOptions(site))
            page.goto(home)
            assert page.locator(".new-chip").count() == 0
    finally:
        context.close()
