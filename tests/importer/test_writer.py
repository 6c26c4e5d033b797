import os
from pathlib import Path

import pytest

from sitegen.content import frontmatter
from sitegen.dates import PartialDate
from sitegen.importer import writer
from sitegen.importer.metadata import Metadata


def test_file_name_from_date_and_first_clause() -> None:
    title = "Russian army abandons Chernobyl as Putin ‘repositions troops’ in major tactical move"
    meta = Metadata(title=title, date=PartialDate(2022, 3, 31))
    assert writer.file_name(meta) == "2022-03-31-russian-army-abandons-chernobyl.md"
    undated = Metadata(title="Putin’s Ukraine Disaster: Russian Military Might Be Leaving")
    assert writer.file_name(undated) == "undated-putins-ukraine-disaster.md"


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


def test_write_refuses_to_overwrite_and_force_keeps_backup(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    assert writer.write(target, "one") is None
    with pytest.raises(FileExistsError):
        writer.write(target, "two")
    backup = writer.write(target, "two", force=True)
    assert target.read_text() == "two" and backup and backup.read_text() == "one"


def test_interrupted_write_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        writer.write(tmp_path / "a.md", "text")
    assert list(tmp_path.iterdir()) == []
