"""Find topic mentions in text with one compiled pattern for every alias of every topic.

The aliases are merged into a trie, written as one regular expression over lowercased text
("c(?:h(?:ernobyl|ornobyl)|rimea(?:n peninsula)?)"): at each position the regex engine
follows one branch per character instead of trying every alias in turn, and with no
IGNORECASE flag it skips positions that cannot start an alias by their first character
alone. That is several times faster on article text than an alternation of the aliases, which
matters because every paragraph of every body goes through it.

Matching is case-insensitive on whole words; spaces and hyphens inside an alias match any run
of spaces, hyphens or line breaks, and apostrophes match both typewriter and typographic
forms, so "Zaporizhzhia NPP", "Zaporizhzhia-NPP" and "Zaporizhzhia\\nNPP" are one alias. At
one position the longest alias wins. A topic's ``exclude`` phrases (e.g. "Zaporizhzhia
Oblast" for the power plant) are matched the same way and swallow the text they cover, so an
alias inside them does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple, Protocol

# How an alias may be spelled in text: spaces and hyphens inside it match any run of them,
# apostrophes match each form. sitegen.config folds aliases by these too, to find two topics
# claiming one alias.
ALIAS_SEPARATORS = r"[\s\-‐‑–]+"
APOSTROPHES = "'’‘"
_SEPARATOR_RUN = re.compile(ALIAS_SEPARATORS)
_WORD = re.compile(r"\w")
_TO_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES})
_EXCLUDED = ""  # the owner of exclusion phrases
_END = ""  # trie key marking the end of a phrase
_Trie = dict[str, "_Trie"]
# What the trie's normalized units match in the text.
_CLASSES = {" ": ALIAS_SEPARATORS, "'": f"[{APOSTROPHES}]"}


class Mention(NamedTuple):  # made for every mention in every paragraph: a tuple is quicker
    start: int
    end: int
    topic: str  # topic slug


class Aliased(Protocol):
    """What the matcher reads of a topic (or of a party, whose aliases name speakers)."""

    @property
    def slug(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def exclude(self) -> tuple[str, ...]: ...


class MentionMatcher:
    def __init__(self, topics: Sequence[Aliased]) -> None:
        # Normalized phrase → topic slug or _EXCLUDED; the first topic to name a phrase has it.
        self._owners: dict[str, str] = {}
        trie: _Trie = {}
        for topic in topics:
            named = [(a, topic.slug) for a in topic.aliases]
            for phrase, owner in [*named, *((p, _EXCLUDED) for p in topic.exclude)]:
                units = _units(phrase)
                if units:
                    self._owners.setdefault("".join(units), owner)
                    node = trie
                    for unit in units:
                        node = node.setdefault(unit, {})
                    node[_END] = {}
        # Whole words: nothing word-like just before. Where every phrase starts with a word
        # character, \b says the same, and the regex engine finds it at least as fast.
        start = r"\b" if all(_WORD.match(unit) for unit in trie) else r"(?<!\w)"
        self._pattern = re.compile(start + _branches(trie)) if trie else None

    def finditer(self, text: str) -> Iterator[Mention]:
        if self._pattern is None:
            return
        owners = self._owners
        for match in self._pattern.finditer(_lowered(text)):
            found = match.group()
            owner = owners.get(found)
            if owner is None:  # spelled with other separators or apostrophes than the alias
                owner = owners[_SEPARATOR_RUN.sub(" ", found).translate(_TO_APOSTROPHE)]
            if owner != _EXCLUDED:
                yield Mention(match.start(), match.end(), owner)


def _lowered(text: str) -> str:
    """``text`` in lower case, each character still at its offset (mentions are offsets into
    the original): a character whose lower case is longer ("İ") stays as it is."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _units(phrase: str) -> list[str]:
    """A phrase as the trie spells it: lowercased characters, one " " per separator run,
    "'" for any apostrophe."""
    words = [w for w in _SEPARATOR_RUN.split(_lowered(phrase.strip())) if w]
    return list(" ".join(words).translate(_TO_APOSTROPHE))


def _branches(node: _Trie) -> str:
    """The regex for the phrases below a trie node; longer continuations are tried before
    a phrase ending here, so the longest alias at a position wins."""
    options = [
        (_CLASSES.get(unit) or re.escape(unit)) + _branches(child)
        for unit, child in node.items()
        if unit != _END
    ]
    if _END in node:
        options.append(r"(?!\w)")
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
