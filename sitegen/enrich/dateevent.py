"""Trim a sentence to the event its date mention dates, for a chronology entry.

The chronology shows the date beside the text, so the text should say who did what and
little else. Rules, applied to the sentence in this order; each applies only when the date
expression stays outside what it removes:

1. Keep the ";"-separated clause that holds the date expression.
2. Drop a leading attribution ending in a comma: "According to the update, ...",
   "In a statement, ...", "Speaking to reporters, ...".
3. Drop a trailing attribution: "..., the statement reads.", "..., officials said.",
   "..., according to customs data." Never in a sentence with quotation marks, where the
   attribution says whose words they are.
4. Drop the date's own locating phrase ("on Wednesday", "in September", "On Thursday, ")
   when the date was resolved (so the chronology shows it), the expression is not a range,
   the word before it does not need it as an object or complement ("the end of", "was"),
   and at least four words remain.
5. Tidy spaces and commas, capitalise the first letter, keep the final full stop.

If the result has fewer than three words, the whole sentence is returned instead: a
chronology entry must never be empty or mangled.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitegen.enrich.datefind import DateMention

_LEADING = re.compile(
    r"\s*(?:According\s+to|As\s+reported\s+by|In\s+a\s+(?:statement|speech|post|filing|letter"
    r"|report|briefing)|In\s+an\s+(?:interview|update|announcement)|Speaking\s+(?:to|at|on|in|"
    r"after))\b[^,;\"“”]{0,80},\s*"
)
_ATTRIBUTION_VERB = (
    r"(?:said|says|reported|reports|added|wrote|reads|stated|noted|warned|showed|shows"
    r"|announced|told\s+[^,;]{1,40})"
)
_TRAILING = re.compile(
    r",\s*(?:according\s+to\s+[^,;]{1,80}"
    r"|(?!(?:[\w'’.-]+\s+){0,6}?(?:than|which|what|that|if|as)\b)"
    rf"(?:[\w'’.-]+\s+){{1,6}}?{_ATTRIBUTION_VERB}(?:\s+on\s+\w+)?"
    # inverted: ", said the ministry." (not ", said it would ...")
    r"|(?:said|says|added|wrote)\s+(?:(?:the|a|an|its|his|her|their)\s+|[A-Z])[\w'’.-]*"
    r"(?:\s+[\w'’.-]+){0,4})\s*(?P<stop>[.!?]?)\s*$"
)
_QUOTES = re.compile(r"[\"“”‘’]|(?:^|\s)'")
_LOCATING = frozenset({"on", "in", "during"})
# A word before the date phrase that would be left dangling without it.
_NEEDS_OBJECT = frozenset(
    {
        "of",
        "the",
        "to",
        "from",
        "since",
        "until",
        "than",
        "between",
        "by",
        "for",
        "as",
        "at",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "and",
        "or",
    }
)
_LAST_WORD = re.compile(r"([\w'’]+)\W*$")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_SPACES = re.compile(r"\s{2,}")
_MIN_WORDS = 3
_MIN_WORDS_AFTER_DROP = 4


def event_text(sentence: str, mention: DateMention) -> str:
    """A readable event text for `mention` out of `sentence` (rules in the module docstring)."""
    lo, hi = _clause(sentence, mention)
    lo = _after_leading_attribution(sentence, lo, mention.start)
    hi, stop = _before_trailing_attribution(sentence, lo, hi, mention.end)
    left, right = sentence[lo : mention.start], sentence[mention.end : hi]
    if _droppable(mention, left, right):
        text = _join(left, right)
    else:
        text = left + sentence[mention.start : mention.end] + right
    text = _tidy(text, stop)
    return text if len(text.split()) >= _MIN_WORDS else sentence.strip()


def _clause(sentence: str, mention: DateMention) -> tuple[int, int]:
    lo = sentence.rfind(";", 0, mention.start) + 1
    hi = sentence.find(";", mention.end)
    return lo, len(sentence) if hi < 0 else hi


def _after_leading_attribution(sentence: str, lo: int, date_start: int) -> int:
    found = _LEADING.match(sentence, lo)
    return found.end() if found and found.end() <= date_start else lo


def _before_trailing_attribution(sentence: str, lo: int, hi: int, date_end: int) -> tuple[int, str]:
    """The new clause end and the full stop to restore after cutting the attribution."""
    clause = sentence[lo:hi]
    stop_match = re.search(r"[.!?]\s*$", clause)
    stop = stop_match.group(0).strip() if stop_match else ""
    if _QUOTES.search(sentence):
        return hi, stop
    found = _TRAILING.search(sentence, lo, hi)
    if found is None or found.start() < date_end:
        return hi, stop
    return found.start(), stop


def _droppable(mention: DateMention, left: str, right: str) -> bool:
    words = mention.text.split()
    if mention.date is None or mention.end_date is not None or words[0].lower() not in _LOCATING:
        return False
    before = _LAST_WORD.search(left)
    if before and before.group(1).lower() in _NEEDS_OBJECT:
        return False
    return len(left.split()) + len(right.split()) >= _MIN_WORDS_AFTER_DROP


def _join(left: str, right: str) -> str:
    """The text without the date phrase, without doubled or dangling commas."""
    left, right = left.rstrip(), right.lstrip()
    if right.startswith(",") and (not left or left.endswith(",")):
        # "On Thursday, the minister ..." / "The company, on Wednesday, said ..."
        left, right = left.rstrip(","), right[1:].lstrip()
    return f"{left} {right}"


def _tidy(text: str, stop: str) -> str:
    text = _SPACES.sub(" ", _SPACE_BEFORE_PUNCT.sub(r"\1", text)).strip().rstrip(",;:")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if stop and not text.endswith((".", "!", "?")):
        text = text.rstrip(".!? ") + stop
    return text
