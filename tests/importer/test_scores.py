"""Score the importer on the fixture pages; ``pytest -s`` prints the table."""

from pathlib import Path

from sitegen.importer import evaluate

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def _scores(name: str) -> list[evaluate.CaseScore]:
    folder = FIXTURES / name
    scores = [evaluate.score(source, expected) for source, expected in evaluate.cases(folder)]
    print("\n" + evaluate.table(scores, f"[{name}] page"))
    return scores


def _share(scores: list[evaluate.CaseScore], part: str, whole: str) -> float:
    return sum(getattr(s, part) for s in scores) / sum(getattr(s, whole) for s in scores)


def test_development_set() -> None:
    scores = _scores("dev")
    assert len(scores) >= 12
    assert _share(scores, "kept", "must_keep") == 1.0
    assert _share(scores, "removed", "furniture") >= 0.95
    for field in evaluate.FIELDS:
        assert sum(s.fields[field] for s in scores) >= len(scores) - 1, field


def test_held_out_set() -> None:
    # Written after the rules were frozen. trafilatura drops a standfirst kept in an article's
    # <header> (page_science_bees), which our rules never see: hence not 100 % here.
    scores = _scores("heldout")
    assert len(scores) >= 3
    assert _share(scores, "kept", "must_keep") >= 0.9
    assert _share(scores, "removed", "furniture") >= 0.95
