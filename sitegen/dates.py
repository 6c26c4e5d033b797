"""Dates at the precision a source supports: a year, a month, or a day.

News reports are often dated only to the month ("December 2022"); showing such a date as
"1 December 2022" would invent a fact, so the precision travels with the date everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DateError(ValueError):
    """A date that is malformed or impossible; the message says which and what to write."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to year, month or day precision.

    Ordering treats a missing month or day as 0, so "2022" sorts before "2022-01" before
    "2022-01-01": the coarser date is the less specific, earlier-listed one.
    """

    year: int
    month: int = 0
    day: int = 0
    # The sort order as plain ints: sorting or grouping by this is several times faster than
    # comparing dataclasses, and a field is read faster than a property is computed.
    key: tuple[int, int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.year, self.month, self.day))
        if not 1 <= self.year <= 9999:
            raise DateError(f"year {self.year} is out of range")
        if self.day and not self.month:
            raise DateError("a day needs a month")
        if self.month and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist (use 01-12)")
        if self.day:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise DateError(
                    f"{self.year:04d}-{self.month:02d}-{self.day:02d} does not exist "
                    f"({MONTHS[self.month - 1]} {self.year} has no day {self.day})"
                ) from None

    @property
    def precision(self) -> Precision:
        if self.day:
            return "day"
        return "month" if self.month else "year"

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a ``date`` (YAML gives those)."""
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise DateError(f"expected a date like 2022-03-31, 2022-12 or 2022, got {value!r}")
        match = _ISO.match(value.strip())
        if not match:
            raise DateError(f"{value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
        year, month, day = (int(g) if g else 0 for g in match.groups())
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: dt.date, precision: Precision = "day") -> PartialDate:
        if precision == "year":
            return cls(value.year)
        if precision == "month":
            return cls(value.year, value.month)
        return cls(value.year, value.month, value.day)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def display(self) -> str:
        """Human form at the date's own precision: "31 March 2022", "December 2022", "2022"."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def start(self) -> dt.date:
        """The first day the date could mean (for feeds and sitemaps that need a full date)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def end(self) -> dt.date:
        """The last day the date could mean."""
        if self.day:
            return self.start()
        if self.month:
            following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        return self.iso()
