"""The chronology's plan: the latest months on the main page, a list per year."""

from __future__ import annotations

from sitegen.dates import PartialDate
from sitegen.model import Event
from sitegen.render.chronology import by_month, plan_chronology, span, topics_of


def event(date: str, topics: tuple[str, ...] = ()) -> Event:
    return Event(f"{date}-{id(topics)}", PartialDate.parse(date), "Something.", list(topics), [])


def month(year_month: str, count: int) -> list[Event]:
    return [event(f"{year_month}-{day:02d}") for day in range(1, count + 1)]


def test_latest_months_fill_one_page_and_years_are_paged() -> None:
    events = month("2021-11", 3) + month("2022-01", 4) + month("2022-02", 2) + month("2022-03", 3)
    plan = plan_chronology(events, page_size=6)
    # March and February fit in 6 events; January would not.
    assert plan.latest == events[-5:] and plan.latest_months == 2
    assert [(y.year, y.events, len(y.pages)) for y in plan.years] == [(2021, 3, 1), (2022, 9, 2)]
    year = plan.years[1]
    assert [p.pager.output for p in year.pages] == [
        "chronology/2022/index.html",
        "chronology/2022/page/2/index.html",
    ]
    assert list(year.pages[0].items) == events[3:9]  # oldest first
    assert year.span(1) == "1 March 2022 – 3 March 2022"


def test_a_month_longer_than_a_page_shows_its_latest_events() -> None:
    events = month("2022-01", 2) + month("2022-02", 8)
    plan = plan_chronology(events, page_size=5)
    assert plan.latest == events[-5:] and plan.latest_months == 0


def test_no_events() -> None:
    plan = plan_chronology([], page_size=5)
    assert (plan.latest, plan.years) == ([], [])


def test_groups_and_topics() -> None:
    events = [event("2022"), event("2022-03-01", ("b",)), event("2022-03-02", ("a", "b"))]
    assert [(y, m, len(e)) for y, m, e in by_month(events)] == [(2022, "", 1), (2022, "March", 2)]
    assert topics_of(events, ["a", "b", "c"]) == ["a", "b"]
    assert span(events[:1]) == "2022" and span([]) == ""
