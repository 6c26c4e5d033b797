"""The grammar of English date expressions in news text: what is written, not what it means.

Two regular expressions, compiled once at import, find the expressions: one for forms that
start at a digit or a month or weekday name ("24 February", "Feb. 24", "2014", "Friday"),
one for relative forms keyed on a word ("last week", "yesterday", "three years ago"),
run only when such a word occurs. Leading words that belong to the expression ("on",
"in", "from", "early") are then looked up behind it, and matches whose surroundings show
they are not dates are dropped. `scan` returns each as an `Expression`; meaning (which
year, which Friday) is decided later by `sitegen.enrich.dateresolve`.

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
from dataclasses import dataclass
from typing import Literal

MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NUMBERS_TITLE = tuple(name.title() for name in MONTH_NUMBERS)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Months that are also everyday words or first names need a cue when they stand alone.
_AMBIGUOUS_MONTHS = frozenset({5, 3, 4, 6, 8})
# Words after which a lone month or year is a date: "since March", "until 2020", "of 2018".
_CUES = frozenset({
    "in", "on", "since", "by", "until", "till", "through", "throughout", "during", "from",
    "before", "after", "of", "between", "around", "circa", "early", "late", "mid", "to",
    "for", "spring", "summer", "autumn", "fall", "winter",
})  # fmt: skip
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
_COUNT = rf"(?:\d{{1,2}}|{'|'.join(NUMBER_WORDS)}|{'|'.join(w.capitalize() for w in NUMBER_WORDS)})"


def _day_month(p: str, *, in_range: bool = False) -> str:
    """A day with its month in either order, optional weekday and year; group names get `p`.

    `in_range`: the second half of a range, which may follow a dash and may be a lone day
    ("from February 24 to 26").
    """
    day = _DAY_IN_RANGE if in_range else _DAY
    forms = [
        rf"(?P<{p}m>{_MONTH})\s+(?P<{p}d>{_DAY})",
        rf"(?P<{p}d2>{day})(?:\s+of)?\s+(?P<{p}m2>{_MONTH})",
    ]
    if in_range:
        forms.append(rf"(?P<{p}d3>{day})(?!\s+(?:of\s+)?(?:{_MONTH}))")
    return (
        rf"(?:{_WEEKDAY},?\s+)?(?:{'|'.join(forms)})"
        rf"(?:,?\s+(?P<{p}y>{_YEAR}))?"
    )


_RANGE_WORD = r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*"
_AFTER_RANGE_LEAD = r"(?:(?<=\b[Ff]rom\s)|(?<=\b[Bb]etween\s))"
# Forms that start at an anchor (a capital letter or a digit starting a word): matched only
# there, which keeps scanning fast. Leading words ("on", "from", "early") are looked up
# behind the anchor afterwards. Alternatives are tried in order: longest forms first.
_ANCHORED = {
    "iso": r"(?<![\w-])(?P<iso_y>\d{4})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)(?![\w-])",
    # "from 24 February to 31 March", "between March 1 and 5", "from 14 to 28 September"
    "span": (
        rf"{_AFTER_RANGE_LEAD}(?:{_day_month('a_')}|(?P<a_d4>{_DAY}))"
        rf"{_RANGE_WORD}{_day_month('b_', in_range=True)}"
    ),
    "months": (
        rf"{_AFTER_RANGE_LEAD}(?P<mo_a>{_MONTH_ALONE})(?:\s+(?P<mo_ay>{_YEAR}))?"
        rf"{_RANGE_WORD}(?P<mo_b>{_MONTH_ALONE})(?:\s+(?P<mo_by>{_YEAR}))?"
    ),
    "years": rf"{_AFTER_RANGE_LEAD}(?P<yr_a>{_YEAR}){_RANGE_WORD}(?P<yr_b>{_YEAR})",
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
    "month_year": rf"(?P<my_m>{_MONTH})(?:\s+of|,)?\s+(?P<my_y>{_YEAR})",
    "weekday": rf"(?P<wd>{_WEEKDAY}){_PART_OF_DAY}",
    "month": rf"(?P<mo>{_MONTH_ALONE})",
    "year": rf"(?P<yr>{_YEAR})",
}
# Forms keyed on a relative word; scanned only when a hint word is present. A modifier
# before them ("earlier this month") is looked up behind, like the prepositions.
_RELATIVE_FORMS = {
    "relative": r"(?P<rel_which>[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<rel_unit>week|month|year)\b",
    "word": (
        r"(?P<w>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast\s+night"
        r"|[Tt]his\s+(?:morning|afternoon|evening))\b"
    ),
    "named": (
        rf"(?P<nm_which>[Tt]his|[Ll]ast|[Nn]ext)\s+"
        rf"(?:(?P<nm_wd>{_WEEKDAY})|(?P<nm_m>{_MONTH_ALONE})){_PART_OF_DAY}"
    ),
}


_NAME_PREFIXES = sorted({name[:3] for name in (*MONTH_NUMBERS_TITLE, *WEEKDAYS)})
# Anchored forms start a word with a digit or a month or weekday name. The leading charset
# lets the regex engine skip to candidates in C (the checks cost a small fraction of what
# trying every alternative at every position costs; docs/performance.md).
_SCANNER = re.compile(
    rf"(?=[0-9A-Z])(?<![\w.,/:$£€#©])(?=\d|{'|'.join(_NAME_PREFIXES)})(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ANCHORED.items())
    + ")"
)
_RELATIVE_SCANNER = re.compile(
    r"(?=[TtLlNnYy])(?<![\w-])(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _RELATIVE_FORMS.items())
    + ")"
)
_AGO_SCANNER = re.compile(
    rf"(?=[0-9AaOoTtFfSsEeNn])(?<![\w-])(?P<ago_n>{_COUNT})\s+"
    r"(?P<ago_unit>day|week|month|year)s?\s+ago\b"
)
_RELATIVE_MODIFIERS = frozenset({"earlier", "later", "early", "late", "mid"})
_RELATIVE_HINTS = ("ago", "last", "this", "next", "yesterday", "today", "tonight", "tomorrow")
# The locating preposition belongs to the expression ("on Wednesday", "in early September")
# so an event text can drop the whole phrase; cues that change the meaning ("since",
# "until") stay outside.
_PREPOSITIONS = frozenset({"on", "in", "during"})
_MODIFIERS = frozenset({"early", "late", "mid"})
_RANGE_LEADS = frozenset({"from", "between"})
_RANGES = frozenset({"span", "months", "years"})
_JOINER = re.compile(r"\s*(?:,|and|or|to|,\s*and|,\s*or)\s*")
_FOLLOWED_BY_LOWER_WORD = re.compile(r"\s+[a-z]")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class Spec:
    """A calendar date as written: any part may be missing (0), the year most often."""

    year: int = 0
    month: int = 0
    day: int = 0


Unit = Literal["day", "night", "week", "month", "year"]


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


def scan(sentence: str) -> list[Expression]:
    """The date expressions in `sentence`, left to right, not overlapping."""
    found = _scan_anchored(sentence)
    lowered = sentence.lower()
    if any(map(lowered.__contains__, _RELATIVE_HINTS)):
        found = _merge(found, _scan_relative(sentence, "ago" in lowered))
    return found


def _scan_anchored(sentence: str) -> list[Expression]:
    found: list[Expression] = []
    previous_end = 0
    for match in _SCANNER.finditer(sentence):
        start, has_pre = _lead_start(match, sentence)
        meaning = _read(match, sentence, previous_end if found else -1, has_pre)
        if meaning is None:
            continue
        found.append(Expression(start, match.end(), meaning))
        previous_end = match.end()
    return found


def _lead_start(match: re.Match[str], sentence: str) -> tuple[int, bool]:
    """Where the expression starts with its leading words, and whether one is "on"/"in".

    Plain string walking: a regex searched backwards over a window cost more than the
    whole scan.
    """
    start = match.start()
    word, begin = _previous_word(sentence, start)
    if match.lastgroup in _RANGES:
        return (begin if word in _RANGE_LEADS else start), False
    if word in _MODIFIERS:  # "in early March", "mid-July"
        start = begin
        word, begin = _previous_word(sentence, begin)
    if word == "the" and match.lastgroup == "date" and sentence[match.start()].isdigit():
        word, begin = _previous_word(sentence, begin)  # "on the 24th of February"
    if word in _PREPOSITIONS:
        return begin, True
    return start, False


def _scan_relative(sentence: str, with_ago: bool) -> list[Expression]:
    matches = list(_RELATIVE_SCANNER.finditer(sentence))
    if with_ago:
        matches.extend(_AGO_SCANNER.finditer(sentence))
    found = []
    for match in matches:
        modifier, begin = _previous_word(sentence, match.start())
        if modifier not in _RELATIVE_MODIFIERS or match.lastgroup != "relative":
            modifier, begin = "", match.start()
        meaning = _read_relative(match, sentence, modifier)
        if meaning is not None:
            found.append(Expression(begin, match.end(), meaning))
    return found


def _merge(first: list[Expression], second: list[Expression]) -> list[Expression]:
    """Both lists in text order; of two overlapping expressions the earlier, longer wins."""
    merged: list[Expression] = []
    for expression in sorted(first + second, key=lambda e: (e.start, -e.end)):
        if not merged or expression.start >= merged[-1].end:
            merged.append(expression)
    return merged


def month_number(name: str) -> int:
    return MONTH_NUMBERS[name[:3].lower()]


def _int(text: str | None) -> int:
    """A written number: digits, an ordinal like "24th", or nothing (0)."""
    return int(text.rstrip("stndrh")) if text else 0


def _read(match: re.Match[str], sentence: str, previous_end: int, has_pre: bool) -> Meaning | None:
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
    if kind == "weekday":
        return _read_weekday(match, sentence, has_pre)
    cued = has_pre or _cued(sentence, match.start(), previous_end)
    if kind == "month":
        return _read_month(match, sentence, cued)
    return _read_year(match, sentence, cued)


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


def _previous_word(sentence: str, position: int) -> tuple[str, int]:
    """The word just before `position` (past spaces and hyphens), lowercased, and its start."""
    end = position
    while end and sentence[end - 1] in " -\t\n\u00a0":
        end -= 1
    begin = end
    while begin and sentence[begin - 1].isalpha():
        begin -= 1
    return sentence[begin:end].lower(), begin


def _word_before(sentence: str, position: int) -> str:
    return _previous_word(sentence, position)[0]


def _after_the(sentence: str, position: int) -> bool:
    """Whether "the"/"the past" leads in: "over the last year" is a span, not a date."""
    return _word_before(sentence, position) in ("the", "past")


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


def _read_relative(match: re.Match[str], sentence: str, modifier: str) -> Meaning | None:
    if match.lastgroup == "named":
        return _read_named(match, sentence)
    g = match.group
    if match.re is _AGO_SCANNER:
        count = g("ago_n").lower()
        n = int(count) if count.isdigit() else NUMBER_WORDS[count]
        return Relative(g("ago_unit"), -n)  # type: ignore[arg-type]
    if match.lastgroup == "word":
        word = " ".join(g("w").lower().split())
        if word == "tomorrow":
            return Future()
        if word == "last night":
            return Relative("night", -1)
        return Relative("day", -1 if word == "yesterday" else 0)
    if _after_the(sentence, match.start()):
        return None
    which = g("rel_which").lower()
    if which == "next" or (which == "this" and modifier == "later"):
        return Future()
    return Relative(g("rel_unit"), -1 if which == "last" else 0)  # type: ignore[arg-type]


def _read_weekday(match: re.Match[str], sentence: str, has_pre: bool) -> Weekday | None:
    if not has_pre and _word_before(sentence, match.start()) in _WEEKDAY_NAMES:
        return None
    return Weekday(WEEKDAYS.index(match.group("wd")))


def _cued(sentence: str, start: int, previous_end: int) -> bool:
    """Whether a lone month or year is introduced as a date (see the module docstring)."""
    if _word_before(sentence, start) in _CUES:
        return True
    # "in January and February", "in 2014, 2016 or 2018": joined to the date before.
    return previous_end >= 0 and bool(_JOINER.fullmatch(sentence, previous_end, start))


def _read_month(match: re.Match[str], sentence: str, cued: bool) -> Calendar | None:
    month = month_number(match.group("mo"))
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


def _read_year(match: re.Match[str], sentence: str, cued: bool) -> Calendar | None:
    # "the 2014 election": a year used as a modifier of a noun.
    modifier = _word_before(sentence, match.start()) == "the" and bool(
        _FOLLOWED_BY_LOWER_WORD.match(sentence, match.end())
    )
    if not (cued or modifier):
        return None
    return Calendar(Spec(int(match.group("yr"))))
