"""Property-based tests: arbitrary input gives our own reported errors or a result, never a
crash, and the invariants hold. Run with ``-s`` to see how many examples each property ran."""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.config import TopicConfig
from sitegen.content import frontmatter
from sitegen.content.articles import load_article
from sitegen.dates import PartialDate
from sitegen.enrich.dategrammar import Calendar, Relative, Spec, Weekday
from sitegen.enrich.dateresolve import resolve
from sitegen.errors import Problems
from sitegen.importer import pipeline
from sitegen.importer.decode import InputError
from sitegen.importer.metadata import Given
from sitegen.text.mentions import MentionMatcher

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXAMPLES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_examples() -> Iterator[None]:
    yield
    print("\nHypothesis examples run:", dict(EXAMPLES))


# ---- front matter --------------------------------------------------------------------------

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
fields = st.sampled_from(
    ["title", "date", "source", "url", "summary", "topics", "events", "slug", "draft", "sumary"]
)


@BOUNDED
@given(st.text(max_size=300))
def test_any_text_splits_or_is_reported(text: str) -> None:
    EXAMPLES["front matter: any text"] += 1
    try:
        document = frontmatter.split("---\n" + text)
    except frontmatter.FrontMatterError as error:
        assert error.line is None or error.line >= 1
    else:
        assert isinstance(document.meta, dict) and document.body_line >= 2


@BOUNDED
@given(st.dictionaries(fields, yaml_values, max_size=6), st.text(max_size=100))
def test_any_front_matter_loads_or_is_reported(meta: dict[str, object], body: str) -> None:
    EXAMPLES["front matter: any fields"] += 1
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    problems = Problems()
    article = load_article(Path("a.md"), text, "a.md", ["chernobyl"], problems)
    assert (article is None) == bool(problems)  # a result, or the reasons there is none
    assert all(p.line is None or p.line >= 1 for p in problems.items)


# ---- topic matching ------------------------------------------------------------------------

# Spaces and hyphens join an alias's words; at its edges they are not part of it.
HYPHENS = "-‐‑–"

alias_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
    min_size=1,
    max_size=20,
).filter(lambda a: any(c.isalnum() for c in a) and a == a.strip().strip(HYPHENS))


@BOUNDED
@given(alias_text, st.sampled_from([" ", "\n", "(", ", "]))
def test_an_alias_is_found_where_it_stands_alone(alias: str, before: str) -> None:
    EXAMPLES["topics: alias found"] += 1
    matcher = MentionMatcher([TopicConfig("t", "T", aliases=(alias,))])
    text = f"Start{before}{alias} end."
    mentions = list(matcher.finditer(text))
    start = len("Start" + before)
    assert [(m.start, m.end) for m in mentions] == [(start, start + len(alias))]


@BOUNDED
@given(st.lists(alias_text, min_size=1, max_size=5), st.text(max_size=200))
def test_matching_any_aliases_on_any_text_never_fails(aliases: list[str], text: str) -> None:
    EXAMPLES["topics: any aliases, any text"] += 1
    matcher = MentionMatcher([TopicConfig("t", "T", aliases=tuple(aliases), exclude=(aliases[0],))])
    for mention in matcher.finditer(text):
        assert 0 <= mention.start < mention.end <= len(text)


# ---- date resolution -----------------------------------------------------------------------

published_dates = st.builds(
    lambda year, month, day, precision: PartialDate(
        year, month if precision != "year" else 0, day if precision == "day" else 0
    ),
    st.integers(1, 9999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.sampled_from(["year", "month", "day"]),
)
undated_meanings = st.one_of(
    st.builds(Calendar, st.builds(Spec, st.just(0), st.integers(1, 12), st.integers(0, 31)),
              st.none(), st.booleans()),
    st.builds(Weekday, st.integers(0, 6), st.booleans()),
    st.builds(Relative, st.sampled_from(["day", "week", "month", "year"]), st.integers(-50, 0)),
)  # fmt: skip


@BOUNDED
@given(undated_meanings, published_dates)
def test_a_resolved_date_is_never_after_publication(
    meaning: Calendar | Weekday | Relative, published: PartialDate
) -> None:
    EXAMPLES["dates: never after publication"] += 1
    resolution = resolve(meaning, published)
    if resolution.date is None:
        assert resolution.unresolved  # always says why
    else:
        assert resolution.date.start() <= published.end()


# ---- import cleaning -----------------------------------------------------------------------

ALIASES = ["Chernobyl", "Zaporizhzhia", "IAEA", "Energoatom"]
words = st.sampled_from(
    [
        "officials",
        "said",
        "the",
        "troops",
        "near",
        "plant",
        "staff",
        "were",
        "moved",
        "after",
        "inspectors",
        "reported",
        "that",
        "power",
        "lines",
        "had",
        "been",
        "cut",
        "while",
        "engineers",
        "worked",
        "through",
        "the",
        "night",
    ]
)
sentences = st.builds(
    lambda head, alias, tail: " ".join([*head, alias, *tail]).capitalize() + ".",
    st.lists(words, min_size=4, max_size=12),
    st.sampled_from(ALIASES),
    st.lists(words, min_size=4, max_size=12),
)
furniture = st.sampled_from(
    ["Share this article", "Advertisement", "Sign up for our newsletter", "Read more:",
     "Follow us on Twitter", "Image: Getty", "Most popular", "© 2022 Daily Test"]
)  # fmt: skip


@pytest.mark.slow
@BOUNDED
@given(st.lists(st.one_of(sentences, furniture), min_size=1, max_size=15))
def test_cleaning_never_drops_a_sentence_naming_a_topic(lines: list[str]) -> None:
    EXAMPLES["import: keeps topic sentences"] += 1
    data = "\n\n".join(["Troops leave the plant", *lines]).encode()
    try:
        article = pipeline.build(data, "report.txt", Given())
    except InputError:
        assert not any(alias in line for line in lines for alias in ALIASES)
        return
    for line in lines:
        if any(alias in line for alias in ALIASES):
            assert line in article.body, line


@BOUNDED
@given(st.binary(max_size=400) | st.text(alphabet=string.printable, max_size=400).map(str.encode))
def test_importing_any_bytes_gives_an_article_or_a_reported_error(data: bytes) -> None:
    EXAMPLES["import: any bytes"] += 1
    try:
        article = pipeline.build(data, "input.txt", Given())
    except InputError as error:
        assert error.message
    else:
        assert article.body.strip()
