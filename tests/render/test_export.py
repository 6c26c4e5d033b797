"""``briefing.json`` events and ``chronology.json`` (TimelineJS 3) from a small model."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.config import SiteConfig, TopicConfig
from sitegen.dates import PartialDate
from sitegen.model import Article, ArticleFile, Citation, Event, Site, Topic
from sitegen.render.export import briefing_json, chronology_json, event_json


def small_site() -> Site:
    config = SiteConfig(
        root=Path("/site"),
        title="Sites & <plants>",
        description="A briefing.",
        base_url="https://example.org/briefing",
        topics=(TopicConfig("chernobyl", "Chernobyl"), TopicConfig("donbas", "Donbas")),
    )
    file = ArticleFile("a", "A title", PartialDate(2022, 3, 31), 1, source="Daily Test")
    article = Article(Path("/site/a.md"), file, "")
    events = [
        Event(
            "2022-02-24-capture",
            PartialDate(2022, 2, 24),
            'Forces "capture" the <site>.',
            ["chernobyl", "donbas"],
            [Citation("a", "Forces captured it.", "s-2"), Citation("a", "", "")],
        ),
        Event(
            "2022-03-leaving",
            PartialDate(2022, 3),
            "Troops leave.",
            [],
            [Citation("a", "Troops are leaving.", "s-1")],
            end_date=PartialDate(2022, 4),
            kind="reported",
            origin="extracted",
        ),
    ]
    topics = {t.slug: Topic(t) for t in config.topics}
    return Site(config, {"a": article}, topics, {e.id: e for e in events})


def test_timeline_dates_carry_only_the_known_precision() -> None:
    data = json.loads(chronology_json(small_site()))
    first, second = data["events"]
    assert first["start_date"] == {"year": 2022, "month": 2, "day": 24}
    assert "end_date" not in first
    assert second["start_date"] == {"year": 2022, "month": 3}
    assert second["end_date"] == {"year": 2022, "month": 4}
    assert [e["unique_id"] for e in data["events"]] == ["2022-02-24-capture", "2022-03-leaving"]


def test_timeline_texts_are_html_with_absolute_citation_links() -> None:
    data = json.loads(chronology_json(small_site()))
    assert data["title"]["text"]["headline"] == "Sites &amp; &lt;plants&gt;"
    first, second = data["events"]
    assert first["text"]["headline"] == 'Forces "capture" the &lt;site&gt;.'
    assert first["text"]["text"] == (
        '<p>Sources: <a href="https://example.org/briefing/articles/a/#s-2">Daily Test</a>, '
        '<a href="https://example.org/briefing/articles/a/">Daily Test</a></p>'
    )
    assert first["group"] == "Chernobyl"  # its first topic
    assert "group" not in second
    assert second["text"]["text"].startswith("<p>Reported by ")


def test_the_file_stays_inert_as_html() -> None:
    raw = chronology_json(small_site())
    assert b"<" not in raw and b">" not in raw


def test_briefing_json_events_carry_precision_kind_and_sources() -> None:
    site = small_site()
    data = json.loads(briefing_json(site))
    assert data["events"] == [event_json(e) for e in site.events.values()]
    second = data["events"][1]
    assert (second["date"], second["precision"], second["end_date"]) == (
        "2022-03",
        "month",
        "2022-04",
    )
    assert second["kind"] == "reported"
    assert second["sources"] == [
        {
            "article": "a",
            "anchor": "s-1",
            "quote": "Troops are leaving.",
            "claimed_by": None,
            "party": "outlet",
            "side": "outlet",
        }
    ]
