"""Clauses, subjects and datelines: what an event text is cut from (sitegen.enrich.clauses)."""

from __future__ import annotations

import pytest

from sitegen.dates import PartialDate
from sitegen.enrich.clauses import actor, dateline_end, named_subject
from sitegen.enrich.datefind import event_text, find_dates

FRIDAY = PartialDate(2023, 6, 16)


def text_of(sentence: str, published: PartialDate = FRIDAY) -> str:
    """The event text of the sentence's last resolved date."""
    mention = [m for m in find_dates(sentence, published) if m.date is not None][-1]
    return event_text(sentence, mention)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The date belongs to a participle clause: the event is that clause, as a past
        # perfect of the subject it hangs from (the reported clause's, not the speaker's).
        (
            "Officials said the road crews are leaving the valley, having cleared the pass on "
            "June 4 after the snow melted.",
            "The road crews had cleared the pass on June 4 after the snow melted.",
        ),
        # The date belongs to an object relative clause: its object is put back.
        (
            "It was another setback for a ferry route that the council reopened in May.",
            "The council reopened a ferry route.",
        ),
        # A relative clause with its own object is not an object relative: nothing moves.
        (
            "It was the week that the council closed the pier on Tuesday.",
            "It was the week that the council closed the pier.",
        ),
        # A wire dateline is not part of the event.
        (
            "VALDORO, June 16 (Harbour Wire) - The port authority closed the north quay on "
            "Wednesday, the harbour master said.",
            "The port authority closed the north quay.",
        ),
        # A typographic apostrophe is not a quotation: the trailing attribution goes.
        (
            "The storm flooded Valdoro’s harbour road on Tuesday, officials said.",
            "The storm flooded Valdoro’s harbour road.",
        ),
    ],
)
def test_event_text_is_the_clause_of_the_date(sentence: str, expected: str) -> None:
    assert text_of(sentence) == expected


def test_a_long_event_ends_before_a_comment_clause() -> None:
    sentence = (
        "A landslide on Tuesday blocked the only road between the two hill villages of Marlow "
        "and Valdoro for most of the afternoon, prompting the council to open the old school "
        "as a shelter for stranded drivers, according to the county."
    )
    text = text_of(sentence)
    assert len(text.split()) <= 35 and text.endswith("afternoon.")


def test_the_dateline_of_a_wire_report_gives_no_event() -> None:
    sentence = "VALDORO, June 12 (Harbour Wire) - Dock workers voted to end their strike."
    assert dateline_end(sentence) == sentence.index("Dock")
    assert dateline_end("Dock workers voted on Monday - narrowly - to end the strike.") == 0


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Harbour master Nora Lindqvist said the quay would reopen.", "Nora Lindqvist"),
        ("Mayor Ana Ruiz is now said to be seeking a second term.", "Ana Ruiz"),
        ("Lindqvist has kept the harbour open all winter.", "Lindqvist"),
        ("The weather was poor all week.", None),
    ],
)
def test_the_actor_is_the_name_before_the_first_verb(sentence: str, name: str | None) -> None:
    assert actor(sentence) == name


def test_a_pronoun_subject_is_named_from_the_sentence_before() -> None:
    before = "Mayor Ana Ruiz is now said to be seeking a second term."
    text, named = named_subject("She announced that the ferry would run all winter.", before)
    assert (text, named) == ("Ana Ruiz announced that the ferry would run all winter.", True)
    text, named = named_subject("He announced a new timetable.", "The weather was poor.")
    assert (text, named) == ("He announced a new timetable.", False)
