"""Whole fixture sites: who claims each event, and whether it is corroborated or disputed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build, load_site
from sitegen.cache import BuildCache
from sitegen.enrich.pipeline import enrich
from sitegen.errors import BuildError, Problems
from sitegen.markdown import make_renderer
from sitegen.model import Site
from tests.sites import BASIC_SITE, PARTIES, article

CONFIG = BASIC_SITE.replace("aliases: [Donbas, Luhansk, Donetsk]", "aliases: [Donbas, Dunmore]")


def model(make_site: Callable[..., Path], files: dict[str, str]) -> tuple[Site, Problems]:
    root = make_site(files, CONFIG + PARTIES)
    problems, cache = Problems(), BuildCache()
    site = load_site(BuildOptions(root), problems, cache)
    enrich(site, make_renderer(False), problems, cache)
    return site, problems


def only(site: Site, date: str) -> list:
    return [e for e in site.events.values() if e.date.iso() == date]


def test_an_attributed_event_is_claimed_and_the_outlets_own_is_reported(
    make_site: Callable[..., Path],
) -> None:
    body = (
        "Ostland's army said on 3 May 2023 that a depot in Dunmore burned.\n\n"
        "A second depot in Dunmore flooded on 5 May 2023.\n"
    )
    site, problems = model(
        make_site,
        {"content/articles/a.md": article("Depots", "2023-05-08", body, source="Gazette")},
    )
    assert not problems
    (claimed,), (reported,) = only(site, "2023-05-03"), only(site, "2023-05-05")
    assert (claimed.claimed_by, claimed.party, claimed.side, claimed.status) == (
        "Ostland's army", "ostland-army", "ostland", "claimed"
    )  # fmt: skip
    assert (reported.claimed_by, reported.party, reported.side, reported.status) == (
        None, "outlet", "outlet", "reported"
    )  # fmt: skip


def test_two_sides_stating_one_event_corroborate_it(make_site: Callable[..., Path]) -> None:
    files = {
        "content/articles/a.md": article(
            "Ferry", "2023-06-02", "Ostland said the Dunmore ferry sank on 1 June 2023.\n",
            source="Gazette",
        ),
        "content/articles/b.md": article(
            "Ferry again", "2023-06-03", "Velk officials said the Dunmore ferry sank on 1 June 2023.\n",
            source="Gazette",
        ),
    }  # fmt: skip
    site, _ = model(make_site, files)
    (event,) = only(site, "2023-06-01")
    assert event.status == "corroborated"
    assert {c.side for c in event.sources} == {"ostland", "marovia"}


def test_two_outlets_corroborate_what_they_say_in_their_own_voice(
    make_site: Callable[..., Path],
) -> None:
    body = "The Dunmore ferry sank on 1 June 2023.\n"
    files = {
        "content/articles/a.md": article("Ferry", "2023-06-02", body, source="Gazette"),
        "content/articles/b.md": article("Ferry", "2023-06-03", body, source="Courier"),
    }
    site, _ = model(make_site, files)
    (event,) = only(site, "2023-06-01")
    assert (event.party, event.status) == ("outlet", "corroborated")


def test_a_denial_by_another_side_disputes_a_claim(make_site: Callable[..., Path]) -> None:
    files = {
        "content/articles/a.md": article(
            "Depot", "2023-05-08",
            "Ostland said Marovian troops burned a Dunmore depot on 3 May 2023.\n",
        ),
        "content/articles/b.md": article(
            "Denial", "2023-05-09",
            "Marovia denied on 3 May 2023 that its troops were near Dunmore.\n",
        ),
    }  # fmt: skip
    site, _ = model(make_site, files)
    claim = next(e for e in only(site, "2023-05-03") if e.party == "ostland")
    assert claim.status == "disputed"
    assert claim.disputed_by == ["marovia"]
    assert [c.article for c in claim.disputes] == ["b"]


def test_a_denial_in_the_next_sentence_disputes_the_claim(make_site: Callable[..., Path]) -> None:
    body = "Ostland said Marovian drones hit Dunmore on 3 May 2023. Marovia denied it.\n"
    site, _ = model(make_site, {"content/articles/a.md": article("Drones", "2023-05-08", body)})
    (event,) = only(site, "2023-05-03")
    assert (event.status, event.disputed_by) == ("disputed", ["marovia"])


def test_counter_accusations_on_one_date_dispute_each_other(
    make_site: Callable[..., Path],
) -> None:
    files = {
        "content/articles/a.md": article(
            "Blame", "2023-05-08", "Ostland accused Marovia of shelling Dunmore on 3 May 2023.\n"
        ),
        "content/articles/b.md": article(
            "Blame back", "2023-05-09", "Marovia blamed Ostland for the Dunmore blasts on 3 May 2023.\n"
        ),
    }  # fmt: skip
    site, _ = model(make_site, files)
    events = only(site, "2023-05-03")
    assert sorted(e.status for e in events) == ["disputed", "disputed"]
    assert sorted(d for e in events for d in e.disputed_by) == ["marovia", "ostland"]


def test_an_author_sets_the_claim_which_wins(make_site: Callable[..., Path]) -> None:
    body = "Ostland said a Dunmore depot burned on 3 May 2023.\n"
    events = [
        {"date": "2023-05-03", "text": "A depot burns in Dunmore.", "party": "marovia",
         "status": "corroborated"},
    ]  # fmt: skip
    site, problems = model(
        make_site, {"content/articles/a.md": article("Depot", "2023-05-08", body, events=events)}
    )
    assert not problems
    (event,) = only(site, "2023-05-03")
    assert (event.claimed_by, event.party, event.status) == ("Marovia", "marovia", "corroborated")


def test_an_unknown_party_is_an_error_at_its_line(make_site: Callable[..., Path]) -> None:
    events = [{"date": "2023-05-03", "text": "A depot burns.", "party": "ostlnd"}]
    _, problems = model(
        make_site,
        {"content/articles/a.md": article("Depot", "2023-05-08", "Text.\n", events=events)},
    )
    (problem,) = problems.items
    assert "content/articles/a.md" in str(problem) and "unknown party 'ostlnd'" in str(problem)
    assert problem.line == 5  # the event's line in the front matter


def test_an_unknown_party_fails_every_rebuild(make_site: Callable[..., Path]) -> None:
    # The preview server keeps each step's results while their inputs are unchanged: a
    # problem must be reported again with them, or the rebuild after a failed one would pass.
    events = [{"date": "2023-05-03", "text": "A depot burns.", "party": "ostlnd"}]
    files = {"content/articles/a.md": article("Depot", "2023-05-08", "Text.\n", events=events)}
    options = BuildOptions(make_site(files, CONFIG + PARTIES), cache=BuildCache())
    for _ in range(2):
        with pytest.raises(BuildError, match="unknown party 'ostlnd'"):
            build(options)


def test_briefing_json_carries_the_claims(make_site: Callable[..., Path]) -> None:
    body = "Ostland's army said on 3 May 2023 that a depot in Dunmore burned.\n"
    root = make_site(
        {"content/articles/a.md": article("Depots", "2023-05-08", body)}, CONFIG + PARTIES
    )
    data = json.loads((build(BuildOptions(root)).output / "briefing.json").read_text())
    (event,) = [e for e in data["events"] if e["date"] == "2023-05-03"]
    assert {k: event[k] for k in ("claimed_by", "party", "side", "status", "disputed_by")} == {
        "claimed_by": "Ostland's army",
        "party": "ostland-army",
        "side": "ostland",
        "status": "claimed",
        "disputed_by": [],
    }
