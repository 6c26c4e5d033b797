"""The build cache: what a warm build reuses, and that it never turns into a wrong page."""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.cache import BodyStore, BuildCache, cache_file, load_cache
from sitegen.content.articles import read_body
from sitegen.content.loader import content_files
from sitegen.errors import BuildError
from sitegen.model import BodyContent, Sentence
from tests.sites import article

BODY = (
    "Troops left Chernobyl on Thursday, officials said. Donetsk was shelled.\n\n"
    + "The lede and summary stop somewhere in this paragraph. " * 6
    + "\n\nA third paragraph that only the page shows.\n"
)
FILES = {
    "content/articles/a.md": article("A", "2022-03-31", BODY, source="Test"),
    "content/articles/b.md": article("B", "2022-04-02", "Chernobyl was quiet.\n"),
    "content/articles/c.md": article("C", "2022-04-05", "Chernobyl again.\n"),
}


def build_from_disk(site: Path) -> None:
    """A build as a new ``sitegen build`` process does it: the cache read from disk."""
    build(BuildOptions(site))


def page(site: Path, slug: str) -> str:
    return (site / "_site" / "articles" / slug / "index.html").read_text()


def test_the_cache_on_disk_holds_no_article_bodies(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES)
    build_from_disk(site)
    data = cache_file(site).read_bytes()
    assert b"only the page shows" not in data
    cached = load_cache(cache_file(site))
    assert all(entry.body is None for _, entry in cached.articles.values())


def test_bodies_rendered_again_after_a_config_change_are_read_from_their_files(
    make_site: Callable[..., Path],
) -> None:
    site = make_site(FILES)
    build_from_disk(site)
    assert 'href="../../topics/donbas/"' in page(site, "a")
    config = site / "site.yaml"
    config.write_text(config.read_text().replace("Luhansk, Donetsk", "Luhansk"))
    build_from_disk(site)  # every body's context changed: rendered again, from the files
    assert 'href="../../topics/donbas/"' not in page(site, "a")
    assert "only the page shows" in page(site, "a")


def test_a_body_changed_after_loading_is_an_error_not_a_mixed_page(
    make_site: Callable[..., Path],
) -> None:
    site = make_site(FILES)
    build_from_disk(site)
    path = site / "content/articles/a.md"
    cached = load_cache(cache_file(site)).parsed(content_files(path.parent))[str(path)]
    assert cached is not None and cached.body is None and cached.path == path
    assert read_body(cached) == BODY
    stat = path.stat()
    path.write_text(path.read_text().replace("Thursday", "Friday"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(BuildError) as raised:
        read_body(cached)
    assert str(path) in str(raised.value) and "changed during the build" in str(raised.value)


SENTENCES = [
    Sentence("s-1", "Troops left Chernobyl.", 3, ("chernobyl",)),
    Sentence("s-2", "Officials said so — twice.", 4),
]


@pytest.mark.parametrize("on_disk", [True, False])
def test_the_body_store_gives_back_html_and_sentences(tmp_path: Path, on_disk: bool) -> None:
    path = tmp_path / "bodies.sqlite" if on_disk else None
    store = BodyStore(path)
    store.put("k", BodyStore.pack(BodyContent.of("<p>Troops left.</p>", SENTENCES)))
    store.commit({"k"})
    if on_disk:
        store = BodyStore(path)  # a new process
    content = store.get("k")
    assert content.html == "<p>Troops left.</p>"
    assert content.sentences == SENTENCES
    with pytest.raises(LookupError):
        store.get("other")


def test_a_deleted_body_store_means_a_cold_build(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES)
    build_from_disk(site)
    (site / ".sitegen-cache" / "bodies.sqlite").unlink()
    path = site / "content/articles/a.md"
    path.write_text(path.read_text().replace("title: A", "title: A, again"))
    build_from_disk(site)  # every page showing A is rendered again: their bodies are gone
    assert "<h1>A, again</h1>" in page(site, "a")
    assert "only the page shows" in page(site, "a")


def test_a_body_store_of_another_format_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "bodies.sqlite"
    old = sqlite3.connect(path)
    old.execute("create table bodies (key text primary key, scope text, data blob)")
    old.execute("insert into bodies values ('k', 'old', x'00')")
    old.commit()
    old.close()
    store = BodyStore(path)
    with pytest.raises(LookupError):
        store.get("k")
    store.put("k", BodyStore.pack(BodyContent.of("<p>New.</p>", SENTENCES)))
    store.commit({"k"})
    assert BodyStore(path).get("k").sentences == SENTENCES


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(("other/1", {}))])
def test_a_corrupt_or_foreign_cache_means_a_cold_build(
    make_site: Callable[..., Path], damage: bytes
) -> None:
    site = make_site(FILES)
    build_from_disk(site)
    expected = page(site, "a")
    cache_file(site).write_bytes(damage)
    assert load_cache(cache_file(site)).articles == {}
    (site / "_site" / "articles" / "a" / "index.html").unlink()
    build_from_disk(site)
    assert page(site, "a") == expected


def test_related_articles_follow_a_changed_date(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES)
    build_from_disk(site)
    ((_, first),) = load_cache(cache_file(site)).memos["related"].values()  # (inputs, related)
    assert first["b"] == ["a", "c"]  # same topic; the nearest in date first
    path = site / "content/articles/a.md"
    path.write_text(path.read_text().replace("2022-03-31", "2022-03-01"))
    build_from_disk(site)
    ((_, second),) = load_cache(cache_file(site)).memos["related"].values()
    assert second["b"] == ["c", "a"]
    assert page(site, "b").index("articles/c/") < page(site, "b").index("articles/a/")


def test_merged_events_are_the_same_from_the_memo(make_site: Callable[..., Path]) -> None:
    files = {
        f"content/articles/{n}.md": article(
            n.upper(), "2022-04-01", "On March 31 Russian troops left the Chernobyl plant.\n"
        )
        for n in ("a", "b", "c")
    }
    site = make_site(files)
    cold = build(BuildOptions(site, cache=BuildCache()))
    build_from_disk(site)
    warm_cache = load_cache(cache_file(site))
    assert warm_cache.memos["merge"]  # the next build has the merges to reuse
    warm = build(BuildOptions(site, cache=warm_cache))
    shape = [(e.id, [c.article for c in e.sources]) for e in cold.site.events.values()]
    assert shape == [(e.id, [c.article for c in e.sources]) for e in warm.site.events.values()]
    assert any(len(sources) == 3 for _, sources in shape)


def test_same_each_computes_only_what_has_new_inputs() -> None:
    cache = BuildCache()
    computed: list[tuple[int, ...]] = []

    def total(inputs: tuple[int, ...]) -> int:
        computed.append(inputs)
        return sum(inputs)

    first = cache.memo("sums").same_each({"a": (1, 2), "b": (3,)}, total)
    cache.dirty = False
    again = cache.memo("sums").same_each({"a": (1, 2), "b": (4,), "c": ()}, total)
    assert first == {"a": 3, "b": 3} and again == {"a": 3, "b": 4, "c": 0}
    assert computed == [(1, 2), (3,), (4,), ()]
    assert cache.dirty  # new results are saved with the cache
    cache.dirty = False
    cache.memo("sums").same_each({"a": (1, 2)}, total)
    assert not cache.dirty and len(computed) == 4
    assert cache.memo("sums").same_each({"b": (4,)}, total) == {"b": 4}  # "b" was dropped
    assert computed[-1] == (4,)
