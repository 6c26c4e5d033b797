"""The Pagefind index written by ``sitegen build``, and the search box in real Chromium."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build
from sitegen.publish import search
from tests.publish.conftest import serve_pages
from tests.sites import BRIEFING_SITE, copy_site

ENTRY = "pagefind/pagefind-entry.json"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(BRIEFING_SITE, tmp_path / "site")


def test_build_indexes_the_articles_topics_and_chronology(fixture_output: Path) -> None:
    entry = json.loads((fixture_output / ENTRY).read_text())
    # The pages marked data-pagefind-body: 4 articles, 3 topics, the chronology and its
    # one year (the lists of articles are not: they repeat the articles' titles).
    assert entry["languages"]["en"]["page_count"] == 4 + 3 + 1 + 1
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
        search_for(page, "Belarus")
        # Three articles, then the chronology of their year, which has no topic filter.
        assert page.locator(".pagefind-ui__result").count() == 4
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


@pytest.mark.browser
@pytest.mark.parametrize(
    ("words", "slug", "name"),
    [
        ("Chornobyl", "chernobyl", "Chernobyl"),
        ("ZNPP", "zaporizhzhia-npp", "Zaporizhzhia NPP"),
        ("Zaporizhzhia nuclear power plant", "zaporizhzhia-npp", "Zaporizhzhia NPP"),
    ],
)
def test_an_alias_finds_its_topic_page_first_then_its_articles(
    example_output: Path, page: Any, words: str, slug: str, name: str
) -> None:
    articles = json.loads((example_output / "briefing.json").read_text())["articles"]
    about = {a["title"] for a in articles if slug in a["topics"]}
    with serve_pages(example_output) as home:
        page.goto(home)
        titles = search_for(page, words)
        assert titles[0] == name, titles
        links = page.locator(".pagefind-ui__result-link")
        assert links.first.get_attribute("href") == f"/briefing/topics/{slug}/"
        assert about and about <= set(titles), titles


@pytest.mark.browser
def test_an_article_result_shows_its_date_and_source(example_output: Path, page: Any) -> None:
    with serve_pages(example_output) as home:
        page.goto(home)
        search_for(page, "Kirby")
        result = page.locator(".pagefind-ui__result").first
        assert "Chernobyl" in result.locator(".pagefind-ui__result-link").first.inner_text()
        tags = result.locator(".pagefind-ui__result-tag").all_inner_texts()
        assert [t.strip() for t in tags] == ["Date: 31 March 2022", "Source: Daily Express"]
