"""Print how well ``sitegen import`` cleans and reads the fixture pages.

python bench/import_scores.py            # development and held-out sets
"""

from __future__ import annotations

from pathlib import Path

from sitegen.importer import evaluate

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "import"


def main() -> None:
    for name in ("dev", "heldout"):
        folder = FIXTURES / name
        scores = [evaluate.score(source, expected) for source, expected in evaluate.cases(folder)]
        if scores:
            print(evaluate.table(scores, f"[{name}] page"), end="\n\n")


if __name__ == "__main__":
    main()
