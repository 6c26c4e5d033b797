"""Which articles are about which topics, and which topics go together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from typing import NamedTuple

from sitegen.model import Site
from sitegen.text.mentions import MentionMatcher


class TopicsInput(NamedTuple):
    """What an article's topics are found from (besides what its body key stands for)."""

    slug: str
    body_key: str  # stands for the body's mentions and the topics configured when rendered
    explicit_topics: tuple[str, ...]
    title: str
    exclude: tuple[str, ...]


class TopicFinder:
    """What finding an article's topics reads besides its :class:`TopicsInput`: the
    configured topics and the article's mentions of them. Both are what the input's body key
    stands for (a body is rendered again under another topic configuration: see
    :func:`sitegen.enrich.bodies.context_fingerprint`), so a result kept for equal inputs
    read the same."""

    def __init__(self, site: Site) -> None:
        self.matcher = MentionMatcher(site.config.topics)
        self.order = list(site.topics)  # ties go to the topic listed first in site.yaml
        self.articles = site.articles


def find_topics(inputs: TopicsInput, finder: TopicFinder) -> list[str]:
    """An article's topics: those it names in front matter, then those it mentions.

    Explicit topics come first, then detected ones: those its title names, then by how often
    the body mentions them, so the first topic is the article's main subject. A topic its
    ``exclude:`` names is not detected."""
    mentions = finder.articles[inputs.slug].mentions
    order = finder.order
    in_title = {mention.topic for mention in finder.matcher.finditer(inputs.title)}
    detected = sorted(
        {*mentions, *in_title}.difference(inputs.exclude),
        key=lambda slug: (slug not in in_title, -mentions.get(slug, 0), order.index(slug)),
    )
    return list(dict.fromkeys([*inputs.explicit_topics, *detected]))


FindTopics = Callable[[dict[str, TopicsInput], TopicFinder], dict[str, list[str]]]


def assign_topics(site: Site, find: FindTopics) -> None:
    """Each article's topics (``find``: :func:`find_topics` for every article), and each
    topic's articles."""
    articles = site.articles
    found = find(
        {
            slug: TopicsInput(slug, a.body_key, a.explicit_topics, a.title, a.exclude)
            for slug, a in articles.items()
        },
        TopicFinder(site),
    )
    members: dict[str, list[str]] = {slug: [] for slug in site.topics}
    for slug, article in articles.items():  # already newest first
        article.topics = found[slug]
        for topic_slug in article.topics:
            members[topic_slug].append(slug)
    for slug, topic in site.topics.items():
        topic.articles = members[slug]


@dataclass(frozen=True)
class ArticleTopics:
    """Every article's topics, by slug: what topic pairs are counted from. By slug, since the
    counts do not depend on the articles' order, nor does comparing this."""

    by_slug: dict[str, tuple[str, ...]]


def count_pairs(inputs: ArticleTopics) -> Counter[tuple[str, str]]:
    """How many articles cover each pair of topics."""
    shared: Counter[tuple[str, str]] = Counter()
    for topics in inputs.by_slug.values():
        shared.update(combinations(sorted(topics), 2))
    return shared


CountPairs = Callable[[ArticleTopics], Counter[tuple[str, str]]]


def relate_topics(site: Site, count: CountPairs) -> None:
    """Topics are related when articles cover both; the count says how many do (``count``:
    :func:`count_pairs`)."""
    shared = count(ArticleTopics({slug: tuple(a.topics) for slug, a in site.articles.items()}))
    for topic in site.topics.values():
        pairs = [
            (b if a == topic.slug else a, n) for (a, b), n in shared.items() if topic.slug in (a, b)
        ]
        topic.related = sorted(pairs, key=lambda pair: (-pair[1], pair[0]))
