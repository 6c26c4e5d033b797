"""Find the date expressions in a sentence of news text and resolve them for the chronology.

    find_dates("He announced on Friday that ...", PartialDate(2022, 3, 31))
    -> [DateMention(start=13, end=22, text="on Friday", date=2022-03-25, ...)]

Recognition lives in `dategrammar` (own regex grammar, chosen over dateparser and ctparse
by measurement: see bench/datefind_compare.py), meaning in `dateresolve` (rules in its
docstring), event texts in `dateevent`. This module adds two rules on top:

- a date whose year is inferred (a weekday, "July 12", "in June") is left unresolved when
  its clause speaks of the future before it ("will hear arguments on July 12", "is
  expected on Tuesday"), because the latest-past reading would then put the event a week
  or a year early;
- a story's own time frame: when the sentences just before have taken the story back to an
  earlier year ("The plant was seized on February 24, 2022."), a yearless month and day
  that falls within the following months of that year is read in it ("It was only on
  March 20 that ..."), not in the year of publication (`frame`, kept by the caller); and
  within a sentence, a yearless date after a written year is read in that year ("400
  homes were rebuilt in 2023, 60 of them on May 9").
"""

from __future__ import annotations

import datetime as dt
import re

from sitegen.dates import PartialDate
from sitegen.enrich.dateevent import event_text
from sitegen.enrich.dategrammar import Calendar, Expression, Weekday, scan
from sitegen.enrich.datemention import DateMention
from sitegen.enrich.dateresolve import Resolution, resolve

__all__ = ["DateMention", "event_text", "find_dates"]

_FUTURE = re.compile(
    r"(?<!\bthe )\b(?:will|won['’]t|shall|(?:is|are)\s+(?:due|set|scheduled|expected|slated)"
    r"|scheduled\s+for|plans?\s+to|upcoming|must|ha(?:s|ve)\s+until)\b",
    re.IGNORECASE,
)
# Cheap substring test first: most sentences have no future cue at all.
_FUTURE_HINTS = ("will", "won", "shall", "due", "set", "scheduled", "expected", "slated",
                 "plan", "upcoming", "must", "until")  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]")


# How far past the date that set a story's frame a yearless date may fall and still be read
# in the frame's year: a retelling moves on by weeks ("on March 20", "on March 31"), and a
# season's span keeps it clear of the same date in the year of publication.
FRAME_SPAN = dt.timedelta(days=92)


# Weekdays of a timetable, not dates: "every Friday", "Monday to Saturday, 08:00-18:00".
_RECURRING = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
_WEEKDAY_SPAN = re.compile(r"^\s*(?:to|through|till|until|and|-|–|—)\s*$")


def _schedule(sentence: str, expressions: list[Expression]) -> set[int]:
    """Indexes of the weekdays that are a schedule's ("open Monday to Saturday")."""
    found = set()
    for i, expression in enumerate(expressions):
        if not isinstance(expression.meaning, Weekday):
            continue
        if _RECURRING.search(sentence, 0, expression.start):
            found.add(i)
        following = expressions[i + 1] if i + 1 < len(expressions) else None
        if (
            following is not None
            and isinstance(following.meaning, Weekday)
            and _WEEKDAY_SPAN.match(sentence[expression.end : following.start])
        ):
            found |= {i, i + 1}
    return found


def find_dates(
    sentence: str, published: PartialDate, frame: PartialDate | None = None
) -> list[DateMention]:
    """Every date expression in `sentence`, resolved against the publication date, or
    against `frame`, an earlier date the story is retelling (see the module docstring).
    The weekdays of a schedule ("every Friday", "Monday to Saturday") are not dates."""
    expressions = scan(sentence)
    if not expressions:
        return []
    if schedule := _schedule(sentence, expressions):
        expressions = [e for i, e in enumerate(expressions) if i not in schedule]
    lowered = sentence.lower()
    future_hint = any(map(lowered.__contains__, _FUTURE_HINTS))
    mentions = []
    for expression in expressions:
        resolution = resolve(expression.meaning, published)
        framed = None
        if frame is not None and _year_inferred(expression):
            framed = _in_frame(expression, frame, published)
            resolution = framed or resolution
        elif expression.explicit_year and resolution.date is not None:
            # "400 homes were rebuilt in 2023, 60 of them on May 9": the sentence's own year.
            frame = resolution.date
        if future_hint and resolution.date is not None and _year_inferred(expression):
            resolution = _unless_future(sentence, expression, resolution)
        mentions.append(
            DateMention(
                start=expression.start,
                end=expression.end,
                text=sentence[expression.start : expression.end],
                date=resolution.date,
                end_date=resolution.end_date,
                unresolved=resolution.unresolved,
                framed=framed is not None
                and framed.date != resolve(expression.meaning, published).date,
            )
        )
    return mentions


def _in_frame(
    expression: Expression, frame: PartialDate, published: PartialDate
) -> Resolution | None:
    """The month and day as the retold story's: the latest such date within `FRAME_SPAN`
    after `frame` (a weekday is never re-read: it counts from publication)."""
    if not isinstance(expression.meaning, Calendar):
        return None
    # A year frames its own dates only; a month or a day, the months after it too.
    span = FRAME_SPAN if frame.precision != "year" else dt.timedelta(0)
    horizon = PartialDate.from_date(frame.end() + span)
    framed = resolve(expression.meaning, horizon)
    if framed.date is None or framed.date.start() < frame.start():
        return None
    if framed.date.start() > published.start():  # a frame never puts a date in the future
        return None
    return framed


def _year_inferred(expression: Expression) -> bool:
    return isinstance(expression.meaning, Weekday) or (
        isinstance(expression.meaning, Calendar) and not expression.explicit_year
    )


def _unless_future(sentence: str, expression: Expression, resolution: Resolution) -> Resolution:
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, expression.start)),
                       default=0)  # fmt: skip
    cue = _FUTURE.search(sentence, clause_start, expression.start)
    if cue is None:
        return resolution
    return Resolution(None, None, f"the sentence speaks of the future ({cue.group(0)!r})")
