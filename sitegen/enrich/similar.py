"""When two reports on one date are the same event: comparing texts as sets of content words.

Words are lowercased, stopwords dropped and crudely stemmed, so "captured" and "capture"
meet. Two events on one date are the same when their texts overlap by half (Jaccard), or
when most of one's text is found in the sentence the other cites: an author's summary, or a
text trimmed from one outlet's sentence, rarely shares half its words with another outlet's
wording, yet that outlet's sentence says what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "by", "for", "from", "with",
    "as", "is", "was", "were", "be",
})  # fmt: skip
SIMILAR = 0.5  # Jaccard overlap of two event texts above which they are one event
COVERED = 0.7  # share of a text found in another event's sentence, likewise
_MIN_COVERED = 3  # fewer content words ("Troops left.") are found in too many sentences


def words(text: str) -> frozenset[str]:
    """Content words, crudely stemmed."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap: shared words over all words."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def covered(part: frozenset[str], whole: frozenset[str]) -> float:
    """The share of ``part``'s words found in ``whole`` (0 for a part too short to tell)."""
    return len(part & whole) / len(part) if len(part) >= _MIN_COVERED else 0.0


@dataclass(frozen=True)
class Signature:
    text: frozenset[str]
    quote: frozenset[str]  # the words of the sentences the event cites


def same_event(a: Signature, b: Signature) -> bool:
    return (
        overlap(a.text, b.text) >= SIMILAR
        or covered(a.text, b.quote) >= COVERED
        or covered(b.text, a.quote) >= COVERED
    )
