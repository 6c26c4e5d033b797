import pytest

from sitegen.importer import bylines


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Ana Ruiz", "Ana Ruiz"),
        ("By ANA RUIZ and TOM LEE, Associated Press", "Ana Ruiz and Tom Lee"),
        ("By Maria Lopez | Staff Writer", "Maria Lopez"),
        ("by: Carmen Alvarez", "Carmen Alvarez"),
        ("By Tuesday, the water had receded.", None),
        ("By the time the council met, it was late", None),
    ],
)
def test_byline_author(line: str, name: str | None) -> None:
    assert bylines.byline_author(line) == name


def test_bio_gives_author_and_outlet() -> None:
    assert bylines.bio_author("Jack Buckby is 19FortyFive’s Breaking News Editor.") == (
        "Jack Buckby",
        "19FortyFive",
    )
    assert bylines.bio_author("John Kirby is the Pentagon press secretary.") is None


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        (
            "Copyright ©2022 Express Newspapers. “Daily Express” is a registered trademark.",
            "Daily Express",
        ),
        ("Copyright 2023 The Associated Press. All rights reserved.", "The Associated Press"),
        ("© 2023 Meridian Magazine Ltd", "Meridian Magazine"),
        (
            "Copyright The Financial Ledger Limited 2024. All rights reserved.",
            "The Financial Ledger",
        ),
    ],
)
def test_copyright_owner(line: str, owner: str) -> None:
    assert bylines.copyright_owner(line) == owner


def test_wire_agency_from_dateline() -> None:
    assert bylines.wire_agency("NAIROBI, Kenya (AP) — Rain fell.") == "The Associated Press"
    assert bylines.wire_agency("LONDON, March 3 (Reuters) - Prices rose.") == "Reuters"
    assert bylines.wire_agency("The AP reported (AP) nothing") is None
