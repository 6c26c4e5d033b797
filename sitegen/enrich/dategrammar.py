"""The grammar of English date expressions in news text: what is written, not what it means.

One regular expression with a named alternative per form, compiled once at import, scans a
sentence left to right; `scan` turns each match into an `Expression` and drops matches whose
surroundings show they are not dates. Meaning (which year, which Friday) is decided later
by `sitegen.enrich.dateresolve` against the publication date.

Recognition rules that keep false dates out:
- month and weekday names are matched case-sensitively, so "may", "march", "august" as
  words never match; "May", "March", "April", "June" and "August" alone (no day or year)
  also need a cue before them ("in May", "since early March") because they are names,
  modals and nouns as often as months;
- a bare year needs a cue ("in 2014", "since 2014", "the 2014 election", "summer of
  2014") and no neighbouring digit, comma-digit, "s" or hyphen-digit, so "2,000 troops",
  "1990s", "2018-19", "Windows 2000" and "©2022" are not years;
- a day number only counts next to a month name, so "16 airstrikes", "Route 66",
  "Apollo 11", "G20", "at 10:30" and "24/7" never match; numeric dates other than ISO
  (02/03/2022) are left alone because their day/month order is ambiguous;
- "Black Friday", "Super Tuesday", "the Sunday Times" and "over the last year" (a span,
  not a date) are skipped; decades ("the 1990s") have no precision to resolve to and are
  not dates either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Months that are also everyday words or first names need a cue when they stand alone.
_AMBIGUOUS_MONTHS = frozenset({5, 3, 4, 6, 8})
# Words after which a lone month or year is a date: "since March", "until 2020", "of 2018".
_CUES = frozenset(
    {
        "in",
        "on",
        "since",
        "by",
        "until",
        "till",
        "through",
        "throughout",
        "during",
        "from",
        "before",
        "after",
        "of",
        "between",
        "around",
        "circa",
        "early",
        "late",
        "mid",
        "to",
        "for",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    }
)
# Words before a weekday that make it a name rather than a day this week.
_WEEKDAY_NAMES = frozenset(
    {"black", "good", "cyber", "super", "ash", "holy", "easter", "bloody", "maundy", "palm", "the"}
)

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
_MONTH_ABBR_NODOT = "Sept|Sep|Jan|Feb|Apr|Jun|Jul|Aug|Oct|Nov|Dec"
# A month name with a day or year beside it may be abbreviated ("Feb. 24", "Sept 3").
_MONTH = rf"(?<![A-Za-z])(?:{_MONTH_FULL}|{_MONTH_ABBR}|{_MONTH_ABBR_NODOT})(?![A-Za-z])"
_MONTH_ALONE = rf"(?<![A-Za-z])(?:{_MONTH_FULL})(?![A-Za-z])"
_WEEKDAY = rf"(?<![A-Za-z])(?:{'|'.join(WEEKDAYS)})(?![A-Za-z])"
# A day is 1-31 with an optional ordinal suffix; not part of a longer number, a decimal,
# a time, a percentage or a fraction. After a dash only in ranges ("24-26"), not "T-12".
_DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[:.,/]\d)"
_DAY = rf"(?<![\w.,/:$£€#-]){_DAY_NUMBER}"
_DAY_IN_RANGE = rf"(?<![\w.,/:$£€#]){_DAY_NUMBER}"
# A year is 1800-2199 standing alone: not "2,000", "1990s", "2018-19", "2022/23", "©2022".
_YEAR = r"(?<![\w.,/:$£€#©])(?:1[89]\d\d|2[01]\d\d)(?![\w%]|[:.,/-]\d|'s)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MODIFIER = r"(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?"
_COUNT = rf"(?:\d{{1,2}}|{'|'.join(NUMBER_WORDS)}|{'|'.join(w.capitalize() for w in NUMBER_WORDS)})"


def _day_month(p: str, *, in_range: bool = False) -> str:
    """A day with its month in either order, optional weekday and year; group names get `p`.

    `in_range`: the second half of a range, which may follow a dash and may be a lone day
    ("from February 24 to 26").
    """
    day = _DAY_IN_RANGE if in_range else _DAY
    forms = [
        rf"(?P<{p}m>{_MONTH})\s+(?P<{p}d>{_DAY})",
        rf"(?:the\s+)?(?P<{p}d2>{day})(?:\s+of)?\s+(?P<{p}m2>{_MONTH})",
    ]
    if in_range:
        forms.append(rf"(?P<{p}d3>{day})(?!\s+(?:of\s+)?(?:{_MONTH}))")
    return (
        rf"(?:{_WEEKDAY},?\s+)?(?:{'|'.join(forms)})"
        rf"(?:,?\s+(?P<{p}y>{_YEAR}))?"
    )


_RANGE_WORD = r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*"
_ALTERNATIVES = {
    "iso": r"(?<![\w-])(?P<iso_y>\d{4})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)(?![\w-])",
    # "from 24 February to 31 March", "between March 1 and 5", "from 14 to 28 September"
    "span": (
        rf"\b(?:[Ff]rom|[Bb]etween)\s+(?:{_day_month('a_')}|(?P<a_d4>{_DAY}))"
        rf"{_RANGE_WORD}{_day_month('b_', in_range=True)}"
    ),
    "months": (
        rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<mo_a>{_MONTH_ALONE})(?:\s+(?P<mo_ay>{_YEAR}))?"
        rf"{_RANGE_WORD}(?P<mo_b>{_MONTH_ALONE})(?:\s+(?P<mo_by>{_YEAR}))?"
    ),
    "years": rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<yr_a>{_YEAR}){_RANGE_WORD}(?P<yr_b>{_YEAR})",
    # "February 24-26", "Feb. 24 to 26, 2022"
    "md_days": (
        rf"(?P<mdd_m>{_MONTH})\s+(?P<mdd_a>{_DAY})\s*(?:-|–|\bto\b|\bthrough\b)\s*"
        rf"(?P<mdd_b>{_DAY_IN_RANGE})(?:,?\s+(?P<mdd_y>{_YEAR}))?"
    ),
    # "24-26 February"
    "dm_days": (
        rf"(?P<dmd_a>{_DAY})\s*(?:-|–)\s*(?P<dmd_b>{_DAY_IN_RANGE})\s+(?P<dmd_m>{_MONTH})"
        rf"(?:,?\s+(?P<dmd_y>{_YEAR}))?"
    ),
    "date": _day_month("c_"),
    "month_year": rf"{_MODIFIER}(?P<my_m>{_MONTH})(?:\s+of|,)?\s+(?P<my_y>{_YEAR})",
    "ago": (rf"\b(?P<ago_n>{_COUNT})\s+(?P<ago_unit>day|week|month|year)s?\s+ago\b"),
    "relative": (
        r"\b(?:(?P<rel_mod>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id)[- ])?"
        r"(?P<rel_which>[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<rel_unit>week|month|year)\b"
    ),
    "word": (
        r"\b(?P<w>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast\s+night"
        r"|[Tt]his\s+(?:morning|afternoon|evening))\b"
    ),
    "named": (
        rf"\b(?P<nm_which>[Tt]his|[Ll]ast|[Nn]ext)\s+"
        rf"(?:(?P<nm_wd>{_WEEKDAY})|(?P<nm_m>{_MONTH_ALONE})){_PART_OF_DAY}"
    ),
    "weekday": rf"(?P<wd>{_WEEKDAY}){_PART_OF_DAY}",
    "month": rf"(?P<mo_mod>{_MODIFIER})(?P<mo>{_MONTH_ALONE})",
    "year": rf"(?P<yr_mod>{_MODIFIER})(?P<yr>{_YEAR})",
}
# The locating preposition belongs to the expression ("on Wednesday", "in September") so an
# event text can drop the whole phrase; other cues ("since", "until") change the meaning and
# stay outside. Alternatives are tried in order at each position: longest forms first.
_SCANNER = re.compile(
    r"(?P<pre>\b(?:[Oo]n|[Ii]n|[Dd]uring)\s+)?(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ALTERNATIVES.items())
    + ")"
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
_JOINER = re.compile(r"\s*(?:,|and|or|to|,\s*and|,\s*or)\s*")
_FOLLOWED_BY_LOWER_WORD = re.compile(r"\s+[a-z]")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class Spec:
    """A calendar date as written: any part may be missing (0), the year most often."""

    year: int = 0
    month: int = 0
    day: int = 0


Unit = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class Calendar:
    """A date or a range of dates spelled out, e.g. "24 February", "from March to May 2021".

    `strict`: the date is strictly before the publication's own month ("last March").
    """

    first: Spec
    last: Spec | None = None
    strict: bool = False


@dataclass(frozen=True)
class Weekday:
    """A day of the week (0 = Monday); `strict` for "last Friday" (never the same day)."""

    weekday: int
    strict: bool = False


@dataclass(frozen=True)
class Relative:
    """A count of units back from publication: yesterday = (day, -1), last month = (month, -1)."""

    unit: Unit
    offset: int


@dataclass(frozen=True)
class Future:
    """An expression that always points after publication ("tomorrow", "next week")."""


Meaning = Calendar | Weekday | Relative | Future


@dataclass(frozen=True)
class Expression:
    start: int
    end: int
    meaning: Meaning

    @property
    def explicit_year(self) -> bool:
        """Whether the text gives the year itself, so no inference is needed or wanted."""
        m = self.meaning
        return isinstance(m, Calendar) and bool((m.last or m.first).year)


def scan(sentence: str) -> Iterator[Expression]:
    """The date expressions in `sentence`, left to right, not overlapping."""
    previous_end = -1
    for match in _SCANNER.finditer(sentence):
        meaning = _read(match, sentence, previous_end)
        if meaning is None:
            continue
        previous_end = match.end()
        yield Expression(match.start(), match.end(), meaning)


def month_number(name: str) -> int:
    return MONTH_NUMBERS[name[:3].lower()]


def _int(text: str | None) -> int:
    """A written number: digits, an ordinal like "24th", or nothing (0)."""
    return int(text.rstrip("stndrh")) if text else 0


def _read(match: re.Match[str], sentence: str, previous_end: int) -> Meaning | None:
    kind = match.lastgroup
    g = match.group
    if kind == "iso":
        return Calendar(Spec(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))))
    if kind == "span":
        return _read_span(match)
    if kind == "months":
        first = Spec(_int(g("mo_ay")), month_number(g("mo_a")))
        return Calendar(first, Spec(_int(g("mo_by")), month_number(g("mo_b"))))
    if kind == "years":
        return Calendar(Spec(int(g("yr_a"))), Spec(int(g("yr_b"))))
    if kind == "md_days":
        return _day_range(g("mdd_m"), g("mdd_a"), g("mdd_b"), g("mdd_y"))
    if kind == "dm_days":
        return _day_range(g("dmd_m"), g("dmd_a"), g("dmd_b"), g("dmd_y"))
    if kind == "date":
        return Calendar(_day_month_spec(match, "c_"))
    if kind == "month_year":
        return Calendar(Spec(int(g("my_y")), month_number(g("my_m"))))
    if kind in ("ago", "relative", "word"):
        return _read_relative(match, sentence)
    if kind == "named":
        return _read_named(match, sentence)
    if kind == "weekday":
        return _read_weekday(match, sentence)
    if kind == "month":
        return _read_month(match, sentence, previous_end)
    return _read_year(match, sentence, previous_end)


def _day_month_spec(match: re.Match[str], p: str) -> Spec:
    g = match.group
    month = g(f"{p}m") or g(f"{p}m2")
    day = g(f"{p}d") or g(f"{p}d2") or _optional(match, f"{p}d3") or _optional(match, f"{p}d4")
    return Spec(_int(g(f"{p}y")), month_number(month) if month else 0, _int(day))


def _optional(match: re.Match[str], name: str) -> str | None:
    """A group only some alternatives define (the day-only halves of a range)."""
    return match.group(name) if name in match.re.groupindex else None


def _read_span(match: re.Match[str]) -> Calendar:
    first = _day_month_spec(match, "a_")
    last = _day_month_spec(match, "b_")
    if not last.month:  # "between March 1 and 5"
        last = Spec(last.year, first.month, last.day)
    if not first.month:
        first = Spec(first.year, last.month, first.day)
    return Calendar(first, last)


def _day_range(month: str, first: str, last: str, year: str | None) -> Calendar:
    m, y = month_number(month), _int(year)
    return Calendar(Spec(y, m, _int(first)), Spec(y, m, _int(last)))


def _word_before(sentence: str, position: int) -> str:
    found = _WORD_BEFORE.search(sentence, max(0, position - 24), position)
    return found.group(1).lower() if found else ""


def _after_the(sentence: str, position: int) -> bool:
    """Whether "the"/"the past" leads in: "over the last year" is a span, not a date."""
    return _word_before(sentence, position) in ("the", "past")


def _read_relative(match: re.Match[str], sentence: str) -> Meaning | None:
    g = match.group
    if match.lastgroup == "ago":
        count = g("ago_n").lower()
        n = int(count) if count.isdigit() else NUMBER_WORDS[count]
        return Relative(g("ago_unit"), -n)  # type: ignore[arg-type]
    if match.lastgroup == "word":
        word = " ".join(g("w").lower().split())
        if word == "tomorrow":
            return Future()
        return Relative("day", -1 if word in ("yesterday", "last night") else 0)
    if _after_the(sentence, match.start()):
        return None
    which = g("rel_which").lower()
    modifier = (g("rel_mod") or "").lower()
    if which == "next" or (which == "this" and modifier == "later"):
        return Future()
    return Relative(g("rel_unit"), -1 if which == "last" else 0)  # type: ignore[arg-type]


def _read_named(match: re.Match[str], sentence: str) -> Meaning | None:
    """ "last Friday", "next March", "this Tuesday" (could be either side: future)."""
    if _after_the(sentence, match.start()):
        return None
    which = match.group("nm_which").lower()
    if which != "last":
        return Future()
    weekday = match.group("nm_wd")
    if weekday:
        return Weekday(WEEKDAYS.index(weekday), strict=True)
    return Calendar(Spec(0, month_number(match.group("nm_m"))), strict=True)


def _read_weekday(match: re.Match[str], sentence: str) -> Weekday | None:
    if not match.group("pre") and _word_before(sentence, match.start()) in _WEEKDAY_NAMES:
        return None
    return Weekday(WEEKDAYS.index(match.group("wd")))


def _cued(match: re.Match[str], sentence: str, start: int, previous_end: int) -> bool:
    """Whether a lone month or year is introduced as a date (see the module docstring)."""
    if match.group("pre") or _word_before(sentence, start) in _CUES:
        return True
    # "in January and February", "in 2014, 2016 or 2018": joined to the date before.
    return previous_end >= 0 and bool(_JOINER.fullmatch(sentence, previous_end, start))


def _read_month(match: re.Match[str], sentence: str, previous_end: int) -> Calendar | None:
    month = month_number(match.group("mo"))
    cued = bool(match.group("mo_mod")) or _cued(match, sentence, match.start("mo"), previous_end)
    if not cued and month in _AMBIGUOUS_MONTHS:
        return None
    after = match.end()
    # "September's vote", "a turbulent September for": a month in running text; but a
    # capitalised word after it makes a name ("the October Revolution").
    if not cued and not (
        _POSSESSIVE.match(sentence, after) or _FOLLOWED_BY_LOWER_WORD.match(sentence, after)
    ):
        return None
    return Calendar(Spec(0, month))


def _read_year(match: re.Match[str], sentence: str, previous_end: int) -> Calendar | None:
    start = match.start("yr")
    cued = bool(match.group("yr_mod")) or _cued(match, sentence, start, previous_end)
    # "the 2014 election": a year used as a modifier of a noun.
    modifier = _word_before(sentence, start) == "the" and bool(
        _FOLLOWED_BY_LOWER_WORD.match(sentence, match.end())
    )
    if not (cued or modifier):
        return None
    return Calendar(Spec(int(match.group("yr"))))
