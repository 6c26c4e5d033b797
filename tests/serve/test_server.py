"""The preview HTTP handler: paths, base path, content types, 404s, redirects, injection."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.serve.reload import Broadcaster
from sitegen.serve.server import (
    IMMUTABLE,
    MAX_PATH,
    BadRequest,
    PreviewServer,
    ServedSite,
    content_type,
    request_parts,
)

SECRET = "top secret, outside the output"


@pytest.fixture
def output(tmp_path: Path) -> Path:
    (tmp_path / "secret.txt").write_text(SECRET)
    out = tmp_path / "_site"
    for name, text in {
        "index.html": "<html><body>home</body></html>",
        "404.html": "<html><body>lost</body></html>",
        "articles/x/index.html": "<html><body>article x</body></html>",
        "assets/style.0123456789.css": "body{}",
        "assets/site.0123456789.js": "1",
        "feed.xml": "<feed/>",
        "briefing.json": "{}",
    }.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text)
    (out / "escape").symlink_to(tmp_path)
    return out


def serve(site: ServedSite, live: Broadcaster | None) -> Iterator[PreviewServer]:
    server = PreviewServer(("127.0.0.1", 0), lambda: site, live)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    if live is not None:
        live.close()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(params=["/", "/briefing/"])
def server(request: pytest.FixtureRequest, output: Path) -> Iterator[PreviewServer]:
    yield from serve(ServedSite(output, request.param), Broadcaster())


def get(server: PreviewServer, path: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return response.status, dict(response.getheaders()), body
    finally:
        connection.close()


def base(server: PreviewServer) -> str:
    return server.site().base_path


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/articles/..%2f..%2fsecret.txt",
        "/articles/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/articles/..%5c..%5csecret.txt",
        "/index.html%00.css",
        "/%ff%fe",
        "secret.txt",
    ],
)
def test_escapes_are_refused(server: PreviewServer, path: str) -> None:
    status, _, body = get(server, base(server).rstrip("/") + path if path[0] == "/" else path)
    assert status == 400
    assert SECRET not in body


@pytest.mark.parametrize("path", ["//etc/passwd", "/escape/secret.txt", "/%2Fetc%2Fpasswd"])
def test_absolute_paths_and_links_out_are_not_found(server: PreviewServer, path: str) -> None:
    status, _, body = get(server, base(server).rstrip("/") + path)
    assert status == 404
    assert SECRET not in body and "root:" not in body


def test_overlong_url_is_refused(server: PreviewServer) -> None:
    status, _, _ = get(server, base(server) + "a" * MAX_PATH)
    assert status == 400


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/style.0123456789.css", "text/css; charset=utf-8"),
        ("assets/site.0123456789.js", "text/javascript; charset=utf-8"),
        ("feed.xml", "application/atom+xml"),
        ("briefing.json", "application/json"),
    ],
)
def test_content_types_and_caching(server: PreviewServer, name: str, kind: str) -> None:
    status, headers, _ = get(server, base(server) + name)
    assert status == 200
    assert headers["Content-Type"] == kind
    # Pages are never cached; a fingerprinted asset is renamed when it changes.
    fingerprinted = name.startswith("assets/")
    assert headers["Cache-Control"] == (IMMUTABLE if fingerprinted else "no-store")
    assert content_type(name) == kind


def test_pretty_urls(server: PreviewServer) -> None:
    status, _, body = get(server, base(server) + "articles/x/")
    assert status == 200 and "article x" in body
    status, headers, _ = get(server, base(server) + "articles/x?q=1")
    assert status == 301
    assert headers["Location"] == base(server) + "articles/x/?q=1"


def test_misses_get_the_sites_404_page(server: PreviewServer) -> None:
    status, headers, body = get(server, base(server) + "articles/gone/")
    assert status == 404
    assert "lost" in body and headers["Content-Type"].startswith("text/html")
    assert "articles/gone/index.html" in body  # the page reloads when it appears


def test_live_script_goes_into_html_only(server: PreviewServer) -> None:
    _, _, page = get(server, base(server))
    assert page.index("data-sitegen-live") < page.index("</body>")
    _, _, css = get(server, base(server) + "assets/style.0123456789.css")
    assert css == "body{}"


def test_head_sends_no_body(server: PreviewServer) -> None:
    status, headers, body = get(server, base(server), method="HEAD")
    assert status == 200 and int(headers["Content-Length"]) > 0 and body == ""


def test_base_path_redirects_and_confines(output: Path) -> None:
    for server in serve(ServedSite(output, "/briefing/"), None):
        assert get(server, "/")[:2][0] == 302
        assert get(server, "/")[1]["Location"] == "/briefing/"
        status, headers, _ = get(server, "/briefing")
        assert (status, headers["Location"]) == (301, "/briefing/")
        assert get(server, "/index.html")[0] == 404  # outside the base path
        status, _, body = get(server, "/briefing/")
        assert status == 200 and "data-sitegen-live" not in body  # --no-reload: no script


def test_swap_in_progress_waits_for_the_new_output(output: Path) -> None:
    moved = output.with_name("._site.old")
    output.rename(moved)
    timer = threading.Timer(0.1, moved.rename, args=(output,))
    timer.start()
    try:
        for server in serve(ServedSite(output, "/"), None):
            status, _, body = get(server, "/articles/x/")
            assert status == 200 and "article x" in body
    finally:
        timer.join()


@pytest.mark.parametrize(
    ("target", "parts", "slash"),
    [
        ("/", [], True),
        ("/a//b/?x=1#f", ["a", "b"], True),
        ("/a%20b/c.html", ["a b", "c.html"], False),
    ],
)
def test_request_parts(target: str, parts: list[str], slash: bool) -> None:
    assert request_parts(target)[:2] == (parts, slash)


def test_request_parts_refuses_dot_segments() -> None:
    with pytest.raises(BadRequest):
        request_parts("/a/./b")
