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
4. Drop the date's own locating phrase ("on Wednesday", "in September") when the date was
   resolved (so the chronology shows it) and is not a range, and the phrase
   - opens the clause ("On Thursday, the minister ..."), or
   - is set off by commas ("The company, on Wednesday, said ..."), or
   - follows a reporting verb ("said on Wednesday that ..."), or
   - closes the clause, unless the word before it is a bare "-ed" form, which may be a
     participle describing a noun ("a contract signed in 2015"; "was signed in 2015" is
     fine);
   and never when the phrase sits inside a comma-delimited insertion ("The election, held
   in 2020, was ..."), when ", when" follows (it refers to the date), when the word before
   needs it ("the end of", "was", "late"), or when fewer than four words would remain.
   Dates anywhere else stay: redundant beside the chronology's date, but always readable.
5. Tidy spaces and commas, capitalise the first letter, keep the final full stop.

If the result has fewer than three words, the whole sentence is returned instead: a
chronology entry must never be empty or mangled.
"""

from __future__ import annotations

import re

from sitegen.enrich import clauses
from sitegen.enrich.datemention import DateMention
from sitegen.text import verbs

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
# Quotation marks; a typographic apostrophe inside a word ("Ukraine’s") is not one.
_QUOTES = re.compile(r"[\"“”]|(?<!\w)[‘’]|[‘’](?!\w)|(?:^|\s)'")
_LOCATING = frozenset({"on", "in", "during"})
_REPORTING = verbs.REPORTING
_AUXILIARIES = verbs.BE_HAVE
_REFERS_BACK = re.compile(r"\s*,?\s*(?:when|where)\b")
_CLOSES = re.compile(r"\s*(?:[,.;:!?]|$)")
# A word before the date phrase that would be left dangling without it.
_NEEDS_OBJECT = frozenset({
    "and", "are", "as", "at", "be", "been", "being", "between", "by", "early", "for", "from",
    "is", "late", "of", "or", "since", "than", "the", "to", "until", "was", "were",
})  # fmt: skip
_LAST_WORD = re.compile(r"([\w'’]+)\W*$")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")  # "8 p.m." + "." but not an ellipsis
_SPACES = re.compile(r"\s{2,}")
_MIN_WORDS = 3
_MIN_WORDS_AFTER_DROP = 4


def event_text(sentence: str, mention: DateMention) -> str:
    """A readable event text for `mention` out of `sentence` (rules in the module docstring)."""
    lo, hi = _clause(sentence, mention)
    lo = max(lo, clauses.dateline_end(sentence))
    rewrite = clauses.participle_clause(sentence, lo, mention.start) or clauses.object_relative(
        sentence, lo, mention.start
    )
    text = _trimmed(sentence, mention, lo, hi, rewrite)
    if text is None:  # not an object relative after all: the clause has its object
        text = _trimmed(sentence, mention, lo, hi, None)
    assert text is not None
    return text if len(text.split()) >= _MIN_WORDS else sentence.strip()


def _trimmed(
    sentence: str, mention: DateMention, lo: int, hi: int, rewrite: clauses.Rewrite | None
) -> str | None:
    if rewrite is not None:
        lo = rewrite.start
    lo = _after_leading_attribution(sentence, lo, mention.start)
    hi, stop = _before_trailing_attribution(sentence, lo, hi, mention.end)
    left, right = sentence[lo : mention.start], sentence[mention.end : hi]
    if rewrite is not None and rewrite.tail:
        # An object relative: its verb, then the date closing the clause, wants the object.
        core = left.rstrip(" ,")
        if right.strip(" .!?") or not clauses.needs_object(core):
            return None
        return _shortened(_tidy(rewrite.head + core + rewrite.tail, stop))
    if _droppable(mention, left, right):
        text = _join(left, right)
    else:
        text = left + sentence[mention.start : mention.end] + right
    return _shortened(_tidy(rewrite.head + text if rewrite else text, stop))


# Where a long event text may end early: before a clause that comments on the event
# (", prompting fears …", ", which …", ", as …", ", according to …").
_TAIL_CLAUSE = re.compile(
    r",\s+(?:[a-z]+ing|which|who|as|while|according\s+to|including|but|although|despite)\b"
)
MAX_WORDS = 35


def _shortened(text: str) -> str:
    """At most :data:`MAX_WORDS` words where a trailing comment clause can go; the text
    stays whole when nothing can (see Found.doubt)."""
    while len(text.split()) > MAX_WORDS:
        cuts = [
            m.start() for m in _TAIL_CLAUSE.finditer(text) if len(text[: m.start()].split()) >= 8
        ]
        if not cuts:
            break
        stop = "." if text.rstrip().endswith((".", "”.", '".')) else ""
        text = text[: cuts[-1]].rstrip() + stop
    return text


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
    """Whether the date phrase can go without breaking the sentence (rule 4)."""
    if mention.date is None or mention.end_date is not None:
        return False
    if mention.text.split()[0].lower() not in _LOCATING:
        return False
    before = _LAST_WORD.search(left)
    previous = before.group(1).lower() if before else ""
    left_words = left.split()
    if previous in _NEEDS_OBJECT or _REFERS_BACK.match(right):
        return False
    set_off = left.rstrip().endswith(",") and right.lstrip().startswith(",")
    if "," in left and "," in right and not set_off:  # inside an insertion
        return False
    opens = not left_words
    closes = bool(_CLOSES.match(right)) and not (
        previous.endswith("ed") and (len(left_words) < 2 or left_words[-2] not in _AUXILIARIES)
    )
    if not (opens or set_off or previous in _REPORTING or closes):
        return False
    return len(left_words) + len(right.split()) >= _MIN_WORDS_AFTER_DROP


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
    text = _DOUBLE_STOP.sub(".", text)
    if stop and not text.endswith((".", "!", "?")):
        text = text.rstrip(".!? ") + stop
    return text
