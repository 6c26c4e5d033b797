"""Word-level facts about one line of text, shared by the furniture scorer and metadata finder.

No part-of-speech tagger is available offline, so "has a verb" is a cheap hint from auxiliaries
and common reporting verbs; it only ever adds weight to a score, never decides alone.
"""

from __future__ import annotations

import re
import unicodedata

from sitegen.text import verbs

WORD = re.compile(r"[^\W_][\w’'\-.&]*", re.UNICODE)
OPENING_QUOTES = "“\"‘'«„"
# A sentence may end inside a closing quote or bracket: `… gone.”` or `… (AFP).`
TERMINAL = re.compile(r"[.!?…:;][”\"’')\]]*\s*$|[”\"’]\s*$")

# Lower-case words that are allowed inside a Title Case phrase ("Calls On Russia to Withdraw").
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    ]
)
# Verbs a line with a verb likely has: auxiliaries and the verbs headlines and reports use.
_HEADLINE_VERBS = frozenset(
    ("shows", "showed", "reveals", "revealed", "calls", "called", "vows", "vowed", "admits",
     "admitted")
)  # fmt: skip
_VERB_HINTS = verbs.AUXILIARIES | verbs.NEGATED | verbs.REPORTING | _HEADLINE_VERBS


def words(text: str) -> list[str]:
    return WORD.findall(text)


def normalise(text: str) -> str:
    """Case-, quote- and space-insensitive form for comparing lines."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’`´]", "'", text)
    text = re.sub(r"[“”«»„]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


def ends_like_sentence(text: str) -> bool:
    return bool(TERMINAL.search(text.rstrip()))


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("”\"’'").endswith("?")


def starts_with_quote(text: str) -> bool:
    return text[:1] in OPENING_QUOTES


def is_title_case(text: str) -> bool:
    """Every word capitalised except short minor words: headline and sub-heading style."""
    tokens = [w for w in words(text) if w[0].isalpha()]
    if len(tokens) < 2:
        return False
    return (
        all(w[0].isupper() or w.lower() in MINOR_WORDS for w in tokens) and tokens[0][0].isupper()
    )


def has_verb_hint(text: str) -> bool:
    return any(w.lower() in _VERB_HINTS for w in words(text))


def lowercase_share(text: str) -> float:
    """Share of alphabetic words starting in lower case; prose is mostly lower case."""
    tokens = [w for w in words(text) if w[0].isalpha()]
    if not tokens:
        return 0.0
    return sum(w[0].islower() for w in tokens) / len(tokens)


def is_enumeration(text: str) -> bool:
    """ "Military, Defense and National Security", "News | Sport | Weather": menus and taglines."""
    body = text.split(":", 1)[-1]
    parts = [p for p in re.split(r",|\||·|/|\band\b|&", body) if p.strip()]
    return (
        len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts) and not ends_like_sentence(text)
    )


def slug_words(text: str) -> list[str]:
    """Lower-case ASCII words for file names and URL slugs ("Putin’s" → "putins")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return re.findall(r"[a-z0-9]+", ascii_text)
