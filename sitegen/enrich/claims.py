"""Who says what: the speaker a sentence attributes its news to, and the party they speak for.

Finding the speaker reads the sentence's words only (and the sentence before it, for a
speaker named there and referred to again as "he" or "the ministry"), so it is cached with
the rest of an article's extraction, and imported only where an extraction is made (a warm
build needs none). Matching a speaker to a party reads ``site.yaml``'s ``parties`` and is
done on every build (:mod:`sitegen.enrich.parties`). The forms of attribution:

- "X said/says/told/claimed/announced/reported/accused/warned/denied …", with X before the
  verb ("Energoatom said on Friday that …", "…, the ministry said", "X, the head of Y,
  said") or after it ("…, said X");
- "according to X", "citing X", "X's statement", "a statement by X", "(as) reported by X",
  "the figures were released by X";
- a relayed claim keeps the original speaker: "the Herald reports the army says …" is the
  army's claim, carried by the Herald (:attr:`Claim.relayed_by`, whose party is the army's
  when the army's own words name none: see :mod:`sitegen.enrich.parties`);
- a pronoun or a bare title ("he said", "the agency said") stands for the speaker the
  sentence before names;
- a hedged sentence ("the crew are reportedly held …") relays the speaker its paragraph
  names, in the sentence after it or else the one before;
- a sentence that refers back ("This was reported by X.", "X reported this on Telegram.")
  names the speaker of the sentences of its paragraph before it (of the paragraph before,
  when it opens one).

A sentence without any of these is the outlet's own voice. A speaker who denies or rejects
(:attr:`Claim.stance`) disputes what another side claims (see :mod:`sitegen.enrich.standing`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from sitegen.enrich import clauses
from sitegen.model import Claim, Sentence, Stance
from sitegen.text import verbs

# Longest first, so that a verb is never matched as the start of a longer one.
_VERBS = "|".join(sorted(verbs.ATTRIBUTING, key=lambda verb: (-len(verb), verb)))
_DENIAL = re.compile(r"\b(?:" + "|".join(sorted(verbs.DENYING)) + r")\b")
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_DAY = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"(?:early\s+|late\s+)?(?:on\s+)?(?:\w+day\s+)?(?:morning|evening|night))"
)
# Words between a speaker and the verb, and the verb and what is said, that are not either.
_BETWEEN = re.compile(
    rf"(?:\s*,?\s*\b(?:also|later|earlier|previously|further|then|has|have|had|would|will|"
    rf"separately|again|now|first|repeatedly|publicly|officially|{_DAY}|in\s+a\s+(?:\w+\s+)?"
    rf"(?:statement|post|update|briefing|interview)(?:\s+on\s+\w+)?)\b)+\s*,?\s*$",
    re.IGNORECASE,
)
_AFTER_VERB = re.compile(
    rf"^\s*(?:(?:{_DAY}|in\s+a\s+(?:\w+\s+)?(?:statement|post|update))\s*,?\s*)*",
    re.IGNORECASE,
)
# Where the speaker's words begin, going back from the verb: the speaker follows it.
_BOUNDARY = re.compile(
    r"(?:[;:\"“”(\[—–]|\s-\s|\b(?:that|which|while|but|after|before|when|as|because|if|"
    r"where|whom?|so|since|although|though)\b)",
    re.IGNORECASE,
)
# Verbs whose passive names the speaker after "by": "the figures were released by X".
_BY = "said|shared|announced|reported|stated|confirmed|released|published|posted|claimed"
_ACCORDING = re.compile(rf"\b(?:according\s+to|citing|(?:{_BY})\s+by)\s+", re.IGNORECASE)
_STATEMENT = re.compile(
    r"\b(?:a|the|in\s+a)\s+(?:\w+\s+)?(?:statement|post|update|report)\s+(?:by|from)\s+",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(
    rf"\s*(?:[,;:.!?()\"“”]|\s[—–-]\s|\b(?:that|{_VERBS})\b|\bon\s+\w+day\b|$)"
)
# What ends a speaker's name before a possessive document: "Energoatom's statement said".
_DOCUMENT = re.compile(
    r"(?:['’]s?)?\s+(?:own\s+)?(?:statement|report|update|post|announcement|briefing|"
    r"telegram\s+channel|website|account|data)s?$",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:and|but|meanwhile|however|now|separately|later|also|then|earlier|on\s+\w+day,?)\s+",
    re.IGNORECASE,
)
_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|been|be|being|it|there)$", re.IGNORECASE)
_LOOSE_END = re.compile(
    r"\b(?:the|a|an|of|to|in|on|at|by|for|with|and|or|his|her|its|their|our|this)$",
    re.IGNORECASE,
)
_SPEAKER_START = re.compile(
    r"^(?:[A-Z0-9\"“]|(?:the|a|an|its|his|her|their|one|two|three|several|many|some|"
    r"officials|authorities|sources|residents|witnesses|analysts|experts|observers|"
    r"police|he|she|they|it|we)\b)"
)
# A speaker named by a pronoun or a bare title: the sentence before says who it is.
_STAND_IN = re.compile(  # lowercase words only: "The Atomic Energy Agency" is a name
    r"^(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?:[a-z-]+\s+){0,3}"
    r"(?:agency|ministry|company|operator|official|officials|governor|watchdog|military|"
    r"army|plant|spokes(?:man|woman|person)|source|sources|mayor|head|chief|president|"
    r"minister|administration|authorities|service|regulator|organi[sz]ation|group|"
    r"department|statement|report|update|utility|command|station|office))$"
)
# "As reported by X", "as X reported" (where X's own start is right after "as").
_RELAY = re.compile(r"\b[Aa]s(?:\s+(?:\w+\s+){0,3})?$")
_AS = re.compile(r"\bas\b")
_SENTENCE_END = re.compile(r"\s*(?:on\s+\w+day\s*)?[.!?\"”’]*\s*$")
_MAX_WORDS = 14
_ADVERBS_SPAN = 100  # characters before a verb where the words between it and its speaker are
_SPEAKER_SPAN = 200  # characters before a verb where its speaker begins (at most 14 words)


class _Said(NamedTuple):
    """A speaker a sentence names, their stance, and who relays them ("" when nobody)."""

    speaker: str
    stance: Stance = "says"
    via: str = ""


def attribute(sentences: Sequence[Sentence], index: int) -> Claim | None:
    """Who sentence ``index`` of ``sentences`` says its news comes from; None when it is the
    outlet's own voice."""
    text = sentences[index].text
    claims = (
        _claims(text)
        or _quoting(sentences, index)
        or _hedged(sentences, index)
        or _referred_to(sentences, index)
    )
    if not claims:
        return None
    said = _named(claims[0], sentences, index)
    speaker = said.speaker
    denied_by = [c.speaker for c in claims[1:] if c.stance == "denies" and c.speaker != speaker]
    after = _next_in_paragraph(sentences, index)
    if after is not None and _DENIAL.search(after.text):
        later = _claims(after.text)
        if later and later[0].stance == "denies":  # "Moscow denied it."
            denied_by.append(_named(later[0], sentences, index + 1).speaker)
    denied = tuple(dict.fromkeys(d for d in denied_by if d != speaker))
    return Claim(speaker, said.stance, denied, said.via or None)


_OPENS_QUOTE = re.compile(r"^\s*[\"“]")


def _quoting(sentences: Sequence[Sentence], index: int) -> list[_Said]:
    """The speaker of a quotation this sentence opens or goes on with: named by the sentence
    before when it introduces the quote ("X said:"), else by the next one when it closes
    the quote ("…,” X said.")."""
    if not _OPENS_QUOTE.match(sentences[index].text):
        return []
    before = index - 1
    introduced = before >= 0 and sentences[before].text.rstrip().endswith(":")
    if introduced and sentences[index].line - sentences[before].line <= 1:
        return _claims(sentences[before].text)
    after = _next_in_paragraph(sentences, index)
    if after is not None and not _OPENS_QUOTE.match(after.text) and re.search(r"[”\"]", after.text):
        return _claims(after.text[re.search(r"[”\"]", after.text).end() :])  # type: ignore[union-attr]
    return []


# A sentence that says it relays someone's account without naming them: "the crew are
# reportedly held", "the troops were said to have left".
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|(?:is|are|was|were)\s+(?:said|reported|believed|"
    r"thought)\s+to)\b",
    re.IGNORECASE,
)


def _hedged(sentences: Sequence[Sentence], index: int) -> list[_Said]:
    """The speaker of a hedged sentence: the one its paragraph names, in the sentence after
    it ("…, says the harbour master.", which in news often closes what it sums up), else in
    the one before. A denial there disputes the sentence, so its speaker is not this one's."""
    if not _HEDGE.search(sentences[index].text):
        return []
    line = sentences[index].line
    for i in (index + 1, index - 1):
        if 0 <= i < len(sentences) and abs(sentences[i].line - line) <= 1:
            said = _claims(sentences[i].text)
            if said and said[0].stance != "denies":
                return [_named(said[0], sentences, i)._replace(stance="says")]
    return []


# A sentence that names the speaker of what came before it: "This was reported by X", "The
# information was confirmed by X", "X reported this on its website".
_ITEMS = "information|news|data|figures?|details?|report|numbers"
_REFERS_BACK = re.compile(
    rf"^(?:as\s[^,]{{1,60}},\s*)?(?:(?:this|that|these|such)(?:\s+(?:{_ITEMS}))?"
    rf"|the\s+(?:{_ITEMS}))\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?"
    rf"(?:{_BY})\s+by\b"
    r"|\b(?:reported|announced|stated|said|confirmed|wrote|posted)\s+this\s*"
    r"(?:[.,;]|$|\s+(?:on|in|at|during|via|to|when|after|while)\b)",
    re.IGNORECASE,
)
_REFERRING = 4  # sentences after one where a sentence referring back to it is looked for


def _referred_to(sentences: Sequence[Sentence], index: int) -> list[_Said]:
    """The speaker a later sentence names as the source of what came before it ("This was
    reported by X."): in the rest of this sentence's paragraph, or opening the next one,
    unless another speaker comes first (what "this" covers is then theirs)."""
    reach = []  # the sentences that may refer back to this one
    for i in range(index + 1, min(index + 1 + _REFERRING, len(sentences))):
        reach.append(i)
        if sentences[i].line - sentences[i - 1].line > 1:
            break  # it opens the next paragraph: the last that may
    # Looked for first: finding speakers costs more, and most sentences are followed by none.
    back = next((i for i in reach if _REFERS_BACK.search(sentences[i].text)), None)
    if back is None or any(_claims(sentences[i].text) for i in range(index + 1, back)):
        return []
    said = _claims(sentences[back].text)
    return [_named(said[0], sentences, back)] if said else []


_THE_COUNTRY = re.compile(r"^the (?:country|nation)(?:['’]s)?\b", re.IGNORECASE)
_OWNER = re.compile(r"\b([A-Z][\w.-]+)['’]s\b")  # "Ukraine's", "Ostland's"


def _named(said: _Said, sentences: Sequence[Sentence], index: int) -> _Said:
    """A stand-in speaker ("he", "the ministry") named: by the speaker of the sentences just
    before (with whoever relays them there), else, for "he"/"she", the person the sentence
    before names as its subject. "The country's operator" is the operator of the country the
    sentence (or the one before) names as an owner ("Ostland's dam … the country's
    operator")."""
    speaker = said.speaker
    country = _THE_COUNTRY.match(speaker)
    if country:
        for i in (index, index - 1):
            owners = _OWNER.findall(sentences[i].text) if i >= 0 else []
            if owners:
                return said._replace(speaker=f"{owners[0]}'s{speaker[country.end() :]}")
        return said
    if not _STAND_IN.match(speaker):
        return said
    named = _named_before(sentences, index)
    if named is not None:
        return said._replace(speaker=named.speaker, via=named.via or said.via)
    if index and speaker.lower() in ("he", "she"):
        person = clauses.actor(sentences[index - 1].text)
        if person:
            return said._replace(speaker=person)
    return said


def _named_before(sentences: Sequence[Sentence], index: int) -> _Said | None:
    """The speaker named by one of the two sentences before ``index`` (across a paragraph
    break: news paragraphs are often one sentence, and a quotation one of its own)."""
    for i in range(index - 1, max(index - 3, -1), -1):
        for said in _claims(sentences[i].text):
            if not _STAND_IN.match(said.speaker):
                return said
    return None


def _next_in_paragraph(sentences: Sequence[Sentence], index: int) -> Sentence | None:
    if index + 1 < len(sentences) and sentences[index + 1].line - sentences[index].line <= 1:
        return sentences[index + 1]
    return None


def _claims(text: str) -> list[_Said]:
    """The speakers ``text`` names, the first (a relayed claim's original speaker, with the
    nearest speaker relaying it) first, each with whether they deny something."""
    if _VERB.search(text) is None and _ACCORDING.search(text) is None:
        return []  # most sentences: no attribution at all
    found: list[tuple[int, int, str, Stance]] = []  # speaker start, verb end, speaker, stance
    for pattern in (_ACCORDING, _STATEMENT):
        for match in pattern.finditer(text):
            phrase, _ = _phrase_after(text, match.end())
            if phrase:
                found.append((match.start(), match.end() + len(phrase), phrase, "says"))
    for match in _VERB.finditer(text):
        rest = text[match.end() :]
        if _VERB.match(rest.lstrip()):
            continue  # "media reports said": the first is a noun
        verb = match.group()
        if verb in verbs.CHARACTERISING and not _AS.search(rest):
            continue  # "the mayor describes life in the town": no claim
        denies: Stance = (
            "denies" if verb in verbs.DENYING else "accuses" if verb in verbs.ACCUSING else "says"
        )
        speaker = _speaker_before(text, match.start())
        # "X, the head of Y, said …" names the speaker before; "…, said X." after.
        inverted = "" if speaker and "," in speaker[1] else _speaker_after(text, match)
        if inverted:
            found.append((match.start(), match.end() + len(inverted), inverted, denies))
        elif speaker is not None:
            found.append((speaker[0], match.end(), speaker[1], denies))
    if not found:
        return []
    # "As reported by the Herald, the figures were released by the army": the army's, relayed.
    original = [item for item in found if not _RELAY.search(text, 0, item[0])]
    relays = sorted(item for item in found if item not in original) if original else []
    found = sorted(original or found)
    chain = found[:1]
    for item in found[1:]:
        # "The Herald reports [that] the army says …": the army's claim, relayed.
        gap = text[chain[-1][1] : item[0]]
        if len(gap) < 25 and _AFTER_VERB.sub("", gap).strip(" ,").lower() in ("", "that"):
            chain.append(item)
    first = chain[-1]
    relays += chain[:-1]
    via = relays[-1][2] if relays else ""
    others = [_Said(item[2], item[3]) for item in found if item is not first]
    return [_Said(first[2], first[3], via), *others]


def _speaker_before(text: str, verb: int) -> tuple[int, str] | None:
    left = text[:verb]
    # Adverbs run back from the verb a few words at most: searched for in the last of the
    # text only (from every start in a long sentence, this search cost most of the rules).
    between = _BETWEEN.search(left, max(0, len(left) - _ADVERBS_SPAN))
    trimmed = left[: between.start()] if between else left.rstrip()
    appositive = ""
    if trimmed.endswith(","):  # "X, the head of Y, said"
        trimmed = trimmed[:-1].rstrip()
        cut = trimmed.rfind(",")
        if cut < 0:
            return None
        appositive = trimmed[cut + 1 :].strip()
        if not re.match(r"^(?:the|a|an)\s|^[A-Z]", appositive):
            return None
        trimmed = trimmed[:cut]
    # A speaker is a few words: its start is looked for near the verb only.
    start = 0
    for boundary in _BOUNDARY.finditer(trimmed, max(0, len(trimmed) - _SPEAKER_SPAN)):
        start = boundary.end()
    comma = trimmed.rfind(",")
    start = max(start, comma + 1)
    phrase = trimmed[start:].strip()
    phrase = _LEADING.sub("", phrase)
    if appositive:
        phrase = f"{phrase}, {appositive}" if phrase else appositive
    phrase = _DOCUMENT.sub("", phrase).strip(" ,\"“”'’")
    if not _plausible(phrase):
        return None
    return start, phrase


def _speaker_after(text: str, verb: re.Match[str]) -> str:
    """ "…, said X": the speaker after the verb, when the verb follows a comma or a quote."""
    before = text[: verb.start()].rstrip()
    if not before or before[-1] not in ',"”’':
        return ""
    between = _AFTER_VERB.match(text[verb.end() :])
    start = verb.end() + (len(between.group()) if between else 0)
    phrase, stop = _phrase_after(text, start, appositive=True)
    # The speaker ends the sentence: "…, said the minister." (not "…, said the bridge fell").
    if not phrase or not _SENTENCE_END.match(text, stop):
        return ""
    return phrase


def _phrase_after(text: str, start: int, appositive: bool = False) -> tuple[str, int]:
    """The noun phrase from ``start``, and where it ends: at the first punctuation, "that"
    or a weekday (with one comma-set appositive when ``appositive``: "said X, head of Y.")."""
    end = _PHRASE_END.search(text, start)
    stop = end.start() if end else len(text)
    if appositive and stop < len(text) and text[stop] == ",":
        more = _PHRASE_END.search(text, stop + 1)
        tail = text[stop + 1 : more.start() if more else len(text)].strip()
        if tail and len(tail.split()) <= 8 and not _VERB.search(tail):
            stop = more.start() if more else len(text)
    phrase = text[start:stop].strip(" ,")
    phrase = _DOCUMENT.sub("", phrase).strip()
    return (phrase, stop) if _plausible(phrase) else ("", stop)


def _plausible(phrase: str) -> bool:
    words = phrase.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and _SPEAKER_START.match(phrase) is not None
        and not _PASSIVE_END.search(phrase)
        and not _LOOSE_END.search(phrase)
    )
