"""The chronology made of every source's events: the same event reported several times (same
date and precision, see :class:`.similar.SameDate`) becomes one event with several citations,
and each event gets its id.

The wording kept is the most authoritative one, among extracted events that of the earliest
article (the drafts come in that order: see :mod:`.events`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sitegen.enrich.similar import SameDate, Signature
from sitegen.enrich.standing import settle
from sitegen.hashing import digest
from sitegen.model import Citation, CrowdedDate, Event
from sitegen.text.slugs import slugify

Words = tuple[str, str]  # an event's text and quote content words, sorted, space-joined
Draft = tuple[Event, Words]  # an event as one source gives it, and the words it is merged by
DateKey = tuple[tuple[int, int, int], tuple[int, int, int] | None]  # its date and end date
# For each report of a date, the index among the kept reports of the one it repeats, or None;
# and how many reports were compared with the likeliest kept ones only.
Twins = tuple[list[int | None], int]


class DateReports(list[Draft]):
    """A date's reports of events, in the order of the drafts: what its events are merged
    from. A list: the drafts are grouped by date into these as they come."""

    __slots__ = ()


def reports_key(reports: DateReports) -> str:
    """What stands for the words of a date's reports (all that :func:`twins` reads)."""
    return digest(part for _, pair in reports for part in pair)


def twins(reports: DateReports) -> Twins:
    """For each report, the index among the kept reports of the one it repeats, or None;
    and how many reports were compared with the likeliest kept ones only. (Comparing every
    pair of a busy date's reports is the costly part of merging.)"""
    signatures = [
        Signature(frozenset(text.split()), frozenset(quote.split())) for _, (text, quote) in reports
    ]
    same_date = SameDate(signatures)
    return [same_date.twin(signature) for signature in signatures], same_date.crowded


Merged = tuple[list[Event], int]  # a date's events, and its reports compared with a few only


def merge_date(reports: DateReports, find_twins: Callable[[DateReports], Twins]) -> Merged:
    """The date's events, and how many of its reports were compared with the likeliest kept
    events only (see :class:`SameDate`). ``find_twins``: :func:`twins`."""
    indexes, bounded = find_twins(reports)
    kept: list[Event] = []
    sources: dict[int, set[Citation]] = {}  # a kept event's sources, to add each once
    for (event, _), index in zip(reports, indexes, strict=True):
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


def event_slug(text: str) -> str:
    """The part of an event's id that its text gives."""
    return slugify(text, 48)


MergeDates = Callable[
    [dict[DateKey, DateReports], Callable[[DateReports], Twins]], dict[DateKey, Merged]
]


@dataclass(frozen=True)
class ChronologySteps:
    """The steps making a chronology takes from the pipeline, which memoises them: being
    pure functions of what they are given, they return what computing them would."""

    merge_dates: MergeDates  # merge_date for every date
    twins: Callable[[DateReports], Twins]
    slug: Callable[[str], str]


@dataclass(frozen=True)
class ChronologyInput:
    topics: tuple[str, ...]  # the site's topic slugs
    drafts: list[Draft]  # every source's events, the most authoritative first


@dataclass(frozen=True)
class Chronology:
    events: dict[str, Event]  # by id, oldest first
    by_topic: dict[str, list[str]]  # the ids of the events that concern each topic
    by_article: dict[str, list[str]]  # the ids of the events citing each article
    crowded: list[CrowdedDate]


def chronology(inputs: ChronologyInput, steps: ChronologySteps) -> Chronology:
    events: dict[str, Event] = {}
    tried: dict[str, int] = {}
    merged, crowded = _merge(inputs.drafts, steps)
    for event in merged:
        event.id = _unique_id(f"{event.date.iso()}-{steps.slug(event.text)}", events, tried)
        events[event.id] = event
    by_topic: dict[str, list[str]] = {slug: [] for slug in inputs.topics}
    cited: dict[str, dict[str, None]] = {}  # ordered sets: an article may cite thousands
    for event_id, event in events.items():
        for slug in event.topics:
            by_topic[slug].append(event_id)
        for citation in event.sources:
            cited.setdefault(citation.article, {})[event_id] = None
    by_article = {slug: list(ids) for slug, ids in cited.items()}
    return Chronology(events, by_topic, by_article, crowded)


def _merge(drafts: list[Draft], steps: ChronologySteps) -> tuple[list[Event], list[CrowdedDate]]:
    """Merge each date's reports of one event. The outcome for a date depends only on its
    reports: dates whose reports did not change reuse the last build's events (the preview
    server's), or at least its answer to which report repeats which."""
    dates: dict[DateKey, DateReports] = defaultdict(DateReports)
    for draft in drafts:
        event = draft[0]
        dates[(event.date.key, event.end_date.key if event.end_date else None)].append(draft)
    outcomes = steps.merge_dates(dates, steps.twins)
    merged: list[Event] = []
    crowded: list[CrowdedDate] = []
    for date, reports in dates.items():
        events, bounded = outcomes[date]
        merged += events
        if bounded:
            slugs = Counter(s.article for event, _ in reports for s in event.sources[:1])
            top = slugs.most_common(1)[0][0] if slugs else ""
            crowded.append(CrowdedDate(reports[0][0].date, len(reports), bounded, top))
    return sorted(merged, key=lambda e: (e.date.key, e.text)), crowded


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
