"""A date expression found in a sentence: what `datefind` finds, and what `dateevent` and
`extract` read (a leaf, so that none of them imports another for the type alone)."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.dates import PartialDate


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets of the expression in the sentence
    end: int
    text: str  # the expression as written, e.g. "on Wednesday", "February 24"
    date: PartialDate | None  # resolved date, None when it can't be resolved
    end_date: PartialDate | None  # for ranges ("from 24 February to 31 March")
    unresolved: str  # "" when resolved; else why
    framed: bool = False  # its year comes from the story's frame, not from publication
