"""Links between articles: backlinks and related articles."""

from __future__ import annotations

import bisect
import heapq

from sitegen.cache import BuildCache
from sitegen.model import Site

RELATED_COUNT = 5
# Candidates per shared topic on each side of the article in date order: bounds the work per
# article, so relating N articles costs O(N · topics · window) instead of O(N²).
_WINDOW = 25


def add_backlinks(site: Site) -> None:
    for article in site.articles.values():
        article.backlinks = []
    for article in site.articles.values():
        for target in article.links_to:
            if target in site.articles and target != article.slug:
                site.articles[target].backlinks.append(article.slug)


def relate_articles(site: Site, cache: BuildCache) -> None:
    """Related articles share the most topics; ties go to the nearest in date.

    Each topic's articles are kept in date order, so the candidates for an article are its
    neighbours in time within each of its topics, found by bisection. The answer depends on
    the articles' slugs, dates and topics only, not on their order: while those are unchanged
    (editing a body changes none, retitling one reorders articles of its date at most), the
    last build's answer is reused.
    """
    # A mapping, compared regardless of order.
    inputs = {slug: (a.date.key, tuple(a.topics)) for slug, a in site.articles.items()}
    related = cache.memo("related").same("all", inputs, lambda: _relate(site))
    for slug, article in site.articles.items():
        article.related = related[slug]


def _relate(site: Site) -> dict[str, list[str]]:
    day = {slug: a.date.start().toordinal() for slug, a in site.articles.items()}
    ordered: dict[str, list[tuple[int, str]]] = {
        topic.slug: sorted((day[s], s) for s in topic.articles) for topic in site.topics.values()
    }
    related: dict[str, list[str]] = {}
    for slug, article in site.articles.items():
        me = (day[slug], slug)
        scores: dict[str, int] = {}
        for topic in article.topics:
            items = ordered[topic]
            middle = bisect.bisect_left(items, me)
            for _, other in items[max(0, middle - _WINDOW) : middle + _WINDOW + 1]:
                scores[other] = scores.get(other, 0) + 1
        scores.pop(slug, None)
        best = heapq.nsmallest(
            RELATED_COUNT, ((-n, abs(day[other] - me[0]), other) for other, n in scores.items())
        )
        related[slug] = [other for *_, other in best]
    return related
