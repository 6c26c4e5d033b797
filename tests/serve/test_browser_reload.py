"""Live reload in a real Chromium: edits, broken front matter, CSS, added and deleted pages.

Uses the ``browser`` fixture of tests/conftest.py: skipped without Chromium or Playwright,
failed instead when CI=true.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sitegen.render.themes import builtin_themes
from sitegen.serve.app import Preview
from tests.serve.conftest import WAIT
from tests.sites import article, write_files

pytestmark = pytest.mark.browser

CONFIG = """\
title: Live briefing
base_url: /briefing/
topics:
  - slug: donbas
    name: Donbas
    aliases: [Donbas]
"""
ALPHA = "content/articles/2022-03-01-alpha.md"
BETA = "content/articles/2022-03-02-beta.md"
GAMMA = "content/articles/2022-03-05-gamma.md"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    theme_css = (builtin_themes() / "default" / "static" / "style.css").read_text()
    return write_files(
        tmp_path / "site",
        {
            "site.yaml": CONFIG,
            ALPHA: article("Alpha", "2022-03-01", "Shelling reported in Donbas overnight.\n"),
            BETA: article("Beta", "2022-03-02", "A quiet day with nothing to report.\n"),
            "static/style.css": theme_css,
        },
    )


def open_marked(tab: Any, url: str) -> Any:
    """Open ``url`` and leave a marker on its window that a reload would wipe."""
    tab.goto(url)
    tab.evaluate("window.__notReloaded = true")
    return tab


def still_marked(tab: Any) -> bool:
    return bool(tab.evaluate("window.__notReloaded === true"))


def test_an_edit_reloads_its_page_only(preview: Preview, site: Path, tab: Any) -> None:
    from playwright.sync_api import expect

    alpha = open_marked(tab, preview.url + "articles/alpha/")
    beta = open_marked(tab.context.new_page(), preview.url + "articles/beta/")
    (site / ALPHA).write_text(article("Alpha", "2022-03-01", "Shelling resumed in Donbas.\n"))
    expect(alpha.locator("article .body")).to_contain_text("Shelling resumed", timeout=WAIT)
    assert not still_marked(alpha)
    beta.wait_for_timeout(300)  # its page did not change: it must not reload
    assert still_marked(beta)


def test_broken_front_matter_shows_an_overlay_until_fixed(
    preview: Preview, site: Path, tab: Any
) -> None:
    from playwright.sync_api import expect

    open_marked(tab, preview.url + "articles/alpha/")
    good = (site / ALPHA).read_text()
    (site / ALPHA).write_text("---\ntitle: [unclosed\ndate: 2022-03-01\n---\nText.\n")
    overlay = tab.locator("#sitegen-build-errors")
    expect(overlay).to_contain_text(re.compile(rf"{ALPHA}:\d+: front matter"), timeout=WAIT)
    expect(tab.locator("article h1")).to_have_text("Alpha")  # the last good page stays
    assert still_marked(tab)
    (site / ALPHA).write_text(good)
    expect(overlay).to_have_count(0, timeout=WAIT)


def test_a_css_edit_swaps_the_stylesheet_without_reloading(
    preview: Preview, site: Path, tab: Any
) -> None:
    from playwright.sync_api import expect

    open_marked(tab, preview.url + "articles/alpha/")
    css = site / "static" / "style.css"
    css.write_text(css.read_text() + "\nbody { background-color: rgb(1, 2, 3) !important; }\n")
    expect(tab.locator("body")).to_have_css("background-color", "rgb(1, 2, 3)", timeout=WAIT)
    expect(tab.locator('link[href*="assets/style."]')).to_have_count(1)  # old one removed
    assert still_marked(tab)


def test_added_and_deleted_articles(preview: Preview, site: Path, tab: Any) -> None:
    from playwright.sync_api import expect

    home = tab
    home.goto(preview.url)
    gamma_link = home.locator('a[href$="articles/gamma/"]')
    expect(gamma_link).to_have_count(0)
    (site / GAMMA).write_text(article("Gamma", "2022-03-05", "Gamma news from Donbas.\n"))
    expect(gamma_link.first).to_be_visible(timeout=WAIT)

    gamma = tab.context.new_page()
    gamma.goto(preview.url + "articles/gamma/")
    expect(gamma.locator("article h1")).to_have_text("Gamma")
    (site / GAMMA).unlink()
    expect(gamma.locator("h1")).to_have_text("Page not found", timeout=WAIT)
    expect(gamma_link).to_have_count(0, timeout=WAIT)
    assert gamma.goto(preview.url + "articles/gamma/").status == 404
