"""Publication dates in page text and URLs, at the precision the text supports.

Only three places are trusted: a URL path (``/2022/12/``), a *dateline* (a line that is nothing
but a date with publish/update words around it) and, as a last resort, a copyright year. Dates
inside sentences ("captured the site on February 24") describe events, not publication.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sitegen.dates import DateError, PartialDate

_MONTH_NAMES = {
    name: number
    for number, full in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
    for name in {full, full[:3], full[:4]}
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_TEXT_DATES = [
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),  # 4 May 2023
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # May 4, 2023
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2023-05-04
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I),  # May 2023
    # 09/02/2023, 01-04-2022: day-first in most of the world, month-first in the US; only
    # a number over 12 tells which, else the year is all that is certain (see _from_match).
    re.compile(r"\b(?P<first>[0-3]?\d)[-/.](?P<second>[0-3]?\d)[-/.](?P<year>(?:19|20)\d{2})\b"),
]
# What may surround a date on a dateline line without making it a sentence.
_DATELINE_NOISE = re.compile(
    r"\b(?:published|updated|posted|first|last|modified|on|at|date|and|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"am|pm|a\.m\.|p\.m\.|gmt|bst|utc|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|et|pt|aest|ist|jst|kst|hkt|sgt|pkt|sast)\b"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[\W_]+",
    re.I,
)
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>[01]?\d)(?:[/-](?P<day>[0-3]?\d))?(?=/|$|[-_.])"
)
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})", re.I
)


def find_date(text: str) -> PartialDate | None:
    """The first full or month date written out in ``text``."""
    for pattern in _TEXT_DATES:
        for match in pattern.finditer(text):
            date = _from_match(match)
            if date:
                return date
    return None


def is_dateline(text: str) -> bool:
    """True for lines like "Published 4 May 2023, 10:32 BST", "Updated March 4, 2023" or a
    wire credit line "AGENCY | City | Updated: 04-05-2023 10:32 IST"."""
    parts = text.split("|")
    dated = [part for part in parts if find_date(part) is not None]
    # Beside the dated part, a credit line may only name the agency and the city.
    return (
        bool(dated)
        and all(_only_date(part) for part in dated)
        and all(_short_name(part) for part in parts if part not in dated)
    )


def _only_date(text: str) -> bool:
    rest = text
    for pattern in _TEXT_DATES:
        rest = pattern.sub(" ", rest)
    return not _DATELINE_NOISE.sub("", rest).strip()


def _short_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and words[0][:1].isupper()


def date_from_url(url: str) -> PartialDate | None:
    match = _URL_DATE.search(urlsplit(url).path)
    return _from_match(match) if match else None


def copyright_year(text: str) -> PartialDate | None:
    match = _COPYRIGHT_YEAR.search(text)
    return PartialDate(int(match.group(1))) if match else None


def _from_match(match: re.Match[str]) -> PartialDate | None:
    groups = match.groupdict()
    if groups.get("first"):
        return _numeric(int(groups["first"]), int(groups["second"]), int(groups["year"]))
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else _MONTH_NAMES[month_text.lower()]
    day = int(groups["day"]) if groups.get("day") else 0
    try:
        return PartialDate(int(groups["year"]), month, day)
    except DateError:
        return None


def _numeric(first: int, second: int, year: int) -> PartialDate | None:
    """A numeric date's day and month when only one order is possible, else its year alone:
    a day is never guessed."""
    orders = {
        (m, d) for m, d in ((second, first), (first, second)) if 1 <= m <= 12 and 1 <= d <= 31
    }
    try:
        if len(orders) == 1:
            month, day = orders.pop()
            return PartialDate(year, month, day)
        return PartialDate(year) if orders else None
    except DateError:
        return None
