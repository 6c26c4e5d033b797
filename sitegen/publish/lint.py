"""Content warnings: things that build fine but make a weaker briefing.

Each check takes the enriched site and yields problems; :data:`CHECKS` runs them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from sitegen.content import frontmatter
from sitegen.content.frontmatter import FrontMatterError
from sitegen.content.loader import display_path
from sitegen.errors import Problem
from sitegen.model import Article, Site

Check = Callable[[Site], Iterable[Problem]]


def _where(site: Site, article: Article) -> str:
    return display_path(article.path, site.config.root)


def events_without_sources(site: Site) -> Iterator[Problem]:
    for event in site.events.values():
        if not event.sources:
            yield Problem(
                "chronology",
                None,
                f"warning: event {event.id!r} cites no source",
                "events should cite the article that reports them",
            )


def topics_without_articles(site: Site) -> Iterator[Problem]:
    for topic in site.topics.values():
        if not topic.articles:
            yield Problem(
                "site.yaml",
                None,
                f"warning: topic {topic.slug!r} has no articles",
                "check its aliases, or remove the topic",
            )


def missing_summaries(site: Site) -> Iterator[Problem]:
    # The enrich stage fills ``summary`` from the first sentences, so the front matter is read
    # again to tell an author's summary from the generated one.
    for article in site.articles.values():
        try:
            meta = frontmatter.split(article.path.read_text(encoding="utf-8")).meta
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue  # the build reports unreadable files itself
        if not str(meta.get("summary") or "").strip():
            yield Problem(
                _where(site, article),
                None,
                "warning: no summary in front matter (lists show the first sentences)",
                "add 'summary: ...' with one sentence",
            )


# Articles on no topic and dates the chronology could not place are on the review list
# (sitegen.review), with the edit that settles each; check counts them on its last line.
CHECKS: list[Check] = [
    events_without_sources,
    topics_without_articles,
    missing_summaries,
]


def lint(site: Site) -> list[Problem]:
    return [problem for check in CHECKS for problem in check(site)]
