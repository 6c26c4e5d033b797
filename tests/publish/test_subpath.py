"""The built site served under /briefing/ as on GitHub Pages: crawl it as a visitor would."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from sitegen.build import BuildOptions, build
from tests.conftest import REPO
from tests.crawl import crawl, fetch
from tests.helpers import PageParser
from tests.publish.conftest import BASE_URL, serve_pages

MAX_CLICKS = 3


def html_pages(output: Path, home: str) -> set[str]:
    return {
        home + p.relative_to(output).as_posix().removesuffix("index.html")
        for p in output.rglob("*.html")
        if p.name != "404.html" and "pagefind" not in p.relative_to(output).parts
    }


@pytest.mark.parametrize("site", ["fixture_output", "example_output"])
def test_every_page_reachable_without_broken_links(
    site: str, request: pytest.FixtureRequest
) -> None:
    output: Path = request.getfixturevalue(site)
    with serve_pages(output) as home:
        result = crawl(home)
    assert result.broken == []
    assert set(result.depth) == html_pages(output, home)
    too_deep = {url: d for url, d in result.depth.items() if d > MAX_CLICKS}
    assert too_deep == {}
    assert result.too_large() == {}
    assert year_pages(result.depth) and max(year_pages(result.depth).values()) <= 2


def year_pages(depth: dict[str, int]) -> dict[str, int]:
    """The chronology's year pages (and their further pages) by clicks from home."""
    return {url: d for url, d in depth.items() if re.search(r"/chronology/\d{4}/", url)}


@pytest.fixture(scope="module")
def paginated_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark corpus at 150 articles, five articles or events a page: every list
    has many pages."""
    spec = importlib.util.spec_from_file_location("corpus", REPO / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    site = corpus.generate(tmp_path_factory.mktemp("paginated"), 150)
    with (site / "site.yaml").open("a") as config:
        config.write("search: false\npage_size: 5\n")
    return build(BuildOptions(site, base_url=BASE_URL, strict_templates=True)).output


def test_every_page_of_every_list_is_reachable(paginated_output: Path) -> None:
    with serve_pages(paginated_output) as home:
        result = crawl(home)
    assert result.broken == []
    assert set(result.depth) == html_pages(paginated_output, home)
    assert home + "articles/page/2/" in result.depth
    assert any("/topics/chernobyl/page/" in url for url in result.depth)
    years = year_pages(result.depth)
    assert len(years) > 3 and max(years.values()) == 2  # home → chronology → any of them


def test_missing_url_gets_the_styled_404_page(fixture_output: Path) -> None:
    with serve_pages(fixture_output) as home:
        missing = fetch(home + "no/such/page/")
        assert missing.status == 404
        parser = PageParser()
        parser.feed(missing.body.decode())
        stylesheets = [a for a in parser.assets if a.endswith(".css")]
        assert stylesheets and all(a.startswith("/briefing/") for a in stylesheets)
        for asset in parser.assets:
            assert fetch(urljoin(home + "no/such/page/", asset)).status == 200, asset
        assert "Page not found" in parser.text


def test_feed_and_sitemap_use_the_base_url(fixture_output: Path) -> None:
    for name in ("feed.xml", "sitemap.xml", "robots.txt"):
        text = (fixture_output / name).read_text()
        urls = [w.strip("\"'<>") for w in text.replace(">", "> ").split() if "://" in w]
        site_urls = [u for u in urls if "example.github.io" in u]
        assert site_urls, name
        assert all("example.github.io/briefing/" in u for u in site_urls), name


def test_pages_link_relatively_so_file_urls_work(fixture_output: Path) -> None:
    for page in fixture_output.rglob("*.html"):
        if page.name == "404.html" or "pagefind" in page.parts:
            continue
        parser = PageParser()
        parser.feed(page.read_text())
        absolute = [h for h in parser.links + parser.assets if h.startswith("/")]
        assert absolute == [], page
