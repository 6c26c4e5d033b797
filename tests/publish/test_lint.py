"""Content warnings of ``sitegen check``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitegen.build import BuildOptions, build
from sitegen.publish.lint import lint
from tests.sites import article


def test_each_warning(make_site: Callable[..., Path]) -> None:
    site = make_site(
        {
            "content/articles/a.md": article(
                "About Chernobyl", "2022-03-31", "Troops left Chernobyl.\n", summary="Troops left."
            ),
            "content/articles/b.md": article("Weather", "2022-04-01", "It rained.\n"),
        }
    )
    result = build(BuildOptions(site))
    messages = sorted(f"{p.path}: {p.message}" for p in lint(result.site))
    assert messages == [
        "content/articles/b.md: warning: no summary in front matter (lists show the first sentences)",
        "site.yaml: warning: topic 'donbas' has no articles",
    ]


def test_events_without_sources(make_site: Callable[..., Path]) -> None:
    events = [{"date": "2022-02-24", "text": "Troops took Chernobyl."}]
    site = make_site(
        {
            "content/articles/a.md": article(
                "A", "2022-03-31", "Chernobyl.\n", events=events, chronology=False
            )
        }
    )
    result = build(BuildOptions(site))
    (event,) = result.site.events.values()
    assert not [p for p in lint(result.site) if "cites no source" in p.message]
    event.sources.clear()
    (problem,) = [p for p in lint(result.site) if "cites no source" in p.message]
    assert event.id in problem.message
