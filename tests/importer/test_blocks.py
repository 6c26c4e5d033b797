import pytest

from sitegen.importer.blocks import from_text


def test_one_block_per_non_blank_line_with_line_numbers() -> None:
    found = from_text("Title\n\n  First   paragraph.  \n\nSecond.")
    assert [(b.text, b.line) for b in found] == [
        ("Title", 1),
        ("First paragraph.", 3),
        ("Second.", 5),
    ]


def test_marked_up_lines_keep_their_role() -> None:
    found = from_text("- one\n2. two\n> quoted\n### Heading")
    assert [(b.kind, b.text) for b in found] == [
        ("item", "one"),
        ("item", "two"),
        ("quote", "quoted"),
        ("heading", "Heading"),
    ]
    assert found[1].ordered and not found[0].ordered and found[3].level == 3


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        # An empty image and a view counter go; the stamp becomes a dateline of its own.
        (
            "![]() 1204 Monday, 3 June, 2024, 09:10 The Marlow school board met on Monday night.",
            ["Monday, 3 June, 2024, 09:10", "The Marlow school board met on Monday night."],
        ),
        # A quoted headline run into its standfirst.
        (
            "‘We lost everything in an hour’ The owner of a Marlow bakery tells of the fire",
            ["‘We lost everything in an hour’", "The owner of a Marlow bakery tells of the fire"],
        ),
        # A stamp run into the byline under it.
        (
            "May 2, 2024 10:15 amby Valdoro Post Staff",
            ["May 2, 2024 10:15 am", "by Valdoro Post Staff"],
        ),
        # An icon's name run into a headline.
        (
            "externalFire crews hold the line above Marlow",
            ["Fire crews hold the line above Marlow"],
        ),
        # A quoted headline with an apostrophe of its own, and a standfirst with a stop.
        (
            "‘We’ll rebuild the bakery’ The owner of a Marlow bakery counts the cost of the flood.",
            [
                "‘We’ll rebuild the bakery’",
                "The owner of a Marlow bakery counts the cost of the flood.",
            ],
        ),
    ],
)
def test_page_elements_run_together_are_taken_apart(line: str, parts: list[str]) -> None:
    assert [b.text for b in from_text(line)] == parts


def test_lines_that_only_look_joined_stay_whole() -> None:
    lines = [
        "iPhone sales rise in Valdoro",
        "The board said ‘no closures this year’ and then changed its mind.",
        "The ferry left at 10:15 by Marlow time.",
        # Brand names that start in lower case are not an icon's name.
        "easyJet cancels flights to Valdoro",
        "wikiHow guides explain the new bin rules",
    ]
    assert [b.text for b in from_text("\n".join(lines))] == lines
