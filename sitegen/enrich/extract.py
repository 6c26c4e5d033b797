"""Events found in one article's sentences: each resolved date mention, and the lede.

Every date expression the finder (`sitegen.enrich.datefind`) resolves becomes an
"occurred" event: the clause that carries it, trimmed by `event_text`, cited by its sentence.
The lede (first sentence) becomes a "reported" event at the article's own date, unless it
already carries a date of its own. Expressions left unresolved are kept with their reason,
for ``sitegen build --verbose`` and ``sitegen check``.

The result depends only on the sentences and the publication date, so the build caches it
by (body cache key, article date): a warm build extracts nothing.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Literal

from sitegen.dates import PartialDate
from sitegen.enrich import clauses
from sitegen.enrich.dateevent import MAX_WORDS
from sitegen.enrich.datemention import DateMention
from sitegen.enrich.similar import best_match, words
from sitegen.model import EventSpec, Extraction, ExtractionKey, Found, Sentence, Unresolved

# A headline-style question run into the lede: "Are Russian Troops Withdrawing? – In a ...".
_KICKER = re.compile(r"^[^.!?]{1,160}\?\s*[–—-]\s+(?=\S)")
_SHOUTED = re.compile(r"([A-Z]{2,})(?=\s+[a-z])")  # "RUSSIAN troops are ..."
_YEAR = re.compile(r"\d{4}")
_AFTER_PUBLICATION = "resolves to a date after publication without naming a year"
_QUOTE_MATCH = 0.2  # overlap above which a body sentence is taken as an event's source quote


def cite(extraction: Extraction, spec: EventSpec, sentences: Sequence[Sentence]) -> None:
    """Find the sentence reporting the front-matter event ``spec``: among those whose date
    mentions resolve to the event's date the one sharing most words with it, else the best
    match of all sentences. Matching by date first is cheap (the extraction is at hand) and
    right more often than wording."""
    target = words(spec.text)
    dated = [f for f in extraction.found if f.kind == "occurred" and f.date == spec.date]
    anchor = best_match(target, ((f.anchor, f.quote) for f in dated), 0.0)
    if anchor is None:
        anchor = best_match(target, ((s.anchor, s.text) for s in sentences), _QUOTE_MATCH)
    index = next((i for i, s in enumerate(sentences) if s.anchor == anchor), None)
    extraction.citations[spec.date, spec.text] = None if index is None else sentences[index]
    if index is not None:
        attribute(extraction, sentences, index)


def attribute(extraction: Extraction, sentences: Sequence[Sentence], index: int) -> None:
    """Record who the sentence at ``index`` attributes what it says to, if anyone."""
    from sitegen.enrich.claims import attribute as speaker  # see extract()

    claim = speaker(sentences, index)
    if claim is not None:
        extraction.claims[sentences[index].anchor] = claim


def cache_key(body_key: str, published: PartialDate) -> ExtractionKey:
    """Where the build cache keeps an extraction (see the module's docstring)."""
    return body_key, published.key


def prepare() -> None:
    """Load the date grammar now (the preview server, which extracts events on every save,
    does this while it waits for the first one)."""
    importlib.import_module("sitegen.enrich.datefind")


def extract(
    sentences: Sequence[Sentence], published: PartialDate, specs: Sequence[EventSpec] = ()
) -> Extraction:
    """The events ``sentences`` date, and the sentences the front-matter events ``specs``
    cite: found here, where the sentences are at hand (in a build worker), the events step
    need not read the body back from the store."""
    # Imported here: compiling the date grammar (and the attribution rules) takes longer than
    # a warm build of a small site, which reads every extraction from its cache (this
    # module's classes) and needs none.
    from sitegen.enrich.datefind import event_text, find_dates

    found: list[Found] = []
    unresolved: list[Unresolved] = []
    frame = _Frame(published)
    topics = _topics(sentences)
    for i, sentence in enumerate(sentences):
        # A wire dateline's date is the report's, not an event's.
        opening = clauses.dateline_end(sentence.text)
        mentions = _finest(find_dates(sentence.text, published, frame.date))
        mentions = [m for m in mentions if m.start >= opening]
        frame.move(mentions)
        before = sentences[i - 1].text if i else ""
        for mention in mentions:
            reason = mention.unresolved or _after_publication(mention, published)
            if reason or mention.date is None:
                unresolved.append(Unresolved(sentence.anchor, sentence.line, mention.text, reason))
                continue
            text, named = clauses.named_subject(event_text(sentence.text, mention), before)
            others = {m.date for m in mentions if m.date is not None} - {mention.date}
            doubt = _doubt(sentence.text, mention, text, named, others)
            found.append(
                _found(sentence, mention.date, mention.end_date, text, "occurred", topics[i], doubt)
            )
    if sentences and not any(f.anchor == sentences[0].anchor for f in found):
        lede = sentences[0]
        text = lede_text(lede.text, sentences[1:])
        found.insert(0, _found(lede, published, None, text, "reported", topics[0]))
    extraction = Extraction(tuple(found), tuple(unresolved))
    anchors = {f.anchor for f in found}
    for i, sentence in enumerate(sentences):
        if sentence.anchor in anchors:
            attribute(extraction, sentences, i)
    for spec in specs:
        cite(extraction, spec, sentences)
    return extraction


def _found(
    sentence: Sentence,
    date: PartialDate,
    end_date: PartialDate | None,
    text: str,
    kind: Literal["occurred", "reported"],
    topics: tuple[str, ...],
    doubt: str = "",
) -> Found:
    return Found(
        sentence.anchor,
        date,
        end_date,
        text,
        sentence.text,
        topics,
        kind,
        " ".join(sorted(words(text))),
        " ".join(sorted(words(sentence.text))),
        doubt=doubt,
        line=sentence.line,
    )


# A place named again without its name ("the site", "the plant"): the sentence goes on
# about the place the one before it named.
_REFERS_TO_A_PLACE = re.compile(
    r"\bthe (?:(?:nuclear |power |atomic )*(?:site|plant|facility|station|reactors?)"
    r"|(?:exclusion )?zone|region|city|town)\b",
    re.IGNORECASE,
)


def _topics(sentences: Sequence[Sentence]) -> list[tuple[str, ...]]:
    """Each sentence's topics: those it mentions, else those its paragraph mentions (a
    paragraph ends where the next sentence starts two or more lines further down), else,
    when it names a place only as "the site" or "the plant", those of the sentence before."""
    paragraphs: list[list[int]] = []
    for i, sentence in enumerate(sentences):
        if not paragraphs or sentence.line - sentences[i - 1].line > 1:
            paragraphs.append([])
        paragraphs[-1].append(i)
    topics: list[tuple[str, ...]] = []
    for paragraph in paragraphs:
        shared = tuple(dict.fromkeys(t for i in paragraph for t in sentences[i].topics))
        for i in paragraph:
            own = sentences[i].topics or shared
            if not own and topics and _REFERS_TO_A_PLACE.search(sentences[i].text):
                own = topics[-1]
            topics.append(own)
    return topics


_SINCE = re.compile(r"\bsince\b[^,;.]*$", re.IGNORECASE)


def _doubt(
    sentence: str, mention: DateMention, text: str, named: bool, others: set[PartialDate]
) -> str:
    """Why an extracted event may be wrong, as a noun phrase for the review list ("the
    extractor is unsure of it (…)"); "" when nothing says so."""
    if others:
        dates = ", ".join(sorted(d.iso() for d in others))
        return f"a sentence that also dates {dates}"
    if not named:
        return "a pronoun subject the sentence before does not name"
    if mention.framed:
        return "a year taken from the story's earlier date, not from publication"
    if _SINCE.search(sentence[: mention.start]):
        return "a date after 'since', the start of a state that goes on"
    if len(text.split()) > MAX_WORDS:
        return f"a text of over {MAX_WORDS} words, maybe more than the event's clause"
    return ""


class _Frame:
    """The earlier time a story is retelling, while it lasts: set by a sentence dating
    something before the year of publication, kept for the next two sentences, and ended by
    a date in the year of publication (see `sitegen.enrich.datefind`)."""

    _SENTENCES = 2

    def __init__(self, published: PartialDate) -> None:
        self.published = published
        self.date: PartialDate | None = None
        self._left = 0

    def move(self, mentions: Sequence[DateMention]) -> None:
        dated = [m.date for m in mentions if m.date is not None and m.date.precision != "year"]
        if dated:
            last = dated[-1]
            past = last.year < self.published.year
            self.date, self._left = (last, self._SENTENCES) if past else (None, 0)
        elif self._left:
            self._left -= 1
            if not self._left:
                self.date = None


def _finest(mentions: list[DateMention]) -> list[DateMention]:
    """Without a date that only frames a finer one of the same sentence: "1,300 were freed in
    2024, 189 of them on December 30" dates an event to 30 December, not to 2024."""
    dates = [m.date for m in mentions if m.date is not None and m.end_date is None]
    return [
        m
        for m in mentions
        if m.date is None
        or m.end_date is not None
        or not any(d != m.date and m.date.start() <= d.start() and d.end() <= m.date.end()
                   for d in dates)
    ]  # fmt: skip


def _after_publication(mention: DateMention, published: PartialDate) -> str:
    """The resolver never places a yearless date after publication; this keeps it a rule of
    the chronology rather than a property of today's resolver."""
    last = mention.end_date or mention.date
    if last is None or _YEAR.search(mention.text) or last.start() <= published.end():
        return ""
    return _AFTER_PUBLICATION


def lede_text(lede: str, rest: Sequence[Sentence]) -> str:
    """The lede as an event text: without a headline question run into it, and with a
    shouted first word ("RUSSIAN troops") written as the article writes it elsewhere."""
    lede = lede[clauses.dateline_end(lede) :]
    text = _KICKER.sub("", lede, count=1) or lede
    shouted = _SHOUTED.match(text)
    if shouted:
        usual = _usual_spelling(shouted.group(1), rest)
        text = usual + text[shouted.end() :]
    return text.strip()


def _usual_spelling(word: str, sentences: Sequence[Sentence]) -> str:
    # "NATO" stays "NATO" unless the article writes "Nato"; "RUSSIAN" becomes "Russian".
    pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
    for sentence in sentences:
        for match in pattern.finditer(sentence.text):
            if not match.group(0).isupper():
                return match.group(0)
    return word
