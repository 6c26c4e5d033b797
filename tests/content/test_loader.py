"""Listing the article files: in full, or from the paths a watcher reports changed."""

from __future__ import annotations

import os
from pathlib import Path

from sitegen.cache import BuildCache
from sitegen.content.loader import article_files, content_files


def write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_content_files_skip_editor_files_and_hidden_folders(tmp_path: Path) -> None:
    kept = write(tmp_path / "b" / "one.md")
    write(tmp_path / "a.md~")
    write(tmp_path / ".one.md.swp")
    write(tmp_path / ".git" / "x.md")
    write(tmp_path / "notes.txt")
    assert list(content_files(tmp_path)) == [str(kept)]


def test_changed_paths_update_the_last_listing(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    first, second = write(folder / "a.md"), write(folder / "c.md")
    cache = BuildCache()
    assert list(article_files(folder, cache, frozenset())) == [str(first), str(second)]

    write(first, "longer text")
    added = write(folder / "b.md")
    second.unlink()
    write(folder / "scratch.md.swp")
    changed = {first, added, second, folder / "scratch.md.swp", tmp_path / "site.yaml"}
    stamps = article_files(folder, cache, frozenset(changed))
    assert stamps == content_files(folder)
    assert list(stamps) == [str(first), str(added)]  # still in path order


def test_an_unreported_change_is_not_seen_until_a_full_listing(tmp_path: Path) -> None:
    """The watcher's list is trusted (that is what makes it fast); no list means a full look."""
    folder = tmp_path / "articles"
    article = write(folder / "a.md")
    cache = BuildCache()
    article_files(folder, cache, frozenset())
    write(article, "a longer text than before")
    assert article_files(folder, cache, frozenset()) != content_files(folder)
    assert article_files(folder, cache, None) == content_files(folder)


def test_folder_events_mean_a_full_listing(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "a.md")
    cache = BuildCache()
    article_files(folder, cache, frozenset())
    moved = write(folder / "2022" / "b.md")
    assert article_files(folder, cache, frozenset({moved.parent})) == content_files(folder)

    # A deleted folder whose name ends like an article's: its files go too.
    odd = write(folder / "odd.md" / "c.md")
    article_files(folder, cache, None)
    os.remove(odd)
    odd.parent.rmdir()
    assert article_files(folder, cache, frozenset({odd.parent})) == content_files(folder)


def test_relative_paths_are_not_trusted(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write(folder / "a.md")
    cache = BuildCache()
    article_files(folder, cache, frozenset())
    added = write(folder / "b.md")
    stamps = article_files(folder, cache, frozenset({Path("articles/b.md")}))
    assert str(added) in stamps
