"""Plan every templated page: its output path, template, context and dependencies.

This is the one place that knows which outputs depend on which inputs. Each page lists the
digests of the inputs it shows; :mod:`sitegen.deps` compares them with the last build's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sitegen.hashing import value_digest
from sitegen.model import Article, Deps, Page, Site, Topic
from sitegen.render import export, feeds
from sitegen.render.chronology import by_month, plan_chronology, topics_of
from sitegen.render.digests import Digests
from sitegen.render.fragments import PARTIALS, Fragments
from sitegen.render.paging import paginate
from sitegen.render.report import REPORT_PATH, plan_report
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

    def page(
        self,
        output: str,
        template: str,
        context: dict[str, Any],
        deps: Deps,
        root: str | None = None,
    ) -> Page:
        """A page of ``template`` at ``output`` showing ``context``, made of ``deps``. Its
        links are relative to its folder (``root`` leads back to the site's), unless
        ``root`` says otherwise."""
        common, inputs = self.common(template, output.count("/") if root is None else root)
        full = {**common, "page_path": output.removesuffix("index.html"), **context}
        return Page(output, template, full, inputs + deps)


def plan_pages(
    site: Site, templates: Templates, digests: Digests, assets: dict[str, str]
) -> Iterator[Page]:
    shared = PageContext(site, templates, digests, assets)
    pages = [*_templated_pages(site, shared), *article_pages(shared, site.articles.values())]
    yield from pages
    # What the sitemap lists beyond the articles' pages: the pages of lists, which come and
    # go as the lists grow.
    lists = [p.output.removesuffix("index.html") for p in pages if p.template != "article.html"]
    yield from data_files(site, digests, [path for path in lists if path != "404.html"])


def _templated_pages(site: Site, shared: PageContext) -> Iterator[Page]:
    """Every page but the articles' own."""
    digests = shared.digests
    cards, events = digests.cards, digests.events
    articles, topics = site.articles, site.topics
    latest = list(articles.values())[: site.config.home_latest]
    latest_events = list(site.events.values())[-site.config.home_latest :]
    yield shared.page(
        "index.html",
        "index.html",
        {"latest_articles": latest, "latest_events": latest_events[::-1]},
        (
            digests.totals,
            *[digests.topic(t) for t in topics.values()],
            *[cards[a.slug] for a in latest],
            *[events[e.id] for e in latest_events],
        ),
    )
    for topic in topics.values():
        yield from topic_pages(site, shared, topic)

    for party in site.config.parties:
        claimed = site.party_events.get(party.slug, [])
        # The config (site-wide) names the party.
        claims = tuple(events[e] for e in claimed)
        context = {"party": party, "party_events": claimed}
        yield shared.page(f"{party.page}index.html", "party.html", context, claims)

    yield from chronology_pages(site, shared)
    topic_digests = tuple(digests.topic(t) for t in topics.values())
    yield shared.page("topics/index.html", "topics.html", {}, topic_digests)
    for paged in paginate(list(articles), site.config.page_size, "articles/"):
        deps: Deps = (*[cards[s] for s in paged.items], value_digest(paged.pager.key()))
        if paged.pager.number == 1:
            deps += (digests.totals,)  # the first page says how many articles there are
        context = {"pager": paged.pager, "items": paged.items}
        yield shared.page(paged.pager.output, "articles.html", context, deps)
    yield report_page(site, shared)
    # GitHub Pages serves 404.html for a missing URL at any depth without redirecting, so its
    # links cannot be relative: they start from the site's base path.
    yield shared.page("404.html", "404.html", {}, (), root=site.config.base_path)


def topic_pages(site: Site, shared: PageContext, topic: Topic) -> Iterator[Page]:
    """The topic's overview with its newest articles, then pages of older articles."""
    digests = shared.digests
    cards, events = digests.cards, digests.events
    quoted = topic.articles[:QUOTED_ARTICLES]
    # The timeline shows the topic's latest events (a page's worth): the chronology has
    # them all, by year.
    timeline = topic.events[-site.config.page_size :]
    for paged in paginate(topic.articles, site.config.page_size, topic.page):
        pager = paged.pager
        # The cards name their articles.
        deps: Deps = (*[cards[s] for s in paged.items], value_digest(pager.key()))
        context: dict[str, Any] = {"topic": topic, "pager": pager, "items": paged.items}
        if pager.number == 1:
            deps += (
                digests.topic(topic),
                # The quotes are headed by their articles' titles, sources and dates.
                *[cards[s] for s in quoted],
                *[site.articles[s].quotes.get(topic.slug, "") for s in quoted],
                *[events[e] for e in timeline],
            )
            context |= {"quoted": [site.articles[s] for s in quoted], "timeline": timeline}
        yield shared.page(pager.output, "topic.html", context, deps)


def chronology_pages(site: Site, shared: PageContext) -> Iterator[Page]:
    """``chronology/``: the latest months and every year; then each year's own pages."""
    digests = shared.digests
    events = digests.events
    size = site.config.page_size
    # Planned again only when the events changed: the preview server plans these pages on
    # every rebuild, and its events are made once, never changed.
    memo = digests.cache.memo("chronology-plan", on_disk=False)
    plan = memo.get(
        f"{digests.all_events}:{size}", lambda: plan_chronology(list(site.events.values()), size)
    )
    order = list(site.topics)
    # Every event's digest, not one of them all: the length of a page's inputs is how
    # build.py tells the pages that take longest to render.
    main = (*[events[e.id] for e in plan.latest], value_digest(plan.key()))
    context = {
        "chronology": plan,
        "groups": by_month(plan.latest),
        "filter_topics": topics_of(plan.latest, order),
    }
    yield shared.page("chronology/index.html", "chronology.html", context, main)
    years = plan.year_list()
    for year in plan.years:
        for paged in year.pages:
            deps = (
                *[events[e.id] for e in paged.items],
                value_digest((paged.pager.key(), years)),
            )
            context = {
                "year": year.year,
                "years": years,
                "pager": paged.pager,
                "groups": by_month(paged.items),
                "filter_topics": topics_of(paged.items, order),
            }
            yield shared.page(paged.pager.output, "year.html", context, deps)


def report_page(site: Site, shared: PageContext) -> Page:
    """``report/``: the situation report (see render/report.py)."""
    digests = shared.digests
    report = plan_report(site, site.config.report_days, site.config.page_size)
    newest = next(iter(site.articles), None)
    deps = (
        digests.cards[newest] if newest else "",  # its date is the report's
        value_digest(report.recent_total),
        *[digests.events[e.id] for e in report.events()],
    )
    return shared.page(f"{REPORT_PATH}index.html", "report.html", {"report": report}, deps)


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


def data_files(site: Site, digests: Digests, lists: list[str]) -> Iterator[Page]:
    """Feeds and exports, made in Python; each is made again only when what it holds changed.
    ``lists``: the URL paths of the site's HTML pages other than the articles'."""
    every = (digests.site_wide, digests.all_cards)
    latest = list(site.articles)[: feeds.FEED_SIZE]
    feed = (digests.site_wide, *[digests.cards[slug] for slug in latest])
    with_events = (*every, digests.all_events, digests.all_topics)
    chronology = (digests.site_wide, digests.all_events)
    yield Page("feed.xml", None, {}, feed, lambda: feeds.atom_feed(site))
    sitemap = (digests.site_wide, digests.page_dates, value_digest(lists))
    paths = lists + [a.page for a in site.articles.values()]
    yield Page("sitemap.xml", None, {}, sitemap, lambda: feeds.sitemap(site, paths))
    yield Page("briefing.json", None, {}, with_events, lambda: export.briefing_json(site))
    yield Page("chronology.json", None, {}, chronology, lambda: export.chronology_json(site))
