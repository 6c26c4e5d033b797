"""The preview session without a browser: what it keeps between builds, what it saves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitegen.build import BuildOptions, build
from sitegen.cache import cache_file
from sitegen.serve.session import TRUSTED_BURST, Session
from tests.conftest import article

BODY = "Inspectors reached the Chernobyl site again.\n"


def test_a_session_saves_its_first_cache_for_the_next_start(
    make_site: Callable[..., Path],
) -> None:
    site = make_site({"content/articles/one.md": article("One", "2022-03-01", BODY)})
    session = Session(BuildOptions(site), live=None)
    assert session.build()
    assert not cache_file(site).exists()  # saving waits for prepare(), off the first page
    session.prepare()
    assert cache_file(site).exists()
    later = build(BuildOptions(site))
    assert later.rendered == 0 and later.report.written == []


def test_rebuilds_see_the_files_the_watcher_names(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/articles/one.md": article("One", "2022-03-01", BODY)})
    session = Session(BuildOptions(site), live=None)
    assert session.build()
    added = site / "content" / "articles" / "two.md"
    added.write_text(article("Two", "2022-03-02", BODY), encoding="utf-8")
    assert session.build({added})
    assert session.result is not None and set(session.result.site.articles) == {"one", "two"}
    added.unlink()
    assert session.build({added})
    assert set(session.result.site.articles) == {"one"}
    assert not (session.result.output / "articles" / "two").exists()


def test_a_large_burst_means_a_full_look(make_site: Callable[..., Path]) -> None:
    """The kernel may have dropped some of a large burst's events: all files are looked at."""
    site = make_site({"content/articles/one.md": article("One", "2022-03-01", BODY)})
    session = Session(BuildOptions(site), live=None)
    assert session.build()
    unreported = site / "content" / "articles" / "two.md"
    unreported.write_text(article("Two", "2022-03-02", BODY), encoding="utf-8")
    noise = [site / "static" / f"{n}.txt" for n in range(TRUSTED_BURST + 1)]
    assert session.build(noise[1:])  # as many as are trusted: two.md is not looked at
    assert session.result is not None and set(session.result.site.articles) == {"one"}
    assert session.build(noise)  # one more
    assert set(session.result.site.articles) == {"one", "two"}
