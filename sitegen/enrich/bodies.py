"""Render every article body once, keeping what the markdown stage learned about it.

The worker that renders a body also extracts the events its sentences date (for the events
step, which finds them in the cache): it holds the sentences already, where the events step
would start its own workers and read every new body's sentences back from the store, a
tenth of a cold build.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from sitegen.cache import BuildCache, overgrown
from sitegen.content.articles import read_body
from sitegen.content.loader import display_path
from sitegen.enrich.extract import Extraction, cache_key, extract
from sitegen.enrich.mentions import MentionMatcher
from sitegen.errors import Problems, did_you_mean
from sitegen.markdown import BodyContext, BodyFacts, RenderedBody
from sitegen.model import Article, Site
from sitegen.parallel import parallel_each

Renderer = Callable[[str, int, BodyContext], RenderedBody]


def body_context(site: Site, root: str = "../../") -> BodyContext:
    """Facts every body shares: topic pages, the mention matcher and wikilink targets."""
    config = site.config
    by_name: dict[str, str] = {}
    for topic in config.topics:
        for name in (topic.slug, topic.name, *topic.aliases):
            by_name.setdefault(name.casefold(), f"topics/{topic.slug}/")

    def resolve(target: str) -> tuple[str, str] | None:
        if target in site.articles:
            return f"articles/{target}/", target
        page = by_name.get(target.casefold())
        return (page, "") if page else None

    def hint(target: str) -> str:
        return did_you_mean(target, [*site.articles, *(t.name for t in config.topics)]) or (
            "write [[article-slug]] or [[Topic name]] of an existing page"
        )

    return BodyContext(
        matcher=MentionMatcher(config.topics),
        topic_pages={topic.slug: f"topics/{topic.slug}/" for topic in config.topics},
        link_mode=config.markdown.link_mentions,
        resolve_wikilink=resolve,
        wikilink_hint=hint,
        root=root,
    )


def render_bodies(site: Site, render: Renderer, problems: Problems, cache: BuildCache) -> None:
    context = body_context(site)
    fingerprint = context_fingerprint(site)
    facts = cache.facts
    keys: dict[str, str] = {}
    todo: list[Article] = []  # bodies not rendered before
    for article in site.articles.values():
        key = keys[article.slug] = cache.body_key(
            article.body_digest,
            article.body_line,
            fingerprint + _targets(article.wikilinks, context)
            if article.wikilinks
            else fingerprint,
        )
        if key not in facts:
            todo.append(article)
    failed: dict[str, RenderedBody] = {}

    def read(article: Article) -> RenderedBody | tuple[BodyFacts, bytes, Extraction]:
        result = render(read_body(article), article.body_line, context)
        if result.problems:
            return result  # the build will fail; enrichment goes on with the content as is
        # Pickled for the store here, in the worker, not in the building process (which
        # would unpickle it from the worker first), so the cores share that work too.
        packed = cache.store.pack(result.content)
        return result.facts, packed, extract(result.content.sentences, article.date)

    def keep(index: int, done: RenderedBody | tuple[BodyFacts, bytes, Extraction]) -> None:
        # Stored as each result arrives; pages read bodies back from the store, so a cold
        # build never holds every rendered body at once.
        article = todo[index]
        if isinstance(done, RenderedBody):
            failed[article.slug] = done
        else:
            facts, packed, found = done
            key = keys[article.slug]
            cache.keep_body(key, facts, packed)
            cache.events[cache_key(key, article.date)] = found

    parallel_each(read, todo, keep)
    load = cache.store.get
    for article in site.articles.values():
        key = keys[article.slug]
        result = failed.get(article.slug)
        if (
            result is None
            and article.body_key == key
            and key in facts
            and article.content_loader is not None  # a copy from the cache on disk has none
        ):
            continue  # the same article as in the last build (the preview server's): all set
        article.body_key = key
        if result is None:
            found = facts[key]
            article.set_content(functools.partial(load, key))
        else:  # not cached; enrichment goes on, to report every problem at once
            found = result.facts
            article.set_content(lambda content=result.content: content)
            for line, message, hint in result.problems:
                problems.add(display_path(article.path, site.config.root), line, message, hint)
        article.mentions = found.mentions
        article.links_to = found.links_to
        article.lede = found.lede
        article.quotes = found.quotes
    if overgrown(len(cache.facts), len(keys)) or overgrown(len(cache.articles), len(site.articles)):
        cache.prune(
            {str(a.path) for a in site.articles.values()} | _drafts(cache, site),
            set(keys.values()),
        )
    for topic in site.topics.values():
        if topic.description_path is not None:
            result = render(topic.description_md, 1, context)
            topic.description_html = result.content.html
            for line, message, hint in result.problems:
                problems.add(
                    display_path(topic.description_path, site.config.root), line, message, hint
                )


def _targets(wikilinks: tuple[str, ...], context: BodyContext) -> str:
    """Where the body's wikilinks lead today: part of its cache key, since a body linking to
    an article that was since added, renamed or removed must be rendered again."""
    return repr([context.resolve_wikilink(t) for t in wikilinks])


def context_fingerprint(site: Site) -> str:
    """What a cached body depends on besides its own text: topics, link mode, raw HTML."""
    config = site.config
    return repr((config.topics, config.markdown))


def _drafts(cache: BuildCache, site: Site) -> set[str]:
    # Drafts left out of this build still exist; keep their parsed copies.
    return {path for path, (_, article) in cache.articles.items() if article.draft}
