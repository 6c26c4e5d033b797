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


def _title(text: str) -> str | None:
    return detect(from_text(text), Given()).title


def test_line_above_the_byline_beats_promo_caption_and_section_label() -> None:
    text = """\
Ferry fares are going up again next month
Smoke is seen over the ridge from the harbour on Saturday evening
Valdoro Fire Season
Hill villages emptied as fire crosses the ridge road
By
Nora Lindqvist
Three hill villages were emptied before dawn on Sunday as the fire crossed the ridge road.
"""
    assert _title(text) == "Hill villages emptied as fire crosses the ridge road"


def test_headline_beats_its_standfirst_above_the_byline() -> None:
    text = """\
Marlow school board delays vote on closures
Parents will get another month to comment on plans to shut two schools
By Tom Lee
The Marlow school board put off its vote on closing two village schools until the spring.
"""
    assert _title(text) == "Marlow school board delays vote on closures"


def test_headline_with_a_full_stop_right_above_a_dateline() -> None:
    text = """\
Ferry returns to Valdoro after a ten-year absence.
Published 4 March 2024, 10:15 GMT
The island ferry docked at Valdoro on Saturday for the first time in ten years.
"""
    assert _title(text) == "Ferry returns to Valdoro after a ten-year absence."


def test_hero_image_caption_under_the_headline_does_not_disqualify_it() -> None:
    text = """\
Harbour strike ends as dockworkers accept pay offer
Dockworkers leave the harbour gates on Friday (Image: Valdoro Post)
By Ana Ruiz
Dockworkers returned to work on Friday after a two-week strike ended with a new pay offer.
"""
    assert _title(text) == "Harbour strike ends as dockworkers accept pay offer"


def test_caption_with_a_verb_and_an_agency_credline_is_not_the_headline() -> None:
    text = """\
Storm strands ferry passengers on island overnight
Updated 4 March 2024, 10:15 GMT
Passengers are helped ashore at Valdoro quay on Tuesday morning
Reuters
Dozens of passengers spent the night in a school hall after a storm closed the island route.
"""
    assert _title(text) == "Storm strands ferry passengers on island overnight"


def test_title_that_only_opens_a_paragraph_below_is_flagged() -> None:
    text = """\
Menu
The Marlow school board has voted to close two village schools
The Marlow school board has voted to close two village schools at the end of the summer term.
Parents said they would appeal.
"""
    meta = detect(from_text(text), Given())
    assert meta.title == "The Marlow school board has voted to close two village schools"
    assert "title" in meta.needs_review


def test_file_photo_caption_is_never_the_title() -> None:
    text = """\
Firefighters rest beside a truck near Marlow on Sunday (File)
Crews from three towns fought the fire on the ridge for a second night, the fire service said.
"""
    meta = detect(from_text(text), Given())
    assert meta.title is None and "title" in meta.needs_review


def test_quoted_headline_run_into_its_standfirst_is_the_title() -> None:
    text = """\
Menu
‘We lost everything in an hour’ The owner of a Marlow bakery describes the night of the fire
By Nora Lindqvist
The fire reached Elm Street shortly after midnight, the bakery's owner said.
"""
    assert _title(text) == "‘We lost everything in an hour’"


def test_copyright_footer_gives_the_source_but_never_the_date() -> None:
    text = """\
Wildfire smoke closes Marlow schools
By Nora Lindqvist
All four Marlow schools stayed shut on Thursday as smoke from the ridge fire drifted over town.
© 2023 The Valdoro Post
"""
    meta = detect(from_text(text), Given())
    assert meta.source == "The Valdoro Post"
    assert meta.date is None and "date" in meta.needs_review


def test_a_headline_ending_in_a_full_stop_is_not_flagged_as_pulled_from_the_body() -> None:
    text = (
        "Ferry returns to Valdoro after a ten-year absence.\n\n"
        "Published 4 March 2024, 10:15 GMT\n\n"
        "The first crossing in a decade left the harbour at dawn with forty passengers aboard."
    )
    meta = detect(from_text(text), Given())
    assert meta.title == "Ferry returns to Valdoro after a ten-year absence."
    assert "title" not in meta.needs_review


def test_a_caption_above_its_agency_credit_is_never_the_headline() -> None:
    text = (
        "Storm strands ferry passengers on island overnight\n\n"
        "Passengers are helped ashore at Valdoro quay on Tuesday morning\n\n"
        "Reuters\n\n"
        "More than two hundred ferry passengers spent the night in a school hall on the island."
    )
    assert detect(from_text(text), Given()).title == (
        "Storm strands ferry passengers on island overnight"
    )
