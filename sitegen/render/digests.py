"""Version digests of what pages show, the values in each page's dependency map.

A digest changes exactly when the data a page would display changes: ``card`` covers what an
article looks like in a list (title, date, summary, source, topics), ``article`` everything on
its own page, ``topic`` a topic's header and counts, ``event`` one chronology entry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cached_property

from sitegen.model import Article, Event, Site, Topic


def _hash(*parts: object) -> str:
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        h.update(repr(part).encode())
        h.update(b"\0")
    return h.hexdigest()


class Digests:
    def __init__(self, site: Site, assets: dict[str, str]) -> None:
        self.site = site
        self.assets = assets
        self._memo: dict[tuple[str, str], str] = {}  # a digest is asked for by many pages

    @cached_property
    def site_wide(self) -> str:
        """Everything every page shows: the config (titles, topics, base URL) and asset names."""
        return _hash(self.site.config.fingerprint(), sorted(self.assets.items()))

    def _once(self, kind: str, key: str, make: Callable[[], str]) -> str:
        memo_key = (kind, key)
        if memo_key not in self._memo:
            self._memo[memo_key] = make()
        return self._memo[memo_key]

    def card(self, article: Article) -> str:
        return self._once("card", article.slug, lambda: self._card(article))

    def article(self, article: Article) -> str:
        return self._once("article", article.slug, lambda: self._article(article))

    def event(self, event: Event) -> str:
        return self._once("event", event.id, lambda: self._event(event))

    def all_cards(self) -> str:
        """One digest for every article's card: what lists of all articles show."""
        return self._once(
            "all", "cards", lambda: _hash([self.card(a) for a in self.site.articles.values()])
        )

    def all_events(self) -> str:
        return self._once(
            "all", "events", lambda: _hash([self.event(e) for e in self.site.events.values()])
        )

    def all_topics(self) -> str:
        return self._once(
            "all", "topics", lambda: _hash([self.topic(t) for t in self.site.topics.values()])
        )

    def _card(self, article: Article) -> str:
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

    def _article(self, article: Article) -> str:
        # The body key stands for the rendered HTML and sentences (hashing those is costly).
        return _hash(
            self.card(article), article.body_key, article.related, article.backlinks, article.events
        )

    def topic(self, topic: Topic) -> str:
        latest = topic.events[-1:] if topic.events else []
        return _hash(
            topic.description_html, len(topic.articles), topic.articles[:1], topic.related, latest
        )

    def _event(self, event: Event) -> str:
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
