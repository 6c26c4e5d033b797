"""Coalescing file events into rebuilds, and ignoring what editors leave behind."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchdog.events import (
    DirModifiedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)

from sitegen.serve.watcher import Debouncer, SiteEvents, is_editor_file


class Batches:
    def __init__(self) -> None:
        self.batches: list[set[Path]] = []
        self.arrived = threading.Event()

    def __call__(self, batch: set[Path]) -> None:
        self.batches.append(batch)
        self.arrived.set()


@pytest.fixture
def batches() -> Batches:
    return Batches()


@pytest.fixture
def debouncer(batches: Batches) -> Iterator[Debouncer]:
    debouncer = Debouncer(batches, quiet=0.1, longest=1.0)
    debouncer.start()
    yield debouncer
    debouncer.stop()


def test_work_before_the_first_batch_delays_it_but_loses_no_event(batches: Batches) -> None:
    release, order = threading.Event(), []

    def prepare() -> None:
        order.append("before")
        release.wait(5)

    debouncer = Debouncer(batches, quiet=0.05, longest=1.0)
    debouncer.start(before=prepare)
    try:
        debouncer.add(Path("content/articles/a.md"))  # saved while the server prepares
        assert not batches.arrived.wait(0.3) and not debouncer.ready.is_set()
        release.set()
        assert batches.arrived.wait(5) and debouncer.ready.is_set()
        assert order == ["before"] and batches.batches == [{Path("content/articles/a.md")}]
    finally:
        debouncer.stop()


def test_a_burst_becomes_one_batch(debouncer: Debouncer, batches: Batches) -> None:
    paths = [Path(f"content/articles/{i}.md") for i in range(200)]
    for path in paths:
        debouncer.add(path)
    assert batches.arrived.wait(5)
    time.sleep(0.3)  # nothing else follows
    assert batches.batches == [set(paths)]


def test_a_steady_stream_is_built_at_least_every_second(
    debouncer: Debouncer, batches: Batches
) -> None:
    started = time.monotonic()
    while not batches.arrived.is_set() and time.monotonic() - started < 3:
        debouncer.add(Path("content/articles/a.md"))
        time.sleep(0.02)  # always within the quiet period
    assert batches.arrived.is_set()
    assert 0.9 < time.monotonic() - started < 1.5


def test_events_during_a_build_form_the_next_batch(batches: Batches) -> None:
    release = threading.Event()

    def slow(batch: set[Path]) -> None:
        batches(batch)
        release.wait(5)

    debouncer = Debouncer(slow, quiet=0.05)
    debouncer.start()
    try:
        debouncer.add(Path("a.md"))
        assert batches.arrived.wait(5)
        batches.arrived.clear()
        debouncer.add(Path("b.md"))
        debouncer.add(Path("c.md"))
        assert debouncer.pending()
        release.set()
        assert batches.arrived.wait(5)
    finally:
        debouncer.stop()
    assert batches.batches == [{Path("a.md")}, {Path("b.md"), Path("c.md")}]


def test_a_settled_file_is_built_sooner_than_one_still_being_written(
    batches: Batches,
) -> None:
    debouncer = Debouncer(batches, quiet=0.5, longest=2.0, settle=0.01)
    debouncer.start()
    try:
        started = time.monotonic()
        debouncer.add(Path("a.md"))  # modified: its writer may not be done
        debouncer.add(Path("b.md"), settled=True)
        assert batches.arrived.wait(5)
        unsettled = time.monotonic() - started
        batches.arrived.clear()
        started = time.monotonic()
        debouncer.add(Path("a.md"))
        debouncer.add(Path("a.md"), settled=True)  # then closed after writing
        assert batches.arrived.wait(5)
        settled = time.monotonic() - started
    finally:
        debouncer.stop()
    assert unsettled >= 0.5 > settled
    assert batches.batches == [{Path("a.md"), Path("b.md")}, {Path("a.md")}]


@pytest.mark.parametrize(
    "name",
    ["4913", "a.md~", ".a.md.swp", ".a.md.swx", "#a.md#", ".#a.md", "a.md.tmp", ".DS_Store"],
)
def test_editor_files_are_ignored(name: str) -> None:
    assert is_editor_file(name)


@pytest.mark.parametrize("name", ["a.md", "style.css", "site.yaml", "2022-03-01-x.md"])
def test_real_files_count(name: str) -> None:
    assert not is_editor_file(name)


def test_an_atomic_save_reports_the_real_file_only() -> None:
    seen: list[tuple[Path, bool]] = []
    handler = SiteEvents(lambda path: "_site" not in path.parts, lambda *event: seen.append(event))
    for event in [
        FileCreatedEvent("/s/content/4913"),
        FileDeletedEvent("/s/content/4913"),
        FileCreatedEvent("/s/content/.a.md.swp"),
        FileModifiedEvent("/s/content/a.md~"),
        FileMovedEvent("/s/content/.a.md.tmp", "/s/content/a.md"),
        FileClosedEvent("/s/content/a.md"),
        DirModifiedEvent("/s/content"),
        FileModifiedEvent("/s/_site/index.html"),
    ]:
        handler.dispatch(event)
    # Both events leave the file complete: moved into place, then closed.
    assert seen == [(Path("/s/content/a.md"), True), (Path("/s/content/a.md"), True)]


def test_real_file_events_reach_one_rebuild(tmp_path: Path, batches: Batches) -> None:
    """End to end with watchdog: an editor-like save and a burst give one batch."""
    from sitegen.serve.watcher import Watcher

    # settle=quiet: this tests coalescing, which a stalled test process must not break.
    debouncer = Debouncer(batches, quiet=0.1, settle=0.1)
    watcher = Watcher(SiteEvents(lambda path: True, debouncer.add))
    watcher.watch([(tmp_path, True)])
    watcher.start()
    debouncer.start()
    try:
        for i in range(50):
            (tmp_path / f"{i}.md").write_text("x")
        temporary = tmp_path / ".0.md.tmp"
        temporary.write_text("final")
        temporary.replace(tmp_path / "0.md")
        assert batches.arrived.wait(5)
        time.sleep(0.4)
    finally:
        debouncer.stop()
        watcher.stop()
    assert len(batches.batches) == 1
    assert batches.batches[0] == {tmp_path / f"{i}.md" for i in range(50)}
