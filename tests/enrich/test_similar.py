"""When two reports on one date are one event: the same answers on a busy date as a plain
comparison with every kept report gives."""

from __future__ import annotations

import random

import pytest

from sitegen.enrich.similar import (
    _COMPARE_ALL,
    _MIN_COVERED,
    COVERED,
    SIMILAR,
    SameDate,
    Signature,
    words,
)


def every_pair(reports: list[Signature]) -> list[int | None]:
    """The rule of SameDate.twin, written as plainly as possible: each report against every
    report kept before it, in order."""
    kept: list[Signature] = []
    answers: list[int | None] = []
    for report in reports:
        for index, other in enumerate(kept):
            shared = len(report.text & other.text)
            union = len(report.text | other.text)
            if (
                (report.text and other.text and shared >= SIMILAR * union)
                or (
                    len(report.text) >= _MIN_COVERED
                    and len(report.text & other.quote) >= COVERED * len(report.text)
                )
                or (
                    len(other.text) >= _MIN_COVERED
                    and len(other.text & report.quote) >= COVERED * len(other.text)
                )
            ):
                answers.append(index)
                break
        else:
            kept.append(report)
            answers.append(None)
    return answers


def busy_date(seed: int, vocabulary: int, count: int) -> list[Signature]:
    """``count`` reports from a vocabulary whose words are as unevenly common as in prose
    (Zipf), a sixth of them repeated, some slightly reworded, some with no text."""
    rng = random.Random(seed)
    pool = [f"w{i}" for i in range(vocabulary)]
    weights = [1 / (rank + 1) for rank in range(vocabulary)]

    def draw(low: int, high: int) -> frozenset[str]:
        return frozenset(rng.choices(pool, weights, k=rng.randint(low, high)))

    reports = []
    for _ in range(count):
        text = draw(0, 12) if rng.random() < 0.95 else frozenset()
        reports.append(Signature(text, draw(6, 25) | text))
    for _ in range(count // 6):
        original = rng.choice(reports)
        reworded = original.text - {rng.choice(sorted(original.text))} if original.text else {}
        reports.append(Signature(frozenset(reworded) | draw(0, 2), original.quote))
    rng.shuffle(reports)
    return reports


@pytest.mark.parametrize(
    ("seed", "vocabulary", "indexed"),
    [
        (1, 40, False),  # few distinct events: each compared with every kept one
        (2, 400, True),  # many: found through the word index, common words...
        (3, 5000, True),
        (4, 20000, True),  # ...then rarer and rarer ones
    ],
)
def test_a_busy_date_merges_as_comparing_every_pair_would(
    seed: int, vocabulary: int, indexed: bool
) -> None:
    reports = busy_date(seed, vocabulary, 700)
    same_date = SameDate(reports)
    answers = [same_date.twin(report) for report in reports]
    assert answers == every_pair(reports)
    assert (answers.count(None) > _COMPARE_ALL) is indexed


def test_reports_of_one_event_are_merged() -> None:
    first = Signature(words("Russian forces seized the Chernobyl plant"), frozenset())
    second = Signature(words("Russian forces seized Chernobyl"), frozenset())
    other = Signature(words("Grain exports resumed from Odesa"), frozenset())
    same_date = SameDate([first, second, other])
    assert [same_date.twin(s) for s in (first, second, other)] == [None, 0, None]
