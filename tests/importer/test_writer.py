import itertools
import os
import stat
from pathlib import Path

import pytest

from sitegen.content import frontmatter
from sitegen.dates import PartialDate
from sitegen.importer import writer
from sitegen.importer.metadata import Metadata


def first_names(meta: Metadata, body: str = "Body.", count: int = 1) -> list[str]:
    return list(itertools.islice(writer.file_names(meta, body), count))


def test_file_name_from_date_and_first_clause() -> None:
    title = "Russian army abandons Chernobyl as Putin ‘repositions troops’ in major tactical move"
    meta = Metadata(title=title, date=PartialDate(2022, 3, 31))
    assert first_names(meta) == ["2022-03-31-russian-army-abandons-chernobyl.md"]
    undated = Metadata(title="Putin’s Ukraine Disaster: Russian Military Might Be Leaving")
    assert first_names(undated) == ["undated-putins-ukraine-disaster.md"]


def test_taken_names_go_on_with_numbers() -> None:
    meta = Metadata(title="Dam repairs begin", date=PartialDate(2023, 5))
    assert first_names(meta, count=3) == [
        "2023-05-dam-repairs-begin.md",
        "2023-05-dam-repairs-begin-2.md",
        "2023-05-dam-repairs-begin-3.md",
    ]


def test_without_a_title_the_lede_names_the_file() -> None:
    body = "## Live\n\nEngineers at the northern dam began repairs on Monday after a leak.\n"
    assert first_names(Metadata(), body) == ["undated-engineers-at-the-northern-dam.md"]
    assert first_names(Metadata(), "— … —\n") == ["undated-article.md"]


def test_non_latin_titles_are_transliterated() -> None:
    meta = Metadata(title="Запорізька АЕС знову без живлення", date=PartialDate(2022, 9, 5))
    assert first_names(meta) == ["2022-09-05-zaporizka-aes-znovu-bez-zhivlennya.md"]
    assert first_names(Metadata(title="Νέα ανακοίνωση για το φράγμα")) == [
        "undated-nea-anakoinosi-gia-to-fragma.md"
    ]


def test_front_matter_order_and_round_trip() -> None:
    meta = Metadata(
        title="A: b",
        date=PartialDate(2022, 12),
        source="S",
        url="https://x",
        needs_review=["author"],
    )
    text = writer.render(meta, "in.txt", "Body.\n")
    document = frontmatter.split(text)
    assert list(document.meta) == [
        "title",
        "date",
        "source",
        "url",
        "imported_from",
        "needs_review",
    ]
    assert PartialDate.parse(document.meta["date"]) == PartialDate(2022, 12)
    assert document.body.strip() == "Body."


def test_write_refuses_to_overwrite_and_replacing_keeps_one_backup_each(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    assert writer.write(target, "one") is None
    with pytest.raises(FileExistsError):
        writer.write(target, "two")
    backup = writer.write(target, "two", replacing=target)
    assert target.read_text() == "two" and backup == tmp_path / "a.md.bak"
    assert backup.read_text() == "one"
    second = writer.write(target, "three", replacing=target)  # the first backup stays
    assert second == tmp_path / "a.md.2.bak" and second.read_text() == "two"
    assert backup.read_text() == "one"


def test_replacing_under_a_new_name_leaves_no_second_article(tmp_path: Path) -> None:
    old, new = tmp_path / "undated-a.md", tmp_path / "2022-03-01-a.md"
    old.write_text("old")
    backup = writer.write(new, "new", replacing=old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2022-03-01-a.md", "undated-a.md.bak"]
    assert new.read_text() == "new" and backup and backup.read_text() == "old"


def test_a_failed_rename_puts_the_old_article_back(tmp_path: Path, monkeypatch) -> None:
    old, new = tmp_path / "undated-a.md", tmp_path / "2022-03-01-a.md"
    old.write_text("old")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_new", full_disk)
    with pytest.raises(OSError):
        writer.write(new, "new", replacing=old)
    assert [p.name for p in tmp_path.iterdir()] == ["undated-a.md"] and old.read_text() == "old"


def test_files_get_the_users_umask(tmp_path: Path) -> None:
    for mask, mode in ((0o022, 0o644), (0o077, 0o600), (0o002, 0o664)):
        previous = os.umask(mask)
        try:
            writer.write(tmp_path / f"{mask}.md", "text")
        finally:
            os.umask(previous)
        assert stat.S_IMODE((tmp_path / f"{mask}.md").stat().st_mode) == mode


def test_interrupted_write_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        writer.write(tmp_path / "a.md", "text")
    assert list(tmp_path.iterdir()) == []
