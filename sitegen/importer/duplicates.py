"""Recognise an input imported before, or the same story already imported from another site.

Re-imports are matched exactly (same body hash, or same input file name with nearly the same
body). Republished stories differ in furniture and a sentence or two, so they are matched by
word 5-gram shingles: Jaccard resemblance, or containment when one copy is a cut-down version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitegen.content import frontmatter
from sitegen.importer import lexical

SHINGLE = 5
SAME_STORY = 0.5  # resemblance above which two bodies tell the same story
CONTAINED = 0.8  # share of the shorter body found in the longer one
_MIN_SHINGLES = 20  # containment means little for a few sentences


def shingles(text: str, size: int = SHINGLE) -> frozenset[tuple[str, ...]]:
    tokens = lexical.slug_words(text)
    return frozenset(tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 1)))


def resemblance(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller >= _MIN_SHINGLES else 0.0


def body_hash(body: str) -> str:
    # Hash the words only, so re-wrapping or a changed escape does not hide a re-import.
    return hashlib.sha256(" ".join(lexical.slug_words(body)).encode()).hexdigest()


@dataclass(frozen=True)
class Known:
    path: Path
    imported_from: str | None
    hash: str
    shingles: frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class Match:
    path: Path
    similarity: float


class Library:
    """The articles already in the target folder (and those written during this run)."""

    def __init__(self, known: list[Known] | None = None) -> None:
        self.known = known or []

    @classmethod
    def load(cls, folder: Path) -> Library:
        return cls(list(_read(folder)))

    def add(self, path: Path, imported_from: str, body: str) -> None:
        self.known = [k for k in self.known if k.path != path]
        self.known.append(Known(path, imported_from, body_hash(body), shingles(body)))

    def same_import(self, imported_from: str, body: str) -> Path | None:
        digest, grams = body_hash(body), shingles(body)
        for known in self.known:
            if known.hash == digest:
                return known.path
            if known.imported_from == imported_from and resemblance(known.shingles, grams) > 0.9:
                return known.path
        return None

    def near_duplicate(self, body: str) -> Match | None:
        grams = shingles(body)
        best: Match | None = None
        for known in self.known:
            alike = resemblance(known.shingles, grams)
            inside = containment(known.shingles, grams)
            if alike < SAME_STORY and inside < CONTAINED:
                continue
            score = max(alike, inside)
            if best is None or score > best.similarity:
                best = Match(known.path, round(score, 2))
        return best


def _read(folder: Path) -> Iterator[Known]:
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.md")):
        try:
            document = frontmatter.split(path.read_text(encoding="utf-8", errors="replace"))
        except (OSError, frontmatter.FrontMatterError):
            continue  # not an article we can compare with; the build reports it
        origin = document.meta.get("imported_from")
        yield Known(
            path,
            str(origin) if origin else None,
            body_hash(document.body),
            shingles(document.body),
        )
