"""The review list in the preview, in a real Chromium: the banner on every page, the
``/_review/`` page, and both following an author's fixes without a manual reload.

Uses the ``browser`` fixture of tests/conftest.py (failed, not skipped, when CI=true) and the
review fixture site of tests/review_site.py.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import pytest

from sitegen.serve.app import Preview
from tests.review_site import COOLING, NO_TITLE, UNRELATED, edit_front_matter, imported
from tests.serve.conftest import WAIT

pytestmark = pytest.mark.browser

COOLING_PAGE = "articles/engineers-reconnect-cooling-pumps/"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return imported(tmp_path / "site")


def test_banner_and_review_page_follow_the_fixes(preview: Preview, site: Path, tab: Any) -> None:
    from playwright.sync_api import expect

    article = tab
    article.goto(preview.url + COOLING_PAGE)
    banner = article.locator("#sitegen-review")
    expect(banner).to_have_text(
        "11 items need review in 8 articles (1 held back from the site) · this article: source"
        " (preview only)"
    )
    review = tab.context.new_page()
    banner.locator("a").click()  # the banner links to the list
    article.wait_for_url(preview.url + "_review/")
    article.go_back()
    review.goto(preview.url + "_review/")
    entries = review.locator("li.review-item")
    expect(entries).to_have_count(11)
    expect(review.locator("section", has_text=NO_TITLE)).to_contain_text("held back from the site")
    # Another page, open while the author works: its banner follows, the page stays.
    home = tab.context.new_page()
    home.goto(preview.url)
    expect(home.locator("#sitegen-review")).to_contain_text("11 items need review")

    edit_front_matter(site, COOLING, source="Plant Weekly", done="source")
    expect(entries).to_have_count(10, timeout=WAIT)
    expect(review.locator(f'li:has-text("{COOLING}")')).to_have_count(0)
    expect(banner).to_have_text(
        "10 items need review in 7 articles (1 held back from the site) (preview only)"
    )
    expect(home.locator("#sitegen-review")).to_contain_text("10 items need review")

    home.evaluate("window.__notReloaded = true")
    edit_front_matter(site, UNRELATED, topics=[])  # changes no page: only the list
    expect(entries).to_have_count(9, timeout=WAIT)
    expect(home.locator("#sitegen-review")).to_contain_text("9 items need review")
    assert home.evaluate("window.__notReloaded === true")

    # The held-back article gets its title: it is on the site, and off the list's top.
    edit_front_matter(site, NO_TITLE, title="Transformer replaced at Chernobyl", done="title")
    expect(entries).to_have_count(8, timeout=WAIT)
    expect(review.locator("section", has_text=NO_TITLE)).not_to_contain_text("held back")
    article.goto(preview.url + "articles/crews-at-the-chernobyl-site/")
    expect(article.locator("article h1")).to_have_text("Transformer replaced at Chernobyl")
    expect(article.locator("#sitegen-review")).to_contain_text("this article: source")


def test_the_review_page_is_never_in_the_output(preview: Preview, site: Path) -> None:
    with urllib.request.urlopen(preview.url + "_review/", timeout=5) as response:
        assert response.status == 200 and b"What needs review" in response.read()
    output = site / "_site"
    assert not (output / "_review").exists()
    assert not any(b"sitegen-review" in page.read_bytes() for page in output.rglob("*.html"))
