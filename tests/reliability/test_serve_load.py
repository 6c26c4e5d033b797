"""The preview server under load (loopback only, bounded): page requests and live-reload
streams while the site rebuilds, counting threads and file descriptors before and after;
and the refusal to listen beyond this computer unless asked."""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.build import BuildOptions
from sitegen.commands import serve as serve_command
from sitegen.serve.app import Preview
from sitegen.serve.reload import EVENTS_PATH
from tests.sites import SMALL_SITE, write_files

PAGES = ["/", "/articles/a0/", "/topics/chernobyl/", "/chronology/", "/feed.xml", "/nowhere/"]
WAVE = 200  # concurrent page requests per wave
STREAMS = 50
REBUILDS = 20


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def settle(count: Callable[[], int], target: int, seconds: float = 10.0) -> int:
    """``count()`` once it is down to ``target``, or its lowest within ``seconds`` (threads
    and their sockets end a moment after the last byte is answered)."""
    deadline = time.monotonic() + seconds
    lowest = count()
    while lowest > target and time.monotonic() < deadline:
        time.sleep(0.05)
        lowest = min(lowest, count())
    return lowest


def fetch(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def open_stream(port: int) -> socket.socket:
    stream = socket.create_connection(("127.0.0.1", port), timeout=30)
    stream.sendall(f"GET {EVENTS_PATH} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert stream.recv(200).startswith(b"HTTP/1.0 200")
    return stream


@pytest.mark.slow
def test_pages_and_streams_during_rebuilds(make_site: Callable[..., Path]) -> None:
    articles = {
        f"content/articles/a{n}.md": f"---\ntitle: A{n}\ndate: 2022-03-0{n % 9 + 1}\n---\n"
        f"Officials at Chernobyl spoke, number {n}.\n"
        for n in range(20)
    }
    site = make_site(articles, SMALL_SITE)
    preview = Preview(BuildOptions(site), "127.0.0.1", 0, reload=True)
    assert preview.start()
    server = threading.Thread(target=preview.serve_forever)
    server.start()
    port = preview.server.server_address[1]
    statuses: list[tuple[str, int]] = []
    lock = threading.Lock()
    try:
        assert fetch(port, "/") == 200  # warm: the lazily started pieces exist from here on
        # The warm-up request's thread ends a moment after its answer: count once it has.
        threads_before = settle(threading.active_count, 0, seconds=0.5)
        fds_before = settle(open_fds, 0, seconds=0.5)
        streams = [open_stream(port) for _ in range(STREAMS)]

        def rebuild(round_: int) -> bool:
            """Edit an article and wait for the server's own rebuild (one at a time, in the
            debouncer's thread) to succeed."""
            last = preview.session.result
            article = site / f"content/articles/a{round_ % 20}.md"
            article.write_text(article.read_text() + f"\nEdit {round_}.\n")
            deadline = time.monotonic() + 20
            while preview.session.result is last and time.monotonic() < deadline:
                time.sleep(0.02)
            return preview.session.result is not last

        def request(path: str, gate: threading.Barrier) -> None:
            gate.wait()
            status = fetch(port, path)
            with lock:
                statuses.append((path, status))

        def wave() -> None:
            gate = threading.Barrier(WAVE)
            clients = [
                threading.Thread(target=request, args=(PAGES[n % len(PAGES)], gate))
                for n in range(WAVE)
            ]
            for client in clients:
                client.start()
            for client in clients:
                client.join(60)

        builds: list[bool] = []
        for round_ in range(REBUILDS):
            waves = threading.Thread(target=wave) if round_ % 4 == 0 else None
            if waves:
                waves.start()
            builds.append(rebuild(round_))
            if waves:
                waves.join(120)
        for stream in streams:
            stream.close()
        assert rebuild(REBUILDS)  # its message shows the streams that their pages went away
        threads_after = settle(threading.active_count, threads_before)
        fds_after = settle(open_fds, fds_before)
    finally:
        preview.close()
        server.join(10)
    # Every page answers 200 and the missing one 404, whatever the rebuilds are doing.
    served = sum(status == (404 if path == "/nowhere/" else 200) for path, status in statuses)
    failed = len(statuses) - served
    print(
        f"\nload: {len(statuses)} requests, {served} answered, {failed} failed; "
        f"{REBUILDS} rebuilds; threads {threads_before}->{threads_after}, "
        f"fds {fds_before}->{fds_after}"
    )
    assert all(builds)
    assert len(statuses) == WAVE * len(range(0, REBUILDS, 4)) and failed == 0
    assert (threads_after, fds_after) == (threads_before, fds_before)


@pytest.mark.parametrize(
    ("host", "warned"),
    [(None, False), ("127.0.0.1", False), ("localhost", False), ("0.0.0.0", True)],
)
def test_listening_beyond_loopback_needs_host_and_warns(
    host: str | None,
    warned: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site = write_files(tmp_path, {"site.yaml": SMALL_SITE})
    bound: list[str] = []

    class NoServer:  # records the address instead of listening: nothing leaves loopback
        def __init__(self, options: BuildOptions, host: str, port: int, reload: bool) -> None:
            bound.append(host)

        def close(self) -> None:
            pass

        def start(self) -> bool:
            raise KeyboardInterrupt

    monkeypatch.setattr("sitegen.serve.app.Preview", NoServer)
    args = argparse.Namespace(
        site_dir=str(site), host=host, port=0, base_url=None, drafts=False, no_reload=True,
        open=False,
    )  # fmt: skip
    assert serve_command.run(args) == 0
    assert bound == [host or "127.0.0.1"]
    warning = f"sitegen: warning: serving on {host}: other computers can reach this preview"
    assert (warning in capsys.readouterr().err) is warned
