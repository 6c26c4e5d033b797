import datetime as dt

import pytest

from sitegen.dates import DateError, PartialDate


@pytest.mark.parametrize(
    ("raw", "iso", "precision", "shown"),
    [
        ("2022-03-31", "2022-03-31", "day", "31 March 2022"),
        ("2022-12", "2022-12", "month", "December 2022"),
        ("2022", "2022", "year", "2022"),
        (2022, "2022", "year", "2022"),
        (dt.date(2022, 2, 24), "2022-02-24", "day", "24 February 2022"),
    ],
)
def test_parse_keeps_precision(raw: object, iso: str, precision: str, shown: str) -> None:
    date = PartialDate.parse(raw)
    assert (date.iso(), date.precision, date.display()) == (iso, precision, shown)


@pytest.mark.parametrize("raw", ["2022-02-30", "2022-13", "31/03/2022", "soon", "", None, True])
def test_impossible_or_malformed_dates_are_refused(raw: object) -> None:
    with pytest.raises(DateError):
        PartialDate.parse(raw)


def test_impossible_day_message_says_why() -> None:
    with pytest.raises(DateError, match="February 2022 has no day 30"):
        PartialDate.parse("2022-02-30")


def test_coarser_dates_sort_first_and_span_their_period() -> None:
    dates = [PartialDate.parse(d) for d in ("2022-12-05", "2022", "2022-12", "2021-06-01")]
    assert [d.iso() for d in sorted(dates)] == ["2021-06-01", "2022", "2022-12", "2022-12-05"]
    december = PartialDate.parse("2022-12")
    assert (december.start(), december.end()) == (dt.date(2022, 12, 1), dt.date(2022, 12, 31))
    assert PartialDate.parse("2024-02").end() == dt.date(2024, 2, 29)
