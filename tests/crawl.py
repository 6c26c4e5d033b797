"""Crawl a built site over HTTP as a visitor would: every same-origin link and asset.

Used by the subpath tests and by ``bench/crawl.py`` (the 10,000-article crawl).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from tests.helpers import PageParser

MAX_PAGE_BYTES = 500 * 1000  # the largest HTML page a phone should have to load


@dataclass
class Fetched:
    status: int
    content_type: str
    body: bytes


@dataclass
class Crawl:
    depth: dict[str, int] = field(default_factory=dict)  # page URL → clicks from home
    ids: dict[str, set[str]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)  # page URL → bytes of HTML
    broken: list[str] = field(default_factory=list)

    def too_large(self, limit: int = MAX_PAGE_BYTES) -> dict[str, int]:
        return {url: size for url, size in self.sizes.items() if size > limit}


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
    fetched: set[str] = set()
    anchors: list[tuple[str, str, str]] = []  # (page, target URL, fragment)
    while queue:
        url, depth = queue.popleft()
        if url in fetched:
            continue
        fetched.add(url)
        response = fetch(url)
        if response.status != 200:
            result.broken.append(f"{url}: HTTP {response.status}")
            continue
        if not response.content_type.startswith("text/html"):
            continue
        result.depth[url] = depth
        result.sizes[url] = len(response.body)
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
