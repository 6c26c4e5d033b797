"""Events found in one article's sentences: dated mentions, the lede, unresolved expressions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.dates import PartialDate
from sitegen.enrich import datefind
from sitegen.enrich.dateeval import load_cases
from sitegen.enrich.datefind import DateMention
from sitegen.enrich.extract import extract, lede_text
from sitegen.enrich.similar import best_match, overlap, words
from sitegen.model import Sentence

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "chronology"
THURSDAY = PartialDate(2022, 3, 31)


def sentences(*texts: str, topics: dict[int, tuple[str, ...]] | None = None) -> list[Sentence]:
    return [
        Sentence(f"s-{n}", text, 10 + n, (topics or {}).get(n, ()))
        for n, text in enumerate(texts, 1)
    ]


def test_a_dated_sentence_gives_an_occurred_event_cited_by_its_sentence() -> None:
    body = sentences(
        "Troops are leaving the plant.",
        "Pentagon press secretary John Kirby said on Wednesday that troops were seen heading north.",
        topics={2: ("chernobyl",)},
    )
    (lede, dated) = extract(body, THURSDAY).found
    assert (dated.anchor, dated.date, dated.kind) == ("s-2", PartialDate(2022, 3, 30), "occurred")
    assert dated.text == (
        "Pentagon press secretary John Kirby said that troops were seen heading north."
    )
    assert dated.quote == body[1].text
    assert dated.topics == ("chernobyl",)
    assert (lede.anchor, lede.date, lede.kind) == ("s-1", THURSDAY, "reported")


def test_the_lede_reports_at_the_publication_date_at_its_precision() -> None:
    (lede,) = extract(sentences("Troops are leaving the region."), PartialDate(2022, 12)).found
    assert lede.date == PartialDate(2022, 12)
    assert lede.text == "Troops are leaving the region."


def test_a_lede_with_a_date_of_its_own_gives_only_that_event() -> None:
    body = sentences("Russian forces captured the site on February 24.", "More followed.")
    (event,) = extract(body, THURSDAY).found
    assert (event.kind, event.date) == ("occurred", PartialDate(2022, 2, 24))


def test_lede_text_drops_a_headline_question_and_unshouts_the_first_word() -> None:
    rest = sentences("Russian officials declined to comment.")
    assert lede_text("Are Troops Leaving? – In a statement, the staff said so.", rest) == (
        "In a statement, the staff said so."
    )
    assert lede_text("RUSSIAN troops are leaving the plant.", rest) == (
        "Russian troops are leaving the plant."
    )
    # An acronym the article always writes in capitals stays so.
    assert lede_text("NATO troops moved east.", sentences("NATO said no.")) == (
        "NATO troops moved east."
    )
    # A question that is the whole lede is kept.
    assert lede_text("Is the plant safe?", rest) == "Is the plant safe?"


def test_unresolved_expressions_are_kept_with_line_and_reason() -> None:
    body = sentences("Troops left.", "On Thursday, the minister spoke.")
    extraction = extract(body, PartialDate(2022, 12))
    (unresolved,) = extraction.unresolved
    assert (unresolved.anchor, unresolved.line, unresolved.expression) == ("s-2", 12, "On Thursday")
    assert "publication day" in unresolved.reason
    assert [f.kind for f in extraction.found] == ["reported"]


def test_a_yearless_date_after_publication_is_never_an_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Whatever the resolver says, the chronology keeps its own rule.
    def finder(
        text: str, published: PartialDate, frame: PartialDate | None = None
    ) -> list[DateMention]:
        start = text.index("on")
        return [
            DateMention(start, start + 12, "on Friday 1", PartialDate(2022, 4, 1), None, ""),
            DateMention(start, start + 12, "in 2023", PartialDate(2023), None, ""),
        ]

    monkeypatch.setattr(datefind, "find_dates", finder)  # extract() looks it up there
    extraction = extract(sentences("It happens on Friday 1 in 2023."), THURSDAY)
    assert [u.expression for u in extraction.unresolved] == ["on Friday 1"]
    assert [f.date for f in extraction.found] == [PartialDate(2023)]


def test_on_the_dev_set_no_yearless_date_falls_after_publication() -> None:
    cases = load_cases(FIXTURES / "dev.yaml") + load_cases(FIXTURES / "heldout.yaml")
    checked = 0
    for case in cases:
        body = [Sentence("s-1", "Lede.", 1), Sentence("s-2", case.sentence, 2)]
        for found in extract(body, case.published).found:
            if found.kind == "occurred" and found.date.start() > case.published.end():
                assert re.search(r"\d{4}", found.quote), case.sentence
            checked += 1
    assert checked > 100


def test_best_match_finds_what_stemming_every_candidate_would() -> None:
    texts = [c.sentence for c in load_cases(FIXTURES / "dev.yaml")]
    candidates = [(f"s-{n}", text) for n, text in enumerate(texts)]
    for target_text in texts[::7]:
        target = words(" ".join(target_text.split()[:6]))
        scores = {key: overlap(target, words(text)) for key, text in candidates}
        best = max(scores.values())
        assert scores[best_match(target, candidates, 0.0) or ""] == best
        assert best_match(target, candidates, best) is None  # nothing beats the best


# --- a story's frame, finer dates, datelines, subjects, topics, doubts -------------------

NOVEMBER = PartialDate(2024, 11, 15)


def test_a_retold_story_keeps_its_own_year() -> None:
    body = sentences(
        "The dam above Marlow was closed on February 3, 2022.",
        "It was only on March 14 that engineers could inspect the spillway.",
        "On April 2, the reservoir was drained.",
    )
    found = [f for f in extract(body, NOVEMBER).found if f.kind == "occurred"]
    assert [f.date.iso() for f in found] == ["2022-02-03", "2022-03-14", "2022-04-02"]
    # The year came from the story, not from publication: a human may want to check.
    assert [bool(f.doubt) for f in found] == [False, True, True]


def test_without_an_earlier_date_a_yearless_date_is_the_latest_before_publication() -> None:
    body = sentences("Engineers inspected the spillway on March 14.", "The dam held.")
    (found,) = [f for f in extract(body, NOVEMBER).found if f.kind == "occurred"]
    assert found.date.iso() == "2024-03-14" and not found.doubt


def test_the_frame_ends_two_sentences_later_or_at_a_date_of_the_publication_year() -> None:
    body = sentences(
        "The dam above Marlow was closed on February 3, 2022.",
        "Villagers moved their cattle to higher fields.",
        "The school was used as a shelter.",
        "On March 14 the council met in the church hall.",
    )
    dates = [f.date.iso() for f in extract(body, NOVEMBER).found if f.kind == "occurred"]
    assert dates == ["2022-02-03", "2024-03-14"]
    body = sentences(
        "The dam above Marlow was closed on February 3, 2022.",
        "In October 2024 the council voted to rebuild it.",
        "On March 14 the engineers' report was published.",
    )
    dates = [f.date.iso() for f in extract(body, NOVEMBER).found if f.kind == "occurred"]
    assert dates == ["2022-02-03", "2024-10", "2024-03-14"]


def test_a_date_that_only_frames_a_finer_one_is_not_an_event() -> None:
    body = sentences("A total of 400 homes were rebuilt in 2023, 60 of them on May 9.")
    found = [f for f in extract(body, NOVEMBER).found if f.kind == "occurred"]
    assert [f.date.iso() for f in found] == ["2023-05-09"]


def test_a_wire_datelines_date_is_not_an_event_and_its_lede_loses_it() -> None:
    body = sentences(
        "VALDORO, March 30 (Harbour Wire) - Dock workers walked out on Tuesday over pay.",
    )
    extraction = extract(body, THURSDAY)
    assert [(f.date.iso(), f.text) for f in extraction.found] == [
        ("2022-03-29", "Dock workers walked out on Tuesday over pay.")
    ]
    (lede,) = extract(
        sentences("MARLOW, Valdoria — The ferry resumed its crossings."), THURSDAY
    ).found
    assert lede.text == "The ferry resumed its crossings."


def test_a_pronoun_subject_is_named_or_the_event_is_doubted() -> None:
    body = sentences(
        "Harbour master Nora Lindqvist said the quay needed repairs.",
        "She announced on Tuesday that it would close for a month.",
        "The weather was poor all week.",
        "He said on Wednesday that the ferries would be late.",
    )
    found = {f.date.iso(): f for f in extract(body, THURSDAY).found if f.kind == "occurred"}
    assert found["2022-03-29"].text.startswith("Nora Lindqvist announced that")
    assert not found["2022-03-29"].doubt
    assert found["2022-03-30"].text.startswith("He said") and "pronoun" in found["2022-03-30"].doubt


def test_an_event_takes_its_sentences_topics_then_its_paragraphs_then_the_place_before() -> None:
    texts = (
        "Crews reached the Marlow dam on Monday.",  # s-1, line 11: names the dam
        "The reservoir fell a metre on Tuesday.",  # s-2, line 12: same paragraph
        "Inspectors returned to the site on Wednesday.",  # s-3, line 14: "the site"
        "Rain is forecast on Thursday.",  # s-4, line 16: nothing to go by
    )
    body = [
        Sentence(f"s-{n}", text, line, topics)
        for n, (text, line, topics) in enumerate(
            zip(texts, (11, 12, 14, 16), (("dam",), (), (), ()), strict=True), 1
        )
    ]
    found = {f.anchor: f.topics for f in extract(body, THURSDAY).found if f.kind == "occurred"}
    assert found == {"s-1": ("dam",), "s-2": ("dam",), "s-3": ("dam",), "s-4": ()}


def test_a_sentence_dating_two_things_is_doubted() -> None:
    body = sentences(
        "In March 2022 it was reported that the bridge, damaged on February 24, 2022, had closed."
    )
    found = [f for f in extract(body, THURSDAY).found if f.kind == "occurred"]
    assert len(found) == 2 and all("also dates" in f.doubt for f in found)
