"""Compare date finders on the chronology dev set: our grammar vs dateparser vs ctparse.

    python bench/datefind_compare.py            # all finders that are installed
    python bench/datefind_compare.py --only own # just ours (fast)

For each finder: precision and recall of resolved dates (scored by sitegen.enrich.dateeval,
the same scorer the tests use), throughput, and the projected cost of a build: 1,000
articles of ~700 words, every sentence scanned once on one core. A library missing from
the environment is skipped with a message; none of them is a runtime dependency.

Library adapters give each library its best shot: dateparser's `search_dates` with English
only, past preference and the publication date as the relative base (the last day of a
month- or year-precision publication), each found substring re-read by `DateDataParser`
to learn its precision; ctparse with the same base, its one best parse per sentence.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import logging
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.dates import PartialDate  # noqa: E402
from sitegen.enrich.dateeval import Case, Finder, load_cases, score  # noqa: E402
from sitegen.enrich.datefind import find_dates  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "chronology"
WORDS_PER_ARTICLE = 700
ARTICLES = 1000
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    date: PartialDate | None
    end_date: PartialDate | None = None


def _base(published: PartialDate) -> dt.datetime:
    return dt.datetime.combine(published.end(), dt.time(12))


def _partial(value: dt.date | dt.datetime, precision: str) -> PartialDate:
    if precision == "year":
        return PartialDate(value.year)
    if precision == "month":
        return PartialDate(value.year, value.month)
    return PartialDate(value.year, value.month, value.day)


def dateparser_finder() -> Finder:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    def find(sentence: str, published: PartialDate) -> list[Hit]:
        settings = {"RELATIVE_BASE": _base(published), "PREFER_DATES_FROM": "past"}
        reader = DateDataParser(languages=["en"], settings=settings)
        hits, cursor = [], 0
        for text, _ in search_dates(sentence, languages=["en"], settings=settings) or ():
            start = sentence.find(text, cursor)
            cursor = max(cursor, start + len(text))
            data = reader.get_date_data(text)
            if start < 0 or data.date_obj is None:
                continue
            precision = data.period if data.period in ("year", "month") else "day"
            hits.append(Hit(start, start + len(text), _partial(data.date_obj, precision)))
        return hits

    return find


def ctparse_finder() -> Finder:
    from ctparse import ctparse
    from ctparse.types import Interval, Time

    logging.getLogger("ctparse").setLevel(logging.ERROR)  # it logs every sentence it can't read

    def partial(t: Time | None) -> PartialDate | None:
        if t is None or t.year is None:
            return None
        if t.day is not None and t.month is not None:
            return PartialDate(t.year, t.month, t.day)
        return PartialDate(t.year, t.month or 0)

    def find(sentence: str, published: PartialDate) -> list[Hit]:
        parse = ctparse(sentence, ts=_base(published), timeout=1.0)
        if parse is None:
            return []
        res = parse.resolution
        try:
            if isinstance(res, Interval):
                first, last = partial(res.t_from), partial(res.t_to)
                return [Hit(res.mstart, res.mend, first, last)] if first else []
            if isinstance(res, Time):
                return [Hit(res.mstart, res.mend, partial(res))]
            return []  # a Duration ("for 48 hours") is no date
        except ValueError:  # a resolution PartialDate rejects (out of range)
            return []

    return find


FINDERS: dict[str, tuple[str | None, Callable[[], Finder]]] = {
    "own": (None, lambda: find_dates),
    "dateparser": ("dateparser", dateparser_finder),
    "ctparse": ("ctparse", ctparse_finder),
}


def news_sentences() -> list[str]:
    """Plain news-style prose already in the repository (import fixtures, seed articles)."""
    paths = sorted(ROOT.glob("tests/fixtures/import/*/*.txt")) + sorted(
        ROOT.glob("content/articles/*.md")
    )
    text = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    return [s.strip() for s in SENTENCE_BREAK.split(text) if s.strip()]


def seconds_per_word(finder: Finder, work: Sequence[tuple[str, PartialDate]]) -> float:
    """CPU time, best of five passes: the cores are shared, the minimum is the least disturbed."""
    words = sum(len(sentence.split()) for sentence, _ in work)
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        for sentence, published in work:
            finder(sentence, published)
        best = min(best, time.process_time() - started)
    return best / words


def cost_line(label: str, per_word: float) -> str:
    per_batch = per_word * WORDS_PER_ARTICLE * ARTICLES
    return (
        f"  cost      {per_batch:.2f} s per {ARTICLES:,} articles of {WORDS_PER_ARTICLE} words "
        f"({per_batch * 10:.1f} s for 10,000) on {label}"
    )


def measure(finder: Finder, sets: dict[str, list[Case]], limit: int | None) -> None:
    for label, cases in sets.items():
        print(f"  {label:9} {score(cases, finder).summary()}")
    dev = sets["dev"][:limit]
    expressions = sum(len(c.expected) for c in dev)
    per_word = seconds_per_word(finder, [(c.sentence, c.published) for c in dev])
    elapsed = per_word * sum(len(c.sentence.split()) for c in dev)
    print(
        f"  speed     {len(dev) / elapsed:,.0f} sentences/s, "
        f"{expressions / elapsed:,.0f} labelled expressions/s (dev set)"
    )
    print(cost_line("date-dense dev sentences (worst case)", per_word))
    news = news_sentences()[:limit]
    if news:
        published = PartialDate(2023, 3, 4)
        print(cost_line(f"{len(news)} sentences of news prose", seconds_per_word(
            finder, [(sentence, published) for sentence in news])))  # fmt: skip
    else:
        print("  cost      (no news prose found under tests/fixtures/import or content/)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(FINDERS), help="run one finder")
    parser.add_argument(
        "--limit", type=int, default=80,
        help="sentences per set timed for a library (ours always runs everything)",
    )  # fmt: skip
    args = parser.parse_args()
    sets = {"dev": load_cases(FIXTURES / "dev.yaml")}
    if (FIXTURES / "heldout.yaml").exists():
        sets["held-out"] = load_cases(FIXTURES / "heldout.yaml")
    for name, (module, make) in FINDERS.items():
        if args.only and name != args.only:
            continue
        print(name)
        if module and importlib.util.find_spec(module) is None:
            print(f"  skipped: {module} is not installed (pip install {module})")
            continue
        measure(make(), sets, None if module is None else args.limit)


if __name__ == "__main__":
    main()
