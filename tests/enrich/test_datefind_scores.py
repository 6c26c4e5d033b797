"""Precision and recall of resolved dates on the hand-labelled chronology sets.

Run with -s to see the scores and every miss. The dev set tuned the rules; the held-out set
was written after they were frozen, so its score is the honest estimate (reported, with a
looser floor that only catches a collapse).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.dates import PartialDate
from sitegen.enrich.dateeval import Case, Expected, load_cases, score
from sitegen.enrich.datefind import find_dates

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "chronology"
MIN_NEGATIVES = 40
MIN_EXPRESSIONS = 150


def test_dev_set_scores() -> None:
    cases = load_cases(FIXTURES / "dev.yaml")
    result = score(cases, find_dates)
    print(f"\ndev set: {result.summary()}")
    print("\n".join(f"  {line}" for line in result.errors))
    assert result.precision >= 0.95, result.errors
    assert result.recall >= 0.90, result.errors


def test_held_out_set_scores() -> None:
    result = score(load_cases(FIXTURES / "heldout.yaml"), find_dates)
    print(f"\nheld-out set: {result.summary()}")
    print("\n".join(f"  {line}" for line in result.errors))
    assert result.precision >= 0.85, result.errors
    assert result.recall >= 0.75, result.errors


def test_dev_set_is_large_and_mixed() -> None:
    cases = load_cases(FIXTURES / "dev.yaml")
    expressions = sum(len(c.expected) for c in cases)
    negatives = sum(1 for c in cases if not c.expected)
    precisions = {c.published.precision for c in cases}
    assert expressions + negatives >= MIN_EXPRESSIONS
    assert negatives >= MIN_NEGATIVES
    assert precisions == {"day", "month", "year"}


def _case(sentence: str, text: str, date: str | None) -> Case:
    start = sentence.index(text)
    expected = Expected(start, start + len(text), PartialDate.parse(date) if date else None, None)
    return Case(PartialDate(2022, 3, 31), sentence, (expected,))


def test_scorer_counts_wrong_precision_and_resolved_nulls_against_precision() -> None:
    cases = [
        _case("It opened on Friday.", "on Friday", "2022-03-25"),  # right
        _case("It opened in March.", "in March", "2022"),  # wrong precision
        _case("It opens on Friday, officials said.", "on Friday", None),  # must stay open
    ]
    result = score(cases, find_dates)
    assert (result.correct, result.found, result.expected) == (1, 3, 2)
    assert result.precision == pytest.approx(1 / 3)
    assert result.recall == pytest.approx(1 / 2)
