"""Spread CPU-bound work (Markdown bodies, page templates) over the machine's cores.

Workers are forked from the building process, so they start with the loaded site, the
compiled templates and the Markdown parser already in memory: nothing is pickled on the way
in, only results on the way back. Small jobs stay serial (forking would cost more than it
saves), and so does a process that runs other threads (the preview server): forking a
threaded process can copy a lock another thread holds and hang the child.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1
MIN_ITEMS = 64  # below this, the fork costs more than it saves
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def workers_available() -> int:
    if threading.active_count() > 1 or not hasattr(os, "fork"):
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parallel_map(
    function: Callable[[T], R], items: Sequence[T], workers: int | None = None
) -> list[R]:
    """``[function(item) for item in items]``, in forked workers when it pays off.

    Results keep the order of ``items``. An exception in a worker is raised here, as it would
    be in the serial loop (exceptions must be picklable).
    """
    results: list[Any] = [None] * len(items)
    parallel_each(function, items, results.__setitem__, workers)
    return results


def parallel_each(
    function: Callable[[T], R],
    items: Sequence[T],
    consume: Callable[[int, R], None],
    workers: int | None = None,
) -> None:
    """Call ``consume(index, function(items[index]))`` for every item, in order, as results
    arrive from the workers: the caller can store each result and let it go, instead of
    holding every result at once (rendered bodies of a large site are hundreds of MB)."""
    count = workers if workers is not None else workers_available()
    if count <= 1 or len(items) < MIN_ITEMS:
        for index, item in enumerate(items):
            consume(index, function(item))
        return
    import multiprocessing  # here: most warm builds and rebuilds have no work to spread

    global _job
    _job = (function, items)
    # Objects the workers inherit are left to the parent's collector: a collection in a worker
    # would touch every one of them and so copy the parent's whole heap, page by page.
    gc.freeze()
    try:
        chunk = max(1, len(items) // (count * 8))
        ranges = [(start, min(start + chunk, len(items))) for start in range(0, len(items), chunk)]
        with multiprocessing.get_context("fork").Pool(
            count, initializer=_die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            for (start, _), part in zip(ranges, pool.imap(_run_range, ranges), strict=True):
                for offset, result in enumerate(part):
                    consume(start + offset, result)
    finally:
        _job = None
        gc.unfreeze()


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the build is killed: an orphan would go on writing pages
    into the spare output tree, under the next build's feet (Linux only; elsewhere a no-op)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # killed before prctl took effect
        os._exit(1)


def _run_range(bounds: tuple[int, int]) -> list[Any]:
    assert _job is not None, "parallel_map workers must be forked from the caller"
    function, items = _job
    return [function(items[index]) for index in range(*bounds)]
