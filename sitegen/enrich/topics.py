"""Which articles are about which topics, and which topics go together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations

from sitegen.cache import BuildCache
from sitegen.model import Article, Site
from sitegen.text.mentions import MentionMatcher


def assign_topics(site: Site, cache: BuildCache) -> None:
    """An article's topics: those it names in front matter, then those it mentions.

    Explicit topics come first, then detected ones: those its title names, then by how often
    the body mentions them, so the first topic is the article's main subject. A topic its
    ``exclude:`` names is not detected. The answer depends on the title, the front matter's
    topics and exclusions and the body key (which stands for the mentions and the configured
    topics), so an unchanged article reuses the last build's.
    """
    matcher = MentionMatcher(site.config.topics)
    order = list(site.topics)  # ties go to the topic listed first in site.yaml

    def detect(article: Article) -> list[str]:
        in_title = {mention.topic for mention in matcher.finditer(article.title)}
        detected = sorted(
            {*article.mentions, *in_title}.difference(article.exclude),
            key=lambda slug: (
                slug not in in_title,
                -article.mentions.get(slug, 0),
                order.index(slug),
            ),
        )
        return list(dict.fromkeys([*article.explicit_topics, *detected]))

    articles = site.articles
    found = cache.memo("topics").same_each(
        {
            slug: (slug, a.body_key, a.explicit_topics, a.title, a.exclude)
            for slug, a in articles.items()
        },
        lambda inputs: detect(articles[inputs[0]]),
    )
    members: dict[str, list[str]] = {slug: [] for slug in site.topics}
    for slug, article in articles.items():  # already newest first
        article.topics = found[slug]
        for topic in article.topics:
            members[topic].append(slug)
    for slug, topic in site.topics.items():
        topic.articles = members[slug]


def relate_topics(site: Site, cache: BuildCache) -> None:
    """Topics are related when articles cover both; the count says how many do. The counts
    depend on the articles' topics only, so while those are unchanged they are reused."""
    # By slug: the counts do not depend on the articles' order, nor does this comparison.
    inputs = {slug: tuple(article.topics) for slug, article in site.articles.items()}
    shared = cache.memo("topic-pairs").same("all", inputs, lambda: _count_pairs(inputs.values()))
    for topic in site.topics.values():
        pairs = [
            (b if a == topic.slug else a, n) for (a, b), n in shared.items() if topic.slug in (a, b)
        ]
        topic.related = sorted(pairs, key=lambda pair: (-pair[1], pair[0]))


def _count_pairs(topic_lists: Iterable[tuple[str, ...]]) -> Counter[tuple[str, str]]:
    shared: Counter[tuple[str, str]] = Counter()
    for topics in topic_lists:
        shared.update(combinations(sorted(topics), 2))
    return shared
