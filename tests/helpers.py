"""Helpers shared by tests: read built pages as parsed HTML and resolve their links."""

from __future__ import annotations

import functools
import http.server
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Files every build writes besides the article and topic pages.
SITE_FILES = (
    "index.html",
    "chronology/index.html",
    "topics/index.html",
    "articles/index.html",
    "report/index.html",
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    ".nojekyll",
    ".sitegen-output",
    "briefing.json",
    "chronology.json",
)


class PageParser(HTMLParser):
    """Links, ids, scripts and visible text of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[dict[str, str | None]] = []
        self.text_parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "a" and attributes.get("href") is not None:
            self.links.append(str(attributes["href"]))
        if tag == "link" and attributes.get("href"):
            self.assets.append(str(attributes["href"]))
        if tag in ("script", "img") and attributes.get("src"):
            self.assets.append(str(attributes["src"]))
        if tag == "script":
            self.scripts.append(attributes)
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(output: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link on ``page`` leads to, or None for external."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    if not parts.path:
        return page, parts.fragment
    folder = page.parent.relative_to(output).as_posix()
    joined = posixpath.normpath(posixpath.join(folder, parts.path))
    assert not joined.startswith(".."), f"{href} on {page} leaves the site"
    path = output / joined
    if parts.path.endswith("/"):
        path = path / "index.html"
    return path, parts.fragment


@contextmanager
def serve_folder(
    folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] | None = None, path: str = "/"
) -> Iterator[str]:
    """Serve ``folder`` over HTTP on a free loopback port; yields the URL of ``path``."""
    factory = functools.partial(handler or QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # A test rebuilds the folder it serves between page loads: without this, Chromium
        # may answer a later visit from its cache (heuristic freshness from Last-Modified),
        # depending on how fast the machine is.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()
