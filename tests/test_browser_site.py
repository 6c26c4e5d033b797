"""A reader in real Chromium: open the built example, follow a topic link and an article link."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build
from tests.helpers import serve_folder
from tests.sites import EXAMPLE_SITE, copy_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(
        BuildOptions(copy_site(EXAMPLE_SITE, tmp_path_factory.mktemp("example"), search=False))
    ).output


@pytest.fixture
def served(output: Path) -> Iterator[str]:
    with serve_folder(output) as url:
        yield url


def test_follow_topic_then_article_links(page: Any, served: str) -> None:
    page.goto(served)
    assert page.locator("h1").first.inner_text() == "Nuclear sites under occupation"
    page.get_by_role("link", name="Chernobyl", exact=True).first.click()
    page.wait_for_url("**/topics/chernobyl/")
    assert page.locator("h1").inner_text() == "Chernobyl"
    page.locator(".articles a.article-link").first.click()
    page.wait_for_url("**/articles/russian-army-abandons-chernobyl/")
    assert "Russian army abandons Chernobyl" in page.locator("h1").inner_text()
    # The first mention in the body links back to the topic page.
    page.locator(".body a.topic-link").first.click()
    page.wait_for_url("**/topics/chernobyl/")


def test_citation_highlights_its_sentence(page: Any, served: str) -> None:
    page.goto(served + "chronology/")
    page.locator(".event a.citation").first.click()
    page.wait_for_url("**/articles/russian-army-abandons-chernobyl/#s-*")
    target = page.locator(".s:target")
    assert target.count() == 1
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_site_opens_from_disk(page: Any, output: Path) -> None:
    page.goto((output / "index.html").as_uri())
    page.get_by_role("link", name="Chronology").first.click()
    page.wait_for_url("**/chronology/index.html")
    assert page.locator("h1").inner_text() == "Chronology"
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "system-ui" in font  # the theme's stylesheet applies


def test_phone_width_has_no_horizontal_scroll(page: Any, served: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(served + "articles/putins-ukraine-disaster/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
