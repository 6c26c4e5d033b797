"""Pages of long lists, cut from the oldest end so that a new item changes one page."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitegen.render.paging import Pager, paginate


def pages_of(items: list[int], size: int, newest_first: bool = True) -> list[list[int]]:
    return [list(p.items) for p in paginate(items, size, "articles/", newest_first)]


def test_newest_first_the_first_page_holds_the_rest_and_one_full_page() -> None:
    newest_first = list(range(25, 0, -1))  # 25 is the newest
    assert pages_of(newest_first, 10) == [
        list(range(25, 10, -1)),  # 15: the 5 that fill no page, then 10
        list(range(10, 0, -1)),
    ]
    assert pages_of(list(range(19, 0, -1)), 10) == [list(range(19, 0, -1))]  # one page
    assert pages_of([], 10) == [[]]


def test_a_new_newest_item_changes_only_the_first_page_until_it_is_full() -> None:
    for length in range(20, 29):
        before = pages_of(list(range(length, 0, -1)), 10)
        after = pages_of(list(range(length + 1, 0, -1)), 10)
        assert after[1:] == before[1:], length
    # The 30th item starts a third page: the first page gives its oldest ten to it.
    assert [len(p) for p in pages_of(list(range(30, 0, -1)), 10)] == [10, 10, 10]
    assert [len(p) for p in pages_of(list(range(29, 0, -1)), 10)] == [19, 10]


def test_oldest_first_the_last_page_holds_the_rest() -> None:
    assert pages_of(list(range(1, 26)), 10, newest_first=False) == [
        list(range(1, 11)),
        list(range(11, 21)),
        list(range(21, 26)),
    ]


@given(st.integers(0, 300), st.integers(1, 40), st.booleans())
def test_pages_hold_every_item_once_in_order(length: int, size: int, newest: bool) -> None:
    items = list(range(length))
    pages = paginate(items, size, "x/", newest)
    assert [i for p in pages for i in p.items] == items
    assert [p.pager.number for p in pages] == list(range(1, len(pages) + 1))
    assert all(p.pager.count == len(pages) for p in pages)
    largest = 2 * size - 1 if newest else size
    assert all(len(p.items) <= largest for p in pages)


def test_paths_and_neighbours() -> None:
    first = Pager("topics/donbas/", 1, 3)
    assert (first.path(1), first.path(3)) == ("topics/donbas/", "topics/donbas/page/3/")
    assert first.output == "topics/donbas/index.html"
    assert (first.prev, first.next) == (None, 2)
    last = Pager("topics/donbas/", 3, 3)
    assert last.output == "topics/donbas/page/3/index.html"
    assert (last.prev, last.next) == (2, None)
    assert (first.prev_label, first.next_label) == ("Newer", "Older")
    later = Pager("chronology/2022/", 1, 2, newest_first=False)
    assert (later.prev_label, later.next_label) == ("Earlier", "Later")


def test_page_numbers_leave_out_the_far_ones() -> None:
    assert Pager("a/", 1, 4).numbers() == [1, 2, 3, 4]
    assert Pager("a/", 10, 20).numbers() == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert Pager("a/", 1, 20).numbers() == [1, 2, 3, None, 20]
    assert Pager("a/", 4, 20).numbers() == [1, 2, 3, 4, 5, 6, None, 20]
