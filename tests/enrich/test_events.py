"""The events step: author control, merging, topics, counts, unresolved dates and the cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, load_site
from sitegen.cache import BuildCache
from sitegen.dates import PartialDate
from sitegen.enrich import bodies as bodies_module
from sitegen.enrich import events as events_module
from sitegen.enrich import pipeline as pipeline_module
from sitegen.enrich.pipeline import enrich
from sitegen.errors import Problems
from sitegen.markdown import make_renderer
from sitegen.model import Event, Site
from sitegen.review import review
from tests.sites import article

Model = Callable[..., tuple[Site, Problems]]

LEAVING = (
    "Troops are leaving Chernobyl, officials said.\n\n"
    "Pentagon sources said the invading forces captured the site on February 24 when they "
    "first entered Ukraine.\n\n"
    "John Kirby said on Wednesday that troops around Kyiv were heading north.\n"
)


@pytest.fixture
def model(make_site: Callable[..., Path]) -> Model:
    """Load and enrich a site (no rendering); returns the model and the problems found."""

    def make(files: dict[str, str], cache: BuildCache | None = None) -> tuple[Site, Problems]:
        root = make_site(files)
        problems, cache = Problems(), cache or BuildCache()
        site = load_site(BuildOptions(root), problems, cache)
        enrich(site, make_renderer(False), problems, cache)
        return site, problems

    return make


def by_date(site: Site) -> dict[str, Event]:
    return {event.date.iso(): event for event in site.events.values()}


def cited(event: Event) -> list[tuple[str, str]]:
    return [(c.article, c.anchor) for c in event.sources]


def leaving(**fields: Any) -> dict[str, str]:
    return {"content/articles/leaving.md": article("Leaving", "2022-03-31", LEAVING, **fields)}


def test_dated_sentences_and_the_lede_become_events(model: Model) -> None:
    site, problems = model(leaving())
    assert not problems
    events = by_date(site)
    assert sorted(events) == ["2022-02-24", "2022-03-30", "2022-03-31"]
    assert cited(events["2022-03-30"]) == [("leaving", "s-3")]
    assert (
        events["2022-03-30"].text == "John Kirby said that troops around Kyiv were heading north."
    )
    assert events["2022-03-30"].origin == "extracted"
    assert events["2022-03-31"].kind == "reported"
    # The sentence names no topic: the article's main topic stands in.
    assert events["2022-03-30"].topics == ["chernobyl"]
    assert site.articles["leaving"].events == list(site.events)
    assert site.topics["chernobyl"].events == list(site.events)  # oldest first


def test_a_front_matter_event_replaces_the_extracted_one_from_its_sentence(model: Model) -> None:
    spec = {"date": "2022-02-24", "text": "Russian forces capture the Chernobyl site."}
    site, _ = model(leaving(events=[spec]))
    event = by_date(site)["2022-02-24"]
    assert (event.text, event.origin) == (spec["text"], "front-matter")
    assert cited(event) == [("leaving", "s-2")]  # the sentence whose date is the event's
    assert len(site.events) == 3
    report = site.chronology
    assert (report.extracted, report.front_matter, report.merged) == (2, 1, 0)


def test_a_front_matter_event_on_another_date_leaves_extraction_alone(model: Model) -> None:
    spec = {"date": "2022-02-25", "text": "Forces captured the site when they entered Ukraine."}
    site, _ = model(leaving(events=[spec]))
    events = by_date(site)
    assert events["2022-02-24"].origin == "extracted"
    assert cited(events["2022-02-25"]) == [("leaving", "s-2")]  # found by its wording


def test_chronology_false_turns_extraction_off(model: Model) -> None:
    site, _ = model(leaving(chronology=False))
    assert site.events == {}
    body = "On Thursday, the minister spoke.\n"
    site, _ = model({"content/articles/a.md": article("A", "2022-12", body, chronology=False)})
    assert site.chronology.unresolved == []


@pytest.mark.parametrize(
    ("exclude", "left"),
    [
        (["s-3"], ["2022-02-24", "2022-03-31"]),
        (["2022-02-24"], ["2022-03-30", "2022-03-31"]),
        (["s-1", "2022-03-30"], ["2022-02-24"]),
        (["2022-02"], ["2022-02-24", "2022-03-30", "2022-03-31"]),  # dates match exactly
    ],
)
def test_exclude_drops_extracted_events_by_anchor_or_date(
    model: Model, exclude: list[str], left: list[str]
) -> None:
    site, problems = model(leaving(exclude=exclude))
    assert not problems
    assert sorted(by_date(site)) == left


def test_a_bad_exclude_entry_is_reported_at_its_line(model: Model) -> None:
    _, problems = model(leaving(exclude=["s-3", "sentence five"]))
    (problem,) = problems.items
    assert problem.line == 6  # ---, title, date, exclude:, - s-3, - sentence five
    assert "'sentence five'" in problem.message and "s-12" in problem.hint


def test_the_same_event_from_two_articles_is_one_event_with_two_sources(model: Model) -> None:
    other = "Officials said the invading forces captured the site on 24 February.\n"
    site, _ = model(leaving() | {"content/articles/b.md": article("B", "2022-04-02", other)})
    event = by_date(site)["2022-02-24"]
    assert cited(event) == [("leaving", "s-2"), ("b", "s-1")]
    assert site.chronology.merged == 1
    assert site.articles["b"].events == [event.id]


def test_an_author_event_merges_with_another_articles_sentence_saying_it(model: Model) -> None:
    # Their texts share few words, but the other article's sentence holds the author's.
    spec = {"date": "2022-02-24", "text": "Forces captured the site."}
    other = "Officials said the invading forces captured the site, a nuclear plant, on 24 February."
    files = leaving(events=[spec], chronology=False)
    site, _ = model(files | {"content/articles/b.md": article("B", "2022-04-02", other + "\n")})
    (event,) = [e for e in site.events.values() if e.date == PartialDate(2022, 2, 24)]
    assert event.text == spec["text"]
    assert cited(event) == [("leaving", "s-2"), ("b", "s-1")]


def test_events_on_one_date_about_different_things_stay_apart(model: Model) -> None:
    files = {
        "content/articles/a.md": article("A", "2022-03-31", "Troops left Chernobyl today.\n"),
        "content/articles/b.md": article("B", "2022-03-31", "Shelling hit Donetsk today.\n"),
        "content/articles/c.md": article("C", "2022-03", "Troops left Chernobyl.\n"),
    }
    site, _ = model(files)
    assert len(site.events) == 3  # c's event is dated to the month only
    assert site.chronology.merged == 0


def test_a_merged_event_is_occurred_when_one_source_dates_it(model: Model) -> None:
    files = {
        "content/articles/a.md": article("A", "2022-03-31", "Troops left Chernobyl.\n"),
        "content/articles/b.md": article("B", "2022-04-01", "Troops left Chernobyl yesterday.\n"),
    }
    site, _ = model(files)
    (event,) = [e for e in site.events.values() if e.date == PartialDate(2022, 3, 31)]
    assert event.kind == "occurred"
    assert len(event.sources) == 2


def test_unresolved_dates_are_listed_for_review_unless_the_author_dealt_with_them(
    model: Model,
) -> None:
    body = "Troops left the plant.\n\nOn Thursday, the minister spoke of Chernobyl.\n"
    site, _ = model({"content/articles/a.md": article("A", "2022-12", body)})
    (unresolved,) = site.chronology.unresolved
    assert (unresolved.path, unresolved.line, unresolved.anchor) == (
        "content/articles/a.md",
        7,
        "s-2",
    )
    (item,) = [item for item in review(site) if item.kind == "unresolved_date"]
    assert (item.path, item.line) == ("content/articles/a.md", 7)
    assert "“On Thursday”" in item.what and "exclude: [s-2]" in item.edit
    spec = {"date": "2022-11-24", "text": "The minister spoke of Chernobyl."}
    for fields in ({"exclude": ["s-2"]}, {"events": [spec]}):
        site, _ = model({"content/articles/a.md": article("A", "2022-12", body, **fields)})
        assert site.chronology.unresolved == []


def test_extraction_is_cached_by_body_and_date(
    model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[PartialDate] = []
    real = events_module.extract

    def counting(sentences: Any, published: PartialDate, specs: Any = ()) -> Any:
        calls.append(published)
        return real(sentences, published, specs)

    # A new body is extracted by the worker rendering it; a new date on an unchanged body,
    # by the events step.
    monkeypatch.setattr(bodies_module, "extract", counting)
    monkeypatch.setattr(events_module, "extract", counting)
    cache = BuildCache()
    model(leaving(), cache)
    model(leaving(), cache)
    assert len(calls) == 1
    site, _ = model({"content/articles/leaving.md": article("L", "2022-04-01", LEAVING)}, cache)
    assert calls == [PartialDate(2022, 3, 31), PartialDate(2022, 4, 1)]
    assert by_date(site)["2022-03-30"].sources[0].anchor == "s-3"
    assert (site.articles["leaving"].body_key, (2022, 4, 1)) in cache.events


def test_extractions_of_old_versions_are_dropped_in_time(model: Model) -> None:
    cache = BuildCache()
    for day in range(1, 29):
        for month in (4, 5, 6):
            date = f"2022-{month:02}-{day:02}"
            model({"content/articles/leaving.md": article("L", date, LEAVING)}, cache)
            assert len(cache.events) <= 1 + 64  # the live one and at most 64 stale ones
    site, _ = model(leaving(), cache)
    assert (site.articles["leaving"].body_key, site.articles["leaving"].date.key) in cache.events


def test_a_warm_run_reads_no_sentences(model: Model) -> None:
    # Bodies load from the body store on first use: the events step must not need them.
    spec = {"date": "2022-02-25", "text": "Forces captured the site when they entered Ukraine."}
    cache = BuildCache()
    site, _ = model(leaving(events=[spec]), cache)
    before = [(e.id, e.sources) for e in site.events.values()]

    def unavailable() -> Any:
        raise AssertionError("sentences were read")

    for item in site.articles.values():
        item.set_content(unavailable)
    events_module.build_events(site, Problems(), cache, pipeline_module.event_steps(cache))
    assert [(e.id, e.sources) for e in site.events.values()] == before


def test_a_cold_run_finds_cited_sentences_where_bodies_are_rendered(
    model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker that renders a body also finds the sentences its front-matter events cite;
    # the events step would otherwise read every such body back from the body store.
    spec = {"date": "2022-02-24", "text": "Forces captured the site."}
    expected, _ = model(leaving(events=[spec]))
    real = events_module.build_events

    def without_sentences(
        site: Site, problems: Problems, cache: BuildCache, steps: events_module.EventSteps
    ) -> None:
        def unavailable() -> Any:
            raise AssertionError("sentences were read")

        for item in site.articles.values():
            item.set_content(unavailable)
        real(site, problems, cache, steps)

    monkeypatch.setattr(pipeline_module, "build_events", without_sentences)
    site, _ = model(leaving(events=[spec]))
    authored = by_date(site)["2022-02-24"]
    assert authored.text == "Forces captured the site."
    assert cited(authored) == [("leaving", "s-2")]
    assert [(e.id, e.sources) for e in site.events.values()] == [
        (e.id, e.sources) for e in expected.events.values()
    ]


BACKGROUND = (
    "The ferry resumed its crossings on Tuesday.\n\n"
    "The harbour was built after the great flood of 1953.\n\n"
    "The old pier burned down on 4 May 1987, and the town rebuilt it.\n\n"
    "Some 40,000 passengers crossed in 2021.\n"
)


def test_years_alone_and_dates_before_the_period_are_background(model: Model) -> None:
    site, problems = model(
        {"content/articles/ferry.md": article("Ferry back", "2022-03-31", BACKGROUND)}
    )
    assert not problems
    # The lede dates itself (Tuesday); the rest is the story's background.
    assert [e.date.iso() for e in site.events.values()] == ["2022-03-29"]
    background = {(b.expression, b.anchor) for b in site.chronology.background}
    assert background == {("1953", "s-2"), ("1987-05-04", "s-3"), ("2021", "s-4")}
    assert all(b.reason for b in site.chronology.background)


def test_the_period_begins_the_year_before_the_earliest_report(model: Model) -> None:
    older = article("Pier fire", "1987-05-05", "The old pier burned down on 4 May 1987.\n")
    site, _ = model(
        {
            "content/articles/ferry.md": article("Ferry back", "2022-03-31", BACKGROUND),
            "content/articles/pier.md": older,
        }
    )
    # With a report from 1987 in the briefing, its day is part of the story.
    assert "1987-05-04" in {e.date.iso() for e in site.events.values()}


def test_an_article_about_two_topics_lends_neither_to_an_unnamed_event(model: Model) -> None:
    body = (
        "Troops left Chernobyl and moved towards the Donbas.\n\n"
        "Pentagon spokesman Ana Ruiz said on Wednesday that convoys were seen near Kyiv.\n"
    )
    site, _ = model({"content/articles/moves.md": article("Moves", "2022-03-31", body)})
    assert by_date(site)["2022-03-30"].topics == []
    single = "Troops left Chernobyl.\n\nA spokesman said on Wednesday that convoys moved.\n"
    site, _ = model({"content/articles/moves.md": article("Moves", "2022-03-31", single)})
    assert by_date(site)["2022-03-30"].topics == ["chernobyl"]
