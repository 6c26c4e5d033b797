"""Events found in one article's sentences: dated mentions, the lede, unresolved expressions."""

from __future__ import annotations

import re
import time
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


def test_extraction_costs_little_per_thousand_articles() -> None:
    # The dev set's sentences stand in for news text dense with dates.
    cases = load_cases(FIXTURES / "dev.yaml")
    body = [Sentence(f"s-{n}", c.sentence, n) for n, c in enumerate(cases, 1)]
    started = time.process_time()
    extract(body, PartialDate(2023, 6, 15))
    per_sentence = (time.process_time() - started) / len(body)
    print(f"\n{per_sentence * 1e6:.0f} µs per sentence ({len(body)} dated-news sentences)")
    # A 700-word article has ~36 sentences; 1,000 of them must extract in well under 10 s.
    assert per_sentence * 36 * 1000 < 10


def test_best_match_finds_what_stemming_every_candidate_would() -> None:
    texts = [c.sentence for c in load_cases(FIXTURES / "dev.yaml")]
    candidates = [(f"s-{n}", text) for n, text in enumerate(texts)]
    for target_text in texts[::7]:
        target = words(" ".join(target_text.split()[:6]))
        scores = {key: overlap(target, words(text)) for key, text in candidates}
        best = max(scores.values())
        assert scores[best_match(target, candidates, 0.0) or ""] == best
        assert best_match(target, candidates, best) is None  # nothing beats the best
