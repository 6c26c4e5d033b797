"""Plan every templated page: its output path, template, context and dependencies.

This is the one place that knows which outputs depend on which inputs. Each page lists the
inputs it shows as ``key → digest``; :mod:`sitegen.deps` compares them with the last build.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sitegen.dates import MONTHS
from sitegen.model import Page, Site
from sitegen.render import export, feeds
from sitegen.render.digests import Digests
from sitegen.render.templates import Templates

# A topic page quotes the sentences naming the topic from its newest articles only: beyond a
# few dozen articles a page of quotes is too long to read (the article list stays complete).
QUOTED_ARTICLES = 30


def plan_pages(
    site: Site, templates: Templates, digests: Digests, assets: dict[str, str]
) -> Iterator[Page]:
    known = digests.cache.memo("template-references")
    base = {"site": site, "config": site.config, "assets": assets}
    inputs: dict[str, dict[str, str]] = {}  # what every page of a template depends on

    def page(
        output: str, template: str, depth: int | str, context: dict[str, Any], deps: dict[str, str]
    ) -> Page:
        root = "../" * depth if isinstance(depth, int) else depth
        full = {**base, "root": root, "page_path": output.removesuffix("index.html"), **context}
        if template not in inputs:
            inputs[template] = {
                "site": digests.site_wide,
                f"template:{template}": templates.digest(template, known),
            }
        return Page(output, template, full, inputs[template] | deps)

    articles, topics, events = site.articles, site.topics, site.events
    latest = list(articles.values())[: site.config.home_latest]
    latest_events = list(events.values())[-site.config.home_latest :]
    home_deps = {f"topic:{t.slug}": digests.topic(t) for t in topics.values()}
    home_deps |= {f"card:{a.slug}": digests.cards[a.slug] for a in latest}
    home_deps |= {f"event:{e.id}": digests.events[e.id] for e in latest_events}
    yield page(
        "index.html",
        "index.html",
        0,
        {"latest_articles": latest, "latest_events": latest_events[::-1]},
        home_deps,
    )

    for article in articles.values():
        deps = {f"article:{article.slug}": digests.articles[article.slug]}
        for slug in (*article.related, *article.backlinks):
            deps[f"card:{slug}"] = digests.cards[slug]
        for event_id in article.events:
            deps[f"event:{event_id}"] = digests.events[event_id]
        yield page(f"{article.page}index.html", "article.html", 2, {"article": article}, deps)

    for topic in topics.values():
        quoted = topic.articles[:QUOTED_ARTICLES]
        deps = {f"topic:{topic.slug}": digests.topic(topic)}
        deps |= {f"card:{s}": digests.cards[s] for s in topic.articles}
        deps |= {f"quotes:{s}": articles[s].quotes.get(topic.slug, "") for s in quoted}
        deps |= {f"event:{e}": digests.events[e] for e in topic.events}
        context = {"topic": topic, "quoted": [articles[s] for s in quoted]}
        yield page(f"{topic.page}index.html", "topic.html", 2, context, deps)

    yield page(
        "chronology/index.html",
        "chronology.html",
        1,
        {"years": _by_year_month(site)},
        {f"event:{e}": d for e, d in digests.events.items()},
    )
    yield page(
        "topics/index.html",
        "topics.html",
        1,
        {},
        {f"topic:{t.slug}": digests.topic(t) for t in topics.values()},
    )
    yield page(
        "articles/index.html",
        "articles.html",
        1,
        {},
        {f"card:{a}": d for a, d in digests.cards.items()},
    )
    # GitHub Pages serves 404.html for a missing URL at any depth without redirecting, so its
    # links cannot be relative: they start from the site's base path.
    yield page("404.html", "404.html", site.config.base_path, {}, {})
    yield from data_files(site, digests)


def data_files(site: Site, digests: Digests) -> Iterator[Page]:
    """Feeds and exports, made in Python; each is made again only when what it holds changed."""
    every = {"site": digests.site_wide, "cards": digests.all_cards}
    latest = list(site.articles.values())[: feeds.FEED_SIZE]
    feed = {"site": digests.site_wide} | {f"card:{a.slug}": digests.cards[a.slug] for a in latest}
    with_events = every | {"events": digests.all_events, "topics": digests.all_topics}
    chronology = {"site": digests.site_wide, "events": digests.all_events}
    yield Page("feed.xml", None, {}, feed, lambda: feeds.atom_feed(site))
    yield Page("sitemap.xml", None, {}, every, lambda: feeds.sitemap(site, page_paths(site)))
    yield Page("briefing.json", None, {}, with_events, lambda: export.briefing_json(site))
    yield Page("chronology.json", None, {}, chronology, lambda: export.chronology_json(site))


def page_paths(site: Site) -> list[str]:
    """The URL paths of the site's HTML pages, for the sitemap."""
    fixed = ["", "chronology/", "topics/", "articles/"]
    return fixed + [a.page for a in site.articles.values()] + [t.page for t in site.topics.values()]


def _by_year_month(site: Site) -> list[tuple[int, list[tuple[str, list[Any]]]]]:
    """Events grouped for the chronology page: years, then months (or "" for year-only)."""
    years: dict[int, dict[str, list[Any]]] = {}
    for event in site.events.values():
        month = MONTHS[event.date.month - 1] if event.date.month else ""
        years.setdefault(event.date.year, {}).setdefault(month, []).append(event)
    return [(year, list(months.items())) for year, months in years.items()]
