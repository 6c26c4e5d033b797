"""Watch the site's inputs and turn bursts of file events into one rebuild.

An editor's save (temp file, rename, backup), a ``git checkout`` of hundreds of files or a
bulk import all arrive as a burst of events. :class:`Debouncer` waits until the burst has
been quiet for ``quiet`` seconds (but never more than ``longest`` after its first event), then
hands over the set of paths once; events that arrive during that rebuild form the next batch.

The wait is shorter, ``settle`` seconds, while every file of the burst is *settled*: closed
after writing, moved into place or deleted. Its writer is done with it, so waiting longer
would only delay the page; a file still open for writing gets the whole quiet period.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

# Files editors and tools write next to the real one while saving; never site input.
EDITOR_PREFIXES = (".", "#", "~")  # .#lock (Emacs), .x.swp (Vim), #autosave# (Emacs)
EDITOR_SUFFIXES = ("~", ".swp", ".swx", ".swo", ".tmp", ".bak", ".part", ".crdownload")
EDITOR_NAMES = frozenset({"4913"})  # Vim creates and deletes it to test write permission


def is_editor_file(name: str) -> bool:
    return (
        name.startswith(EDITOR_PREFIXES) or name.endswith(EDITOR_SUFFIXES) or name in EDITOR_NAMES
    )


class Debouncer:
    def __init__(
        self,
        callback: Callable[[set[Path]], None],
        quiet: float = 0.1,
        longest: float = 1.0,
        settle: float = 0.03,
    ) -> None:
        self.callback = callback
        self.quiet = quiet
        self.longest = longest
        self.settle = min(settle, quiet)
        self._changed = threading.Condition()
        self._pending: set[Path] = set()
        self._unsettled: set[Path] = set()  # written to, not yet closed
        self._first = self._last = 0.0
        self._stopped = False
        self._before: Callable[[], None] | None = None
        self._thread = threading.Thread(target=self._run, name="sitegen-rebuild", daemon=True)
        self.ready = threading.Event()  # set once ``before`` is done

    def start(self, before: Callable[[], None] | None = None) -> None:
        """Start handing over batches; ``before`` runs first, in the same thread: work that
        can go on while the server already answers, but must not overlap a rebuild."""
        self._before = before
        self._thread.start()

    def add(self, path: Path, settled: bool = False) -> None:
        with self._changed:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._pending.add(path)
            if settled:
                self._unsettled.discard(path)
            else:
                self._unsettled.add(path)
            self._last = now
            self._changed.notify()

    def pending(self) -> bool:
        """Whether events arrived that the next batch will handle (a failing build that is
        about to be retried need not report its errors)."""
        with self._changed:
            return bool(self._pending)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the batch in progress, if any (a build cannot be interrupted)."""
        with self._changed:
            self._stopped = True
            self._changed.notify()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        if self._before is not None:
            self._before()
        self.ready.set()
        while (batch := self._next_batch()) is not None:
            self.callback(batch)

    def _next_batch(self) -> set[Path] | None:
        with self._changed:
            while not self._stopped:
                if self._pending:
                    quiet = self.quiet if self._unsettled else self.settle
                    due = min(self._last + quiet, self._first + self.longest)
                    wait = due - time.monotonic()
                    if wait <= 0:
                        batch, self._pending = self._pending, set()
                        self._unsettled.clear()
                        return batch
                    self._changed.wait(wait)
                else:
                    self._changed.wait()
            return None


class SiteEvents(FileSystemEventHandler):
    """Pass the paths of relevant events on to ``sink``, with whether the file is settled.

    ``relevant`` decides which paths are site input (watches on the site folder itself also see
    the output folder being swapped); directory "modified" events are noise (a file in it
    changed, and that file has its own event), but created, deleted and moved folders count.
    """

    # Events after which a file is complete: "closed" is inotify's close-after-write.
    SETTLING = frozenset({"closed", "moved", "deleted"})

    def __init__(
        self, relevant: Callable[[Path], bool], sink: Callable[[Path, bool], None]
    ) -> None:
        self.relevant = relevant
        self.sink = sink

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (
            event.is_directory and event.event_type == "modified"
        ):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                path = Path(raw if isinstance(raw, str) else raw.decode())
                if not is_editor_file(path.name) and self.relevant(path):
                    self.sink(path, event.is_directory or event.event_type in self.SETTLING)


class Watcher:
    """A watchdog observer whose set of watched folders can change (a theme is switched, a
    ``static/`` folder is created)."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler
        self.observer: BaseObserver = Observer()
        self.watches: dict[tuple[Path, bool], ObservedWatch] = {}

    def start(self) -> None:
        self.observer.start()

    def watch(self, folders: Iterable[tuple[Path, bool]]) -> None:
        """Watch exactly these existing ``(folder, recursive)`` pairs."""
        wanted = {(folder, recursive) for folder, recursive in folders if folder.is_dir()}
        for key in set(self.watches) - wanted:
            # KeyError: the folder was deleted and watchdog already dropped its watch.
            with contextlib.suppress(KeyError):
                self.observer.unschedule(self.watches.pop(key))
        for key in wanted - set(self.watches):
            # OSError: deleted in the meantime; the next sync after its events will see.
            with contextlib.suppress(OSError):
                self.watches[key] = self.observer.schedule(
                    self.handler, str(key[0]), recursive=key[1]
                )

    def stop(self) -> None:
        if self.observer.is_alive():
            self.observer.stop()
            self.observer.join(5.0)
