from sitegen.dates import PartialDate
from sitegen.importer.blocks import from_text
from sitegen.importer.metadata import Given, detect, find_title

TEXT = """\
Menu

Search: News, Sport and Weather

Harbour strike ends after pay deal agreed

By Ana Ruiz

Dockworkers returned to work on Friday after a two-week strike ended with a new pay offer.

© 2023 The Harbour Chronicle. All rights reserved.
"""


def test_metadata_from_text() -> None:
    meta = detect(from_text(TEXT), Given())
    assert meta.title == "Harbour strike ends after pay deal agreed"
    assert meta.author == "Ana Ruiz"
    assert meta.source == "The Harbour Chronicle"
    # Only a copyright year is printed: it says when the page was served, so no date.
    assert meta.date is None and meta.needs_review == ["date"]


def test_overrides_win_and_url_date_keeps_month_precision() -> None:
    url = "https://chronicle.example/2023/06/harbour-strike-ends"
    meta = detect(from_text(TEXT), Given(url=url, author="Tom Lee"))
    assert meta.date == PartialDate(2023, 6) and meta.author == "Tom Lee" and meta.url == url
    assert meta.needs_review == []


def test_page_meta_data_before_text() -> None:
    page = Given(title="Strike over", date=PartialDate(2023, 6, 2), source="Chronicle")
    meta = detect(from_text(TEXT), Given(), page)
    assert (meta.title, meta.date.iso(), meta.source) == ("Strike over", "2023-06-02", "Chronicle")


def test_nothing_found_is_flagged() -> None:
    meta = detect(from_text("Just one sentence that says very little at all here."), Given())
    assert meta.date is None
    assert meta.needs_review == ["date", "title", "source", "author"]


def test_repeated_headline_beats_standfirst_and_url_slug_helps() -> None:
    lines = from_text("Short tagline here\n\nRiver bursts banks\n\nRiver bursts banks\n\nText.")
    assert find_title(lines) == "River bursts banks"
    lines = from_text("Apples grow well in the valley\n\nPort reopens to ships after storm\n\nA.")
    assert find_title(lines, "https://x.example/port-reopens-to-ships") == (
        "Port reopens to ships after storm"
    )
