"""When two reports on one date are the same event: comparing texts as sets of content words.

Words are lowercased, stopwords dropped and crudely stemmed, so "captured" and "capture"
meet. Two events on one date are the same when their texts overlap by half (Jaccard), or
when most of one's text is found in the sentence the other cites: an author's summary, or a
text trimmed from one outlet's sentence, rarely shares half its words with another outlet's
wording, yet that outlet's sentence says what it says.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
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

    Word sets become bitsets over word ids local to the date, so each comparison is three
    ANDs and bit counts. A busy date may keep thousands of distinct events (in a large
    briefing on the war, every article that dates something "February 24" reports an event
    on that day), so once many are kept a new event is compared only with the candidates
    a :class:`_WordIndex` finds.
    """

    def __init__(self, signatures: Sequence[Signature]) -> None:
        self._signatures = signatures  # every report of the date, for the index's word order
        self._ids: dict[str, int] = {}
        self._kept: list[tuple[int, int, int]] = []  # (text bits, text size, quote bits)
        self._kept_signatures: list[Signature] = []  # as _kept, for the index
        self._index: _WordIndex | None = None  # made once more than _COMPARE_ALL are kept
        self.crowded = 0  # reports compared with the likeliest kept events only (see twin)

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
        lookup, ordered, found = self._index, [], None
        if lookup is not None:
            ordered = lookup.order(signature.text)
            found = lookup.candidates(signature, ordered, len(self._kept))
            if found is None and len(self._kept) > _COMPARE_EXACTLY:
                self.crowded += 1
                return self._crowded_twin(signature, lookup.likeliest(signature, ordered))
        kept = self._kept
        pairs = enumerate(kept) if found is None else ((i, kept[i]) for i in found)
        for index, (other, other_size, other_quote) in pairs:
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
        self._keep(signature, ordered, (text, size, quote))
        return None

    def _keep(self, signature: Signature, ordered: list[str], bits: tuple[int, int, int]) -> None:
        self._kept.append(bits)
        self._kept_signatures.append(signature)
        lookup = self._index
        if lookup is not None:
            lookup.add(len(self._kept) - 1, signature, ordered)
        elif len(self._kept) > _COMPARE_ALL:
            self._index = _WordIndex(self._signatures, self._kept_signatures)

    def _crowded_twin(self, signature: Signature, candidates: list[int]) -> int | None:
        """:meth:`twin` among ``candidates`` only, comparing word sets: on a crowded date the
        bitsets span a large vocabulary, and ANDing such long numbers costs more than
        intersecting a few words."""
        text, quote, size = signature.text, signature.quote, len(signature.text)
        kept = self._kept_signatures
        for index in candidates:
            other = kept[index]
            if _same(size, len(other.text), len(text & other.text), len(text & other.quote),
                     len(other.text & quote)):  # fmt: skip
                return index
        bits = (self._bits(text), size, self._bits(quote))
        assert self._index is not None
        self._keep(signature, self._index.order(text), bits)
        return None


def _same(size: int, other_size: int, shared: int, covered: int, covering: int) -> bool:
    """The rule :meth:`SameDate.twin` applies (written out there, on bitsets, for speed): two
    texts of ``size`` and ``other_size`` words sharing ``shared``, the first's words found
    in the other's quote (``covered``), the other's found in the first's (``covering``)."""
    return bool(
        (size and other_size and shared >= SIMILAR * (size + other_size - shared))
        or (size >= _MIN_COVERED and covered >= COVERED * size)
        or (other_size >= _MIN_COVERED and covering >= COVERED * other_size)
    )


_COMPARE_ALL = 256  # kept events up to which a new one is compared with each of them
# Past this many kept events, a report whose words are all common (every kept event shares
# one) is compared with the _COMPARE_CROWDED kept events sharing its rarest words, not all:
# comparing every pair on such a date grows with the square of its reports (thousands of
# reports of one day in one runaway article stalled the build). Real dates never come near
# it; a date that does is reported (see sitegen.enrich.chronology).
_COMPARE_EXACTLY = 1024
_COMPARE_CROWDED = 64


class _WordIndex:
    """Which kept events can be the same as a new one, by prefix filtering (as in similarity
    joins): each test of :meth:`SameDate.twin` needs a shared word among the first few words
    of one side's text, taken rarest first, and the index maps words to the kept events that
    have them where a test looks:

    * half the words of two texts' union (SIMILAR) are at least half of the new text's, so
      the texts share one of the new text's first ``_prefix(size, SIMILAR)`` words;
    * most of the new text found in a kept event's quote (COVERED): one of its first words;
    * most of a kept text found in the new quote: one of the kept text's first words.
    """

    def __init__(self, signatures: Sequence[Signature], kept: list[Signature]) -> None:
        counts = Counter(word for s in signatures for part in (s.text, s.quote) for word in part)
        order = sorted(counts, key=lambda word: (counts[word], word))  # ties by the word
        self._rank = {word: rank for rank, word in enumerate(order)}
        self._texts: defaultdict[str, list[int]] = defaultdict(list)  # any word of the text
        self._quotes: defaultdict[str, list[int]] = defaultdict(list)
        self._covered: defaultdict[str, list[int]] = defaultdict(list)  # the text's first
        for index, signature in enumerate(kept):
            self.add(index, signature, self.order(signature.text))

    def order(self, text: frozenset[str]) -> list[str]:
        """``text``'s words, rarest first: the order the prefixes take them in."""
        return sorted(text, key=self._rank.__getitem__)

    def add(self, index: int, signature: Signature, ordered: list[str]) -> None:
        """Index kept event ``index``; ``ordered``: its text's words as :meth:`order` gives
        them."""
        for word in ordered:
            self._texts[word].append(index)
        for word in signature.quote:
            self._quotes[word].append(index)
        if len(ordered) >= _MIN_COVERED:
            for word in ordered[: _prefix(len(ordered), COVERED)]:
                self._covered[word].append(index)

    def candidates(self, signature: Signature, ordered: list[str], kept: int) -> list[int] | None:
        """The kept events (of ``kept``) that can pass a test with ``signature`` (its text's
        words ``ordered``), in order; None for all of them."""
        size = len(ordered)
        texts = self._texts
        lists = [texts[w] for w in ordered[: _prefix(size, SIMILAR)] if w in texts]
        if size >= _MIN_COVERED:
            quotes = self._quotes
            lists += [quotes[w] for w in ordered[: _prefix(size, COVERED)] if w in quotes]
        covered = self._covered
        # A loop over the quote, not ``quote & covered.keys()``: that copies every key.
        lists += [covered[word] for word in signature.quote if word in covered]
        # Where the words are common (or the vocabulary small, as in the benchmark corpus)
        # the lists name most kept events anyway: comparing each is then cheaper.
        if sum(map(len, lists)) >= kept:
            return None
        return sorted(set().union(*lists))

    def likeliest(
        self, signature: Signature, ordered: list[str], limit: int = _COMPARE_CROWDED
    ) -> list[int]:
        """At most ``limit`` kept events that can pass a test with ``signature``, taken from
        the lists of its rarest words first (the likeliest twins share a rare word), the
        latest first in each: a bounded search for a date crowded with common words."""
        size = len(ordered)
        pairs = [(w, self._texts) for w in ordered[: _prefix(size, SIMILAR)]]
        if size >= _MIN_COVERED:
            pairs += [(w, self._quotes) for w in ordered[: _prefix(size, COVERED)]]
        pairs += [(w, self._covered) for w in signature.quote if w in self._covered]
        pairs.sort(key=lambda pair: self._rank[pair[0]])
        chosen: set[int] = set()
        for word, table in pairs:
            for index in reversed(table.get(word, ())):
                chosen.add(index)
                if len(chosen) >= limit:
                    return sorted(chosen)
        return sorted(chosen)


def _prefix(size: int, share: float) -> int:
    """How many of a text's first words hold at least one of the ``ceil(share * size)`` words
    a test needs it to share. ``int()`` rounds down: a prefix a word too long costs a
    candidate, one too short would miss a twin."""
    return size - int(share * size) + 1
