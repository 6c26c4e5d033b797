"""The Pagefind index written by ``sitegen build``, and the search box in real Chromium."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build
from sitegen.publish import search
from tests.publish.conftest import FIXTURE_SITE, copy_site, serve_pages

ENTRY = "pagefind/pagefind-entry.json"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(FIXTURE_SITE, tmp_path / "site")


def test_build_indexes_the_articles(fixture_output: Path) -> None:
    entry = json.loads((fixture_output / ENTRY).read_text())
    assert entry["languages"]["en"]["page_count"] == 4  # article pages only (data-pagefind-body)
    assert (fixture_output / "pagefind" / "pagefind-ui.js").is_file()


def test_unchanged_html_reuses_the_index_and_changed_html_rebuilds_it(site: Path) -> None:
    first = build(BuildOptions(site))
    inode = (first.output / ENTRY).stat().st_ino
    second = build(BuildOptions(site))
    assert second.report.written == []
    assert (second.output / ENTRY).stat().st_ino == inode  # hard-linked, not indexed again
    article = site / "content" / "articles" / "2022-05-20-donbas-offensive.md"
    article.write_text(article.read_text() + "\nA new sentence about Kherson.\n")
    third = build(BuildOptions(site))
    assert ENTRY in third.report.written
    assert "pagefind/pagefind-ui.js" not in third.report.written  # same bytes: reported unchanged


def test_search_false_writes_no_index(site: Path) -> None:
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "search: false\n")
    result = build(BuildOptions(site))
    assert not (result.output / "pagefind").exists()
    assert "search." not in (result.output / "index.html").read_text()  # no search script


def test_missing_binary_is_a_warning(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "pagefind_command", lambda: None)
    result = build(BuildOptions(site))
    (warning,) = result.warnings
    assert "Pagefind binary was not found" in warning.message
    assert (result.output / "index.html").is_file() and not (result.output / "pagefind").exists()


def test_failing_binary_is_a_warning(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "pagefind_command", lambda: ["false"])
    (warning,) = build(BuildOptions(site)).warnings
    assert "Pagefind failed" in warning.message


def search_for(page: Any, words: str) -> list[str]:
    page.fill(".pagefind-ui__search-input", words)
    page.wait_for_selector(".pagefind-ui__result-link")
    page.wait_for_function(
        "() => !document.querySelector('.pagefind-ui__results-area')?.ariaBusy", timeout=5000
    )
    return page.locator(".pagefind-ui__result-link").all_inner_texts()


@pytest.mark.browser
def test_search_finds_chernobyl_article_in_the_example(example_output: Path, page: Any) -> None:
    with serve_pages(example_output) as home:
        page.goto(home + "topics/")
        titles = search_for(page, "Belarus")
        assert any("Chernobyl" in title for title in titles), titles
        href = page.locator(".pagefind-ui__result-link").first.get_attribute("href")
        assert href.startswith("/briefing/articles/")


@pytest.mark.browser
def test_topic_filter_narrows_the_results(fixture_output: Path, page: Any) -> None:
    with serve_pages(fixture_output) as home:
        page.goto(home)
        assert len(search_for(page, "Belarus")) == 3
        page.check("input.pagefind-ui__filter-checkbox[value='Zaporizhzhia NPP']")
        page.wait_for_function(
            "() => document.querySelectorAll('.pagefind-ui__result').length === 1", timeout=5000
        )
        titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
        assert titles == ["Shelling near the Zaporizhzhia plant"]


@pytest.mark.browser
def test_404_page_renders_styled_under_the_subpath(fixture_output: Path, page: Any) -> None:
    with serve_pages(fixture_output) as home:
        response = page.goto(home + "no/such/page/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        # The theme's stylesheet loaded: the skip link is moved off screen by it.
        left = page.eval_on_selector(".skip-link", "e => getComputedStyle(e).left")
        assert left == "-999px"
        page.wait_for_selector(".pagefind-ui__search-input")  # search works from 404 too


@pytest.mark.browser
def test_file_url_keeps_the_topics_link(fixture_output: Path, page: Any) -> None:
    page.goto((fixture_output / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.locator("form.search a").inner_text() == "Browse topics"
    assert page.locator(".pagefind-ui__search-input").count() == 0
