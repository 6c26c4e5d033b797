"""The preview session without a browser: what it keeps between builds, what it saves."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.cache import cache_file
from sitegen.serve.session import TRUSTED_BURST, Session
from tests.sites import article

BODY = "Inspectors reached the Chernobyl site again.\n"


@pytest.fixture
def started(make_site: Callable[..., Path]) -> tuple[Path, Session]:
    """A one-article site and a session that has built it once."""
    site = make_site({"content/articles/one.md": article("One", "2022-03-01", BODY)})
    session = Session(BuildOptions(site), live=None)
    assert session.build()
    return site, session


def add_article(site: Path) -> Path:
    path = site / "content" / "articles" / "two.md"
    path.write_text(article("Two", "2022-03-02", BODY), encoding="utf-8")
    return path


def built_articles(session: Session) -> set[str]:
    assert session.result is not None
    return set(session.result.site.articles)


def test_a_session_saves_its_first_cache_for_the_next_start(
    started: tuple[Path, Session],
) -> None:
    site, session = started
    assert not cache_file(site).exists()  # saving waits for prepare(), off the first page
    session.prepare()
    assert cache_file(site).exists()
    later = build(BuildOptions(site))
    assert later.rendered == 0 and later.report.written == []


def test_rebuilds_see_the_files_the_watcher_names(started: tuple[Path, Session]) -> None:
    site, session = started
    added = add_article(site)
    assert session.build({added})
    assert built_articles(session) == {"one", "two"}
    added.unlink()
    assert session.build({added})
    assert built_articles(session) == {"one"}
    assert session.result is not None
    assert not (session.result.output / "articles" / "two").exists()


def test_a_large_burst_means_a_full_look(started: tuple[Path, Session]) -> None:
    """The kernel may have dropped some of a large burst's events: all files are looked at."""
    site, session = started
    add_article(site)  # unreported
    noise = [site / "static" / f"{n}.txt" for n in range(TRUSTED_BURST + 1)]
    assert session.build(noise[1:])  # as many as are trusted: two.md is not looked at
    assert built_articles(session) == {"one"}
    assert session.build(noise)  # one more
    assert built_articles(session) == {"one", "two"}


@pytest.fixture
def no_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def test_a_rebuild_leaves_no_reference_cycles(
    started: tuple[Path, Session], no_collector: None
) -> None:
    """Session.build sets what a rebuild leaves apart from the cyclic collector: a cycle
    made by every rebuild would never be freed."""
    site, session = started
    path = site / "content" / "articles" / "one.md"
    for edit in range(3):  # the first rebuilds import and make what later ones reuse
        path.write_text(article("One", "2022-03-01", BODY + f"Edit {edit}.\n"), encoding="utf-8")
        gc.collect()
        result = build(replace(session.options, changed=frozenset({path})))
        assert result.report.written  # the output trees were swapped
    assert gc.collect() == 0
