from pathlib import Path

from sitegen.importer.duplicates import Library, Page, body_hash, resemblance, shingles

STORY = (
    "Thousands of dockworkers walked off the job on Saturday at the port, halting container "
    "traffic in a dispute over plans to automate more of the terminals. The union said the "
    "strike was the largest at the port in more than a decade. Shipping lines warned of "
    "delays across northern Europe, where many ships had already been rerouted."
)


def test_hash_ignores_markup_and_spacing() -> None:
    assert body_hash("A *b*  c\n") == body_hash("A b c")


def test_republished_story_is_a_near_duplicate(tmp_path: Path) -> None:
    library = Library()
    library.add(tmp_path / "a.md", Page("a.txt", None, STORY))
    republished = "Advertisement. " + STORY.replace("Saturday", "Sunday") + " Read more."
    match = library.near_duplicate(republished)
    assert match is not None and match.path == tmp_path / "a.md" and match.similarity > 0.5
    assert library.near_duplicate("A different story about a council budget vote.") is None


def test_a_page_is_its_name_address_and_text(tmp_path: Path) -> None:
    library = Library()
    library.add(tmp_path / "a.md", Page("a.txt", "https://news.example/a", STORY))
    assert library.same_page(Page("a.txt", "https://news.example/a", STORY)) == tmp_path / "a.md"
    assert library.same_page(Page("a.txt", None, STORY)) == tmp_path / "a.md"  # no --url now
    cleaned_anew = STORY.replace("rerouted.", "rerouted. Share this article.")
    assert library.same_page(Page("a.txt", None, cleaned_anew)) == tmp_path / "a.md"
    # The same text under another name is another page telling the same story.
    assert library.same_page(Page("copy.txt", None, STORY)) is None
    assert library.near_duplicate(STORY) is not None
    # A page of the same file name from another address, or with other text, is another page.
    assert library.same_page(Page("a.txt", "https://other.example/a", STORY)) is None
    assert library.same_page(Page("a.txt", None, "A council budget vote on Tuesday.")) is None


def test_free_names_never_share_a_slug(tmp_path: Path) -> None:
    library = Library()
    library.add(tmp_path / "2022-03-01-dam.md", Page("a.txt", None, STORY), "Dam")
    assert not library.free(tmp_path / "2022-03-01-dam.md", "Dam")
    assert not library.free(tmp_path / "2022-04-09-dam.md", "Dam")  # another date, same slug
    assert library.free(tmp_path / "2022-04-09-dam-2.md", "Dam")
    # The article being replaced gives up its name and its slug.
    assert library.free(tmp_path / "2022-04-09-dam.md", "Dam", tmp_path / "2022-03-01-dam.md")
    (tmp_path / "undated-x.md").write_text("not an article library knows")
    assert not library.free(tmp_path / "undated-x.md", "X")


def test_load_reads_existing_articles(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text(f"---\ntitle: X\nimported_from: x.txt\n---\n\n{STORY}\n")
    (tmp_path / "broken.md").write_text("no front matter")
    (tmp_path / "mine.md").write_text("---\ntitle: Mine\nslug: dam\n---\n\nMy own notes.\n")
    library = Library.load(tmp_path)
    assert [(k.path.name, k.slug, k.imported_from) for k in library.known] == [
        ("broken.md", "broken", None),  # its name is taken all the same
        ("mine.md", "dam", None),
        ("x.md", "x", "x.txt"),
    ]
    assert resemblance(shingles(STORY), library.known[2].shingles) == 1.0
    assert not library.free(tmp_path / "2023-01-01-dam.md", "Dam")
