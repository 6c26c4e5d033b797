"""Score a date finder against hand-labelled sentences (tests/fixtures/chronology/*.yaml).

Shared by the score test and bench/datefind_compare.py so our grammar and the libraries are
measured the same way. A found date is correct when its span overlaps an expected
expression's and its date (with precision) and end date equal the labelled ones;
precision = correct / found-and-resolved, recall = correct / expected-and-resolved.
Expressions labelled null must stay unresolved: resolving one costs precision.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

from sitegen.dates import PartialDate


class Found(Protocol):
    """What a finder reports per expression (DateMention satisfies it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def date(self) -> PartialDate | None: ...
    @property
    def end_date(self) -> PartialDate | None: ...


Finder = Callable[[str, PartialDate], Sequence[Found]]


@dataclass(frozen=True)
class Expected:
    start: int
    end: int
    date: PartialDate | None
    end_date: PartialDate | None


@dataclass(frozen=True)
class Case:
    published: PartialDate
    sentence: str
    expected: tuple[Expected, ...]


@dataclass
class Score:
    correct: int = 0
    found: int = 0  # resolved dates the finder reported
    expected: int = 0  # resolved dates the labels hold
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def summary(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.correct}/{self.found}), "
            f"recall {self.recall:.3f} ({self.correct}/{self.expected})"
        )


def _optional_date(value: object) -> PartialDate | None:
    return None if value is None else PartialDate.parse(str(value))


def load_cases(path: Path) -> list[Case]:
    cases = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        sentence = raw["sentence"]
        expected = []
        for entry in raw["expect"]:
            start = sentence.find(entry["text"])
            if start < 0:
                raise ValueError(f"{path}: {entry['text']!r} is not in {sentence!r}")
            date, end = _optional_date(entry["date"]), _optional_date(entry.get("end"))
            expected.append(Expected(start, start + len(entry["text"]), date, end))
        cases.append(Case(PartialDate.parse(str(raw["published"])), sentence, tuple(expected)))
    return cases


def _matches(found: Found, expected: Expected) -> bool:
    overlaps = found.start < expected.end and expected.start < found.end
    return overlaps and (found.date, found.end_date) == (expected.date, expected.end_date)


def score(cases: Sequence[Case], finder: Finder) -> Score:
    result = Score()
    for case in cases:
        open_ = [e for e in case.expected if e.date is not None]
        result.expected += len(open_)
        for found in finder(case.sentence, case.published):
            if found.date is None:
                continue
            result.found += 1
            hit = next((e for e in open_ if _matches(found, e)), None)
            if hit is None:
                span = case.sentence[found.start : found.end]
                result.errors.append(
                    f"wrong {span!r} -> {found.date} ({case.published}): {case.sentence}"
                )
                continue
            open_.remove(hit)
            result.correct += 1
        result.errors.extend(
            f"missed {case.sentence[e.start : e.end]!r} = {e.date} ({case.published}): "
            f"{case.sentence}"
            for e in open_
        )
    return result
