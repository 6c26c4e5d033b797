"""The built site served under /briefing/ as on GitHub Pages: crawl it as a visitor would."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.helpers import PageParser
from tests.publish.conftest import serve_pages

MAX_CLICKS = 3


@dataclass
class Fetched:
    status: int
    content_type: str
    body: bytes


@dataclass
class Crawl:
    depth: dict[str, int] = field(default_factory=dict)  # page URL → clicks from home
    ids: dict[str, set[str]] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)


def fetch(url: str) -> Fetched:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return Fetched(response.status, response.headers["Content-Type"], response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers["Content-Type"] or "", error.read())


def crawl(home: str) -> Crawl:
    """Follow every same-origin link and asset from ``home``, breadth first."""
    result = Crawl()
    queue: deque[tuple[str, int]] = deque([(home, 0)])
    fetched: dict[str, Fetched] = {}
    anchors: list[tuple[str, str, str]] = []  # (page, target URL, fragment)
    while queue:
        url, depth = queue.popleft()
        if url in fetched:
            continue
        fetched[url] = response = fetch(url)
        if response.status != 200:
            result.broken.append(f"{url}: HTTP {response.status}")
            continue
        if not response.content_type.startswith("text/html"):
            continue
        result.depth[url] = depth
        parser = PageParser()
        parser.feed(response.body.decode())
        result.ids[url] = parser.ids
        for href, is_link in [(h, True) for h in parser.links] + [
            (a, False) for a in parser.assets
        ]:
            target, fragment = urldefrag(urljoin(url, href))
            if urlsplit(target).netloc != urlsplit(home).netloc:
                continue  # external (canonical URLs, original reports)
            if fragment:
                anchors.append((url, target, fragment))
            queue.append((target, depth + 1 if is_link else depth))
    for page, target, fragment in anchors:
        if target in result.ids and fragment not in result.ids[target]:
            result.broken.append(f"{page}: #{fragment} missing on {target}")
    return result


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
