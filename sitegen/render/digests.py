"""Version digests of what pages show, the values in each page's dependency map.

A digest changes exactly when the data a page would display changes: ``card`` covers what an
article looks like in a list (title, date, summary, source, topics), ``article`` everything on
its own page, ``topic`` a topic's header and counts, ``event`` one chronology entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TypeVar

from sitegen.cache import BuildCache
from sitegen.hashing import value_digest
from sitegen.model import Article, Citation, Event, Site, Topic

T = TypeVar("T")
R = TypeVar("R")


class Digests:
    """Every digest of one build, each computed once: a card, for one, is in the dependencies
    of every list showing the article.

    Each digest is a cached property, named in :data:`BODY_BLIND` or :data:`BODY_SEEING`:
    the body-edit path keeps the first of the last build, and computes the second anew."""

    def __init__(self, site: Site, assets: dict[str, str], cache: BuildCache) -> None:
        self.site = site
        self.assets = assets
        self.cache = cache

    def _each(self, step: str, parts: dict[str, T], digest: Callable[[T], R]) -> dict[str, R]:
        """The digest of each of ``parts``, reusing the last build's where they are equal.
        Kept in memory only (by the preview server): a new process makes them all in less
        time than loading and saving their inputs took (docs/performance.md)."""
        return self.cache.memo(step, on_disk=False).same_each(parts, digest)

    @cached_property
    def site_wide(self) -> str:
        """Everything every page shows: the config (titles, topics, base URL) and asset names."""
        return value_digest((self.site.config.fingerprint(), sorted(self.assets.items())))

    @cached_property
    def cards(self) -> dict[str, str]:
        """By article slug."""
        return self._by_article[0]

    @cached_property
    def articles(self) -> dict[str, str]:
        """By article slug."""
        return self._by_article[1]

    @cached_property
    def _by_article(self) -> tuple[dict[str, str], dict[str, str]]:
        # Both digests in one pass over the articles, which the preview server makes on
        # every rebuild: the article's inputs hold its card's.
        both = self._each(
            "articles",
            {slug: _article(a) for slug, a in self.site.articles.items()},
            _card_and_article,
        )
        return {s: d[0] for s, d in both.items()}, {s: d[1] for s, d in both.items()}

    def after_body_edits(self, site: Site, edited: Iterable[Article]) -> Digests | None:
        """The digests of ``site``, which is this build's site with the bodies of ``edited``
        articles changed: their own pages' digests made again, the rest as they were. None
        if an edit changed what an article's card shows after all."""
        cards, articles = self.cards, dict(self.articles)
        for article in edited:
            card, page = _card_and_article(_article(article))
            if card != cards[article.slug]:
                return None
            articles[article.slug] = page
        after = Digests(site, self.assets, self.cache)
        # The digests this build computed that a body does not change; those it does, anew.
        after.__dict__.update(
            {name: self.__dict__[name] for name in BODY_BLIND if name in self.__dict__},
            _by_article=(cards, articles),
        )
        return after

    @cached_property
    def events(self) -> dict[str, str]:
        """By event id. An event shows its sources' titles or names, so their cards are
        part of its inputs."""
        # The chronology never changes an event once made (the preview server's chronology
        # memo relies on it too), so a reused one is the same object, compared at once.
        cards = self.cards
        inputs = {
            event_id: (event, tuple(cards[c.article] for c in event.sources))
            for event_id, event in self.site.events.items()
        }
        return self._each("events", inputs, _event_digest)

    @cached_property
    def all_cards(self) -> str:
        """One digest for every article's card: what lists of all articles show."""
        return value_digest(list(self.cards.values()))

    @cached_property
    def page_dates(self) -> str:
        """Every article's page and date, in order: what the sitemap lists (a title edit
        changes every list of cards, not the sitemap)."""
        return value_digest([(slug, a.date.key) for slug, a in self.site.articles.items()])

    @cached_property
    def all_events(self) -> str:
        return value_digest(list(self.events.values()))

    @cached_property
    def all_topics(self) -> str:
        return value_digest([self.topic(t) for t in self.site.topics.values()])

    @cached_property
    def totals(self) -> str:
        """How many articles and events the site has (the home page says)."""
        return value_digest((len(self.site.articles), len(self.site.events)))

    def topic(self, topic: Topic) -> str:
        """What lists of topics show of one: its counts and its latest event, or its latest
        article when it has no events."""
        if topic.events:
            latest = self.events[topic.events[-1]]
        else:
            latest = self.cards[topic.articles[0]] if topic.articles else ""
        counts = (len(topic.articles), len(topic.events))
        return value_digest((topic.description_html, counts, topic.related, latest))


# What each digest is made of: plain values (the repr of a dataclass is several times slower
# than a tuple's), and tuples rather than lists, so that a kept copy can never change.


def _card(article: Article) -> tuple[object, ...]:
    return (
        article.slug,
        article.title,
        article.date.key,
        article.summary,
        article.source,
        article.author,
        article.url,
        tuple(article.topics),
        article.mentions,
    )


def _article(article: Article) -> tuple[object, ...]:
    """What an article's own page shows: its card, then the rest. The body key stands for
    the rendered HTML and sentences (hashing those is costly)."""
    return (
        _card(article),
        article.body_key,
        tuple(article.related),
        tuple(article.backlinks),
        tuple(article.events),
    )


def _card_and_article(inputs: tuple[object, ...]) -> tuple[str, str]:
    card = value_digest(inputs[0])
    return card, value_digest((card, *inputs[1:]))


def _event_digest(inputs: tuple[Event, tuple[str, ...]]) -> str:
    event, source_cards = inputs
    return value_digest((_event(event), source_cards))


def _event(event: Event) -> tuple[object, ...]:
    return (
        event.id,
        event.date.key,
        event.end_date.key if event.end_date else None,
        event.text,
        tuple(event.topics),
        tuple(_citation(c) for c in event.sources),
        event.kind,
        event.claimed_by,
        event.party,
        event.side,
        event.status,
        tuple(event.disputed_by),
        tuple(_citation(c) for c in event.disputes),
    )


def _citation(citation: Citation) -> tuple[object, ...]:
    """What a page shows of a citation: the sentence, and who it says claims the event."""
    return (
        citation.article, citation.quote, citation.anchor, citation.claimed_by, citation.party,
        citation.side,
    )  # fmt: skip


# The digests an edit to article bodies alone leaves as they were (the body-edit path checks
# that the edited articles' cards, and what else other pages show, are unchanged), and those
# it changes. A new digest must be named in one (tests/render/test_digests.py checks).
BODY_BLIND = (
    "site_wide", "cards", "events", "all_cards", "page_dates", "all_events", "all_topics",
    "totals",
)  # fmt: skip
BODY_SEEING = ("articles", "_by_article")
