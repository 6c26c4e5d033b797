"""Run the enrich steps in order on a loaded site, memoising those declared below.

Each memoised step is declared once, here: the name of its table in the build cache, where
the table is kept (see :mod:`.memoised`), the type of its inputs and the pure function computing
its result from them. A result is reused while the inputs it came from are equal (a
:class:`Keyed` step's: kept under a key standing for them). What a step's function takes
besides its inputs is not compared: the step's module says why that cannot make a kept
result stale (``TopicFinder``, ``EventContext``, ``ChronologySteps``).
"""

from __future__ import annotations

from sitegen.cache import BuildCache
from sitegen.enrich.bodies import Renderer, render_bodies
from sitegen.enrich.chronology import (
    ChronologyInput,
    ChronologySteps,
    DateReports,
    chronology,
    event_slug,
    merge_date,
    reports_key,
    twins,
)
from sitegen.enrich.events import (
    ArticleEventsInput,
    EventSteps,
    FrontMatterInput,
    article_events,
    build_events,
    front_matter_events,
)
from sitegen.enrich.links import Placements, add_backlinks, relate, relate_articles
from sitegen.enrich.memoised import IN_MEMORY, ON_DISK, Keyed, PerKey, WholeSite
from sitegen.enrich.summaries import fill_summaries
from sitegen.enrich.topics import (
    ArticleTopics,
    TopicsInput,
    assign_topics,
    count_pairs,
    find_topics,
    relate_topics,
)
from sitegen.errors import Problems
from sitegen.model import Site

# By article: compared on every rebuild of the preview server.
TOPICS = PerKey("topics", ON_DISK, TopicsInput, find_topics)
FRONT_MATTER_EVENTS = PerKey(
    "front-matter-events", IN_MEMORY, FrontMatterInput, front_matter_events
)
ARTICLE_EVENTS = PerKey("article-events", IN_MEMORY, ArticleEventsInput, article_events)
# For the whole site.
TOPIC_PAIRS = WholeSite("topic-pairs", ON_DISK, ArticleTopics, count_pairs)
RELATED = WholeSite("related", ON_DISK, Placements, relate)
CHRONOLOGY = WholeSite("chronology", IN_MEMORY, ChronologyInput, chronology)
# The chronology's parts, run while it is made again: by date, and by what stands for inputs.
MERGED = PerKey("merged", IN_MEMORY, DateReports, merge_date)
TWINS = Keyed("merge", ON_DISK, DateReports, twins, key=reports_key)
# Slugifying every event's text again would be a quarter of a warm build's events step.
EVENT_SLUGS = Keyed("event-slugs", ON_DISK, str, event_slug, key=str)  # a text is its key


def enrich(site: Site, render: Renderer, problems: Problems, cache: BuildCache) -> None:
    render_bodies(site, render, problems, cache)
    fill_summaries(site)
    assign_topics(site, TOPICS.bind(cache))
    relate_topics(site, TOPIC_PAIRS.bind(cache))
    add_backlinks(site)
    relate_articles(site, RELATED.bind(cache))
    build_events(site, problems, cache, event_steps(cache))


def event_steps(cache: BuildCache) -> EventSteps:
    """The steps of the events stage, memoised in ``cache``."""
    return EventSteps(
        FRONT_MATTER_EVENTS.bind(cache),
        ARTICLE_EVENTS.bind(cache),
        CHRONOLOGY.bind(cache),
        ChronologySteps(MERGED.bind(cache), TWINS.bind(cache), EVENT_SLUGS.bind(cache)),
    )
