from sitegen.importer.blocks import Block
from sitegen.importer.markdown import escape, render


def test_escape_keeps_text_literal() -> None:
    assert escape("# not a heading") == "\\# not a heading"
    assert escape("2022. A year") == "2022\\. A year"
    assert escape("a *b* [c](d)") == "a \\*b\\* \\[c\\](d)"
    assert escape("Plain - text") == "Plain - text"


def test_render_structure() -> None:
    body = render(
        [
            Block("Intro."),
            Block("What next?", "heading"),
            Block("one", "item"),
            Block("two", "item"),
            Block("A quote.", "quote"),
        ]
    )
    assert body == "Intro.\n\n## What next?\n\n- one\n- two\n\n> A quote.\n"
