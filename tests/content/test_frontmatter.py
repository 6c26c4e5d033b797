import pytest

from sitegen.content.frontmatter import FrontMatterError, meta_line, split


def test_split_reads_fields_and_body_line() -> None:
    doc = split("---\ntitle: A\ndate: 2022-03-31\n---\nBody text.\n")
    assert doc.meta["title"] == "A"
    assert doc.body == "Body text.\n"
    assert doc.body_line == 5


def test_bom_and_crlf_are_accepted() -> None:
    doc = split("\ufeff---\r\ntitle: A\r\n---\r\nBody\r\n")
    assert doc.meta == {"title": "A"} and doc.body == "Body\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: A\n", 1, "no front matter"),
        ("---\ntitle: A\nBody\n", 1, "not closed"),
        ("---\ntitle: A\n  bad: [\n---\n", 3, "not valid YAML"),
        ("---\ntitle: A\ntitle: B\n---\n", 3, "appears twice"),
        ("---\n- a\n- b\n---\n", 2, "mapping"),
        ("---\nx: !!python/object:os.system {}\n---\n", 2, "not valid YAML"),
    ],
)
def test_bad_front_matter_names_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        split(text)
    assert caught.value.line == line
    assert message in caught.value.message


def test_tabs_in_yaml_get_a_hint() -> None:
    with pytest.raises(FrontMatterError, match="tabs"):
        split("---\ntitle: A\n\tdate: 2022\n---\n")


def test_meta_line_finds_nested_fields() -> None:
    doc = split("---\ntitle: A\nevents:\n  - date: 2022\n    text: x\n  - date: bad\n---\n")
    assert meta_line(doc, "title") == 2
    assert meta_line(doc, "events", 1, "date") == 6
