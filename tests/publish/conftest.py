"""Fixtures for the publishing tests: fixture sites in tmp folders and a GitHub-Pages-like server.

The browser itself comes from ``tests/conftest.py`` (``browser`` and ``page`` fixtures).
"""

from __future__ import annotations

import http.server
from contextlib import AbstractContextManager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitegen.build import BuildOptions, build
from tests.helpers import serve_folder
from tests.sites import BRIEFING_SITE, EXAMPLE_SITE, copy_site

BASE_URL = "https://example.github.io/briefing/"
PREFIX = "/briefing/"


def built(source: Path, target: Path) -> Path:
    """Build a copy of the site at ``source`` for the subpath; return the output folder."""
    site = copy_site(source, target)
    return build(BuildOptions(site, base_url=BASE_URL, strict_templates=True)).output


@pytest.fixture(scope="module")
def fixture_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(BRIEFING_SITE, tmp_path_factory.mktemp("fixture"))


@pytest.fixture(scope="module")
def example_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(EXAMPLE_SITE, tmp_path_factory.mktemp("example"))


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder under PREFIX as GitHub Pages does: 404.html, status 404, for misses."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        route = unquote(urlsplit(path).path)
        if route + "/" == PREFIX:
            route = PREFIX  # /briefing → the folder (the base class then redirects to /briefing/)
        if not route.startswith(PREFIX):
            return str(Path(self.directory) / "\0missing")
        return super().translate_path("/" + route.removeprefix(PREFIX))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_pages(folder: Path) -> AbstractContextManager[str]:
    """Serve ``folder`` at ``http://127.0.0.1:PORT/briefing/``; yields that URL."""
    return serve_folder(folder, PagesHandler, PREFIX)
