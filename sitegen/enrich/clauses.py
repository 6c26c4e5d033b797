"""Sentence structure the event texts need, found by rules on the words (no parser).

An event is the clause its date belongs to, with its subject named. Four shapes of news
sentences put the date somewhere else than in a plain main clause:

- a wire dateline opens the sentence ("OSLO, May 2 (Reuters) - …", "(AP) — …"): it is
  furniture, and its date is the report's, not an event's (:func:`dateline_end`);
- the date sits in a participle clause tacked on to the sentence ("Officials said the
  troops are leaving, having seized the plant on March 3"): the event is that clause, with
  the subject of the clause it hangs from, as a past perfect ("The troops had seized the
  plant on March 3") (:func:`participle_clause`);
- the date sits in an object relative clause ("a town that the army took in May"): the
  event is the relative clause with its object put back ("The army took a town")
  (:func:`object_relative`);
- the subject is a pronoun ("He announced on Friday that …"): it is replaced by the person
  the sentence, or the one before, names as the subject of its verb (:func:`actor`).

A spaCy dependency parse finds these structures too, and was measured against these rules:
see docs/chronology.md ("Why rules and not a parser").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitegen.text import verbs

# "KYIV, Oct 8 (Reuters) - ", "LINDEN, Texas — ", "(AP) — ", "(MENAFN- Agency) ".
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ ]{1,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()]{2,40}\))?\s*[—–-]\s+"
    r"|\((?:[A-Z][\w.-]*)(?:[- ]+[\w.]+){0,3}\)\s*[—–-]?\s*)"
)
_WORD = re.compile(r"[\w’'-]+")
# Words that start the verb after a subject ("the forces ARE …", "Putin IS said …").
_VERBS = verbs.AUXILIARIES | verbs.REPORTING | frozenset(("believes", "believed"))
_REPORTING = verbs.REPORTING
_PARTICIPLE = re.compile(r",\s+having\s+(?=[a-z]+\b)")
_DETERMINERS = frozenset(
    ["a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "these", "those"]
)
_PRONOUN = re.compile(r"^(?:He|She)\b\s+(?=[a-z])")
# A capitalised word of a name (not the first word of a sentence that is merely capitalised).
_NAME_WORD = re.compile(r"^[A-Z][\w’'.-]*$")


@dataclass(frozen=True)
class Rewrite:
    """A clause taken out of its sentence: ``sentence[start:]`` up to the clause end, with
    ``head`` said before it and ``tail`` after it."""

    start: int
    head: str = ""
    tail: str = ""


def dateline_end(sentence: str) -> int:
    """Where a wire dateline opening ``sentence`` ends (0 when there is none)."""
    match = _DATELINE.match(sentence)
    if match is None or len(sentence) - match.end() < 20:
        return 0
    return match.end()


def participle_clause(sentence: str, lo: int, date_start: int) -> Rewrite | None:
    """The ", having seized …" clause holding the date, as a past perfect of its subject."""
    found = None
    for match in _PARTICIPLE.finditer(sentence, lo, date_start):
        found = match
    if found is None:
        return None
    subject = _subject(sentence[lo : found.start()])
    if subject is None:
        return None
    return Rewrite(found.end(), head=f"{subject} had ")


def object_relative(sentence: str, lo: int, date_start: int) -> Rewrite | None:
    """The relative clause holding the date when its object is the noun before it: "… a
    territory that Putin claimed to have annexed in September" → "Putin claimed to have
    annexed" + " a territory"."""
    before = sentence[lo:date_start]
    relatives = list(re.finditer(r"\b(?:that|which)\s+(?=\S)", before))
    if not relatives:
        return None
    match = relatives[-1]
    words = _WORD.findall(before[: match.start()])
    following = _WORD.findall(before[match.end() :])
    # The noun phrase: a determiner and up to three words, ending right before "that".
    start = next(
        (i for i in range(len(words) - 1, max(len(words) - 5, -1), -1)
         if words[i].lower() in _DETERMINERS),
        None,
    )  # fmt: skip
    if start is None or start == len(words) - 1 or not following:
        return None
    noun = " ".join(words[start:])
    # A subject follows "that" (a name or a determiner), so the gap is the object.
    if not (_NAME_WORD.match(following[0]) or following[0].lower() in _DETERMINERS):
        return None
    if noun.split()[-1].lower() in _VERBS or noun.split()[-1].endswith("ed"):
        return None
    return Rewrite(lo + match.end(), tail=f" {noun}")


def needs_object(text: str) -> bool:
    """Whether a clause ends on a verb that wants its object ("… to have “annexed”")."""
    last = _WORD.findall(text)
    return bool(last) and last[-1].lower().endswith("ed")


def actor(sentence: str) -> str | None:
    """The person a sentence names as the subject of its first verb: the last two
    capitalised words before it ("Pentagon press secretary John Kirby said" → "John Kirby",
    "Putin is now said …" → "Putin")."""
    words = _WORD.findall(sentence)
    for i, word in enumerate(words):
        if word.lower() in _VERBS:
            run: list[str] = []
            for previous in reversed(words[:i]):
                if not _NAME_WORD.match(previous):
                    break
                run.insert(0, previous)
            names = [w for w in run if w.lower() not in _DETERMINERS]
            return " ".join(names[-2:]) if names else None
    return None


def named_subject(text: str, sentence_before: str) -> tuple[str, bool]:
    """``text`` with a "He"/"She" subject replaced by the person the previous sentence names,
    and whether its subject is now named (False when a pronoun is left)."""
    match = _PRONOUN.match(text)
    if match is None:
        return text, True
    person = actor(sentence_before)
    if person is None:
        return text, False
    return person + " " + text[match.end() :], True


def _subject(clause: str) -> str | None:
    """The subject of the last finite clause of ``clause``: the noun phrase after a reporting
    verb ("… said the invading forces are …") or at its start."""
    words = _WORD.findall(clause)
    lowered = [w.lower() for w in words]
    starts = [i + 1 for i, w in enumerate(lowered) if w in _REPORTING]
    start = starts[-1] if starts else 0
    if start < len(words) and lowered[start] == "that":
        start += 1
    end = next((i for i in range(start, len(words)) if lowered[i] in _VERBS), None)
    if end is None or end == start or end - start > 6:
        return None
    phrase = " ".join(words[start:end])
    return phrase[0].upper() + phrase[1:]
