"""Measure ``sitegen serve``: time from saving an article to the browser showing the edit.

python bench/reload_latency.py                      # 1,000 and 10,000 articles, 10 edits each
python bench/reload_latency.py --sizes 1000 --edits 5 --profile
python bench/reload_latency.py --sizes 10000 --edit title   # edits that change every list

For each size: generate a site with bench/corpus.py, start the preview server (as
``sitegen serve --port 0`` does), open one article in headless Chromium, then repeatedly
rewrite that article's Markdown (a sentence added to its body, or with ``--edit title`` words
added to its title) and wait until the page shows the new text. Two times per
edit, from the save:

* *reloaded*: until the reloaded page's load event, by the browser's own clock (Navigation
  Timing: ``performance.timeOrigin + loadEventEnd``, compared with the wall-clock time of
  the save) — what a person at the browser waits;
* *seen*: until Playwright, polling the page, has found the new text — that plus the
  harness's own overhead (finding the new document, polling; ~0.1 s).

It prints their medians and worst cases, where the time went (from the save to the rebuild
starting: file events and the debouncer; the rebuild; from its end to the load event: event
stream, reload, page load), and how many output files each edit rewrote. ``--profile`` adds
the top functions of one rebuild.

The server runs in a process of its own, as ``sitegen serve`` does: in this one, the
harness's own threads (Playwright's client) would compete with the rebuild for the
interpreter lock.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import os
import pstats
import statistics
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from calibrate import machine_seconds  # bench/ is on sys.path when run as a script
from corpus import generate
from playwright.sync_api import sync_playwright

from sitegen.build import BuildOptions, build
from sitegen.content.articles import load_article
from sitegen.errors import Problems
from sitegen.serve.app import Preview

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for tests/
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # the tests' browser settings

TIMEOUT_MS = 120_000
# When the page now shown finished loading, in milliseconds since the epoch.
LOADED_AT = (
    "() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd"
)


def article_page(path: Path) -> str:
    """The output folder of the article in ``path`` (``articles/<slug>/``)."""
    text = path.read_text(encoding="utf-8")
    parsed = load_article(path, text, path.name, (), Problems())
    assert parsed is not None, f"cannot parse {path}"
    return parsed.page


def serve(site: Path, channel: Connection) -> None:
    """The preview server's process: report the URL, then answer the harness's requests for
    what the rebuilds did (wall-clock times, comparable across processes)."""
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the session's summary of each build
    preview = Preview(BuildOptions(site), "127.0.0.1", 0)
    rebuilt: list[tuple[float, float]] = []  # (start, end) of every rebuild
    rebuild = preview.debouncer.callback

    def timed_rebuild(batch: set[Path]) -> None:
        started = time.time()
        rebuild(batch)
        rebuilt.append((started, time.time()))

    preview.debouncer.callback = timed_rebuild
    started = time.perf_counter()
    assert preview.start(), "the generated site does not build"
    built = time.perf_counter()
    preview.debouncer.ready.wait()  # the head start on the first rebuild (Session.prepare)
    channel.send((preview.url, built - started, time.perf_counter() - built))
    threading.Thread(target=preview.serve_forever, daemon=True).start()
    while (request := channel.recv()) == "rebuilds":
        result = preview.session.result
        assert result is not None
        written = len(result.report.written) + len(result.report.removed)
        channel.send((list(rebuilt), result.seconds, result.timings, written))
        rebuilt.clear()
    preview.close()
    if request == "profile":  # one more rebuild, with the watcher stopped
        profiler = cProfile.Profile()
        profiler.runcall(build, preview.session.options)  # the warm in-memory cache
        stats = pstats.Stats(profiler, stream=io.StringIO())
        stats.sort_stats("cumulative").print_stats(25)
        channel.send(stats.stream.getvalue())  # type: ignore[attr-defined]


def edited(original: str, marker: str, part: str) -> str:
    """The article with ``marker`` added: a sentence at the end of its body (what lists of
    articles show stays the same), or words at the end of its title (every list showing the
    article changes: its topics' pages, the article index, the home page if it is recent)."""
    if part == "body":
        return original + f"\n{marker}\n"
    head, title, rest = original.partition("\ntitle: ")
    line, newline, tail = rest.partition("\n")
    return f"{head}{title}{line} {marker}{newline}{tail}"


def measure(size: int, edits: int, profile: bool, browser: object, part: str) -> None:
    with tempfile.TemporaryDirectory(prefix=f"sitegen-bench-{size}-") as folder:
        site = generate(Path(folder), size)
        target = sorted((site / "content" / "articles").glob("*.md"))[size // 2]
        original = target.read_text(encoding="utf-8")
        channel, child_end = multiprocessing.Pipe()
        server = multiprocessing.get_context("spawn").Process(target=serve, args=(site, child_end))
        server.start()
        url, first, prepared = channel.recv()
        print(
            f"{size} articles: first build {first:.1f} s, then prepared in {prepared:.1f} s;"
            f" editing the {part}; machine calibration {machine_seconds():.3f} s"
        )
        tab = browser.new_page()  # type: ignore[attr-defined]
        tab.set_default_timeout(TIMEOUT_MS)
        try:
            tab.goto(url + article_page(target))
            latencies, reloads, rebuilds, rewritten = [], [], [], []
            waits, afters = [], []
            for n in range(edits):
                channel.send("rebuilds")
                channel.recv()  # forget earlier rebuilds
                marker = f"Benchmark edit number {n} at {time.time_ns()}."
                saved, saved_at = time.perf_counter(), time.time()
                target.write_text(edited(original, marker, part), encoding="utf-8")
                tab.wait_for_function(
                    "marker => document.body.innerText.includes(marker)", arg=marker
                )
                visible = time.perf_counter()
                loaded_at = tab.evaluate(LOADED_AT) / 1000  # ms since the epoch
                channel.send("rebuilds")
                rebuilt, seconds, timings, written = channel.recv()
                latencies.append(visible - saved)
                reloads.append(loaded_at - saved_at)
                waits.append(rebuilt[0][0] - saved_at)  # the first rebuild after the save
                afters.append(loaded_at - rebuilt[-1][1])
                rebuilds.append(seconds)
                rewritten.append(written)
                stages = ", ".join(f"{k} {v:.3f}" for k, v in timings.items())
                print(
                    f"    edit {n}: reloaded {reloads[-1]:.3f} s, rebuild {seconds:.3f} ({stages})"
                )
            print(
                f"  save→reloaded median {statistics.median(reloads):.3f} s, "
                f"max {max(reloads):.3f} s (seen by Playwright: median "
                f"{statistics.median(latencies):.3f} s, max {max(latencies):.3f} s)\n"
                f"  save→rebuild start {statistics.median(waits):.3f} s, rebuild→reloaded "
                f"{statistics.median(afters):.3f} s; rebuild median {statistics.median(rebuilds):.3f} s"
                "; "
                f"outputs rewritten per edit: {sorted(set(rewritten))}"
            )
        finally:
            tab.close()
            if profile:
                target.write_text(original + "\nOne more edit, profiled.\n", encoding="utf-8")
                channel.send("profile")
                print(channel.recv())
            else:
                channel.send("stop")
            server.join(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="profile one warm rebuild")
    parser.add_argument(
        "--edit", choices=["body", "title"], default="body", help="what each save changes"
    )
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for size in args.sizes:
                measure(size, args.edits, args.profile, browser, args.edit)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
