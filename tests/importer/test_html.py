from pathlib import Path

import pytest

from sitegen.dates import PartialDate
from sitegen.importer import html, pipeline
from sitegen.importer.decode import InputError
from sitegen.importer.metadata import Given

PAGE = Path(__file__).parent.parent / "fixtures" / "import" / "dev" / "page_council_budget.html"


def test_meta_data_and_structure_from_saved_page() -> None:
    blocks, given = html.extract(PAGE.read_text(encoding="utf-8"))
    assert given.title == "Council passes budget after late-night vote"
    assert given.source == "The Riverside Gazette"
    assert given.author == "Maria Lopez"
    assert given.date == PartialDate(2023, 4, 12)
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["What changes for residents?"] == "heading"
    assert kinds["Bus fares will stay frozen until next summer."] == "item"
    assert any(kind == "quote" for kind in kinds.values())


def test_undated_page_gets_no_invented_date() -> None:
    page = (
        "<html><body><article><h1>Flood hits town</h1><p>Water rose quickly on Sunday night, "
        "residents said, and several streets were closed by police.</p></article></body></html>"
    )
    assert html.extract(page)[1].date is None


def test_page_without_article_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        pipeline.build(b"<html><body><nav>Home</nav></body></html>", "a.html", Given())


def test_looks_like_html() -> None:
    assert html.looks_like_html("<!DOCTYPE html>\n<html>")
    assert html.looks_like_html("<!-- saved -->\n<html lang=en>")
    assert not html.looks_like_html("A <b>bold</b> claim in plain text")
