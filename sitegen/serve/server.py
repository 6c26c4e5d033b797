"""The preview HTTP server: the output folder under the site's base path, nothing else.

Requests are answered from the output folder as it is on disk at that moment; a rebuild in
another thread swaps in a new folder with two renames (see :mod:`sitegen.write.output`), so a
request that arrives between them waits for the new folder instead of failing.
"""

from __future__ import annotations

import mimetypes
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qs, unquote

from sitegen.render.assets import is_fingerprinted
from sitegen.serve import review_page
from sitegen.serve.reload import EVENTS_PATH, RETRY, Broadcaster, inject, snippet
from sitegen.serve.review_page import ReviewList, add_banner

MAX_PATH = 2048  # longer request paths are refused (no site has such URLs)
SWAP_WAIT = 0.5  # seconds a request waits for the output folder to reappear during a swap
KEEPALIVE_SECONDS = 15.0
IMMUTABLE = "public, max-age=31536000, immutable"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".pdf": "application/pdf",
}
SPECIAL_TYPES = {"feed.xml": "application/atom+xml"}


@dataclass(frozen=True)
class ServedSite:
    output: Path  # the output folder, absolute
    base_path: str  # URL path the site lives under, '/' or e.g. '/briefing/'
    review: ReviewList = field(default_factory=ReviewList)  # /_review/ and the pages' banner


def content_type(name: str) -> str:
    if name in SPECIAL_TYPES:
        return SPECIAL_TYPES[name]
    suffix = Path(name).suffix.lower()
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


class BadRequest(ValueError):
    pass


def request_parts(target: str) -> tuple[list[str], bool, str]:
    """Split a request target into decoded path segments, a trailing-slash flag and the query.

    Raises :class:`BadRequest` for anything that could name a file outside the output folder:
    ``..`` (however encoded), NUL bytes, backslashes, non-absolute or overlong paths.
    """
    if len(target) > MAX_PATH:
        raise BadRequest("request path too long")
    raw, _, query = target.partition("?")
    raw = raw.partition("#")[0]
    if not raw.startswith("/"):
        raise BadRequest("request path must start with /")
    try:
        # Decode once, then split: an encoded slash ("..%2f") becomes a real separator and is
        # checked like any other, and no segment can contain "/" (so none is an absolute path).
        path = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest("request path is not UTF-8") from None
    if "\x00" in path or "\\" in path:
        raise BadRequest("request path holds a NUL byte or a backslash")
    parts = [part for part in path.split("/") if part]
    if any(part in (".", "..") for part in parts):
        raise BadRequest("request path holds a . or .. segment")
    return parts, path.endswith("/"), query


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # open event streams must not keep the process alive on Ctrl-C
    # socketserver's default backlog of 5 drops the connections of a burst (a page and its
    # assets, tabs reloading together); dropped ones wait seconds for the client to retry.
    request_queue_size = 256

    def __init__(
        self,
        address: tuple[str, int],
        site: Callable[[], ServedSite],
        live: Broadcaster | None,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.site = site
        self.live = live
        super().__init__(address, PreviewHandler)

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """A client that hangs up early (a reload, a closed tab) is no error worth a
        traceback; anything else is still printed by socketserver."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "sitegen-serve"

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if isinstance(code, int) and code >= 400:  # successes would drown the build log
            super().log_request(code, size)

    def _answer(self, send_body: bool) -> None:
        # Taken before any file is read: a rebuild finishing later is replayed to the page.
        self._last_id = self.server.live.last_id if self.server.live else ""
        try:
            parts, slash, query = request_parts(self.path)
        except BadRequest as exc:
            self._send(
                HTTPStatus.BAD_REQUEST, f"{exc}\n".encode(), CONTENT_TYPES[".txt"], send_body
            )
            return
        site = self.server.site()
        path = "/" + "/".join(parts) + "/" * (slash and bool(parts))
        if path == EVENTS_PATH and self.server.live is not None:
            self._events(query)
            return
        base = site.base_path
        if not path.startswith(base):
            if path in ("/", base.rstrip("/")):
                # The site lives under its base path, as on GitHub Pages: send the root there.
                found = HTTPStatus.FOUND if path == "/" else HTTPStatus.MOVED_PERMANENTLY
                self._redirect(found, base)
            else:
                self._not_found(site, None, send_body)
            return
        name = "/".join(parts[len(base.strip("/").split("/")) if base != "/" else 0 :])
        self._file(site, name, slash or not name, query, send_body)

    def _file(self, site: ServedSite, name: str, folder: bool, query: str, send_body: bool) -> None:
        wanted = f"{name}/index.html" if folder and name else ("index.html" if folder else name)
        if wanted == review_page.PAGE or (name == review_page.PAGE.split("/")[0] and not folder):
            self._review(site, folder or wanted == review_page.PAGE, query, send_body)
            return
        handle = open_output(site.output, wanted)
        if (
            handle is None
            and not folder
            and (index := open_output(site.output, f"{name}/index.html"))
        ):
            index.close()
            # Pretty URLs: /articles/x is the folder articles/x/, whose page is index.html.
            location = f"{site.base_path}{name}/" + (f"?{query}" if query else "")
            self._redirect(HTTPStatus.MOVED_PERMANENTLY, location)
            return
        if handle is None:
            self._not_found(site, wanted, send_body)
            return
        with handle:
            data = handle.read()
        kind = content_type(wanted)
        # A fingerprinted asset never changes under its name (an edit renames it), so a
        # reloading page need not fetch it again.
        cache = IMMUTABLE if is_fingerprinted(wanted) else "no-store"
        self._send(HTTPStatus.OK, self._live(data, kind, [wanted], site), kind, send_body, cache)

    def _review(self, site: ServedSite, folder: bool, query: str, send_body: bool) -> None:
        """The review list (made here, never written to the output: see review_page)."""
        if not folder:
            location = f"{site.base_path}_review/" + (f"?{query}" if query else "")
            self._redirect(HTTPStatus.MOVED_PERMANENTLY, location)
            return
        kind = CONTENT_TYPES[".html"]
        page = site.review.page(site.base_path)
        self._send(HTTPStatus.OK, self._live(page, kind, [review_page.PAGE], site), kind, send_body)

    def _not_found(self, site: ServedSite, wanted: str | None, send_body: bool) -> None:
        handle = open_output(site.output, "404.html")
        if handle is None:
            data = b"<!doctype html><title>Not found</title><body><h1>Not found</h1></body>"
        else:
            with handle:
                data = handle.read()
        files = ["404.html", *([wanted] if wanted else [])]
        kind = CONTENT_TYPES[".html"]
        self._send(HTTPStatus.NOT_FOUND, self._live(data, kind, files, site), kind, send_body)

    def _live(self, data: bytes, kind: str, files: list[str], site: ServedSite) -> bytes:
        """Add the review banner and the live-reload script to HTML; the files on disk stay as
        ``sitegen build`` writes them, so serve and build share one output and one
        dependency map."""
        if not kind.startswith("text/html"):
            return data
        review = site.review
        data = add_banner(data, review.banner(files[0], site.base_path))
        if self.server.live is None:
            return data
        return inject(data, snippet(files, site.base_path, self._last_id, review.version))

    def _redirect(self, status: HTTPStatus, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(
        self, status: HTTPStatus, data: bytes, kind: str, send_body: bool, cache: str = "no-store"
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", cache)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def _events(self, query: str) -> None:
        live = self.server.live
        assert live is not None
        last = self.headers.get("Last-Event-ID") or parse_qs(query).get("last", [None])[0]
        subscription = live.subscribe(last)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(RETRY)
            self.wfile.flush()
            while (message := subscription.get(KEEPALIVE_SECONDS)) is not None:
                self.wfile.write(message)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page went away
        finally:
            live.unsubscribe(subscription)


def open_output(output: Path, name: str) -> BinaryIO | None:
    """Open ``output/name`` if it is a file inside ``output``; None otherwise.

    An open file stays readable after the swap renames its folder away, so only opening can
    fail; if the output folder is missing (between the swap's two renames), wait for it.
    """
    deadline = time.monotonic() + SWAP_WAIT
    while True:
        root = output.resolve()
        path = (root / name).resolve()
        if not path.is_relative_to(root):  # a symbolic link pointing out of the output
            return None
        try:
            return path.open("rb") if not path.is_dir() else None
        except OSError:
            if output.is_dir() or time.monotonic() > deadline:
                return None
        time.sleep(0.005)
