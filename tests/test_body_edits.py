"""The short path after body edits: taken only for edits to bodies that other pages do not show.

Whether its outputs are right is checked against cold builds in test_incremental.py; here,
which changes it declines, and what it keeps of the last build's model.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.body_edits import BodyEdits, site_after_body_edits
from sitegen.build import BuildOptions, build
from sitegen.cache import BuildCache
from sitegen.plans import Declined
from tests.sites import BASIC_SITE, article

OPENING = (
    "Engineers at Chernobyl restored the cooling pumps after a week of outages, and the "
    "station's operator said the spent fuel pools were stable again on 9 April 2022."
)
LATER = "Inspectors had visited the pumps on 2 April 2022."  # past the lede
PUMPS = "content/articles/pumps.md"
OTHER = "content/articles/other.md"


@pytest.fixture
def built(make_site: Callable[..., Path]) -> tuple[Path, BuildOptions]:
    site = make_site(
        {
            PUMPS: article("Pumps restored", "2022-04-10", OPENING + "\n\n" + LATER + "\n"),
            OTHER: article("Another report", "2022-04-11", "Fighting goes on in Luhansk.\n"),
        },
        BASIC_SITE + "search: false\n",
    )
    options = BuildOptions(site, cache=BuildCache(), refresh_search=False)
    return site, dataclasses.replace(options, last=build(options).last)


def edited(options: BuildOptions, *paths: Path) -> BodyEdits | Declined:
    assert options.cache is not None and options.last is not None
    changed = dataclasses.replace(options, changed=frozenset(paths))
    return site_after_body_edits(changed, options.cache)


def declined(options: BuildOptions, *paths: Path) -> str:
    """Why the short path declines the edits to ``paths``."""
    result = edited(options, *paths)
    assert isinstance(result, Declined)
    return result.reason


def test_keeps_the_rest_of_the_model(built: tuple[Path, BuildOptions]) -> None:
    site, options = built
    assert options.last is not None
    before = options.last.site
    (site / PUMPS).write_text((site / PUMPS).read_text() + "\nTechnicians logged it.\n")
    result = edited(options, site / PUMPS)
    assert isinstance(result, BodyEdits)
    after, articles = result.site, result.articles
    assert [a.slug for a in articles] == ["pumps"]
    assert after.articles["pumps"] is articles[0] is not before.articles["pumps"]
    assert after.articles["other"] is before.articles["other"]
    assert after.topics is before.topics and after.events is before.events
    new, old = after.articles["pumps"], before.articles["pumps"]
    assert new.body_key != old.body_key
    assert (new.summary, new.topics, new.events) == (old.summary, old.topics, old.events)
    assert "Technicians logged it." in new.html
    assert list(after.articles) == list(before.articles)  # same order


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        pytest.param(
            lambda text: text.replace("Pumps restored", "Pumps fixed"),
            "front matter changed (title)",
            id="title",
        ),
        pytest.param(
            lambda text: text.replace("date: ", "draft: true\ndate: "),
            "front matter changed (draft)",
            id="draft",
        ),
        pytest.param(
            lambda text: text + "\nSee [[nowhere]].\n", "body has problems", id="broken wikilink"
        ),
        pytest.param(lambda text: text + "\nSee [[other]].\n", "changes links_to", id="new link"),
        pytest.param(
            lambda text: text + "\nDonetsk was calm.\n", "changes mentions", id="new mention"
        ),
        pytest.param(
            lambda text: text.replace("2 April", "3 April"), "changes the dates", id="event date"
        ),
        pytest.param(lambda text: text.replace("Engineers", "Workers"), "changes lede", id="lede"),
        pytest.param(lambda text: "not front matter", "cannot be read", id="unreadable"),
    ],
)
def test_declines_edits_other_pages_show(
    built: tuple[Path, BuildOptions], change: Callable[[str], str], reason: str
) -> None:
    site, options = built
    (site / PUMPS).write_text(change((site / PUMPS).read_text()))
    assert reason in declined(options, site / PUMPS)


def test_declines_other_inputs(built: tuple[Path, BuildOptions]) -> None:
    site, options = built
    (site / PUMPS).write_text((site / PUMPS).read_text() + "\nTechnicians logged it.\n")
    new = site / "content/articles/new.md"
    new.write_text(article("New", "2022-04-12", "Text.\n"))
    assert "new.md is not an article of the last build" in declined(options, site / PUMPS, new)
    assert "site.yaml is not an article" in declined(options, site / PUMPS, site / "site.yaml")
    (site / OTHER).unlink()
    assert "other.md is gone" in declined(options, site / OTHER)


def test_editor_scratch_files_do_not_count(built: tuple[Path, BuildOptions]) -> None:
    site, options = built
    (site / PUMPS).write_text((site / PUMPS).read_text() + "\nTechnicians logged it.\n")
    scratch = site / "content/articles/.pumps.md.swp"
    scratch.write_bytes(b"\0")
    assert isinstance(edited(options, site / PUMPS, scratch), BodyEdits)
    # Nothing to rebuild: the full build decides.
    assert declined(options, scratch) == "no article changed"
