"""The preview session without a browser: what it keeps between builds, what it saves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitegen.build import BuildOptions, build
from sitegen.cache import cache_file
from sitegen.serve.session import Session
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
