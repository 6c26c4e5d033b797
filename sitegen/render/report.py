"""``report/``: a situation report to print or save as PDF.

The briefing "as of" its latest report's date: per topic its latest events, then the
chronology of the ``report_days`` before that date. Every citation is a numbered note whose
URL is printed in full, under ``base_url``, so that the paper copy still leads to the source
sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sitegen.dates import PartialDate
from sitegen.model import Citation, Event, Site, Topic

REPORT_PATH = "report/"
TOPIC_EVENTS = 3  # the latest events the report gives per topic


@dataclass(frozen=True)
class Note:
    number: int
    path: str  # the cited page and sentence, under the site root: "articles/x/#s-2"
    url: str  # the same under base_url, as printed
    label: str  # the outlet, else the article's title
    title: str  # the article's title


@dataclass
class Report:
    as_of: PartialDate | None  # the latest report's date (None: no articles)
    days: int
    by_topic: list[tuple[Topic, list[Event]]]  # each topic's latest events, newest first
    recent: list[Event]  # the last ``days`` before ``as_of``, oldest first
    recent_total: int  # how many events those days have (``recent`` may hold the latest only)
    notes: list[Note] = field(default_factory=list)
    _numbers: dict[tuple[str, str], Note] = field(default_factory=dict, repr=False)

    def notes_of(self, event: Event) -> list[Note]:
        """The notes of ``event``'s citations, numbered in the order they are first cited."""
        return [self._numbers[(c.article, c.anchor)] for c in event.sources]

    def events(self) -> list[Event]:
        """Every event the report shows, in the order it shows them."""
        return [e for _, events in self.by_topic for e in events] + self.recent


def plan_report(site: Site, days: int, limit: int) -> Report:
    """The report of ``site``: ``limit`` caps the events of the last ``days`` it lists."""
    newest = next(iter(site.articles.values()), None)
    as_of = newest.date if newest else None
    by_topic = [
        (topic, [site.events[e] for e in reversed(topic.events[-TOPIC_EVENTS:])])
        for topic in site.topics.values()
    ]
    recent: list[Event] = []
    if as_of is not None:
        since = as_of.end() - dt.timedelta(days=days)
        recent = [e for e in site.events.values() if (e.end_date or e.date).end() > since]
    report = Report(as_of, days, by_topic, recent[-limit:], len(recent))
    base = site.config.absolute_base
    for event in report.events():
        for citation in event.sources:
            key = (citation.article, citation.anchor)
            if key not in report._numbers:
                path = _path(site, citation)
                article = site.articles[citation.article]
                note = Note(
                    len(report.notes) + 1,
                    path,
                    base + path,
                    article.source or article.title,
                    article.title,
                )
                report.notes.append(note)
                report._numbers[key] = note
    return report


def _path(site: Site, citation: Citation) -> str:
    page = site.articles[citation.article].page
    return f"{page}#{citation.anchor}" if citation.anchor else page
