"""Run the enrich steps in order on a loaded site."""

from __future__ import annotations

from sitegen.cache import BuildCache
from sitegen.enrich.bodies import Renderer, render_bodies
from sitegen.enrich.events import build_events
from sitegen.enrich.links import add_backlinks, relate_articles
from sitegen.enrich.summaries import fill_summaries
from sitegen.enrich.topics import assign_topics, relate_topics
from sitegen.errors import Problems
from sitegen.model import Site


def enrich(site: Site, render: Renderer, problems: Problems, cache: BuildCache) -> None:
    render_bodies(site, render, problems, cache)
    fill_summaries(site)
    assign_topics(site, cache)
    relate_topics(site, cache)
    add_backlinks(site)
    relate_articles(site, cache)
    build_events(site, problems, cache)
