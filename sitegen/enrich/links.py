"""Links between articles: backlinks and related articles."""

from __future__ import annotations

import bisect
from collections import Counter

from sitegen.model import Article, Site

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
    ordered: dict[str, list[tuple[tuple[int, int, int], str]]] = {}
    for topic in site.topics.values():
        ordered[topic.slug] = sorted((_key(site.articles[s]), s) for s in topic.articles)
    for article in site.articles.values():
        key = _key(article)
        scores: Counter[str] = Counter()
        for slug in article.topics:
            items = ordered[slug]
            middle = bisect.bisect_left(items, (key, article.slug))
            for _, other in items[max(0, middle - _WINDOW) : middle + _WINDOW + 1]:
                if other != article.slug:
                    scores[other] += 1
        ranked = sorted(scores, key=lambda s: (-scores[s], _distance(site.articles[s], article), s))
        article.related = ranked[:RELATED_COUNT]


def _key(article: Article) -> tuple[int, int, int]:
    return (article.date.year, article.date.month, article.date.day)


def _distance(a: Article, b: Article) -> int:
    return abs((a.date.start() - b.date.start()).days)
