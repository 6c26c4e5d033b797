"""The review list (sitegen.review): what needs a human, where, and the edit that settles it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitegen import review as review_module
from sitegen.build import BuildOptions, build
from sitegen.dates import PartialDate
from sitegen.errors import BuildError
from sitegen.model import Site, UnresolvedDate, UnsureEvent
from sitegen.review import Item, Reviewer, by_page, review, summary
from tests.sites import BASIC_SITE, PARTIES, article

LONG = (
    "Engineers restored a power line to the plant on Monday.\n\n"
    "The operator said diesel generators had run for two days.\n\n"
    "A convoy passed Chernobyl on the way north.\n"
)


def built(make_site: Callable[..., Path], files: dict[str, str]) -> Site:
    return build(BuildOptions(make_site(files))).site


def kinds(items: list[Item]) -> list[tuple[str, int, str, str]]:
    return [(item.path, item.line, item.kind, item.subject) for item in items]


def test_an_article_without_a_date_it_could_not_find_is_held_back_and_listed(
    make_site: Callable[..., Path],
) -> None:
    undated = "---\ntitle: Dam repairs\nneeds_review: [date, source]\n---\n\nRepairs began.\n"
    site = built(
        make_site,
        {
            "content/articles/undated-dam-repairs.md": undated,
            "content/articles/b.md": article("Shelling in Donbas", "2022-03-02", "Donbas.\n"),
        },
    )
    assert list(site.articles) == ["b"]
    (held,) = site.held_back
    assert (held.slug, held.missing, held.needs_review) == (
        "dam-repairs",
        ("date",),
        ("date", "source"),
    )
    output = site.config.root / "_site"
    assert not (output / "articles" / "dam-repairs").exists()
    assert "Dam repairs" not in (output / "briefing.json").read_text()
    items = review(site)
    assert kinds(items) == [
        ("content/articles/undated-dam-repairs.md", 3, "needs_review", "date"),
        ("content/articles/undated-dam-repairs.md", 3, "needs_review", "source"),
    ]
    date, source = items
    assert (
        date.what
        == "no publication date found: the article is held back from the site until it has one"
    )
    assert date.edit == (
        "add 'date: YYYY-MM-DD (or YYYY-MM, or YYYY)' to the front matter and delete 'date' "
        "from needs_review"
    )
    assert source.edit.endswith("if you know it; either way, delete 'source' from needs_review")
    assert date.page == "" and summary(items, site) == (
        "2 items need review in 1 article (1 held back from the site)"
    )


def test_a_missing_field_the_import_did_not_flag_is_still_an_error(
    make_site: Callable[..., Path],
) -> None:
    site = make_site({"content/articles/a.md": "---\ntitle: A\nneeds_review: [author]\n---\nx\n"})
    with pytest.raises(BuildError) as error:
        build(BuildOptions(site))
    assert "missing required field 'date'" in str(error.value)


def test_a_flagged_field_that_is_there_points_at_its_line(make_site: Callable[..., Path]) -> None:
    text = article(
        "Dam repairs in Donbas", "2022", "Donbas.\n", author="Desk", needs_review=["date", "body"]
    )
    site = built(make_site, {"content/articles/a.md": text})
    date, body = review(site)
    assert (date.line, date.kind, date.page) == (3, "needs_review", "articles/a/")
    assert date.what == "date '2022' is uncertain: the import could not confirm it"
    assert (
        date.edit == "correct the 'date:' line if it is wrong, then delete 'date' from needs_review"
    )
    assert (body.line, body.subject) == (9, "body")  # where the text starts
    assert "delete 'body' from needs_review" in body.edit
    assert by_page([date, body]) == {"articles/a/": [date, body]}


def test_topics_no_topic_and_single_passing_mentions(make_site: Callable[..., Path]) -> None:
    files = {
        "content/articles/none.md": article("Weather", "2022-04-01", "It rained all day.\n"),
        "content/articles/none-on-purpose.md": article(
            "Markets", "2022-04-01", "Shares fell.\n", topics=[]
        ),
        "content/articles/passing.md": article("Power restored", "2022-04-02", LONG),
        "content/articles/kept.md": article("Power kept", "2022-04-02", LONG, topics=["chernobyl"]),
        "content/articles/excluded.md": article(
            "Power off", "2022-04-02", LONG, exclude=["chernobyl"], topics=[]
        ),
        "content/articles/in-lede.md": article(
            "Convoy", "2022-04-03", "A convoy passed Chernobyl.\n\nIt went north.\n"
        ),
    }
    site = built(make_site, files)
    assert site.articles["excluded"].topics == [] and site.articles["passing"].topics == [
        "chernobyl"
    ]
    items = review(site)
    assert kinds(items) == [
        ("content/articles/none.md", 4, "no_topic", "topics"),
        ("content/articles/passing.md", 9, "single_mention", "chernobyl"),
    ]
    no_topic, passing = items
    assert no_topic.edit == (
        "add 'topics: [chernobyl]' to the front matter (the topics: chernobyl, donbas), "
        "or 'topics: []' if it is about none of them"
    )
    assert passing.what == (
        "filed under Chernobyl for one passing mention (s-3: “A convoy passed Chernobyl on the "
        "way north.”)"
    )
    assert passing.edit == (
        "add 'chernobyl' to 'topics:' to keep it there, or to 'exclude:' (exclude: [chernobyl])"
        " to take the article off Chernobyl"
    )


def test_events_the_extractor_is_unsure_of_and_dates_it_could_not_place(
    make_site: Callable[..., Path],
) -> None:
    site = built(
        make_site,
        {"content/articles/a.md": article("Donbas", "2022-05-01", "Donbas.\n", topics=["donbas"])},
    )
    assert review(site) == []
    site.chronology.unsure.append(
        UnsureEvent(
            "content/articles/a.md",
            9,
            "s-3",
            PartialDate(2022, 4, 2),
            "Crews repaired the line.",
            "the date is in a photo caption",
        )
    )
    site.chronology.unresolved.append(
        UnresolvedDate("content/articles/a.md", 7, "s-1", "On Thursday", "no year")
    )
    unresolved, unsure = review(site)
    assert (unsure.kind, unsure.line, unsure.subject) == ("unsure_event", 9, "s-3")
    assert unsure.what == (
        "event 2022-04-02 from s-3, which the extractor is unsure of (the date is in a photo "
        "caption): “Crews repaired the line.”"
    )
    assert unsure.edit.startswith("add 's-3' to 'exclude:' (exclude: [s-3]) to leave it out")
    assert "(- date: 2022-04-02, text: <the event>)" in unsure.edit
    assert (unresolved.kind, unresolved.line, unresolved.page) == (
        "unresolved_date",
        7,
        "articles/a/",
    )
    # s-1, the lede, gave the article's own report: excluding it would leave that out too.
    assert unresolved.edit.endswith(
        "(exclude: [s-1]), which also leaves out the 1 event extracted from it"
    )
    assert json.loads(json.dumps(unsure.as_json()))["edit"] == unsure.edit
    assert str(unsure).startswith("content/articles/a.md:9: event 2022-04-02 from s-3")


def test_a_speaker_no_party_names_is_listed_with_the_alias_that_settles_it(
    make_site: Callable[..., Path],
) -> None:
    body = (
        "The Brask harbour office said on 3 May 2023 that a ferry sank near Velk.\n\n"
        "Ostland's army said a second ferry sank on 5 May 2023.\n"
    )
    files = {"content/articles/a.md": article("Ferries", "2023-05-08", body, topics=[])}
    root = make_site(files, BASIC_SITE + PARTIES)
    (item,) = review(build(BuildOptions(root)).site)
    text = (root / "content/articles/a.md").read_text(encoding="utf-8").splitlines()
    config = (root / "site.yaml").read_text(encoding="utf-8").splitlines()
    assert (item.path, item.kind, item.subject, item.page) == (
        "content/articles/a.md", "unmatched_speaker", "s-1", "articles/a/"
    )  # fmt: skip
    assert text[item.line - 1].startswith("The Brask harbour office said")
    assert item.what == (
        "speaker “The Brask harbour office” of the event 2023-05-03 in s-1 matched no party, "
        "so the event is claimed by no party: “The Brask harbour office said that a ferry sank "
        "near Velk.”"
    )
    line = config.index("parties:") + 1
    assert item.edit == (
        f"add it to the aliases of the party it speaks for in site.yaml:{line} ('parties:'), "
        "e.g. 'aliases: [..., The Brask harbour office]'; a speaker of no side goes in a "
        "party with 'side: other'"
    )
    # The edit settles it: the alias, in the party the harbour office speaks for.
    settled = BASIC_SITE + PARTIES.replace(
        "aliases: [Ostland, Ostlander]", "aliases: [Ostland, Ostlander, The Brask harbour office]"
    )
    (root / "site.yaml").write_text(settled, encoding="utf-8")
    site = build(BuildOptions(root)).site
    assert review(site) == []
    assert {e.party for e in site.events.values()} == {"ostland", "ostland-army"}


def test_a_site_without_parties_lists_no_speakers(make_site: Callable[..., Path]) -> None:
    body = "The Brask harbour office said on 3 May 2023 that a ferry sank.\n"
    site = built(
        make_site, {"content/articles/a.md": article("Ferry", "2023-05-08", body, topics=[])}
    )
    assert site.events and review(site) == []


def test_a_reviewer_keeps_the_items_of_an_article_while_it_is_the_same(
    make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = built(make_site, {"content/articles/passing.md": article("Power", "2022-04-02", LONG)})
    looked: list[str] = []
    real = review_module._passing

    def passing(article: Any, topic: str) -> Any:
        looked.append(article.slug)
        return real(article, topic)

    monkeypatch.setattr(review_module, "_passing", passing)
    reviewer = Reviewer()
    first = reviewer.review(site)
    assert reviewer.review(site) == first and looked == ["passing"]  # kept, not looked again
    old = site.articles["passing"]
    site.articles["passing"] = anew = dataclasses.replace(old)  # as if parsed again
    assert old.content_loader is not None
    anew.set_content(old.content_loader)
    assert reviewer.review(site) == first and looked == ["passing", "passing"]
