import pytest

from sitegen.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_sentences_end_at_stops_before_a_capital_or_digit() -> None:
    text = "  Troops left. They went north! Did they? 2022 was long.  "
    assert sentences(text) == ["Troops left.", "They went north!", "Did they?", "2022 was long."]


def test_closing_quotes_and_brackets_stay_with_their_sentence() -> None:
    text = 'He said "we left." (Then silence.) “Next,” she said.'
    assert sentences(text) == ['He said "we left."', "(Then silence.)", "“Next,” she said."]


@pytest.mark.parametrize(
    "text",
    [
        "Gen. Smith and Mr. Jones met Dr. Who at 3 p.m. Friday.",
        "The U.S. Army and the U.N. Security Council spoke.",
        "J. R. R. Tolkien wrote it.",
        "It cost approx. 5 dollars, e.g. Coffee.",
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_no_break_before_lowercase_and_runs_of_whitespace_between() -> None:
    text = "It was 3.5 km away. etc. and so on.\n\n\tNext one."
    assert sentences(text) == ["It was 3.5 km away. etc. and so on.", "Next one."]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n ") == []
