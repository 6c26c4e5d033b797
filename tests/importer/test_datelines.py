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
    ],
)
def test_datelines_keep_their_precision(line: str, iso: str) -> None:
    assert datelines.is_dateline(line)
    assert datelines.find_date(line) == PartialDate.parse(iso)


def test_date_inside_a_sentence_is_not_a_dateline() -> None:
    assert not datelines.is_dateline("Troops captured the site on February 24, 2022 at dawn.")


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
