"""An incremental build writes exactly what a cold build of the same inputs would.

Each step edits the site the way an author does, rebuilds with the last build's cache and
output, and compares every output file with a cold build of a copy of the same inputs. A page
left out of a rebuild although something it shows changed (a dependency the map does not
know) shows up here as a stale file.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.cache import BuildCache
from tests.conftest import BASIC_SITE, article

CONFIG = BASIC_SITE + "search: false\nhome_latest: 1\n"
LEAVING = "content/articles/leaving.md"
ANNEXED = "content/articles/annexed.md"


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def cold_build(site: Path, scratch: Path) -> dict[str, bytes]:
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(site / "content", scratch / "content")
    if (site / "templates").is_dir():
        shutil.copytree(site / "templates", scratch / "templates")
    shutil.copy(site / "site.yaml", scratch / "site.yaml")
    return files_of(build(BuildOptions(scratch)).output)


def retitle(site: Path) -> None:
    """The article has no source, so citations of it show its title (chronology, events)."""
    path = site / LEAVING
    path.write_text(path.read_text().replace("Troops leave Chernobyl", "Troops quit Chernobyl"))


def add_old_article_without_topics(site: Path) -> None:
    """Changes only the site's totals (the home page counts articles and events)."""
    (site / "content/articles/old.md").write_text(
        article("An old report", "2021-05-02", "Nothing of note happened here.\n")
    )


def add_older_event_to_topic(site: Path) -> None:
    """A topic's latest event stays the same; its count of events does not (topics page)."""
    path = site / ANNEXED
    path.write_text(path.read_text() + "\nIn Donetsk, shelling began on 3 December 2021.\n")


def reword_event(site: Path) -> None:
    """A dated sentence reworded: its event's text changes wherever the event is shown."""
    path = site / LEAVING
    path.write_text(path.read_text().replace("They captured it", "Russian forces captured it"))


def reword_cited_undated_sentence(site: Path) -> None:
    """A front-matter event quotes the undated sentence that reports it; no date changes."""
    path = site / LEAVING
    path.write_text(path.read_text().replace("a guard said", "a guard told reporters"))


def override_event_partial(site: Path) -> None:
    """Pages render their events from the partial template, which they do not include."""
    theme = Path(__file__).resolve().parents[1] / "themes/default/templates/_event.html"
    partial = theme.read_text().replace('class="event-text"', 'class="event-text overridden"')
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/_event.html").write_text(partial)


def delete_article(site: Path) -> None:
    (site / ANNEXED).unlink()


STEPS = [
    retitle,
    add_old_article_without_topics,
    add_older_event_to_topic,
    reword_event,
    reword_cited_undated_sentence,
    override_event_partial,
    delete_article,
]


@pytest.mark.parametrize("in_memory", [False, True], ids=["cache on disk", "preview server"])
def test_every_rebuild_equals_a_cold_build(
    make_site: Callable[..., Path], tmp_path: Path, in_memory: bool
) -> None:
    site = make_site(
        {
            LEAVING: article(
                "Troops leave Chernobyl",
                "2022-03-31",
                "Troops are leaving Chernobyl, officials said. They captured it on February 24."
                "\n\nThe plant's staff worked without rest, a guard said.\n",
                events=[{"date": "2022-03-01", "text": "Staff at the plant worked without rest."}],
            ),
            ANNEXED: article(
                "Annexed territory",
                "2022-01",
                "Troops may leave the area, officials said.\n\nFighting goes on in Luhansk.\n",
                source="Daily Test",
            ),
        },
        CONFIG,
    )
    options = BuildOptions(site)
    if in_memory:
        options = BuildOptions(site, cache=BuildCache(), refresh_search=False)
    build(options)
    for step in STEPS:
        step(site)
        result = build(options)
        expected = cold_build(site, tmp_path / "cold")
        actual = files_of(result.output)
        stale = sorted(name for name in expected if actual.get(name) != expected[name])
        assert not stale, f"after {step.__name__}: stale {stale}"
        assert set(actual) == set(expected), f"after {step.__name__}"
