"""Long lists split over numbered pages: ``articles/``, ``articles/page/2/``, ...

Pages are cut from the *oldest* end of a list, in chunks of a fixed size, so that the
membership of a page depends only on how many older items there are. A briefing grows at
its newest end, so a new article changes the one page at that end (the first page of a
newest-first list, the last page of an oldest-first one) and no other, until that page is
full and a new one is cut: then the list has one more page, and every page of it shows the
new count. (Cutting from the newest end, as Hugo does, would move one article from each page
to the next on every addition, and every page would be written again.)

In a newest-first list the first page holds the newest items that fill no full chunk plus
one chunk (``size`` to ``2 * size - 1`` items), so that it never shows a lone article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# Page numbers the page list shows around the current page and at either end; the rest
# are an ellipsis. Every page stays one click from the next.
_AROUND = 2
_ENDS = 1


@dataclass(frozen=True)
class Pager:
    """Where one page sits in its list: the template's ``pager``."""

    base: str  # the first page's URL path, e.g. "articles/" or "topics/donbas/"
    number: int  # 1 = the first page
    count: int  # pages in the list
    newest_first: bool = True  # names the directions: newer/older, or earlier/later

    def path(self, number: int) -> str:
        """The URL path of page ``number``: the list's own for the first, ``page/N/`` after."""
        return self.base if number == 1 else f"{self.base}page/{number}/"

    @property
    def output(self) -> str:
        return f"{self.path(self.number)}index.html"

    @property
    def prev(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None

    @property
    def prev_label(self) -> str:
        return "Newer" if self.newest_first else "Earlier"

    @property
    def next_label(self) -> str:
        return "Older" if self.newest_first else "Later"

    def numbers(self) -> list[int | None]:
        """The page numbers to list, None where some are left out."""
        shown = sorted(
            {n for n in range(1, self.count + 1) if n <= _ENDS or n > self.count - _ENDS}
            | set(range(max(1, self.number - _AROUND), min(self.count, self.number + _AROUND) + 1))
        )
        listed: list[int | None] = []
        for number in shown:
            if listed and number != (listed[-1] or 0) + 1:
                listed.append(None)
            listed.append(number)
        return listed

    def key(self) -> tuple[object, ...]:
        """What the page shows of its place in the list, for its dependencies."""
        return ("pager", self.base, self.number, self.count, self.newest_first)


@dataclass(frozen=True)
class Paged(Generic[T]):
    pager: Pager
    items: Sequence[T]


def paginate(items: Sequence[T], size: int, base: str, newest_first: bool = True) -> list[Paged[T]]:
    """``items`` split into pages, in reading order (``items`` in reading order too)."""
    chunks = _chunks(len(items), max(1, size), newest_first)
    return [
        Paged(Pager(base, number, len(chunks), newest_first), items[start:stop])
        for number, (start, stop) in enumerate(chunks, 1)
    ]


def _chunks(length: int, size: int, newest_first: bool) -> list[tuple[int, int]]:
    """The (start, stop) of each page, cut from the oldest end."""
    if newest_first:
        # The oldest end is the list's end: full chunks from there, the rest on page one.
        older = max(0, length // size - 1)
        first = length - older * size
        return [(0, first)] + [(first + i * size, first + (i + 1) * size) for i in range(older)]
    # The oldest end is the start: full chunks from there, the rest on the last page.
    return [(start, min(length, start + size)) for start in range(0, length, size)] or [(0, 0)]
