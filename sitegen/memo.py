"""Memo tables: one build step's results from the last build, reused by this one.

A leaf module: the configuration, the templates and the build cache all keep memo tables.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
V = TypeVar("V")


class Owner(Protocol):
    """What keeps a memo table (the build cache): told when the table gained an entry."""

    dirty: bool


class Memo:
    """One build step's results from the last build, for this one: by a key that stands for
    exactly their inputs (:meth:`get`), or kept with the inputs themselves (:meth:`same`).

    Entries the build asks for move from the last build's table to this one's, so a table
    holds only what the current site uses, on disk and in the preview server's memory alike.
    A new entry makes ``owner`` (the cache to save, if the table is saved with it) dirty.
    """

    def __init__(
        self, previous: dict[Any, Any], current: dict[Any, Any], owner: Owner | None
    ) -> None:
        self._previous, self._current, self._owner = previous, current, owner

    def _changed(self) -> None:
        if self._owner is not None:
            self._owner.dirty = True

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key in self._current:  # asked before in this build
            return self._current[key]
        if key in self._previous:
            value = self._previous[key]
        else:
            value = compute()
            self._changed()
        self._current[key] = value
        return value

    def same(self, key: Hashable, inputs: object, compute: Callable[[], T]) -> T:
        """The result kept under ``key`` if it was computed from inputs equal to ``inputs``.

        For results cheap to check but costly to compute, where a digest of the inputs
        would cost as much as the result: comparing equal values is fast, and for the
        preview server, which keeps the same objects across rebuilds, mostly an identity
        check."""
        entry = self._previous.get(key)
        if entry is None or entry[0] != inputs:
            entry = (inputs, compute())
            self._changed()
        self._current[key] = entry
        return entry[1]

    def same_each(self, inputs: dict[str, V], compute: Callable[[V], T]) -> dict[str, T]:
        """:meth:`same` for every ``key → inputs`` of a table, with ``compute(inputs)``: in
        one loop, since the preview server asks for tens of thousands of them per rebuild."""
        previous, current = self._previous, self._current
        results: dict[str, T] = {}
        changed = False
        for key, value in inputs.items():
            entry = previous.get(key)
            if entry is None:
                entry = (value, compute(value))
                changed = True
            elif entry[0] is not value:
                # Keep the new object, equal or not: the server's next rebuild passes it
                # again, and identity is checked at once where == would compare (a
                # dataclass's field by field, even with itself).
                if entry[0] == value:
                    entry = (value, entry[1])
                else:
                    entry = (value, compute(value))
                    changed = True
            current[key] = entry
            results[key] = entry[1]
        if changed:
            self._changed()
        return results
