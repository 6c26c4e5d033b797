"""When two reports on one date are the same event: comparing texts as sets of content words.

Words are lowercased, stopwords dropped and crudely stemmed, so "captured" and "capture"
meet. Two events on one date are the same when their texts overlap by half (Jaccard), or
when most of one's text is found in the sentence the other cites: an author's summary, or a
text trimmed from one outlet's sentence, rarely shares half its words with another outlet's
wording, yet that outlet's sentence says what it says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


def best_match(
    target: frozenset[str], candidates: Iterable[tuple[str, str]], threshold: float
) -> str | None:
    """The key of the candidate text whose words overlap ``target`` most, above
    ``threshold``.

    Stemming every sentence of an article is what makes matching slow, so candidates are
    first bounded cheaply: each of the target's stems found in the lowercased text counts
    once, at least as many as the words they share, so ``found / len(target)`` bounds the
    overlap. Candidates are stemmed best bound first, until no bound can beat the best.
    """
    if not target:
        return None
    bounded = []
    for key, text in candidates:
        lowered = text.lower()
        bounded.append((sum(stem in lowered for stem in target), key, text))
    bounded.sort(key=lambda item: -item[0])
    best, best_score = None, threshold
    for found, key, text in bounded:
        if found / len(target) <= best_score:
            break
        score = overlap(target, words(text))
        if score > best_score:
            best, best_score = key, score
    return best


@dataclass(frozen=True)
class Signature:
    text: frozenset[str]
    quote: frozenset[str]  # the words of the sentences the event cites


class SameDate:
    """The distinct events on one date, each new one compared with those kept before it.

    Word sets become bitsets over word ids local to the date (small integers, since one
    date's events use a few thousand words), so each comparison is three ANDs and bit
    counts: a large corpus may hold a hundred reports for one day.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._kept: list[tuple[int, int, int]] = []  # (text bits, text size, quote bits)

    def _bits(self, words: frozenset[str]) -> int:
        bits = 0
        for word in words:
            bits |= 1 << self._ids.setdefault(word, len(self._ids))
        return bits

    def twin(self, signature: Signature) -> int | None:
        """The index of the first kept event ``signature`` is the same as; else it is kept
        (and gets the next index) and None is returned."""
        text, quote, size = (
            self._bits(signature.text),
            self._bits(signature.quote),
            len(signature.text),
        )
        for index, (other, other_size, other_quote) in enumerate(self._kept):
            shared = (text & other).bit_count()
            if (
                (size and other_size and shared >= SIMILAR * (size + other_size - shared))
                or (size >= _MIN_COVERED and (text & other_quote).bit_count() >= COVERED * size)
                or (
                    other_size >= _MIN_COVERED
                    and (other & quote).bit_count() >= COVERED * other_size
                )
            ):
                return index
        self._kept.append((text, size, quote))
        return None
