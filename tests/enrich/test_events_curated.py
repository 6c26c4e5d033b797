"""``content/events.yaml``: curated events, their citations, and precise errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitegen.build import BuildOptions, load_site
from sitegen.cache import BuildCache
from sitegen.dates import PartialDate
from sitegen.enrich.pipeline import enrich
from sitegen.errors import Problems
from sitegen.markdown import make_renderer
from sitegen.model import Site
from tests.sites import article

BODY = (
    "Troops are leaving Chernobyl, officials said.\n\n"
    "Forces captured the site on February 24 when they first entered Ukraine.\n"
)
ARTICLES = {"content/articles/leaving.md": article("Leaving", "2022-03-31", BODY)}


def build_model(make_site: Callable[..., Path], events_yaml: str) -> tuple[Site, Problems]:
    root = make_site(ARTICLES | {"content/events.yaml": events_yaml})
    problems, cache = Problems(), BuildCache()
    site = load_site(BuildOptions(root), problems, cache)
    enrich(site, make_renderer(False), problems, cache)
    return site, problems


def test_a_curated_event_cites_its_sentence_and_wins_over_extraction(
    make_site: Callable[..., Path],
) -> None:
    site, problems = build_model(
        make_site,
        """\
        - date: 2022-02-24
          text: Russian forces seize the Chernobyl site.
          sources:
            - article: leaving
              anchor: s-2
        - date: 2022-03
          end_date: 2022-04
          text: Withdrawal from the north.
          topics: [donbas]
          sources:
            - {article: leaving, quote: "troops are leaving   Chernobyl"}
        """,
    )
    assert not problems
    curated = [e for e in site.events.values() if e.origin == "curated"]
    seize, withdrawal = curated
    assert seize.date == PartialDate(2022, 2, 24) and seize.topics == ["chernobyl"]
    (citation,) = seize.sources
    assert (citation.anchor, citation.quote) == ("s-2", BODY.split("\n\n")[1].strip())
    # The extracted event from the sentence it cites is gone; the lede's stays.
    assert [e.kind for e in site.events.values() if e.origin == "extracted"] == ["reported"]
    assert withdrawal.end_date == PartialDate(2022, 4) and withdrawal.topics == ["donbas"]
    assert withdrawal.sources[0].anchor == "s-1"  # found by its quote
    assert site.chronology.curated == 2


def test_problems_are_reported_at_their_lines_with_hints(make_site: Callable[..., Path]) -> None:
    _, problems = build_model(
        make_site,
        """\
        - date: 2022-02-30
          text: A day that does not exist.
        - date: 2022-02-24
          text: Cites a typo.
          sources:
            - article: leavin
        - date: 2022-02-24
          txt: A misspelt field.
          sources:
            - {article: leaving, anchor: s-9}
        - date: 2022-02-24
          text: Unknown topic.
          topics: [chernobil]
        """,
    )
    found = [(p.path, p.line, p.message, p.hint) for p in problems.items]
    assert [(line, message.split(":")[0]) for _, line, message, _ in found] == [
        (1, "bad date"),
        (6, "no article 'leavin'"),
        (8, "unknown field 'txt'"),
        (7, "an event needs a 'text'"),  # the event's first line
        (10, "'leaving' has no sentence 's-9'"),
        (13, "unknown topic 'chernobil'"),
    ]
    assert all(path == "content/events.yaml" for path, *_ in found)
    hints = [hint for *_, hint in found]
    assert hints[1] == "did you mean 'leaving'?"
    assert hints[2] == "did you mean 'text'?"
    assert hints[4] == "the article's sentences are s-1 to s-2"
    assert hints[5] == "did you mean 'chernobyl'?"


def test_a_file_that_is_not_a_list_or_not_yaml_is_an_error(make_site: Callable[..., Path]) -> None:
    for text, message in [("date: 2022-02-24\n", "should be a list"), ("- [\n", "invalid YAML")]:
        site, problems = build_model(make_site, text)
        (problem,) = problems.items
        assert message in problem.message
        assert all(e.origin != "curated" for e in site.events.values())
