"""The chronology: events with dates at their precision, topics and citations.

Events come from three places, in order of authority:

1. ``content/events.yaml``: curated events with their citations (:mod:`.curated`);
2. an article's front-matter ``events:``, cited by the sentence that reports them;
3. extraction from every article's sentences (:mod:`.extract`), unless its front matter
   says ``chronology: false``; its ``exclude:`` list drops extracted events by sentence
   anchor (``s-5``) or by date (``2022-02-24``, compared at the date's own precision).
   Extracted dates that are background rather than events of the situation are left out
   and listed (``ChronologyReport.background``): a year alone ("the 1986 disaster", "1,300
   freed in 2024": a year frames a story, a chronology orders days and months), and any
   date before the briefing's period, which begins in the year before its earliest report.

An author's event wins over what extraction found in the sentence it cites on the same date:
that extracted event is dropped, and so is the report of an unresolved date in that sentence.
Then the same event reported several times becomes one event with several citations (see
:mod:`.chronology`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sitegen.cache import BuildCache, overgrown
from sitegen.config import OUTLET_SIDE, PartyConfig
from sitegen.content.loader import display_path
from sitegen.dates import PartialDate
from sitegen.enrich.chronology import (
    Chronology,
    ChronologyInput,
    ChronologySteps,
    Draft,
    Words,
)
from sitegen.enrich.curated import load_curated
from sitegen.enrich.extract import cache_key, cite, extract
from sitegen.enrich.parties import Parties
from sitegen.enrich.similar import words
from sitegen.errors import Problems
from sitegen.model import (
    Article,
    ChronologyReport,
    Citation,
    Claim,
    Event,
    EventSpec,
    Extraction,
    ExtractionKey,
    Found,
    Sentence,
    Site,
    UnmatchedSpeaker,
    UnresolvedDate,
    UnsureEvent,
)
from sitegen.parallel import parallel_map

Cited = tuple[str, PartialDate]  # (sentence anchor, date) an author cites
_NO_CLAIMS: frozenset[Cited] = frozenset()


@dataclass(frozen=True)
class EventContext:
    """What the steps finding an article's events read besides their inputs. A result kept
    for equal inputs is still right, since

    * ``parties`` are made from ``site.config.parties``, an input of each step;
    * ``site`` gives an article's sentences, read when a front-matter event cites one its
      extraction has not found yet (the extraction, an input, is that of the article's body:
      those are its sentences), and the site's root, for the paths shown in reports (these
      steps' tables are kept in memory only, by one process building one site);
    * ``cache`` is only told that an extraction it keeps has found a citation (to be saved).
    """

    site: Site
    parties: Parties
    cache: BuildCache


class FrontMatterInput(NamedTuple):
    """What the events of an article's front matter are made from."""

    slug: str
    extraction: Extraction  # of the article's body and date
    specs: tuple[EventSpec, ...]
    only_topic: tuple[str, ...]  # see only_topic()
    source: str
    parties: tuple[PartyConfig, ...]  # site.yaml's


class FrontMatterEvents(NamedTuple):
    events: list[Event]
    problems: list[tuple[int, str, str]]  # (line, message, hint): reported on every build


def front_matter_events(inputs: FrontMatterInput, context: EventContext) -> FrontMatterEvents:
    """The events of an article's front matter, cited by the sentences reporting them."""
    article = context.site.articles[inputs.slug]  # for its sentences: see EventContext
    parties = context.parties
    events: list[Event] = []
    problems: list[tuple[int, str, str]] = []
    for spec in inputs.specs:
        sentence = cited_sentence(article, spec, inputs.extraction, context.cache)
        topics = spec.topics or (sentence.topics if sentence else ()) or inputs.only_topic
        citation = Citation(
            inputs.slug, sentence.text if sentence else "", sentence.anchor if sentence else ""
        )
        claim = inputs.extraction.claims.get(sentence.anchor) if sentence else None
        event = Event(
            "", spec.date, spec.text, list(topics),
            [claimed(citation, claim, parties, inputs.source)], spec.end_date,
        )  # fmt: skip
        party = dict(spec.authored).get("party")
        if party and party not in parties.by_slug and party != OUTLET_SIDE:
            known = ", ".join(parties.by_slug) or "none (add parties to site.yaml)"
            problems.append((spec.line, f"unknown party {party!r}", f"known parties: {known}"))
            events.append(event)
        else:
            events.append(authored_claim(event, spec.authored, parties))
    return FrontMatterEvents(events, problems)


class ArticleEventsInput(NamedTuple):
    """What the events an article's sentences add to the chronology are found from: its
    extraction and what authors say of it."""

    slug: str
    extraction: Extraction  # of the article's body and date
    claims: frozenset[Cited]  # the sentences and dates authors' events cite in it
    exclude: tuple[str, ...]
    only_topic: tuple[str, ...]  # see only_topic()
    path: Path
    source: str
    parties: tuple[PartyConfig, ...]  # site.yaml's
    period: dt.date | None  # see period_start()


class Contribution(NamedTuple):
    """The events an article's sentences add to the chronology, its unresolved dates, the
    events among them the extractor is unsure of, its background dates, and the speakers of
    its events that no party names (when the site has parties: else no event has one)."""

    drafts: list[Draft]
    unresolved: list[UnresolvedDate]
    unsure: list[UnsureEvent]
    background: list[UnresolvedDate]
    unmatched: list[UnmatchedSpeaker]


def article_events(inputs: ArticleEventsInput, context: EventContext) -> Contribution:
    """What an article's sentences add to the chronology.

    An author's event (in front matter or events.yaml) that cites a sentence on a date
    replaces what extraction found there; an author who excluded the sentence, or cites it,
    has dealt with its dates already."""
    shown = display_path(inputs.path, context.site.config.root)
    extraction, exclude, claims = inputs.extraction, inputs.exclude, inputs.claims
    found, background = [], []
    for f in extraction.found:
        if _dropped(exclude, f, claims):
            continue
        if reason := background_reason(f, inputs.period):
            background.append(UnresolvedDate(shown, f.line, f.anchor, f.date.iso(), reason))
        else:
            found.append(f)
    drafts = [
        (_from_found(inputs, f, context.parties), (f.text_words, f.quote_words)) for f in found
    ]
    cited = {anchor for anchor, _ in claims}
    unsure = [
        UnsureEvent(shown, f.line, f.anchor, f.date, f.text, f.doubt) for f in found if f.doubt
    ]
    unmatched = []
    for f, (event, _) in zip(found, drafts, strict=True) if context.parties.by_slug else ():
        speaker = event.sources[0].claimed_by
        if speaker and event.sources[0].party is None:
            unmatched.append(UnmatchedSpeaker(shown, f.line, f.anchor, speaker, f.date, f.text))
    unresolved = [
        UnresolvedDate(
            shown,
            item.line,
            item.anchor,
            item.expression,
            item.reason,
        )
        for item in extraction.unresolved
        if item.anchor not in exclude and item.anchor not in cited
    ]
    return Contribution(drafts, unresolved, unsure, background, unmatched)


EachFrontMatter = Callable[
    [dict[str, FrontMatterInput], EventContext], dict[str, FrontMatterEvents]
]
EachArticle = Callable[[dict[str, ArticleEventsInput], EventContext], dict[str, Contribution]]


@dataclass(frozen=True)
class EventSteps:
    """The steps :func:`build_events` runs, as the pipeline memoises them."""

    front_matter: EachFrontMatter  # front_matter_events() for every article with events
    articles: EachArticle  # article_events() for every article in the chronology
    chronology: Callable[[ChronologyInput, ChronologySteps], Chronology]
    chronology_parts: ChronologySteps  # what chronology() takes


def build_events(site: Site, problems: Problems, cache: BuildCache, steps: EventSteps) -> None:
    extractions = _extractions(site, cache)
    report = ChronologyReport()
    parties = Parties(site.config.parties)
    context = EventContext(site, parties, cache)
    authored = [_curated_claims(site, event, parties) for event in load_curated(site, problems)]
    report.curated = len(authored)
    specs = steps.front_matter(
        {
            article.slug: FrontMatterInput(
                article.slug,
                extractions[article.slug],
                article.event_specs,
                only_topic(article),
                article.source,
                site.config.parties,
            )
            for article in site.articles.values()
            if article.event_specs
        },
        context,
    )
    for slug, (events, reported) in specs.items():
        authored += events
        for line, message, hint in reported:
            shown = display_path(site.articles[slug].path, site.config.root)
            problems.add(shown, line, message, hint)
    report.front_matter = len(authored) - report.curated
    cited: dict[str, set[Cited]] = defaultdict(set)  # by the slug of the article cited
    for event in authored:
        for citation in event.sources:
            if citation.anchor:
                cited[citation.article].add((citation.anchor, event.date))
    claims = {slug: frozenset(found) for slug, found in cited.items()}
    drafts = [(event, _authored_words(event)) for event in authored]
    period = period_start(site)
    # Fields of the article, nothing made for it but the input: this runs for every article
    # on every rebuild.
    contributions = steps.articles(
        {
            article.slug: ArticleEventsInput(
                article.slug,
                extractions[article.slug],
                claims.get(article.slug, _NO_CLAIMS),
                article.exclude,
                only_topic(article),
                article.path,
                article.source,
                site.config.parties,
                period,
            )
            for article in reversed(site.articles.values())  # oldest first: the first words
            if article.chronology
        },
        context,
    )
    for found, unresolved, unsure, background, unmatched in contributions.values():
        drafts += found
        report.extracted += len(found)
        report.unresolved += unresolved
        report.unsure += unsure
        report.background += background
        report.unmatched += unmatched
    chronology = steps.chronology(
        ChronologyInput(tuple(site.topics), drafts), steps.chronology_parts
    )
    report.merged = len(drafts) - len(chronology.events)
    report.crowded = chronology.crowded
    site.chronology = report
    site.events = chronology.events
    for slug, topic in site.topics.items():
        topic.events = chronology.by_topic[slug]
    site.party_events = {party.slug: [] for party in site.config.parties}
    for event_id, event in site.events.items():
        claimants = {event.party, *(c.party for c in event.sources)}
        for party_slug in site.party_events.keys() & claimants:
            site.party_events[party_slug].append(event_id)
    for slug, article in site.articles.items():
        article.events = chronology.by_article.get(slug, [])


def cited_sentence(
    article: Article, spec: EventSpec, extraction: Extraction, cache: BuildCache
) -> Sentence | None:
    """The sentence reporting a front-matter event (see :meth:`Extraction.cite`); the build
    worker that extracted the body's events has found it, unless the spec is new."""
    key = (spec.date, spec.text)
    if key not in extraction.citations:
        cite(extraction, spec, article.sentences)
        cache.dirty = True
    return extraction.citations[key]


def only_topic(article: Article) -> tuple[str, ...]:
    """The topic an event inherits from its article when neither its sentence nor its
    paragraph names one: the article's, if it has exactly one (an article about two topics
    does not say which one an unnamed event belongs to)."""
    return tuple(article.topics) if len(article.topics) == 1 else ()


def claimed(citation: Citation, claim: Claim | None, parties: Parties, source: str) -> Citation:
    """``citation`` with who its sentence says claims it (``claim``), and its outlet
    (``source``: the article's)."""
    said = parties.attribution(claim)
    denied = tuple(dict.fromkeys(parties.side(s) for s in claim.denied_by)) if claim else ()
    return Citation(
        citation.article, citation.quote, citation.anchor, said.claimed_by, said.party,
        said.side, claim.stance if claim else "says", denied, source,
    )  # fmt: skip


def authored_claim(
    event: Event, authored: tuple[tuple[str, str | None], ...], parties: Parties
) -> Event:
    """``event`` with the claim its author set (which wins over its sources')."""
    event.authored = authored
    chosen = dict(authored)
    if "claimed_by" in chosen or "party" in chosen:
        said = parties.chosen(chosen.get("claimed_by"), chosen.get("party"))
        event.claimed_by, event.party, event.side = said
    if chosen.get("status"):
        event.status = chosen["status"]  # type: ignore[assignment]
    return event


def _curated_claims(site: Site, event: Event, parties: Parties) -> Event:
    """A curated event's sources with who their sentences say claims them."""
    from sitegen.enrich.claims import attribute  # only a site with curated events needs it

    sources = []
    for citation in event.sources:
        article = site.articles[citation.article]
        claim = None
        if citation.anchor:
            index = next(i for i, s in enumerate(article.sentences) if s.anchor == citation.anchor)
            claim = attribute(article.sentences, index)
        sources.append(claimed(citation, claim, parties, article.source))
    event.sources = sources
    return authored_claim(event, event.authored, parties)


def _authored_words(event: Event) -> Words:
    return _signature_words(event.text, tuple(c.quote for c in event.sources))


@functools.lru_cache(maxsize=1 << 16)  # the preview server asks again for every event
def _signature_words(text: str, quotes: tuple[str, ...]) -> Words:
    quote = frozenset().union(*(words(q) for q in quotes))
    return " ".join(sorted(words(text))), " ".join(sorted(quote))


def period_start(site: Site) -> dt.date | None:
    """Where the briefing's period begins: 1 January of the year before its earliest report
    (a situation's reports recount its first months; anything older is its background)."""
    if not site.articles:
        return None
    earliest = min(article.date.year for article in site.articles.values())
    return dt.date(earliest - 1, 1, 1)


def background_reason(found: Found, period: dt.date | None) -> str:
    """Why an extracted date is background rather than an event ("" when it is an event)."""
    if found.kind != "occurred":
        return ""
    if found.date.precision == "year" and found.end_date is None:
        return "a year alone frames a story; the chronology orders days and months"
    if period is not None and found.date.end() < period:
        return f"before the briefing's period (from {period.year})"
    return ""


def _extractions(site: Site, cache: BuildCache) -> dict[str, Extraction]:
    """Each article's extraction, from the cache where its body and date are unchanged
    (bodies just rendered were extracted by the workers that rendered them)."""
    known = cache.events
    extractions: dict[str, Extraction] = {}
    todo: list[tuple[Article, ExtractionKey]] = []
    for article in site.articles.values():
        key = cache_key(article.body_key, article.date)
        extraction = known.get(key)
        if extraction is None:
            todo.append((article, key))
        else:
            extractions[article.slug] = extraction
    found = parallel_map(
        lambda item: extract(item[0].sentences, item[0].date, item[0].event_specs), todo
    )
    for (article, key), extraction in zip(todo, found, strict=True):
        known[key] = extractions[article.slug] = extraction
        cache.dirty = True
    if overgrown(len(known), len(extractions)):  # some belong to no article any more
        live = {cache_key(a.body_key, a.date) for a in site.articles.values()}
        cache.events = {k: v for k, v in known.items() if k in live}
        cache.dirty = True
    return extractions


def _from_found(inputs: ArticleEventsInput, found: Found, parties: Parties) -> Event:
    topics = found.topics or inputs.only_topic  # the sentence's or its paragraph's first
    citation = claimed(
        Citation(inputs.slug, found.quote, found.anchor),
        inputs.extraction.claims.get(found.anchor),
        parties,
        inputs.source,
    )
    return Event(
        "", found.date, found.text, list(topics), [citation], found.end_date, found.kind,
        "extracted",
    )  # fmt: skip


def _dropped(exclude: tuple[str, ...], found: Found, claims: frozenset[Cited]) -> bool:
    if exclude and (found.anchor in exclude or found.date.iso() in exclude):
        return True
    return (found.anchor, found.date) in claims
