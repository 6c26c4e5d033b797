"""The situation report's plan: as of the latest report, per topic, the last days, notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitegen.build import BuildOptions, build
from sitegen.render.report import plan_report
from tests.sites import BASIC_SITE, article

FILES = {
    "content/articles/old.md": article(
        "Old", "2022-01-10", "Troops reached Chernobyl on 2 January 2022.\n", source="Wire A"
    ),
    "content/articles/recent.md": article(
        "Recent",
        "2022-03-31",
        "Troops left Chernobyl on 20 March 2022.\n\nShelling hit Donetsk on 30 March 2022.\n",
    ),
}


def test_the_report_is_as_of_the_latest_report(make_site: Callable[..., Path]) -> None:
    site = build(
        BuildOptions(make_site(FILES, BASIC_SITE + "search: false\n"), base_url="https://x.org/b")
    ).site
    report = plan_report(site, days=30, limit=10)
    assert report.as_of is not None and report.as_of.iso() == "2022-03-31"
    by_topic = {topic.slug: [e.text for e in events] for topic, events in report.by_topic}
    # Newest first; the January event is older than 30 days before 31 March.
    assert by_topic == {
        "chernobyl": ["Troops left Chernobyl.", "Troops reached Chernobyl."],
        "donbas": ["Shelling hit Donetsk."],
    }
    assert [e.text for e in report.recent] == ["Troops left Chernobyl.", "Shelling hit Donetsk."]
    # Notes are numbered in the order the report first cites them, each once.
    numbers = [n.number for e in report.events() for n in report.notes_of(e)]
    assert numbers == [1, 2, 3, 1, 3]
    first = report.notes[0]
    assert (first.path, first.url) == (
        "articles/recent/#s-1",
        "https://x.org/b/articles/recent/#s-1",
    )
    assert (first.label, report.notes[1].label) == ("Recent", "Wire A")  # source, else title
    shorter = plan_report(site, days=30, limit=1)
    assert [e.text for e in shorter.recent] == ["Shelling hit Donetsk."]
    assert shorter.recent_total == 2
