"""Links between articles: backlinks and related articles."""

from __future__ import annotations

import bisect
import heapq
from collections import Counter

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


def relate_articles(site: Site) -> None:
    """Related articles share the most topics; ties go to the nearest in date.

    Each topic's articles are kept in date order, so the candidates for an article are its
    neighbours in time within each of its topics, found by bisection.
    """
    day = {slug: a.date.start().toordinal() for slug, a in site.articles.items()}
    ordered: dict[str, list[tuple[int, str]]] = {
        topic.slug: sorted((day[s], s) for s in topic.articles) for topic in site.topics.values()
    }
    for article in site.articles.values():
        me = (day[article.slug], article.slug)
        scores: Counter[str] = Counter()
        for slug in article.topics:
            items = ordered[slug]
            middle = bisect.bisect_left(items, me)
            scores.update(
                other for _, other in items[max(0, middle - _WINDOW) : middle + _WINDOW + 1]
            )
        del scores[article.slug]
        article.related = heapq.nsmallest(
            RELATED_COUNT, scores, key=lambda s: (-scores[s], abs(day[s] - me[0]), s)
        )
