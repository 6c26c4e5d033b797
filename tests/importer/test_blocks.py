from sitegen.importer.blocks import from_text


def test_one_block_per_non_blank_line_with_line_numbers() -> None:
    found = from_text("Title\n\n  First   paragraph.  \n\nSecond.")
    assert [(b.text, b.line) for b in found] == [
        ("Title", 1),
        ("First paragraph.", 3),
        ("Second.", 5),
    ]


def test_marked_up_lines_keep_their_role() -> None:
    found = from_text("- one\n2. two\n> quoted\n### Heading")
    assert [(b.kind, b.text) for b in found] == [
        ("item", "one"),
        ("item", "two"),
        ("quote", "quoted"),
        ("heading", "Heading"),
    ]
    assert found[1].ordered and not found[0].ordered and found[3].level == 3
