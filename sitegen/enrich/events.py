"""The chronology: events with dates at their precision, topics and citations.

Events come from article front matter here; automatic extraction feeds the same function.
The same event reported by several articles (same date and precision, similar wording)
becomes one event with several citations.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sitegen.model import Article, Citation, Event, EventSpec, Sentence, Site
from sitegen.text.slugs import slugify

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
    ]
)
SIMILAR = 0.5  # word-set overlap above which two texts on one date are the same event
_QUOTE_MATCH = 0.2  # overlap above which a body sentence is taken as an event's source quote


def words(text: str) -> frozenset[str]:
    """Content words, crudely stemmed so that "captured" and "capture" meet."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def build_events(site: Site) -> None:
    drafts: list[Event] = []
    for article in site.articles.values():
        drafts.extend(_from_spec(article, spec) for spec in article.event_specs)
    site.events = {}
    for event in _merge(drafts):
        event.id = _unique_id(event, site.events)
        site.events[event.id] = event
    for topic in site.topics.values():
        topic.events = []
    for article in site.articles.values():
        article.events = []
    for event in site.events.values():
        for slug in event.topics:
            site.topics[slug].events.append(event.id)
        for citation in event.sources:
            site.articles[citation.article].events.append(event.id)


def _from_spec(article: Article, spec: EventSpec) -> Event:
    sentence = _best_sentence(article.sentences, spec.text)
    topics = spec.topics or (sentence.topics if sentence else ()) or tuple(article.topics[:1])
    citation = Citation(
        article.slug, sentence.text if sentence else "", sentence.anchor if sentence else ""
    )
    return Event("", spec.date, spec.text, list(topics), [citation], spec.end_date)


def _best_sentence(sentences: list[Sentence], text: str) -> Sentence | None:
    target = words(text)
    best, best_score = None, _QUOTE_MATCH
    for sentence in sentences:
        score = overlap(target, words(sentence.text))
        if score > best_score:
            best, best_score = sentence, score
    return best


def _merge(events: list[Event]) -> list[Event]:
    by_date: dict[tuple[object, ...], list[tuple[Event, frozenset[str]]]] = defaultdict(list)
    merged: list[Event] = []
    for event in events:
        bucket = by_date[(event.date, event.end_date)]
        signature = words(event.text)
        twin = next((e for e, w in bucket if overlap(w, signature) >= SIMILAR), None)
        if twin is None:
            bucket.append((event, signature))
            merged.append(event)
            continue
        twin.sources.extend(s for s in event.sources if s not in twin.sources)
        twin.topics.extend(t for t in event.topics if t not in twin.topics)
    return sorted(merged, key=lambda e: (e.date, e.text))


def _unique_id(event: Event, taken: dict[str, Event]) -> str:
    base = f"{event.date.iso()}-{slugify(event.text, 48)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
