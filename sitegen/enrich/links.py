"""Links between articles: backlinks and related articles."""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sitegen.dates import PartialDate
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


@dataclass(frozen=True)
class Placements:
    """When each article is and on which topics, by slug: what related articles are found
    from. Mappings, compared regardless of the articles' order, which retitling an article
    changes (among the articles of its date) and the answer does not depend on."""

    dates: dict[str, tuple[int, int, int]]  # PartialDate.key
    topics: dict[str, tuple[str, ...]]


def relate(inputs: Placements) -> dict[str, list[str]]:
    """Each article's related articles: those sharing the most topics with it; ties go to
    the nearest in date.

    Each topic's articles are kept in date order, so the candidates for an article are its
    neighbours in time within each of its topics, found by bisection."""
    day = {slug: PartialDate(*key).start().toordinal() for slug, key in inputs.dates.items()}
    ordered: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for slug, topics in inputs.topics.items():
        for topic in topics:
            ordered[topic].append((day[slug], slug))
    for items in ordered.values():
        items.sort()
    related: dict[str, list[str]] = {}
    for slug, topics in inputs.topics.items():
        me = (day[slug], slug)
        scores: dict[str, int] = {}
        for topic in topics:
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


def relate_articles(site: Site, find: Callable[[Placements], dict[str, list[str]]]) -> None:
    """Each article's related articles (``find``: :func:`relate`)."""
    # In one pass over the articles: the preview server makes these on every rebuild.
    dates: dict[str, tuple[int, int, int]] = {}
    topics: dict[str, tuple[str, ...]] = {}
    for slug, article in site.articles.items():
        dates[slug] = article.date.key
        topics[slug] = tuple(article.topics)
    related = find(Placements(dates, topics))
    for slug, article in site.articles.items():
        article.related = related[slug]
