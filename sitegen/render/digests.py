"""Version digests of what pages show, the values in each page's dependency map.

A digest changes exactly when the data a page would display changes: ``card`` covers what an
article looks like in a list (title, date, summary, source, topics), ``article`` everything on
its own page, ``topic`` a topic's header and counts, ``event`` one chronology entry.
"""

from __future__ import annotations

import hashlib
from functools import cached_property

from sitegen.model import Article, Event, Site, Topic


def _hash(*parts: object) -> str:
    # One repr of the tuple: it separates and quotes the parts, so distinct parts never
    # collide, at a third of the cost of hashing them one by one.
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


class Digests:
    """Every digest of one build, each computed once: a card, for one, is in the dependencies
    of every list showing the article."""

    def __init__(self, site: Site, assets: dict[str, str]) -> None:
        self.site = site
        self.assets = assets

    @cached_property
    def site_wide(self) -> str:
        """Everything every page shows: the config (titles, topics, base URL) and asset names."""
        return _hash(self.site.config.fingerprint(), sorted(self.assets.items()))

    @cached_property
    def cards(self) -> dict[str, str]:
        """By article slug."""
        return {slug: _card(article) for slug, article in self.site.articles.items()}

    @cached_property
    def articles(self) -> dict[str, str]:
        """By article slug."""
        cards = self.cards
        return {slug: _article(a, cards[slug]) for slug, a in self.site.articles.items()}

    @cached_property
    def events(self) -> dict[str, str]:
        """By event id."""
        return {event_id: _event(event) for event_id, event in self.site.events.items()}

    @cached_property
    def all_cards(self) -> str:
        """One digest for every article's card: what lists of all articles show."""
        return _hash(list(self.cards.values()))

    @cached_property
    def all_events(self) -> str:
        return _hash(list(self.events.values()))

    @cached_property
    def all_topics(self) -> str:
        return _hash([self.topic(t) for t in self.site.topics.values()])

    def topic(self, topic: Topic) -> str:
        latest = topic.events[-1:] if topic.events else []
        return _hash(
            topic.description_html, len(topic.articles), topic.articles[:1], topic.related, latest
        )


def _card(article: Article) -> str:
    return _hash(
        article.slug,
        article.title,
        article.date.iso(),
        article.summary,
        article.source,
        article.author,
        article.url,
        article.topics,
        article.mentions,
    )


def _article(article: Article, card: str) -> str:
    # The body key stands for the rendered HTML and sentences (hashing those is costly).
    return _hash(card, article.body_key, article.related, article.backlinks, article.events)


def _event(event: Event) -> str:
    # Plain values: the repr of a dataclass is several times slower than a tuple's.
    return _hash(
        event.id,
        event.date.iso(),
        event.end_date.iso() if event.end_date else "",
        event.text,
        event.topics,
        [(c.article, c.quote, c.anchor) for c in event.sources],
        event.kind,
    )
