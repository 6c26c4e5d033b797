from pathlib import Path

import pytest

from sitegen.write.output import StagedOutput, exchange, recover
from tests.sites import snapshot


def build(root: Path, files: dict[str, bytes], keep: tuple[str, ...] = ()) -> StagedOutput:
    with StagedOutput(root / "_site", root / "cache" / "output.marshal") as staged:
        assert staged.keep_unchanged(keep) == set(keep)
        for name, data in files.items():
            staged.write(name, data)
        staged.commit()
    return staged


def test_first_build_then_changes_swap_trees(tmp_path: Path) -> None:
    first = build(tmp_path, {"index.html": b"one", "a/index.html": b"a"})
    assert first.report.written == ["index.html", "a/index.html"]
    assert snapshot(tmp_path / "_site") == {"index.html": b"one", "a/index.html": b"a"}
    second = build(tmp_path, {"index.html": b"two", "b/index.html": b"b"})
    assert second.report.written == ["index.html", "b/index.html"]
    assert second.report.removed == ["a/index.html"]
    assert snapshot(tmp_path / "_site") == {"index.html": b"two", "b/index.html": b"b"}
    # The spare tree holds the previous version, ready to be brought up to date next time.
    assert snapshot(tmp_path / "._site.spare") == {"index.html": b"one", "a/index.html": b"a"}
    third = build(tmp_path, {"index.html": b"two"}, keep=("b/index.html",))
    assert third.report.written == [] and third.report.unchanged == 2
    assert snapshot(tmp_path / "_site") == {"index.html": b"two", "b/index.html": b"b"}


def test_nothing_changed_means_no_swap(tmp_path: Path) -> None:
    build(tmp_path, {"index.html": b"one"})
    before = (tmp_path / "_site").stat().st_ino
    build(tmp_path, {"index.html": b"one"})
    assert (tmp_path / "_site").stat().st_ino == before


def test_a_file_deleted_from_the_live_tree_comes_back_unchanged(tmp_path: Path) -> None:
    build(tmp_path, {"index.html": b"one", "style.css": b"css"})
    (tmp_path / "_site" / "index.html").unlink()
    (tmp_path / "_site" / "style.css").unlink()
    again = build(tmp_path, {"index.html": b"one", "style.css": b"css"})
    assert sorted(again.report.written) == ["index.html", "style.css"]
    assert snapshot(tmp_path / "_site") == {"index.html": b"one", "style.css": b"css"}


def test_only_files_the_live_tree_still_has_are_kept(tmp_path: Path) -> None:
    build(tmp_path, {"index.html": b"one", "a/index.html": b"a"})
    (tmp_path / "_site" / "a" / "index.html").unlink()
    with StagedOutput(tmp_path / "_site", tmp_path / "cache" / "output.marshal") as staged:
        kept = staged.keep_unchanged(["index.html", "a/index.html", "never-built.html"])
        assert kept == {"index.html"}
        staged.write("a/index.html", b"a")
        staged.commit()
    assert staged.report.written == ["a/index.html"]
    assert snapshot(tmp_path / "_site") == {"index.html": b"one", "a/index.html": b"a"}


def test_failed_build_leaves_live_tree_and_next_build_is_right(tmp_path: Path) -> None:
    build(tmp_path, {"index.html": b"one", "a/index.html": b"a"})
    build(tmp_path, {"index.html": b"two", "a/index.html": b"a"})
    manifest = tmp_path / "cache" / "output.marshal"
    with pytest.raises(RuntimeError), StagedOutput(tmp_path / "_site", manifest) as staged:
        staged.write("index.html", b"three")
        raise RuntimeError("template error")
    assert snapshot(tmp_path / "_site") == {"index.html": b"two", "a/index.html": b"a"}
    build(tmp_path, {"index.html": b"four"}, keep=("a/index.html",))
    assert snapshot(tmp_path / "_site") == {"index.html": b"four", "a/index.html": b"a"}
    build(tmp_path, {"index.html": b"four", "a/index.html": b"a2"})
    assert snapshot(tmp_path / "_site") == {"index.html": b"four", "a/index.html": b"a2"}


def test_unknown_spare_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    build(tmp_path, {"index.html": b"one"})
    build(tmp_path, {"index.html": b"two"})
    (tmp_path / "._site.spare" / "stray.html").write_bytes(b"left by a killed build")
    (tmp_path / "cache" / "output.marshal").write_text("{not a manifest")
    build(tmp_path, {"index.html": b"three"})
    assert snapshot(tmp_path / "_site") == {"index.html": b"three"}


def test_exchange_swaps_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x").write_text("a")
    (tmp_path / "b").mkdir()
    exchange(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b" / "x").read_text() == "a" and not any((tmp_path / "a").iterdir())


@pytest.mark.parametrize("killed_after", [1, 2])
def test_recover_finishes_a_half_done_three_rename_swap(tmp_path: Path, killed_after: int) -> None:
    live, spare, middle = tmp_path / "_site", tmp_path / "._site.spare", tmp_path / "._site.swap"
    live.mkdir()
    (live / "index.html").write_text("old")
    spare.mkdir()
    (spare / "index.html").write_text("new")
    live.rename(middle)
    if killed_after == 2:
        spare.rename(live)
    recover(live)
    assert not middle.exists()
    assert (live / "index.html").read_text() == ("old" if killed_after == 1 else "new")


def test_spare_written_during_a_no_swap_build_is_recorded(tmp_path: Path) -> None:
    build(tmp_path, {"index.html": b"one"})
    build(tmp_path, {"index.html": b"two"})  # live: two, spare: one
    build(tmp_path, {"index.html": b"two"})  # no swap, but the spare now holds "two" too
    build(tmp_path, {"index.html": b"one"})
    assert snapshot(tmp_path / "_site") == {"index.html": b"one"}


def test_killed_build_leaves_the_spare_distrusted(tmp_path: Path) -> None:
    build(tmp_path, {"index.html": b"one", "a.xml": b"a"})
    build(tmp_path, {"index.html": b"two", "a.xml": b"a"})
    staged = StagedOutput(tmp_path / "_site", tmp_path / "cache" / "output.marshal").__enter__()
    (staged.stage / "a.xml").unlink()  # as a build killed half way through might leave it
    build(tmp_path, {"index.html": b"three", "a.xml": b"a"})
    assert snapshot(tmp_path / "_site") == {"index.html": b"three", "a.xml": b"a"}


def test_mirroring_fills_the_spare_tree_so_the_next_build_writes_only_changes(
    tmp_path: Path,
) -> None:
    build(tmp_path, {"index.html": b"one", "a/index.html": b"a"})
    assert snapshot(tmp_path / "._site.spare") == {}  # a first build leaves it empty
    with StagedOutput(tmp_path / "_site", tmp_path / "cache" / "output.marshal") as staged:
        staged.mirror_live()
    live, spare = tmp_path / "_site", tmp_path / "._site.spare"
    assert snapshot(spare) == snapshot(live)
    assert (spare / "a/index.html").stat().st_ino == (live / "a/index.html").stat().st_ino
    second = build(tmp_path, {"index.html": b"two"}, keep=("a/index.html",))
    assert second.report.written == ["index.html"]
    assert snapshot(live) == {"index.html": b"two", "a/index.html": b"a"}
    assert snapshot(spare) == {"index.html": b"one", "a/index.html": b"a"}
