import pytest

from sitegen.dates import PartialDate
from sitegen.importer import datelines


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published 4 May 2023, 10:32 BST", "2023-05-04"),
        ("Tue 4 Jul 2023 14.30 BST", "2023-07-04"),
        ("Updated 3:15 PM GMT, March 4, 2023", "2023-03-04"),
        ("June 2023", "2023-06"),
        # A wire credit line: agency, city, then the stamp.
        ("VPA | Valdoro | Updated: 03-04-2023 10:15 IST", "2023"),
        ("HARBOUR NEWS SERVICE | Marlow | Updated: 25-02-2023 08:05 IST", "2023-02-25"),
        # Numeric dates: 09/02 may be 9 February or 2 September, so only the year is sure;
        # 25/02 and 02/25 can only be 25 February.
        ("Published 09/02/2023, 11:39", "2023"),
        ("Published 25/02/2023, 11:39", "2023-02-25"),
        ("Updated 02/25/2023 4:10 pm", "2023-02-25"),
    ],
)
def test_datelines_keep_their_precision(line: str, iso: str) -> None:
    assert datelines.is_dateline(line)
    assert datelines.find_date(line) == PartialDate.parse(iso)


@pytest.mark.parametrize(
    "line",
    [
        "Troops captured the site on February 24, 2022 at dawn.",
        "The vote on 03/04/2023 was close.",
        # Beside a stamp, a wire credit line has only short names, not a sentence.
        "Minutes of the Marlow school board meeting held in the town hall | 03/04/2023",
    ],
)
def test_date_inside_a_sentence_is_not_a_dateline(line: str) -> None:
    assert not datelines.is_dateline(line)


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("https://19fortyfive.com/2022/12/putins-ukraine-disaster/", "2022-12"),
        ("https://theheraldafrica.com/2022/05/29/russian-army/", "2022-05-29"),
        ("https://example.org/news/2023-04-12-flood", "2023-04-12"),
    ],
)
def test_date_from_url_path(url: str, iso: str) -> None:
    assert datelines.date_from_url(url) == PartialDate.parse(iso)


def test_no_date_in_url_and_impossible_day_falls_back_to_month() -> None:
    assert datelines.date_from_url("https://example.org/story/12345") is None
    assert datelines.find_date("31 February 2023") == PartialDate(2023, 2)


def test_copyright_year_is_year_precision() -> None:
    assert datelines.copyright_year("© 2010-2023 Example Media").precision == "year"
    assert datelines.copyright_year("IPSO Regulated Copyright ©2022 X") == PartialDate(2022)
