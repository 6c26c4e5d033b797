"""Recognise a page imported before, or the same story already imported from another site,
and find an article a file name that no other article's slug or file uses.

A page is identified by what it was imported from: its input's name (``imported_from``), its
address where both imports know it (``url``), and its text, by digest or, since a newer
sitegen may clean a page a little differently, by near-equal wording. Republished stories
differ in furniture and a sentence or two, so they are matched by word 5-gram shingles:
Jaccard resemblance, or containment when one copy is a cut-down version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitegen.content import frontmatter
from sitegen.content.articles import default_slug
from sitegen.content.loader import content_files
from sitegen.importer import lexical

SHINGLE = 5
SAME_STORY = 0.5  # resemblance above which two bodies tell the same story
SAME_PAGE = 0.9  # resemblance above which a page of the same name is the same page
CONTAINED = 0.8  # share of the shorter body found in the longer one
_MIN_SHINGLES = 20  # containment means little for a few sentences

Shingles = frozenset[tuple[str, ...]]


def shingles(text: str, size: int = SHINGLE) -> Shingles:
    tokens = lexical.slug_words(text)
    return frozenset(tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 1)))


def resemblance(a: Shingles, b: Shingles) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(a: Shingles, b: Shingles) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller >= _MIN_SHINGLES else 0.0


def body_hash(body: str) -> str:
    # Hash the words only, so re-wrapping or a changed escape does not hide a re-import.
    return hashlib.sha256(" ".join(lexical.slug_words(body)).encode()).hexdigest()


@dataclass(frozen=True)
class Page:
    """What identifies an imported page."""

    imported_from: str
    url: str | None
    body: str


@dataclass(frozen=True)
class Known:
    path: Path
    slug: str  # the article's slug, which no other article may share
    imported_from: str | None = None
    url: str | None = None
    hash: str = ""
    shingles: Shingles = frozenset()


@dataclass(frozen=True)
class Match:
    path: Path
    similarity: float


class Library:
    """The articles already in the target folder (and those written during this run)."""

    def __init__(self, known: Iterable[Known] = ()) -> None:
        self.known = list(known)

    @classmethod
    def load(cls, folder: Path) -> Library:
        return cls(_read(folder))

    def add(self, path: Path, page: Page, title: str = "", replaced: Path | None = None) -> None:
        self.known = [k for k in self.known if k.path not in (path, replaced)]
        self.known.append(_known(path, default_slug(path, title), page))

    def same_page(self, page: Page) -> Path | None:
        """The article imported from ``page`` before, if any."""
        digest, grams = body_hash(page.body), shingles(page.body)
        for known in self.known:
            if known.imported_from != page.imported_from:
                continue
            if page.url and known.url and page.url != known.url:
                continue  # another page of the same file name
            if known.hash == digest or resemblance(known.shingles, grams) > SAME_PAGE:
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

    def free(self, path: Path, title: str, replacing: Path | None = None) -> bool:
        """Whether an article may be written to ``path``: no other file is there, and no
        other article has the slug it would get (the article it replaces aside)."""
        if path.exists() and path != replacing:
            return False
        slug = default_slug(path, title)
        return all(k.slug != slug and k.path != path for k in self.known if k.path != replacing)


def _read(folder: Path) -> Iterator[Known]:
    for name in content_files(folder):
        path = Path(name)
        try:
            document = frontmatter.split(path.read_text(encoding="utf-8", errors="replace"))
        except (OSError, frontmatter.FrontMatterError):
            # Not an article we can compare with (the build reports it), but its name is taken.
            yield Known(path, default_slug(path, ""))
            continue
        meta = document.meta
        slug = str(meta.get("slug") or "") or default_slug(path, str(meta.get("title") or ""))
        origin, url = meta.get("imported_from"), meta.get("url")
        yield _known(path, slug, Page(str(origin or ""), str(url) if url else None, document.body))


def _known(path: Path, slug: str, page: Page) -> Known:
    origin, body = page.imported_from or None, page.body
    return Known(path, slug, origin, page.url, body_hash(body), shingles(body))
