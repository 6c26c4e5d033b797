"""The example briefing's chronology: the evidence the two seed articles give, end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, load_site
from sitegen.cache import BuildCache
from sitegen.enrich.pipeline import enrich
from sitegen.errors import Problems
from sitegen.markdown import make_renderer
from sitegen.model import Event, Site
from tests.conftest import REPO
from tests.sites import EXAMPLE_SITE, copy_site

CHERNOBYL = "russian-army-abandons-chernobyl"
ZNPP = "putins-ukraine-disaster"
ZNPP_FILE = "content/articles/2022-12-putins-ukraine-disaster.md"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_site(EXAMPLE_SITE, tmp_path_factory.mktemp("example"), search=False)


@pytest.fixture(scope="module")
def site(example: Path) -> Site:
    problems, cache = Problems(), BuildCache()
    site = load_site(BuildOptions(example), problems, cache)
    enrich(site, make_renderer(False), problems, cache)
    assert not problems
    return site


def event_on(site: Site, iso: str) -> Event:
    (event,) = [e for e in site.events.values() if e.date.iso() == iso]
    return event


def sentence(site: Site, slug: str, anchor: str) -> str:
    return next(s.text for s in site.articles[slug].sentences if s.anchor == anchor)


@pytest.mark.parametrize(
    ("iso", "slug", "anchor", "topics", "kind", "words"),
    [
        ("2022-02-24", CHERNOBYL, "s-2", ["chernobyl"], "occurred", "capture the Chernobyl site"),
        ("2022-03-25", CHERNOBYL, "s-13", ["donbas"], "occurred", "first phase"),
        # A statement about troops around Kyiv, in an article about Chernobyl and the
        # Donbas: no topic of its own, and the article's two say nothing of it.
        ("2022-03-30", CHERNOBYL, "s-10", [], "occurred", "John Kirby said that"),
        ("2022-03-31", CHERNOBYL, "s-1", ["chernobyl"], "reported", "Russian troops are leaving"),
        ("2022-09", ZNPP, "s-4", ["zaporizhzhia-npp"], "occurred", "annexed"),
        ("2022-12", ZNPP, "s-1", ["zaporizhzhia-npp"], "reported", "In a statement published"),
    ],
)
def test_the_seed_evidence_is_dated_cited_and_worded(
    site: Site, iso: str, slug: str, anchor: str, topics: list[str], kind: str, words: str
) -> None:
    event = event_on(site, iso)
    (citation,) = event.sources
    assert (citation.article, citation.anchor) == (slug, anchor)
    assert citation.quote == sentence(site, slug, anchor)
    assert (event.topics, event.kind) == (topics, kind)
    assert words in event.text
    # Readable: a capital first letter, a full stop, no headline question run into it.
    assert event.text[0].isupper() and event.text.endswith(".") and "?" not in event.text


def test_the_example_has_only_these_events(site: Site) -> None:
    assert [e.date.iso() for e in site.events.values()] == [
        "2022-02-24", "2022-03-25", "2022-03-30", "2022-03-31", "2022-09", "2022-12",
    ]  # fmt: skip
    report = site.chronology
    assert (report.extracted, report.front_matter, report.merged) == (3, 3, 0)


def test_thursday_in_an_article_dated_to_the_month_is_left_unresolved(site: Site) -> None:
    (unresolved,) = site.chronology.unresolved
    line = (REPO / ZNPP_FILE).read_text().splitlines()[unresolved.line - 1]
    assert (unresolved.path, unresolved.expression) == (ZNPP_FILE, "On Thursday")
    assert line.startswith("On Thursday, Ukrainian Foreign Minister Dmytro Kuleba")


def test_build_verbose_check_and_review_report_the_unresolved_date(example: Path) -> None:
    def run(*args: str, status: int = 0) -> str:
        command = [sys.executable, "-m", "sitegen", *args, str(example)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == status, result.stderr
        return result.stdout

    built = run("build", "-v")
    assert "6 events (3 extracted, 3 from front matter, 0 merged)" in built
    assert f"unresolved date {ZNPP_FILE}:" in built and "'On Thursday'" in built
    checked = run("check", "--no-build")
    assert checked.splitlines()[-1].endswith(
        " need review in 2 articles: 'sitegen review' lists them"
    )
    listed = run("review", status=1)
    assert f"{ZNPP_FILE}:" in listed and "the date “On Thursday” in s-" in listed


@pytest.fixture(scope="module")
def extracted_only(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The example with its authors' front-matter events removed: extraction alone."""
    import yaml

    folder = copy_site(EXAMPLE_SITE, tmp_path_factory.mktemp("extracted"), search=False)
    for path in (folder / "content" / "articles").glob("*.md"):
        _, header, body = path.read_text(encoding="utf-8").split("---\n", 2)
        fields = yaml.safe_load(header)
        fields.pop("events", None)
        front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    problems, cache = Problems(), BuildCache()
    site = load_site(BuildOptions(folder), problems, cache)
    enrich(site, make_renderer(False), problems, cache)
    assert not problems
    return site


# Without the authors' words, each event is still the clause its date belongs to, with its
# subject named, and a topic only where the text gives one.
@pytest.mark.parametrize(
    ("iso", "anchor", "topics", "text"),
    [
        # The date belongs to the participle clause: the capture, not the leaving.
        ("2022-02-24", "s-2", ["chernobyl"],
         "The invading forces had captured the site on February 24 when they first entered "
         "Ukraine."),
        # "He" is named from the sentence before.
        ("2022-03-25", "s-13", [], "Putin announced that Russia had mostly completed"),
        # About troops around Kyiv: neither of the article's two topics.
        ("2022-03-30", "s-10", [], "Pentagon press secretary John Kirby said that"),
        ("2022-03-31", "s-1", ["chernobyl"], "Russian troops are leaving"),
        # The date belongs to the relative clause: what Putin claimed in September.
        ("2022-09", "s-4", ["zaporizhzhia-npp"],
         "Russian President Vladimir Putin claimed to have “annexed” a Ukrainian territory."),
        ("2022-12", "s-1", ["zaporizhzhia-npp"], "In a statement published on Facebook"),
    ],
)  # fmt: skip
def test_without_front_matter_events_every_extracted_event_is_right(
    extracted_only: Site, iso: str, anchor: str, topics: list[str], text: str
) -> None:
    event = event_on(extracted_only, iso)
    assert [c.anchor for c in event.sources] == [anchor]
    assert event.topics == topics
    assert event.text.startswith(text)


def test_without_front_matter_events_nothing_else_is_extracted(extracted_only: Site) -> None:
    assert [e.date.iso() for e in extracted_only.events.values()] == [
        "2022-02-24", "2022-03-25", "2022-03-30", "2022-03-31", "2022-09", "2022-12",
    ]  # fmt: skip
