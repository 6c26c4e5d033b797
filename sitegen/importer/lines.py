"""Decide for every block whether it is article text or page furniture, by scoring line features.

Each feature adds weight towards "furniture" (positive) or "content" (negative). A block scoring
at least :data:`DROP` is removed; between :data:`REVIEW` and :data:`DROP` it is kept but flagged
for a human, because losing a real sentence is worse than keeping a line of furniture.

Features come in two passes: *intrinsic* ones look at the line alone (vocabulary, shape,
length); *contextual* ones look at the neighbours' first-pass verdicts (a short phrase right
before a caption is image alt text; a lone label between sign-up boxes is a link).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from sitegen.importer import bylines, datelines, furniture, lexical
from sitegen.importer.blocks import Block

DROP = 3.0
REVIEW = 1.5

Action = Literal["keep", "review", "drop"]


# Features a headline has too: it is printed more than once, and a hero image's caption or a
# dateline follows it. The headline finder looks past them (see
# :meth:`Verdict.furniture_apart_from_repeats`).
_LIKE_A_HEADLINE = frozenset({
    "repeated headline", "repeated line", "printed three times",
    "image alt text before caption", "image alt text repeated by its caption",
    "label before furniture", "header label", "label: link", "short fragment",
    "one to three words",
})  # fmt: skip


@dataclass(frozen=True)
class Verdict:
    block: Block  # with ``kind`` updated when a plain line turned out to be a sub-heading
    score: float
    reasons: tuple[str, ...]
    weights: tuple[float, ...] = ()  # one per reason

    @property
    def action(self) -> Action:
        if self.score >= DROP:
            return "drop"
        return "review" if self.score >= REVIEW else "keep"

    @property
    def furniture_apart_from_repeats(self) -> bool:
        """Furniture by what the line says or where it stands, not by what a headline has
        too (being printed twice, a picture or a dateline under it)."""
        weights = zip(self.reasons, self.weights, strict=True)
        return sum(w for name, w in weights if name not in _LIKE_A_HEADLINE) >= DROP


@dataclass(frozen=True)
class _Shape:
    """Per-block facts computed once and shared by the features."""

    text: str
    key: str  # normalised text, for comparing lines
    word_count: int
    terminal: bool  # ends like a sentence (., !, ?, closing quote, …)
    prose: bool  # a real sentence: long enough and punctuated like one


def _shape(block: Block) -> _Shape:
    count = len(lexical.words(block.text))
    terminal = lexical.ends_like_sentence(block.text)
    quoted = lexical.starts_with_quote(block.text) and count >= 4
    return _Shape(block.text, lexical.normalise(block.text), count, terminal,
                  (count >= 8 and terminal) or quoted)  # fmt: skip


# ---- intrinsic features: (name, weight, test(shape, block)) ----------------------------------

_LABEL_PREFIX = re.compile(r"^[\w’'&\- ]{2,30}:\s+\S")


def _label_prefix(s: _Shape, _: Block) -> bool:
    # "Ukraine: Footage shows …", "WATCH: …": a story link, not a sentence or heading.
    prefix = s.text.split(":", 1)[0]
    return bool(_LABEL_PREFIX.match(s.text)) and len(prefix.split()) <= 3 and not s.terminal \
        and s.word_count <= 14  # fmt: skip


def _fragment(s: _Shape, block: Block) -> bool:
    # Image alt text is a short noun phrase: no verb, no full stop, not a Title Case heading.
    return (
        block.kind == "paragraph"
        and 2 <= s.word_count <= 8
        and not s.terminal
        and not lexical.is_title_case(s.text)
        and not lexical.has_verb_hint(s.text)
    )


_INTRINSIC: list[tuple[str, float, Callable[[_Shape, Block], bool]]] = [
    ("byline", 6.0, lambda s, b: bylines.byline_author(s.text) is not None),
    ("dateline", 6.0, lambda s, b: datelines.is_dateline(s.text)),
    ("author biography", 4.0, lambda s, b: bylines.bio_author(s.text) is not None),
    ("menu or tagline", 3.0, lambda s, b: lexical.is_enumeration(s.text)),
    ("label: link", 1.5, _label_prefix),
    ("short fragment", 1.5, _fragment),
    ("one to three words", 1.0, lambda s, b: s.word_count <= 3 and not s.terminal),
    ("sentence", -3.0, lambda s, b: s.prose),
    ("long", -1.0, lambda s, b: s.word_count >= 25),
]
_VOCABULARY_WEIGHT = 8.0
_REPEAT_WEIGHT = 8.0


def classify(blocks: list[Block], title: str | None) -> list[Verdict]:
    shapes = [_shape(b) for b in blocks]
    title_key = lexical.normalise(title) if title else None
    scores: list[list[tuple[str, float]]] = []
    seen: set[str] = set()
    printed = Counter(s.key for s in shapes)
    for block, s in zip(blocks, shapes, strict=True):
        fired = [(name, w) for name, w, test in _INTRINSIC if test(s, block)]
        if kind := furniture.category(s.text):
            fired.append((kind, _VOCABULARY_WEIGHT))
        if s.key == title_key:
            fired.append(("repeated headline", _REPEAT_WEIGHT))
        elif printed[s.key] >= 3:
            # No article prints a sentence three times; a page prints a caption that often
            # (image alt text, the caption, a gallery's copy).
            fired.append(("printed three times", _REPEAT_WEIGHT))
        elif s.key in seen:
            fired.append(("repeated line", _REPEAT_WEIGHT))
        seen.add(s.key)
        scores.append(fired)
    first = [_total(f) >= DROP for f in scores]
    context = _Context(blocks, shapes, first, title_key)
    for i, fired in enumerate(scores):
        fired.extend((name, w) for name, w, test in _CONTEXTUAL if test(context, i))
    _add_tail(scores)
    return [_verdict(context, i, fired) for i, fired in enumerate(scores)]


def _total(fired: list[tuple[str, float]]) -> float:
    return sum(w for _, w in fired)


# ---- contextual features ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    blocks: list[Block]
    shapes: list[_Shape]
    dropped: list[bool]  # first-pass verdicts
    title_key: str | None

    @property
    def body_start(self) -> int:
        """Index of the first real sentence: everything before it is the page header."""
        return next(
            (i for i, s in enumerate(self.shapes) if s.prose and not self.dropped[i]),
            len(self.shapes),
        )

    @property
    def title_index(self) -> int | None:
        return next((i for i, s in enumerate(self.shapes) if s.key == self.title_key), None)

    def next_kept(self, i: int) -> int | None:
        return next((j for j in range(i + 1, len(self.shapes)) if not self.dropped[j]), None)

    def is_caption(self, i: int) -> bool:
        if i < 0 or i >= len(self.shapes):
            return False
        # A caption line is either worded like one or printed twice in a row (alt + figcaption).
        doubled = any(
            0 <= j < len(self.shapes) and self.shapes[j].key == self.shapes[i].key
            for j in (i - 1, i + 1)
        )
        return furniture.category(self.shapes[i].text) == "caption" or doubled

    def is_alt_text(self, i: int) -> bool:
        """The image's alt text printed before its caption, which repeats it and adds the
        place, date or credit: "A crane at the port." / "A crane at the port in May. (J. Doe)"."""
        s = self.shapes[i]
        if i + 1 >= len(self.shapes) or s.word_count < 4 or not self.is_caption(i + 1):
            return False
        following = self.shapes[i + 1].key
        own = s.key.rstrip(" .")
        return following != s.key and following.startswith(own)


def _before_title(c: _Context, i: int) -> bool:
    title = c.title_index
    return title is not None and i < title


def _header_label(c: _Context, i: int) -> bool:
    # "USA News", "Politics": a section label in the page header.
    s = c.shapes[i]
    return i < c.body_start and s.word_count <= 4 and not s.terminal and s.key != c.title_key


def _before_caption(c: _Context, i: int) -> bool:
    s = c.shapes[i]
    return c.is_caption(i + 1) and not c.is_caption(i) and s.word_count <= 14 and not s.terminal


def _above_its_credit(c: _Context, i: int) -> bool:
    # A caption's text with only the agency under it ("… at the quay" / "Reuters"): unlike
    # a headline above a picture, whose caption says what the picture shows.
    following = c.shapes[i + 1] if i + 1 < len(c.shapes) else None
    return following is not None and following.word_count <= 3 and _before_caption(c, i)


def _credit_after_caption(c: _Context, i: int) -> bool:
    # "Ana Ruiz / City Council" under a caption: who took or gave the picture.
    s = c.shapes[i]
    named = lexical.is_title_case(s.text) or s.word_count == 1
    return c.is_caption(i - 1) and not c.is_caption(i) and s.word_count <= 4 and named \
        and not s.terminal  # fmt: skip


def _next_is_furniture(c: _Context, i: int) -> bool:
    s = c.shapes[i]
    return i + 1 < len(c.dropped) and c.dropped[i + 1] and not s.terminal and s.word_count <= 14


def _after_author_box(c: _Context, i: int) -> bool:
    return i > 0 and furniture.category(c.shapes[i - 1].text) == "credits"


def _in_link_list(c: _Context, i: int) -> bool:
    # Lines listed under "Most read" or "Share this:" up to the next real sentence: story
    # headlines after a promo label, one-to-three-word buttons after a navigation label.
    if c.shapes[i].prose:
        return False
    for j in range(i - 1, -1, -1):
        s = c.shapes[j]
        if s.prose and not c.dropped[j]:
            return False
        label = furniture.category(s.text) if s.word_count <= 5 else None
        if label == "promo":
            return True
        if label == "navigation":
            return c.shapes[i].word_count <= 3
    return False


def _inserted_headline(c: _Context, i: int) -> bool:
    # Another story's headline set between two paragraphs: as long as a sentence but not
    # punctuated like one, with finished sentences around it. (The page's last line is
    # often cut short by the scraper, and a line ending in a comma goes on below.)
    s = c.shapes[i]
    before, after = i - 1, c.next_kept(i)
    # Sub-headings are shorter: a sentence-case one of up to ten words stays.
    return (
        i > c.body_start
        and c.blocks[i].kind == "paragraph"
        and after is not None
        and 11 <= s.word_count <= 25
        and not s.terminal
        and not s.text.rstrip().endswith((",", "-", "–", "—"))
        and not lexical.is_title_case(s.text)
        and not any(q in s.text for q in lexical.OPENING_QUOTES + "”’")
        and c.shapes[before].terminal
        and c.shapes[after].text[:1].isupper()
    )


def _heading_shape(c: _Context, i: int) -> bool:
    # A sub-heading: a question or Title Case phrase, inside the body, followed by prose.
    s = c.shapes[i]
    after = c.next_kept(i)
    return (
        i > c.body_start
        and s.word_count <= 14
        and (lexical.is_question(s.text) or (lexical.is_title_case(s.text) and not s.terminal))
        and after is not None
        and c.shapes[after].prose
    )


_CONTEXTUAL: list[tuple[str, float, Callable[[_Context, int], bool]]] = [
    ("before the headline", 2.0, _before_title),
    ("header label", 3.0, _header_label),
    (
        "byline",
        6.0,
        lambda c, i: i < c.body_start and bool(bylines.placed_byline(c.shapes[i].text)),
    ),
    ("image alt text before caption", 4.0, _before_caption),
    ("caption above its credit", DROP, _above_its_credit),
    # As good as a repeated line: the caption prints it again.
    ("image alt text repeated by its caption", _REPEAT_WEIGHT, lambda c, i: c.is_alt_text(i)),
    ("photo credit", 4.0, _credit_after_caption),
    ("label before furniture", 1.5, _next_is_furniture),
    ("inside author box", 3.0, _after_author_box),
    ("in a list of links", 4.0, _in_link_list),
    ("another story's headline", 3.0, _inserted_headline),
    ("sub-heading shape", -2.0, _heading_shape),
]


def _add_tail(scores: list[list[tuple[str, float]]]) -> None:
    # Author boxes and footers: a block followed only by furniture leans towards furniture.
    for fired in reversed(scores):
        if _total(fired) >= DROP:
            continue
        fired.append(("page footer", 2.0))
        if _total(fired) < DROP:
            return


def _verdict(c: _Context, i: int, fired: list[tuple[str, float]]) -> Verdict:
    block = c.blocks[i]
    if block.kind == "paragraph" and _is_subheading(c, i):
        block = replace(block, kind="heading", level=2)
    return Verdict(
        block, _total(fired), tuple(name for name, _ in fired), tuple(w for _, w in fired)
    )


def _is_subheading(c: _Context, i: int) -> bool:
    s = c.shapes[i]
    after = c.next_kept(i)
    return (
        i > c.body_start
        and s.word_count <= 14
        and (not s.terminal or lexical.is_question(s.text))
        and not lexical.starts_with_quote(s.text)
        and after is not None
        and c.shapes[after].prose
    )
