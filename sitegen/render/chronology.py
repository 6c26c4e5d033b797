"""The chronology's pages: the latest months on ``chronology/``, then one list per year.

``chronology/<year>/`` lists a year's events oldest first, over numbered pages when it has
more than ``page_size`` (``chronology/<year>/page/2/``); the main page shows the months
before the latest event, as many whole months as fit in one page, and links to every page
of every year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from sitegen.dates import MONTHS
from sitegen.model import Event
from sitegen.render.paging import Paged, paginate


@dataclass(frozen=True)
class Year:
    year: int
    events: int  # how many
    pages: list[Paged[Event]]

    @property
    def base(self) -> str:
        return year_path(self.year)

    def span(self, index: int) -> str:
        """The dates page ``index`` (from 0) covers."""
        return span(self.pages[index].items)


@dataclass(frozen=True)
class Chronology:
    latest: list[Event]  # the events the main page shows, oldest first
    latest_months: int  # whole months those are (0: the newest month alone is too long)
    years: list[Year]

    def key(self) -> tuple[object, ...]:
        """What the main page shows of the years: their counts and their pages' ranges."""
        return tuple(
            (y.year, y.events, tuple(map(y.span, range(len(y.pages))))) for y in self.years
        )

    def year_list(self) -> tuple[int, ...]:
        """The years every year page links to."""
        return tuple(y.year for y in self.years)


def year_path(year: int) -> str:
    return f"chronology/{year}/"


def plan_chronology(events: Sequence[Event], page_size: int) -> Chronology:
    """``events`` oldest first, grouped into the main page's latest months and years."""
    years = [
        Year(year, len(listed), paginate(listed, page_size, year_path(year), newest_first=False))
        for year, group in groupby(events, key=lambda e: e.date.year)
        for listed in [list(group)]
    ]
    months = [list(g) for _, g in groupby(events, key=lambda e: (e.date.year, e.date.month))]
    taken = shown = 0  # whole months, from the newest, and their events
    for month in reversed(months):
        if taken and shown + len(month) > page_size:
            break
        taken, shown = taken + 1, shown + len(month)
    latest = [event for month in months[len(months) - taken :] for event in month]
    if len(latest) > page_size:  # the newest month alone is longer than a page
        latest, taken = latest[-page_size:], 0
    return Chronology(latest, taken, years)


def by_month(events: Sequence[Event]) -> list[tuple[int, str, list[Event]]]:
    """Consecutive events grouped as (year, month name or "" for year-only dates, events)."""
    return [
        (year, MONTHS[month - 1] if month else "", list(group))
        for (year, month), group in groupby(events, key=lambda e: (e.date.year, e.date.month))
    ]


def span(events: Sequence[Event]) -> str:
    """The dates a page of events covers, e.g. "3 March 2022 – 30 April 2022"."""
    if not events:
        return ""
    first, last = events[0].date.display(), events[-1].date.display()
    return first if first == last else f"{first} – {last}"


def topics_of(events: Sequence[Event], order: Iterable[str]) -> list[str]:
    """The slugs of the topics ``events`` are about, in ``order`` (site.yaml's)."""
    found = {slug for event in events for slug in event.topics}
    return [slug for slug in order if slug in found]
