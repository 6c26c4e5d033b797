"""Plan every templated page: its output path, template, context and dependencies.

This is the one place that knows which outputs depend on which inputs. Each page lists the
digests of the inputs it shows; :mod:`sitegen.deps` compares them with the last build's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sitegen.dates import MONTHS
from sitegen.model import Article, Deps, Page, Site
from sitegen.render import export, feeds
from sitegen.render.digests import Digests
from sitegen.render.fragments import PARTIALS, Fragments
from sitegen.render.templates import Templates

# A topic page quotes the sentences naming the topic from its newest articles only: beyond a
# few dozen articles a page of quotes is too long to read (the article list stays complete).
QUOTED_ARTICLES = 30


class PageContext:
    """What every page's context and inputs share, made once per build."""

    def __init__(
        self,
        site: Site,
        templates: Templates,
        digests: Digests,
        assets: dict[str, str],
        keep: bool = False,
    ) -> None:
        # ``keep``: the memos keep what this build does not ask for (see BuildCache.memo).
        self.templates, self.digests = templates, digests
        self.known = digests.cache.memo("template-references", keep=keep)
        base: dict[str, Any] = {"site": site, "config": site.config, "assets": assets}
        # The partials see a copy of the shared context without ``fragments``: holding the
        # dict that holds it would make a reference cycle (see Session.build).
        memo = digests.cache.memo("fragments", on_disk=False, keep=keep)
        base["fragments"] = Fragments(templates, digests, memo, dict(base))
        self.base = base
        # Any page may show list entries rendered from the partials (see fragments.py), which
        # its own template does not name as includes.
        self.partials = tuple(
            templates.digest(name, self.known) for name in PARTIALS if templates.exists(name)
        )

    def common(self, template: str, depth: int | str) -> tuple[dict[str, Any], Deps]:
        """The context and inputs every page of ``template`` at ``depth`` has."""
        root = "../" * depth if isinstance(depth, int) else depth
        inputs = (self.digests.site_wide, self.templates.digest(template, self.known))
        return {**self.base, "root": root}, inputs + self.partials


def plan_pages(
    site: Site, templates: Templates, digests: Digests, assets: dict[str, str]
) -> Iterator[Page]:
    shared = PageContext(site, templates, digests, assets)
    cards, events = digests.cards, digests.events

    def page(
        output: str, template: str, depth: int | str, context: dict[str, Any], deps: Deps
    ) -> Page:
        common, inputs = shared.common(template, depth)
        full = {**common, "page_path": output.removesuffix("index.html"), **context}
        return Page(output, template, full, inputs + deps)

    articles, topics = site.articles, site.topics
    latest = list(articles.values())[: site.config.home_latest]
    latest_events = list(site.events.values())[-site.config.home_latest :]
    yield page(
        "index.html",
        "index.html",
        0,
        {"latest_articles": latest, "latest_events": latest_events[::-1]},
        (
            digests.totals,
            *[digests.topic(t) for t in topics.values()],
            *[cards[a.slug] for a in latest],
            *[events[e.id] for e in latest_events],
        ),
    )
    yield from article_pages(shared, articles.values())

    for topic in topics.values():
        quoted = topic.articles[:QUOTED_ARTICLES]
        deps = (
            digests.topic(topic),
            *[cards[s] for s in topic.articles],  # the cards name their articles
            *[articles[s].quotes.get(topic.slug, "") for s in quoted],
            *[events[e] for e in topic.events],
        )
        context = {"topic": topic, "quoted": [articles[s] for s in quoted]}
        yield page(f"{topic.page}index.html", "topic.html", 2, context, deps)

    for party in site.config.parties:
        claimed = site.party_events.get(party.slug, [])
        deps = tuple(events[e] for e in claimed)  # the config (site-wide) names the party
        context = {"party": party, "party_events": claimed}
        yield page(f"{party.page}index.html", "party.html", 2, context, deps)

    # Grouped again only when the events changed: the preview server plans this page on
    # every rebuild (0.02 s at 10,000 articles), and its events are made once, never changed.
    grouped = digests.cache.memo("chronology-years", on_disk=False)
    years = {"years": grouped.get(digests.all_events, lambda: _by_year_month(site))}
    # Every event's and card's digest, not one of them all: the length of a page's inputs is
    # how build.py tells the pages that take longest to render.
    yield page("chronology/index.html", "chronology.html", 1, years, tuple(events.values()))
    topic_digests = tuple(digests.topic(t) for t in topics.values())
    yield page("topics/index.html", "topics.html", 1, {}, topic_digests)
    yield page("articles/index.html", "articles.html", 1, {}, tuple(cards.values()))
    # GitHub Pages serves 404.html for a missing URL at any depth without redirecting, so its
    # links cannot be relative: they start from the site's base path.
    yield page("404.html", "404.html", site.config.base_path, {}, ())
    yield from data_files(site, digests)


def article_pages(shared: PageContext, articles: Iterable[Article]) -> Iterator[Page]:
    """The article's own page of each of ``articles``."""
    # Ten thousand of these per rebuild in the preview server: the loop is kept lean (map
    # over C lookups rather than comprehensions, the shared parts made once).
    context, inputs = shared.common("article.html", 2)
    digests = shared.digests
    own, card, event = (d.__getitem__ for d in (digests.articles, digests.cards, digests.events))
    for article in articles:
        path = article.page
        # The article's digest covers which related articles, backlinks and events its
        # page shows; their digests, how each of them looks.
        deps = (
            *inputs,
            own(article.slug),
            *map(card, article.related),
            *map(card, article.backlinks),
            *map(event, article.events),
        )
        page_context = {**context, "page_path": path, "article": article}
        yield Page(f"{path}index.html", "article.html", page_context, deps)


def data_files(site: Site, digests: Digests) -> Iterator[Page]:
    """Feeds and exports, made in Python; each is made again only when what it holds changed."""
    every = (digests.site_wide, digests.all_cards)
    latest = list(site.articles)[: feeds.FEED_SIZE]
    feed = (digests.site_wide, *[digests.cards[slug] for slug in latest])
    with_events = (*every, digests.all_events, digests.all_topics)
    chronology = (digests.site_wide, digests.all_events)
    yield Page("feed.xml", None, {}, feed, lambda: feeds.atom_feed(site))
    sitemap = (digests.site_wide, digests.page_dates)
    yield Page("sitemap.xml", None, {}, sitemap, lambda: feeds.sitemap(site, page_paths(site)))
    yield Page("briefing.json", None, {}, with_events, lambda: export.briefing_json(site))
    yield Page("chronology.json", None, {}, chronology, lambda: export.chronology_json(site))


def page_paths(site: Site) -> list[str]:
    """The URL paths of the site's HTML pages, for the sitemap."""
    fixed = ["", "chronology/", "topics/", "articles/"]
    pages = [a.page for a in site.articles.values()] + [t.page for t in site.topics.values()]
    return fixed + pages + [p.page for p in site.config.parties]


def _by_year_month(site: Site) -> list[tuple[int, list[tuple[str, list[Any]]]]]:
    """Events grouped for the chronology page: years, then months (or "" for year-only)."""
    years: dict[int, dict[str, list[Any]]] = {}
    for event in site.events.values():
        month = MONTHS[event.date.month - 1] if event.date.month else ""
        years.setdefault(event.date.year, {}).setdefault(month, []).append(event)
    return [(year, list(months.items())) for year, months in years.items()]
