"""An incremental build writes exactly what a cold build of the same inputs would.

Each step edits the site the way an author does, rebuilds with the last build's cache and
output, and compares every output file with a cold build of a copy of the same inputs. A page
left out of a rebuild although something it shows changed (a dependency the map does not
know) shows up here as a stale file.

The preview server also tells each rebuild which files changed; edits to a body that change
nothing other pages show then take a short path (sitegen.body_edits), checked the same way.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.cache import BuildCache
from tests.sites import BASIC_SITE, article, copy_site, snapshot

CONFIG = BASIC_SITE + "search: false\nhome_latest: 1\n"
LEAVING = "content/articles/leaving.md"
ANNEXED = "content/articles/annexed.md"
PUMPS = "content/articles/pumps.md"
# Long enough that its lede (the summary lists show) ends before the sentences edited below.
PUMPS_OPENING = (
    "Engineers at Chernobyl restored the cooling pumps after a week of outages, and the "
    "station's operator said the spent fuel pools were stable again, as [[leaving]] reported."
)


def inputs_of(site: Path) -> dict[Path, bytes]:
    return {
        path: path.read_bytes()
        for folder in ("content", "templates")
        for path in (site / folder).rglob("*")
        if path.is_file()
    } | {site / "site.yaml": (site / "site.yaml").read_bytes()}


def cold_build(site: Path, scratch: Path) -> dict[str, bytes]:
    shutil.rmtree(scratch, ignore_errors=True)
    copy_site(site, scratch, folders=("content", "templates"))
    return snapshot(build(BuildOptions(scratch)).output)


def rewrite(site: Path, name: str, change: Callable[[str], str]) -> None:
    path = site / name
    path.write_text(change(path.read_text()))


def pumps(name: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    """A step named ``name`` that changes the text of the PUMPS article."""

    def step(site: Path) -> None:
        rewrite(site, PUMPS, change)

    step.__name__ = name
    return step


def retitle(site: Path) -> None:
    """The article has no source, so citations of it show its title (chronology, events)."""
    rewrite(
        site, LEAVING, lambda text: text.replace("Troops leave Chernobyl", "Troops quit Chernobyl")
    )


def add_old_article_without_topics(site: Path) -> None:
    """Changes only the site's totals (the home page counts articles and events)."""
    (site / "content/articles/old.md").write_text(
        article("An old report", "2021-05-02", "Nothing of note happened here.\n")
    )


def add_older_event_to_topic(site: Path) -> None:
    """A topic's latest event stays the same; its count of events does not (topics page)."""
    rewrite(site, ANNEXED, lambda text: text + "\nIn Donetsk, shelling began on 3 December 2021.\n")


def reword_event(site: Path) -> None:
    """A dated sentence reworded: its event's text changes wherever the event is shown."""
    rewrite(
        site, LEAVING, lambda text: text.replace("They captured it", "Russian forces captured it")
    )


def reword_cited_undated_sentence(site: Path) -> None:
    """A front-matter event quotes the undated sentence that reports it; no date changes."""
    rewrite(site, LEAVING, lambda text: text.replace("a guard said", "a guard told reporters"))


def override_event_partial(site: Path) -> None:
    """Pages render their events from the partial template, which they do not include."""
    theme = Path(__file__).resolve().parents[1] / "themes/default/templates/_event.html"
    partial = theme.read_text().replace('class="event-text"', 'class="event-text overridden"')
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/_event.html").write_text(partial)


def curate_event(site: Path) -> None:
    (site / "content/events.yaml").write_text(
        "- date: 2022-04-09\n  text: Repairs were logged.\n"
        "  sources:\n    - article: pumps\n      anchor: s-2\n"
    )


def add_party(site: Path) -> None:
    """A party whose alias names a speaker: the events that speaker claims change party
    and side, though no article changed."""
    rewrite(
        site,
        "site.yaml",
        lambda text: (
            text + "parties:\n  - slug: staff\n    name: Plant staff\n"
            "    side: operator\n    aliases: [guard, officials]\n"
        ),
    )


def delete_article(site: Path) -> None:
    (site / ANNEXED).unlink()


# Each step, and whether its edit changes a body and nothing other pages show.
STEPS: list[tuple[Callable[[Path], None], bool]] = [
    (retitle, False),
    (add_old_article_without_topics, False),
    (add_older_event_to_topic, False),
    (reword_event, False),
    (reword_cited_undated_sentence, False),
    # No date, mention or link: only the article's own page changes.
    (
        pumps("add_plain_sentence", lambda t: t + "\nTechnicians logged every repair by hand.\n"),
        True,
    ),
    (pumps("reword_plain_sentence", lambda t: t.replace("every repair", "each repair")), True),
    # A new mention of a topic: the topic pages' counts and quotes change.
    (pumps("add_mention", lambda t: t + "\nCrews from Luhansk were not involved.\n"), False),
    # A new event in the chronology.
    (
        pumps("add_dated_sentence", lambda t: t + "\nA second pump failed on 14 April 2022.\n"),
        False,
    ),
    # The opening is the summary every list shows.
    (pumps("reword_lede", lambda t: t.replace("restored the cooling", "fixed the cooling")), False),
    # The article's front-matter event now quotes the new sentence.
    (pumps("add_quoted_sentence", lambda t: t + "\nBoth cooling pumps had failed there.\n"), False),
    # Back to a body rendered before, which the cache still has.
    (pumps("revert_plain_sentence", lambda t: t.replace("each repair", "every repair")), True),
    (curate_event, False),
    # The curated event quotes the sentence at the anchor it names.
    (pumps("reword_curated_sentence", lambda t: t.replace("every repair", "all repairs")), False),
    (override_event_partial, False),
    (add_party, False),
    (delete_article, False),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    "mode", ["cache on disk", "preview server", "preview server told the changes"]
)
# One article or event a page: every list is cut into pages (see render/paging.py), and each
# step moves items between them.
@pytest.mark.parametrize("page_size", [100, 1])
def test_every_rebuild_equals_a_cold_build(
    make_site: Callable[..., Path],
    tmp_path: Path,
    mode: str,
    page_size: int,
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
            PUMPS: article(
                "Pumps restored",
                "2022-04-10",
                PUMPS_OPENING + "\n",
                events=[
                    {"date": "2022-04-08", "text": "Both cooling pumps failed at the station."}
                ],
            ),
        },
        CONFIG + f"page_size: {page_size}\n",
    )
    options = BuildOptions(site)
    if mode != "cache on disk":
        options = BuildOptions(site, cache=BuildCache(), refresh_search=False)
    last = build(options).last
    for step, body_only in STEPS:
        before = inputs_of(site)
        step(site)
        if mode == "preview server told the changes":
            after = inputs_of(site)
            changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
            options = dataclasses.replace(options, changed=frozenset(changed))
        # As the preview server does: each build starts from what the last one made.
        result = build(dataclasses.replace(options, last=last))
        last = result.last
        expected = cold_build(site, tmp_path / "cold")
        actual = snapshot(result.output)
        stale = sorted(name for name in expected if actual.get(name) != expected[name])
        assert not stale, f"after {step.__name__}: stale {stale}"
        assert set(actual) == set(expected), f"after {step.__name__}"
        short = mode == "preview server told the changes" and body_only
        assert (result.path == "body-edit") == short, f"after {step.__name__}: {result.reason}"
        assert result.path == "body-edit" or result.reason, "a fallback says why"
        if short:
            assert result.report.written == ["articles/pumps/index.html"]


def chernobyl_report(day: int) -> str:
    return article(
        f"Report {day}",
        f"2022-04-{day:02d}",
        f"Inspectors visited Chernobyl on {day} April 2022, officials said.\n",
        source=f"Wire {day}",
    )


def test_adding_an_article_rewrites_only_the_pages_it_appears_on(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """Lists are cut into pages from their oldest end, so a new article shows on the first
    page of each list, and no older page is written again."""
    site = make_site(
        {f"content/articles/r{day}.md": chernobyl_report(day) for day in range(1, 8)},
        # Seven articles and events: lists of three a page, whose pages the eighth does not
        # fill (filling one would add a page to the list, and every page would say so).
        CONFIG + "page_size: 3\n",
    )
    first = build(BuildOptions(site))
    assert (first.output / "articles/page/2/index.html").is_file()
    assert (first.output / "topics/chernobyl/page/2/index.html").is_file()
    assert (first.output / "chronology/2022/page/3/index.html").is_file()
    (site / "content/articles/r8.md").write_text(chernobyl_report(8))
    result = build(BuildOptions(site))
    assert snapshot(result.output) == cold_build(site, tmp_path / "cold")
    pages = [name for name in result.report.written if name.endswith(".html")]
    # The pages that count articles or events show it by their numbers, the others by a link.
    counting = {"index.html", "topics/index.html", "chronology/index.html", "articles/index.html"}
    for name in pages:
        assert name in counting or "articles/r8/" in (result.output / name).read_text(), name
    assert {
        "articles/r8/index.html",
        "articles/index.html",
        "topics/chernobyl/index.html",
        "chronology/2022/page/3/index.html",  # its event is the year's latest
        "report/index.html",
    } <= set(pages)
    for older in ("articles/page/2/", "topics/chernobyl/page/2/", "chronology/2022/"):
        assert f"{older}index.html" not in pages
    assert "chronology/2022/page/2/index.html" not in pages
