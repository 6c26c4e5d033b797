"""Render every article body once, keeping what the markdown stage learned about it.

The worker that renders a body also extracts the events its sentences date (for the events
step, which finds them in the cache): it holds the sentences already, where the events step
would start its own workers and read every new body's sentences back from the store, a
tenth of a cold build.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from sitegen.cache import BuildCache, Packed, overgrown
from sitegen.content.articles import read_body
from sitegen.content.loader import display_path
from sitegen.enrich.extract import cache_key, extract
from sitegen.errors import Problems, did_you_mean
from sitegen.markdown import BodyContext, RenderedBody
from sitegen.model import Article, BodyContent, BodyFacts, Extraction, Site
from sitegen.parallel import parallel_each
from sitegen.text.mentions import MentionMatcher

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
        key = keys[article.slug] = body_key(article, context, fingerprint, cache)
        if key not in facts:
            todo.append(article)
    failed: dict[str, RenderedBody] = {}

    def keep(index: int, done: Rendered) -> None:
        # Stored as each result arrives; pages read bodies back from the store, so a cold
        # build never holds every rendered body at once.
        article = todo[index]
        if isinstance(done, RenderedBody):
            failed[article.slug] = done
        else:
            _keep(cache, keys[article.slug], article, done)

    parallel_each(
        functools.partial(_render, render=render, context=context, cache=cache), todo, keep
    )
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
        if result is None:
            attach_body(article, key, facts[key], cache)
        else:  # not cached; enrichment goes on, to report every problem at once
            article.body_key = key
            article.set_content(_given(result.content))
            _set_facts(article, result.facts)
            for line, message, hint in result.problems:
                problems.add(display_path(article.path, site.config.root), line, message, hint)
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


def body_key(article: Article, context: BodyContext, fingerprint: str, cache: BuildCache) -> str:
    """The key of the article's rendered body: its text, where it starts, and the rendering
    context (``fingerprint``, and where its wikilinks lead)."""
    if article.wikilinks:
        fingerprint += _targets(article.wikilinks, context)
    return cache.body_key(article.body_digest, article.body_line, fingerprint)


def body_facts(
    article: Article, key: str, render: Renderer, context: BodyContext, cache: BuildCache
) -> tuple[BodyFacts, Extraction] | None:
    """What the body ``key`` of ``article`` says and dates, rendered (and kept) unless the
    cache has it; None if rendering it found problems (a build reports them)."""
    facts = cache.facts.get(key)
    found = cache.events.get(cache_key(key, article.date))
    if facts is None or found is None:
        done = _render(article, render, context, cache)
        if isinstance(done, RenderedBody):
            return None
        facts, _, found = done
        _keep(cache, key, article, done)
    return facts, found


def attach_body(article: Article, key: str, facts: BodyFacts, cache: BuildCache) -> None:
    """Give ``article`` its rendered body ``key`` (from the store) and what the body says."""
    article.body_key = key
    article.set_content(functools.partial(cache.store.get, key))
    _set_facts(article, facts)


Rendered = RenderedBody | tuple[BodyFacts, Packed, Extraction]


def _render(
    article: Article, render: Renderer, context: BodyContext, cache: BuildCache
) -> Rendered:
    """The body rendered, packed for the store, and its events extracted; or, if rendering
    found problems, the rendered body (the build will fail)."""
    result = render(read_body(article), article.body_line, context)
    if result.problems:
        return result
    # Sent back packed for the store (the renderer packed the sentences, here in the worker),
    # not as objects the building process would unpickle only to pack them again.
    packed = cache.store.pack(result.content)
    return (
        result.facts,
        packed,
        extract(result.content.sentences, article.date, article.event_specs),
    )


def _keep(
    cache: BuildCache, key: str, article: Article, done: tuple[BodyFacts, Packed, Extraction]
) -> None:
    facts, packed, found = done
    cache.keep_body(key, facts, packed)
    cache.events[cache_key(key, article.date)] = found


def _given(content: BodyContent) -> Callable[[], BodyContent]:
    return lambda: content


def _set_facts(article: Article, facts: BodyFacts) -> None:
    article.facts = facts


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
