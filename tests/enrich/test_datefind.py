"""Focused tests of the date finder: seed-article sentences, each rule, event texts, properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.dates import PartialDate
from sitegen.enrich.datefind import DateMention, event_text, find_dates

MARCH_31 = PartialDate(2022, 3, 31)  # a Thursday
DECEMBER = PartialDate(2022, 12)


def dates(sentence: str, published: PartialDate) -> list[tuple[str, str | None]]:
    return [(m.text, m.date.iso() if m.date else None) for m in find_dates(sentence, published)]


def only(sentence: str, published: PartialDate) -> DateMention:
    mentions = find_dates(sentence, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- the seed articles ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "having captured the site on February 24 when they first entered Ukraine",
            [("on February 24", "2022-02-24")],
        ),
        (
            "Pentagon press secretary John Kirby said on Wednesday that Russian troops had left",
            [("on Wednesday", "2022-03-30")],
        ),
        (
            "He announced on Friday that Russia had mostly completed the first phase",
            [("on Friday", "2022-03-25")],
        ),
        ("control 93 percent of Luhansk", []),
    ],
)
def test_seed_article_of_31_march(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert dates(sentence, MARCH_31) == expected


def test_last_year_has_year_precision_and_an_anniversary_is_no_date() -> None:
    sentence = (
        "President Zelensky spoke at the 35th anniversary of the Chernobyl disaster last year"
    )
    mention = only(sentence, MARCH_31)
    assert mention.text == "last year"
    assert mention.date == PartialDate(2021)
    assert mention.date.precision == "year"


def test_seed_article_of_december_month_precision() -> None:
    annexed = (
        "a Ukrainian territory that Russian President Vladimir Putin claimed to have "
        "“annexed” in September"
    )
    assert dates(annexed, DECEMBER) == [("in September", "2022-09")]
    thursday = only("On Thursday, Ukrainian Foreign Minister Dmytro Kuleba said ...", DECEMBER)
    assert thursday.date is None
    assert thursday.unresolved == "weekday needs a publication day; article dated 2022-12"
    assert dates("It carried out 16 airstrikes", DECEMBER) == []
    assert dates("Russian forces may soon have no military protection", DECEMBER) == []


# --- forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "iso"),
    [
        ("The deal was signed on 24 February 2022 in Paris.", "on 24 February 2022", "2022-02-24"),
        ("The deal was signed February 24, 2022, in Paris.", "February 24, 2022", "2022-02-24"),
        ("Shares fell on Feb. 24 after the report.", "on Feb. 24", "2022-02-24"),
        ("Voting ended Sept 3 in most districts.", "Sept 3", "2021-09-03"),
        ("The notice is dated 2022-02-24.", "2022-02-24", "2022-02-24"),
        ("Talks stalled on the 24th of February.", "on the 24th of February", "2022-02-24"),
        ("The firm was listed in March 2021.", "in March 2021", "2021-03"),
        ("The firm has been listed since 2014.", "2014", "2014"),
        ("The strike began yesterday.", "yesterday", "2022-03-30"),
        ("The strike ends today.", "today", "2022-03-31"),
        ("The regulator acted earlier this month.", "earlier this month", "2022-03"),
        ("Prices rose this year.", "this year", "2022"),
        ("Prices rose last month.", "last month", "2022-02"),
        ("Prices rose five years ago.", "five years ago", "2017"),
        ("The jury retired last Tuesday.", "last Tuesday", "2022-03-29"),
        ("The jury retired last Thursday.", "last Thursday", "2022-03-24"),
        ("The jury retired on Thursday.", "on Thursday", "2022-03-31"),
        ("The storm hit on Friday night.", "on Friday night", "2022-03-25"),
        ("Monday's vote was close.", "Monday", "2022-03-28"),
        ("The season starts in mid-March.", "in mid-March", "2022-03"),
    ],
)
def test_forms_resolve_against_a_day(sentence: str, text: str, iso: str) -> None:
    mention = only(sentence, MARCH_31)
    assert (mention.text, mention.date.iso() if mention.date else None) == (text, iso)
    assert sentence[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        ("Markets were closed from 24 February to 3 March.", "2022-02-24", "2022-03-03"),
        ("Flights were cut between March 1 and March 5.", "2022-03-01", "2022-03-05"),
        ("Flights were cut between March 1 and 5.", "2022-03-01", "2022-03-05"),
        ("The fair ran February 24-26 in the capital.", "2022-02-24", "2022-02-26"),
        ("The fair ran 24-26 February in the capital.", "2022-02-24", "2022-02-26"),
        ("Sales fell from December 20 to January 4.", "2021-12-20", "2022-01-04"),
        ("The drought lasted from 2011 to 2014.", "2011", "2014"),
        ("Prices rose from January to March.", "2022-01", "2022-03"),
    ],
)
def test_ranges(sentence: str, first: str, last: str) -> None:
    mention = only(sentence, MARCH_31)
    assert mention.date == PartialDate.parse(first)
    assert mention.end_date == PartialDate.parse(last)


def test_lists_of_months_and_years_share_their_cue() -> None:
    assert dates("Strikes hit in January and February.", MARCH_31) == [
        ("in January", "2022-01"),
        ("February", "2022-02"),
    ]


# --- resolution rules -------------------------------------------------------------------


def test_day_month_without_year_is_the_latest_not_after_publication() -> None:
    assert dates("It opened on December 5.", PartialDate(2022, 3, 31)) == [
        ("on December 5", "2021-12-05")
    ]
    assert dates("It opened on March 31.", PartialDate(2022, 3, 31)) == [
        ("on March 31", "2022-03-31")
    ]


def test_a_date_far_back_in_last_year_is_probably_the_coming_one() -> None:
    mention = only("The final is on June 6.", PartialDate(2021, 4, 14))
    assert mention.date is None
    assert "means the coming one" in mention.unresolved


def test_a_coarse_publication_date_leaves_ambiguous_dates_unresolved() -> None:
    same_month = only("The treaty was signed on 14 December.", DECEMBER)
    assert same_month.date is None
    assert "article dated 2022-12" in same_month.unresolved
    assert only("It opened in March.", PartialDate(2021)).date is None
    assert only("It closed last month.", PartialDate(2021)).date is None
    assert only("It closed yesterday.", DECEMBER).date is None
    # but a whole month that began before publication is safe
    assert only("It closed in December.", DECEMBER).date == PartialDate(2022, 12)


def test_weeks_give_the_month_only_when_the_week_is_in_one_month() -> None:
    assert only("Talks failed last week.", MARCH_31).date == PartialDate(2022, 3)
    spanning = only("Talks failed last week.", PartialDate(2024, 3, 4))
    assert spanning.date is None
    assert "spans two months" in spanning.unresolved


def test_future_statements_stay_unresolved_unless_the_year_is_written() -> None:
    assert only("The court will rule on Friday.", MARCH_31).date is None
    assert only("The verdict is expected on Tuesday.", MARCH_31).date is None
    assert only("The strike ends next week.", MARCH_31).date is None
    assert only("Flights resume tomorrow.", MARCH_31).date is None
    assert only("The plant will close in 2030.", MARCH_31).date == PartialDate(2030)
    # a future cue in another clause does not count
    assert only("It said on Monday, and it will go on.", MARCH_31).date == PartialDate(2022, 3, 28)


def test_impossible_dates_are_reported_not_raised() -> None:
    mention = only("It happened on 31 June 2021.", MARCH_31)
    assert mention.date is None
    assert "does not exist" in mention.unresolved


def test_29_february_is_looked_for_in_leap_years() -> None:
    leap = PartialDate(2024, 3, 4)
    assert only("They married on February 29.", leap).date == PartialDate(2024, 2, 29)
    # two years back without a year written: not what a reporter would mean
    assert only("They married on February 29.", MARCH_31).date is None


# --- false dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The board may be switching auditors.",
        "May we see more of this, the mayor wrote.",
        "They joined a march on the capital.",
        "March organisers counted 50,000 people.",
        "Officials say 2,000 troops moved in.",
        "The T-80 tank was withdrawn.",
        "Traffic on Route 66 was diverted.",
        "Apollo 11 memorabilia sold well.",
        "The G20 met again.",
        "A Boeing 737 landed safely.",
        "The briefing starts at 10:30.",
        "Copyright ©2022 Example Media.",
        "Call 0800 555 0199 for help.",
        "A strike in the 1990s lasted months.",
        "The helpline is open 24/7.",
        "The 2018-19 season was cancelled.",
        "Black Friday sales were weak.",
        "A spokesman for the Sunday Times declined to comment.",
        "June Carter declined to comment.",
        "Sales fell over the last year.",
        # A timetable's weekdays are not dates.
        "The hotline is open Monday to Saturday, 08:00–18:00.",
        "Office hours: Monday to Friday, 9am to 5pm.",
        "Services are held every Friday at noon.",
    ],
)
def test_false_dates_are_not_found(sentence: str) -> None:
    assert find_dates(sentence, MARCH_31) == []


# --- event texts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "According to the update, the company cut 300 jobs on Tuesday, the statement reads.",
            "The company cut 300 jobs.",
        ),
        (
            "On Tuesday, the finance minister presented a revised budget.",
            "The finance minister presented a revised budget.",
        ),
        (
            "The company, on Wednesday, said it would sell the unit.",
            "The company said it would sell the unit.",
        ),
        (
            "Pentagon press secretary John Kirby said on Wednesday that troops had left.",
            "Pentagon press secretary John Kirby said that troops had left.",
        ),
        # the preposition would dangle: keep the date
        ("The vote was on Tuesday.", "The vote was on Tuesday."),
        # quotation: keep the attribution
        ("“We will fight on,” he said on Tuesday.", "“We will fight on,” he said."),
        # a range is kept whole
        (
            "Flights were cut between March 1 and March 5, officials said.",
            "Flights were cut between March 1 and March 5.",
        ),
        # inside an insertion, before ", when", after a possible participle: keep the date
        (
            "The election, held in 2020, was marred by queues.",
            "The election, held in 2020, was marred by queues.",
        ),
        (
            "The heatwave peaked on July 19, when temperatures hit 40C.",
            "The heatwave peaked on July 19, when temperatures hit 40C.",
        ),
        (
            "The dispute goes back to a contract signed in 2015.",
            "The dispute goes back to a contract signed in 2015.",
        ),
        ("Parliament was suspended in early September.", "Parliament was suspended."),
        ("Polls closed at 8 p.m. on Sunday.", "Polls closed at 8 p.m."),
        # the clause with the date
        (
            "Prices rose; on Tuesday the central bank raised rates.",
            "The central bank raised rates.",
        ),
    ],
)
def test_event_text(sentence: str, expected: str) -> None:
    mention = find_dates(sentence, MARCH_31)[0]
    assert event_text(sentence, mention) == expected


def test_event_text_falls_back_to_the_sentence_rather_than_a_stub() -> None:
    sentence = "On Tuesday, it fell."
    assert event_text(sentence, only(sentence, MARCH_31)) == sentence


# --- properties -------------------------------------------------------------------------

_WORDS = st.sampled_from(
    (
        "on",
        "in",
        "since",
        "from",
        "to",
        "between",
        "and",
        "the",
        "May",
        "March",
        "June",
        "Friday",
        "Monday",
        "last",
        "this",
        "next",
        "year",
        "week",
        "month",
        "ago",
        "two",
        "2014",
        "2,000",
        "24",
        "24th",
        "31",
        "1990s",
        "February",
        "Feb.",
        "Sept.",
        "mid-",
        "early",
        ",",
        ".",
        ";",
        "yesterday",
        "today",
        "tomorrow",
        "will",
        "said",
        "10:30",
        "©",
        "0800",
        "-",
    )
)
_PUBLISHED = st.one_of(
    st.dates(min_value=PartialDate(1990).start(), max_value=PartialDate(2030).start()).map(
        PartialDate.from_date
    ),
    st.builds(PartialDate, st.integers(1990, 2030), st.integers(1, 12)),
    st.builds(PartialDate, st.integers(1990, 2030)),
)
_WRITTEN_YEAR = re.compile(r"\d{4}")


_ANY_PUBLISHED = st.one_of(
    st.dates().map(PartialDate.from_date),
    st.builds(PartialDate, st.integers(1, 9999), st.integers(1, 12)),
    st.builds(PartialDate, st.integers(1, 9999)),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=14).map(" ".join)),
       _ANY_PUBLISHED)  # fmt: skip
def test_never_raises_on_arbitrary_text(text: str, published: PartialDate) -> None:
    for mention in find_dates(text, published):
        assert text[mention.start : mention.end] == mention.text
        assert (mention.date is None) == bool(mention.unresolved)


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORDS, max_size=14).map(" ".join), _PUBLISHED)
def test_inferred_dates_are_never_after_publication(sentence: str, published: PartialDate) -> None:
    for mention in find_dates(sentence, published):
        if _WRITTEN_YEAR.search(mention.text):
            continue  # explicit years are taken as written, future ones too
        for date in (mention.date, mention.end_date):
            assert date is None or date.start() <= published.start(), mention


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14).map(" ".join), _PUBLISHED)
def test_event_text_is_never_empty(sentence: str, published: PartialDate) -> None:
    for mention in find_dates(sentence, published):
        assert event_text(sentence, mention).strip()


def test_last_night_stays_unresolved_because_a_night_spans_two_days() -> None:
    (mention,) = find_dates("Last night, a drone struck the harbour crane.", MARCH_31)
    assert mention.date is None and "night" in mention.unresolved
    (mention,) = find_dates("Yesterday, a drone struck the harbour crane.", MARCH_31)
    assert mention.date == PartialDate(2022, 3, 30)
