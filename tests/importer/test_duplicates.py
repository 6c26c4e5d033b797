from pathlib import Path

from sitegen.importer.duplicates import Library, body_hash, resemblance, shingles

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
    library.add(tmp_path / "a.md", "a.txt", STORY)
    republished = "Advertisement. " + STORY.replace("Saturday", "Sunday") + " Read more."
    match = library.near_duplicate(republished)
    assert match is not None and match.path == tmp_path / "a.md" and match.similarity > 0.5
    assert library.near_duplicate("A different story about a council budget vote.") is None


def test_same_import_by_hash_or_name(tmp_path: Path) -> None:
    library = Library()
    library.add(tmp_path / "a.md", "a.txt", STORY)
    assert library.same_import("other.txt", STORY) == tmp_path / "a.md"
    assert library.same_import("b.txt", STORY + " One more sentence here.") is None


def test_load_reads_existing_articles(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text(f"---\ntitle: X\nimported_from: x.txt\n---\n\n{STORY}\n")
    (tmp_path / "broken.md").write_text("no front matter")
    library = Library.load(tmp_path)
    assert [k.imported_from for k in library.known] == ["x.txt"]
    assert resemblance(shingles(STORY), library.known[0].shingles) == 1.0
