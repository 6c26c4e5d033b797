"""What a date expression means, given when the article was published.

News writing dates things relative to publication, and the publication date itself may be
known only to the month or the year. The rules, each chosen to never invent precision:

- A date or month written without a year is the latest one not after publication
  ("February 24" in a report of 31 March 2022 is 2022-02-24; "in December" in one of
  2 January 2024 is 2023-12). If the publication date is too coarse to tell which year
  ("in March" in an article dated only 2021; "14 December" in one dated 2022-12) it stays
  unresolved. If the latest such date falls in the previous year more than six months back
  ("in June" in a report of May 2025), a reporter almost certainly meant the coming one,
  which is after publication: unresolved too.
- An explicit year is taken as written, even after publication ("will close in 2026"); the
  chronology can compare with the publication date itself if it wants past events only.
- A weekday is the latest such day not after publication: "on Wednesday" in a report of
  Thursday 31 March 2022 is 30 March and "on Thursday" is that same day, as wire reports
  use it; "last Thursday" is never the same day (24 March). It needs a publication day.
- "yesterday" needs a publication day; "today" is the publication date at its own
  precision. "last night" stays unresolved: a night spans two days, and a report of the
  morning after dates a night attack to either (wire reports call it "overnight"). "last month"/"N months ago" need a publication month; "last year"/"N years
  ago" have year precision.
- Weeks have no precision of their own: "last week", "this week" and "N weeks ago" give the
  month when that Monday-to-Sunday week (up to publication, for "this week") lies in one
  month, and stay unresolved when it spans two.
- "tomorrow", "next week", "next Friday", "later this year", "this Friday" point after
  publication and stay unresolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sitegen.dates import MONTHS, DateError, PartialDate
from sitegen.enrich.dategrammar import Calendar, Future, Meaning, Relative, Spec, Weekday

_LOOKBACK_YEARS = 8  # enough to reach a 29 February from any publication year
_MAX_MONTHS_INTO_LAST_YEAR = 6


@dataclass(frozen=True)
class Resolution:
    date: PartialDate | None
    end_date: PartialDate | None = None
    unresolved: str = ""


class Unresolvable(Exception):
    """Raised inside resolution with the reason the caller reports."""


def resolve(meaning: Meaning, published: PartialDate) -> Resolution:
    try:
        if isinstance(meaning, Calendar):
            return _calendar(meaning, published)
        if isinstance(meaning, Weekday):
            return Resolution(_weekday(meaning, published))
        if isinstance(meaning, Relative):
            return Resolution(_relative(meaning, published))
        assert isinstance(meaning, Future)
        raise Unresolvable("refers to a time after publication")
    except (Unresolvable, DateError) as reason:
        return Resolution(None, None, str(reason))
    except OverflowError:  # a weekday or day count before 1 January of year 1
        return Resolution(None, None, "falls outside the calendar")


def _calendar(meaning: Calendar, published: PartialDate) -> Resolution:
    if meaning.last is None:
        return Resolution(_place(meaning.first, published, meaning.strict))
    last = _place(meaning.last, published, meaning.strict)
    first = _place_before(meaning.first, last)
    if first.start() > last.end():
        raise Unresolvable(f"the range ends ({last}) before it starts ({first})")
    return Resolution(first, last)


def _make(year: int, spec: Spec) -> PartialDate:
    try:
        return PartialDate(year, spec.month, spec.day)
    except DateError as error:
        raise Unresolvable(str(error)) from None


def _candidates(spec: Spec, latest_year: int) -> Iterator[PartialDate]:
    """The date in each year back from `latest_year` where it exists (29 February)."""
    if spec.day > 28:  # in a leap year: a date invalid there is invalid every year
        _make(2000, spec)
    for year in range(latest_year, latest_year - _LOOKBACK_YEARS, -1):
        try:
            yield PartialDate(year, spec.month, spec.day)
        except DateError:
            continue


def _place(spec: Spec, published: PartialDate, strict: bool) -> PartialDate:
    """The latest date matching `spec` not after publication (see the module docstring)."""
    if spec.year:
        return _make(spec.year, spec)
    first_day, last_day = published.start(), published.end()
    for candidate in _candidates(spec, published.year):
        if strict:  # "last March": wholly before the publication's month
            fits, too_late = candidate.end() < first_day, last_day <= candidate.end()
        else:  # began no later than the earliest day the article could be from
            fits, too_late = candidate.start() <= first_day, candidate.start() > last_day
        if fits:
            return _recent(candidate, published, strict)
        if not too_late:
            raise Unresolvable(
                f"could be {candidate.display()} or a year earlier; article dated {published}"
            )
    raise Unresolvable(f"no such date in the {_LOOKBACK_YEARS} years before publication")


def _recent(candidate: PartialDate, published: PartialDate, strict: bool) -> PartialDate:
    if strict or candidate.year == published.year or not published.month:
        return candidate
    gap = (published.year - candidate.year) * 12 + published.month - candidate.month
    if gap > _MAX_MONTHS_INTO_LAST_YEAR:
        raise Unresolvable(
            f"the last {_without_year(candidate)} before publication ({published}) was "
            f"{gap} months earlier; without a year the text most likely means the coming one"
        )
    return candidate


def _without_year(date: PartialDate) -> str:
    month = MONTHS[date.month - 1]
    return f"{date.day} {month}" if date.day else month


def _place_before(spec: Spec, last: PartialDate) -> PartialDate:
    """The start of a range: the latest date matching `spec` not after its end."""
    if spec.year:
        return _make(spec.year, spec)
    for candidate in _candidates(spec, last.year):
        if candidate.start() <= last.start():
            return candidate
    raise Unresolvable(f"no start for the range ending {last}")


def _publication_day(published: PartialDate, what: str) -> dt.date:
    if published.precision != "day":
        raise Unresolvable(f"{what} needs a publication day; article dated {published}")
    return published.start()


def _weekday(meaning: Weekday, published: PartialDate) -> PartialDate:
    day = _publication_day(published, "weekday")
    back = (day.weekday() - meaning.weekday) % 7 or (7 if meaning.strict else 0)
    return PartialDate.from_date(day - dt.timedelta(days=back))


def _relative(meaning: Relative, published: PartialDate) -> PartialDate:
    if meaning.unit == "year":
        return PartialDate(published.year + meaning.offset)
    if meaning.unit == "month":
        if not published.month:
            raise Unresolvable(f"needs a publication month; article dated {published}")
        year, month0 = divmod(published.year * 12 + published.month - 1 + meaning.offset, 12)
        return PartialDate(year, month0 + 1)
    if meaning.unit == "night":
        raise Unresolvable(
            "a night spans two days: the evening before publication or its small hours"
        )
    if meaning.unit == "day" and meaning.offset == 0:
        return published
    day = _publication_day(published, f"a {meaning.unit} relative to publication")
    if meaning.unit == "day":
        return PartialDate.from_date(day + dt.timedelta(days=meaning.offset))
    return _week(day, meaning.offset)


def _week(day: dt.date, offset: int) -> PartialDate:
    monday = day - dt.timedelta(days=day.weekday() - 7 * offset)
    last = day if offset == 0 else monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (last.year, last.month):
        raise Unresolvable(f"the week of {monday.isoformat()} spans two months")
    return PartialDate(monday.year, monday.month)
