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
Then the same event reported several times (same date and precision, see
:class:`.similar.SameDate`) becomes one event with several citations; the wording kept is the
most authoritative one, among extracted events that of the earliest article.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass

from sitegen.cache import BuildCache, Memo, overgrown
from sitegen.config import OUTLET_SIDE
from sitegen.content.loader import display_path
from sitegen.dates import PartialDate
from sitegen.enrich.curated import load_curated
from sitegen.enrich.extract import (
    Extraction,
    ExtractionKey,
    Found,
    cache_key,
    extract,
)
from sitegen.enrich.parties import Parties
from sitegen.enrich.similar import SameDate, Signature, words
from sitegen.enrich.standing import settle
from sitegen.errors import Problems
from sitegen.hashing import digest
from sitegen.model import (
    Article,
    ChronologyReport,
    Citation,
    Claim,
    CrowdedDate,
    Event,
    EventSpec,
    Sentence,
    Site,
    UnmatchedSpeaker,
    UnresolvedDate,
    UnsureEvent,
)
from sitegen.parallel import parallel_map
from sitegen.text.slugs import slugify

Cited = tuple[str, PartialDate]  # (sentence anchor, date) an author cites
_NO_CLAIMS: frozenset[Cited] = frozenset()
Words = tuple[str, str]  # an event's text and quote content words, sorted, space-joined
Draft = tuple[Event, Words]  # an event as one source gives it, and the words it is merged by


def build_events(site: Site, problems: Problems, cache: BuildCache) -> None:
    extractions = _extractions(site, cache)
    report = ChronologyReport()
    parties = Parties(site.config.parties)
    authored = [
        _curated_claims(site, event, parties, problems) for event in load_curated(site, problems)
    ]
    report.curated = len(authored)
    # What the preview server reuses while its inputs are equal (a new process computes all).
    specs = cache.memo("front-matter-events", on_disk=False).same_each(
        {
            article.slug: (
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
        lambda inputs: [
            _from_spec(site, site.articles[inputs[0]], spec, inputs[1], cache, parties, problems)
            for spec in inputs[2]
        ],
    )
    for events in specs.values():
        authored += events
    report.front_matter = len(authored) - report.curated
    cited: dict[str, set[Cited]] = defaultdict(set)  # by the slug of the article cited
    for event in authored:
        for citation in event.sources:
            if citation.anchor:
                cited[citation.article].add((citation.anchor, event.date))
    claims = {slug: frozenset(found) for slug, found in cited.items()}
    drafts = [(event, _authored_words(event)) for event in authored]
    period = period_start(site)
    # What an article adds depends on its extraction and on what authors say of it only.
    # (Plain values, no new containers: this runs for every article on every rebuild.)
    contributions = cache.memo("article-events", on_disk=False).same_each(
        {
            article.slug: (
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
        lambda inputs: _contribution(
            site, site.articles[inputs[0]], inputs[1], inputs[2], parties, inputs[-1]
        ),
    )
    for found, unresolved, unsure, background, unmatched in contributions.values():
        drafts += found
        report.extracted += len(found)
        report.unresolved += unresolved
        report.unsure += unsure
        report.background += background
        report.unmatched += unmatched
    # Drafts equal to the last build's (the preview server's) make the same chronology.
    chronology = cache.memo("chronology", on_disk=False).same(
        "all", (tuple(site.topics), drafts), lambda: _chronology(site, drafts, cache)
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
        for slug in claimants & site.party_events.keys():
            site.party_events[slug].append(event_id)
    for slug, article in site.articles.items():
        article.events = chronology.by_article.get(slug, [])


@dataclass(frozen=True)
class _Chronology:
    events: dict[str, Event]  # by id, oldest first
    by_topic: dict[str, list[str]]  # the ids of the events that concern each topic
    by_article: dict[str, list[str]]  # the ids of the events citing each article
    crowded: list[CrowdedDate]


def _chronology(site: Site, drafts: list[Draft], cache: BuildCache) -> _Chronology:
    # Slugs of event texts are kept with the cache: slugifying every text again would be a
    # quarter of a warm build's events step.
    slugs = cache.memo("event-slugs")
    events: dict[str, Event] = {}
    tried: dict[str, int] = {}
    merged, crowded = _merge(drafts, cache)
    for event in merged:
        slug = slugs.get(event.text, lambda text=event.text: slugify(text, 48))
        event.id = _unique_id(f"{event.date.iso()}-{slug}", events, tried)
        events[event.id] = event
    by_topic: dict[str, list[str]] = {slug: [] for slug in site.topics}
    cited: dict[str, dict[str, None]] = {}  # ordered sets: an article may cite thousands
    for event_id, event in events.items():
        for slug in event.topics:
            by_topic[slug].append(event_id)
        for citation in event.sources:
            cited.setdefault(citation.article, {})[event_id] = None
    by_article = {slug: list(ids) for slug, ids in cited.items()}
    return _Chronology(events, by_topic, by_article, crowded)


_Contribution = tuple[
    list[Draft], list[UnresolvedDate], list[UnsureEvent], list[UnresolvedDate],
    list[UnmatchedSpeaker],
]  # fmt: skip


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


def _contribution(
    site: Site,
    article: Article,
    extraction: Extraction,
    claims: frozenset[Cited],
    parties: Parties,
    period: dt.date | None,
) -> _Contribution:
    """The events an article's sentences add to the chronology, its unresolved dates, the
    events among them the extractor is unsure of, its background dates, and the speakers of
    its events that no party names (when the site has parties: else no event has one).

    An author's event (in front matter or events.yaml) that cites a sentence on a date
    replaces what extraction found there; an author who excluded the sentence, or cites it,
    has dealt with its dates already."""
    shown = display_path(article.path, site.config.root)
    found, background = [], []
    for f in extraction.found:
        if _dropped(article, f, claims):
            continue
        if reason := background_reason(f, period):
            background.append(UnresolvedDate(shown, f.line, f.anchor, f.date.iso(), reason))
        else:
            found.append(f)
    drafts = [
        (_from_found(article, f, extraction, parties), (f.text_words, f.quote_words)) for f in found
    ]
    cited = {anchor for anchor, _ in claims}
    unsure = [
        UnsureEvent(shown, f.line, f.anchor, f.date, f.text, f.doubt) for f in found if f.doubt
    ]
    unmatched = []
    for f, (event, _) in zip(found, drafts, strict=True) if parties.by_slug else ():
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
        if item.anchor not in article.exclude and item.anchor not in cited
    ]
    return drafts, unresolved, unsure, background, unmatched


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


def _from_spec(
    site: Site,
    article: Article,
    spec: EventSpec,
    extraction: Extraction,
    cache: BuildCache,
    parties: Parties,
    problems: Problems,
) -> Event:
    sentence = cited_sentence(article, spec, extraction, cache)
    topics = spec.topics or (sentence.topics if sentence else ()) or only_topic(article)
    citation = Citation(
        article.slug, sentence.text if sentence else "", sentence.anchor if sentence else ""
    )
    claim = extraction.claims.get(sentence.anchor) if sentence else None
    event = Event(
        "", spec.date, spec.text, list(topics), [claimed(citation, claim, parties, article)],
        spec.end_date,
    )  # fmt: skip
    party = dict(spec.authored).get("party")
    if party and party not in parties.by_slug and party != OUTLET_SIDE:
        shown = display_path(article.path, site.config.root)
        hint = f"known parties: {', '.join(parties.by_slug) or 'none (add parties to site.yaml)'}"
        problems.add(shown, spec.line, f"unknown party {party!r}", hint)
        return event
    return authored_claim(event, spec.authored, parties)


def cited_sentence(
    article: Article, spec: EventSpec, extraction: Extraction, cache: BuildCache
) -> Sentence | None:
    """The sentence reporting a front-matter event (see :meth:`Extraction.cite`); the build
    worker that extracted the body's events has found it, unless the spec is new."""
    key = (spec.date, spec.text)
    if key not in extraction.citations:
        extraction.cite(spec, article.sentences)
        cache.dirty = True
    return extraction.citations[key]


def _dropped(article: Article, found: Found, claims: frozenset[Cited]) -> bool:
    if article.exclude and (found.anchor in article.exclude or found.date.iso() in article.exclude):
        return True
    return (found.anchor, found.date) in claims


def only_topic(article: Article) -> tuple[str, ...]:
    """The topic an event inherits from its article when neither its sentence nor its
    paragraph names one: the article's, if it has exactly one (an article about two topics
    does not say which one an unnamed event belongs to)."""
    return tuple(article.topics) if len(article.topics) == 1 else ()


def claimed(
    citation: Citation, claim: Claim | None, parties: Parties, article: Article
) -> Citation:
    """``citation`` with who its sentence says claims it (``claim``), and its outlet."""
    said = parties.attribution(claim)
    denied = tuple(dict.fromkeys(parties.side(s) for s in claim.denied_by)) if claim else ()
    return Citation(
        citation.article, citation.quote, citation.anchor, said.claimed_by, said.party,
        said.side, claim.stance if claim else "says", denied, article.source,
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


def _curated_claims(site: Site, event: Event, parties: Parties, problems: Problems) -> Event:
    """A curated event's sources with who their sentences say claims them."""
    from sitegen.enrich.claims import attribute  # only a site with curated events needs it

    sources = []
    for citation in event.sources:
        article = site.articles[citation.article]
        claim = None
        if citation.anchor:
            index = next(i for i, s in enumerate(article.sentences) if s.anchor == citation.anchor)
            claim = attribute(article.sentences, index)
        sources.append(claimed(citation, claim, parties, article))
    event.sources = sources
    return authored_claim(event, event.authored, parties)


def _from_found(article: Article, found: Found, extraction: Extraction, parties: Parties) -> Event:
    topics = found.topics or only_topic(article)  # the sentence's or its paragraph's first
    citation = claimed(
        Citation(article.slug, found.quote, found.anchor),
        extraction.claims.get(found.anchor),
        parties,
        article,
    )
    return Event(
        "", found.date, found.text, list(topics), [citation], found.end_date, found.kind,
        "extracted",
    )  # fmt: skip


def _authored_words(event: Event) -> Words:
    return _signature_words(event.text, tuple(c.quote for c in event.sources))


@functools.lru_cache(maxsize=1 << 16)  # the preview server asks again for every event
def _signature_words(text: str, quotes: tuple[str, ...]) -> Words:
    quote = frozenset().union(*(words(q) for q in quotes))
    return " ".join(sorted(words(text))), " ".join(sorted(quote))


def _merge(drafts: list[Draft], cache: BuildCache) -> list[Event]:
    """Merge each date's reports of one event. The outcome for a date depends only on its
    reports: dates whose reports did not change reuse the last build's events (the preview
    server's), or at least its answer to which report repeats which (comparing every pair
    of a busy date's reports is the costly part)."""
    dates: dict[tuple[object, ...], list[Draft]] = defaultdict(list)
    for draft in drafts:
        event = draft[0]
        dates[(event.date.key, event.end_date.key if event.end_date else None)].append(draft)
    twins = cache.memo("merge")
    outcomes = cache.memo("merged", on_disk=False)
    merged: list[Event] = []
    crowded: list[CrowdedDate] = []
    for date, reports in dates.items():
        events, bounded = outcomes.same(
            date,
            [event for event, _ in reports],
            lambda reports=reports: _merge_date(reports, twins),
        )
        merged += events
        if bounded:
            slugs = Counter(s.article for event, _ in reports for s in event.sources[:1])
            top = slugs.most_common(1)[0][0] if slugs else ""
            crowded.append(CrowdedDate(reports[0][0].date, len(reports), bounded, top))
    return sorted(merged, key=lambda e: (e.date.key, e.text)), crowded


def _merge_date(reports: list[Draft], memo: Memo) -> tuple[list[Event], int]:
    """The date's events, and how many of its reports were compared with the likeliest
    kept events only (see :class:`SameDate`)."""
    signatures = [pair for _, pair in reports]
    key = digest(part for pair in signatures for part in pair)
    twins, bounded = memo.get(key, lambda: _twins(signatures))
    kept: list[Event] = []
    sources: dict[int, set[Citation]] = {}  # a kept event's sources, to add each once
    for (event, _), index in zip(reports, twins, strict=True):
        if index is None:  # a copy: the drafts stay as made, for the next build to compare
            kept.append(event.copy())
            continue
        twin = kept[index]
        known = sources.get(index)
        if known is None:
            known = sources[index] = set(twin.sources)
        for source in event.sources:
            if source not in known:
                known.add(source)
                twin.sources.append(source)
        twin.topics.extend(t for t in event.topics if t not in twin.topics)
        if event.kind == "occurred":  # a source dating it beats one only reporting it
            twin.kind = "occurred"
    settle(kept)
    return kept, bounded


def _twins(signatures: list[Words]) -> tuple[list[int | None], int]:
    """For each report, the index among the kept reports of the one it repeats, or None;
    and how many reports were compared with the likeliest kept ones only."""
    reports = [
        Signature(frozenset(text.split()), frozenset(quote.split())) for text, quote in signatures
    ]
    same_date = SameDate(reports)
    return [same_date.twin(report) for report in reports], same_date.crowded


def _unique_id(base: str, taken: dict[str, Event], tried: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free first. ``tried``: the next
    number to try per base, so that thousands of events whose texts start alike do not try
    every number taken before them (the numbers below it are all taken)."""
    n = tried.get(base, 1)
    candidate = base if n == 1 else f"{base}-{n}"
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    tried[base] = n + 1
    return candidate
