"""The typed objects the pipeline passes along: Site, Article, Topic, Event, Page.

Load fills the source fields; enrich fills the derived ones (marked below); render reads both.
"""

from __future__ import annotations

import functools
import marshal
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sitegen.config import SiteConfig, TopicConfig
from sitegen.dates import PartialDate
from sitegen.hashing import digest

_WIKILINK = re.compile(r"\[\[([^\]|\n]+)")


class Sentence(NamedTuple):
    """One sentence of an article body, addressable on the article page as ``#<anchor>``.

    A named tuple, not a dataclass: every body makes dozens, and a tuple is quicker to
    make and to unpack from the body store (docs/performance.md)."""

    anchor: str
    text: str
    line: int  # line in the source file, for error messages and reports
    topics: tuple[str, ...] = ()  # topic slugs mentioned in this sentence


@dataclass(frozen=True)
class BodyContent:
    """The bulky part of a rendered body: what pages show, not what enrichment needs.

    The sentences are kept packed (by the build worker that rendered the body) and made
    into objects on first use: an article's page shows only the HTML, and making three dozen
    sentence objects took several times as long as reading a body from the store.
    """

    html: str
    packed_sentences: bytes  # ``marshal``-ed fields of each sentence

    @classmethod
    def of(cls, html: str, sentences: list[Sentence]) -> BodyContent:
        content = cls(html, marshal.dumps(list(map(tuple, sentences))))
        content.__dict__["sentences"] = sentences  # at hand already
        return content

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        return list(map(Sentence._make, marshal.loads(self.packed_sentences)))


# How an event stands (see sitegen.enrich.standing): told in the outlet's own voice,
# attributed to a party, stated by several outlets or sides, or denied by another side.
Status = Literal["reported", "claimed", "corroborated", "disputed"]
STATUSES: tuple[Status, ...] = ("reported", "claimed", "corroborated", "disputed")
# What an author may set of an event's claim, in front matter and content/events.yaml.
CLAIM_FIELDS = ("claimed_by", "party", "status")


Stance = Literal["says", "denies", "accuses"]


class Claim(NamedTuple):
    """Who a sentence says its news comes from, as sitegen.enrich.claims finds it (a tuple:
    one is kept per attributed event, with the extraction)."""

    speaker: str  # as the text names them
    stance: Stance = "says"  # "denies" or rejects something, "accuses" or blames another
    # Speakers of denials in the same sentence or the next one ("Moscow denied it."),
    # which dispute what this sentence reports.
    denied_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Citation:
    article: str  # article slug
    quote: str
    anchor: str = ""  # sentence anchor on the article page ("" = the article as a whole)
    # Who the sentence says claims it (see sitegen.enrich.claims): the speaker as named,
    # the party's slug ("outlet" for the outlet's own voice, None for no party) and side.
    claimed_by: str | None = None
    party: str | None = "outlet"
    side: str = "outlet"
    stance: Stance = "says"
    denied_by: tuple[str, ...] = ()  # sides the article says deny it, there or just after
    outlet: str = ""  # the article's source, which tells independent reports apart


@dataclass
class Event:
    id: str
    date: PartialDate
    text: str
    topics: list[str]
    sources: list[Citation]
    end_date: PartialDate | None = None
    kind: Literal["occurred", "reported"] = "occurred"
    origin: Literal["front-matter", "extracted", "curated"] = "front-matter"
    # Who claims it and how it stands, from its sources (sitegen.enrich.standing) unless
    # the author set them (``authored``: what the author set of claimed_by, party, status).
    claimed_by: str | None = None
    party: str | None = "outlet"
    side: str = "outlet"
    status: Status = "reported"
    disputed_by: list[str] = field(default_factory=list)  # sides
    disputes: list[Citation] = field(default_factory=list)  # the sentences disputing it
    authored: tuple[tuple[str, str | None], ...] = ()

    def copy(self) -> Event:
        """A copy whose lists can grow without changing this event (several times faster
        than ``dataclasses.replace``, which a cold build would call for every event)."""
        return Event(
            self.id,
            self.date,
            self.text,
            list(self.topics),
            list(self.sources),
            self.end_date,
            self.kind,
            self.origin,
            self.claimed_by,
            self.party,
            self.side,
            self.status,
            list(self.disputed_by),
            list(self.disputes),
            self.authored,
        )


@dataclass(frozen=True)
class EventSpec:
    """An event as an author wrote it in front matter, before it is given sources and an id."""

    date: PartialDate
    text: str
    topics: tuple[str, ...]
    line: int
    end_date: PartialDate | None = None
    authored: tuple[tuple[str, str | None], ...] = ()  # claimed_by / party / status set


@dataclass(frozen=True)
class UnresolvedDate:
    """A date expression the chronology could not place (``build --verbose``, ``check``)."""

    path: str  # the article file, as shown in messages
    line: int
    anchor: str
    expression: str
    reason: str


@dataclass(frozen=True)
class UnsureEvent:
    """An extracted event the extractor is unsure of (``sitegen review``)."""

    path: str  # the article file, as shown in messages
    line: int
    anchor: str
    date: PartialDate
    text: str
    reason: str


class CrowdedDate(NamedTuple):
    """A date with so many reports in common words that some were compared only with the
    kept events likeliest to be the same (see sitegen.enrich.similar.SameDate)."""

    date: PartialDate
    reports: int
    bounded: int  # reports compared with the likeliest kept events only
    article: str  # the slug of the article with the most reports of the date


@dataclass
class ChronologyReport:
    """Where the events came from, for the build summary. ``merged`` counts the events folded
    into another (so events = extracted + front_matter + curated - merged)."""

    extracted: int = 0
    front_matter: int = 0
    curated: int = 0
    merged: int = 0
    unresolved: list[UnresolvedDate] = field(default_factory=list)
    unsure: list[UnsureEvent] = field(default_factory=list)
    # Dates the articles give as background, not as events of the situation (see
    # sitegen.enrich.events: a year alone, or a date before the briefing's period).
    background: list[UnresolvedDate] = field(default_factory=list)
    crowded: list[CrowdedDate] = field(default_factory=list)


@dataclass
class Article:
    path: Path
    slug: str
    title: str
    date: PartialDate
    body: str | None  # None: not in memory (a cached article), see read_body
    body_line: int
    source: str = ""
    url: str = ""
    author: str = ""
    summary: str = ""
    explicit_topics: tuple[str, ...] = ()
    topics_given: bool = False  # the front matter has ``topics:``; ``topics: []`` means none
    event_specs: tuple[EventSpec, ...] = ()
    chronology: bool = True  # false: no events are extracted from this article
    # Sentence anchors (s-5) and ISO dates not to extract, topic slugs not to detect:
    exclude: tuple[str, ...] = ()
    draft: bool = False
    needs_review: tuple[str, ...] = ()  # fields an author has yet to check (sitegen review)
    extra: dict[str, Any] = field(default_factory=dict)  # front-matter fields we don't interpret
    # What the build needs to know of the body without holding it, set from the body:
    body_digest: str = ""
    wikilinks: tuple[str, ...] = ()  # [[targets]] as written
    # Derived by the markdown and enrich stages:
    body_key: str = ""  # identifies the rendered body (the key of the body cache)
    lede: str = ""  # the body's opening sentences
    mentions: dict[str, int] = field(default_factory=dict)  # topic slug → number of mentions
    topics: list[str] = field(default_factory=list)  # explicit + detected, most mentioned first
    links_to: list[str] = field(default_factory=list)  # article slugs this one links to
    quotes: dict[str, str] = field(default_factory=dict)  # see BodyFacts.quotes
    backlinks: list[str] = field(default_factory=list)  # article slugs linking here
    related: list[str] = field(default_factory=list)  # article slugs sharing topics
    events: list[str] = field(default_factory=list)  # ids of events citing this article
    # The rendered HTML and sentences are large and most builds need few of them, so they are
    # loaded from the body cache when used, and not kept (see sitegen.cache.BodyStore).
    content_loader: Callable[[], BodyContent] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if self.body is not None and not self.body_digest:
            self.body_digest = digest([self.body])
            if "[[" in self.body:
                self.wikilinks = tuple(t.strip() for t in _WIKILINK.findall(self.body))

    def for_cache(self) -> Article:
        """A copy for the build cache, which keeps neither the body (most of its size: a
        build needs only the few bodies it renders again, read back from their files) nor the
        path (the cache's key; a Path is slow to unpickle), nor what the enrich stage derives
        again on every build (topics, links, events: without them a large site's cache
        loads quicker; docs/performance.md). See BuildCache.parsed.

        A copy of the fields, not ``dataclasses.replace``: that runs ``__init__`` again, a
        large part of the time a large site's cache takes to save."""
        copy = object.__new__(Article)
        copy.__dict__.update(
            self.__dict__,
            body=None,
            path=None,
            lede="",
            mentions={},
            topics=[],
            links_to=[],
            quotes={},
            backlinks=[],
            related=[],
            events=[],
        )
        return copy

    @property
    def page(self) -> str:
        return f"articles/{self.slug}/"

    @property
    def content(self) -> BodyContent:
        if self.content_loader is None:
            raise LookupError(f"the body of {self.slug!r} has not been rendered")
        return self.content_loader()

    @property
    def html(self) -> str:
        return self.content.html

    @property
    def sentences(self) -> list[Sentence]:
        return self.content.sentences

    def set_content(self, loader: Callable[[], BodyContent]) -> None:
        self.content_loader = loader

    def __getstate__(self) -> dict[str, Any]:
        # Cached copies keep the source only: the loader belongs to one build's cache.
        return self.__dict__ | {"content_loader": None}


@dataclass(frozen=True)
class HeldBack:
    """An article file the build leaves out until its author gives the title or date that
    its ``needs_review`` lists as not found (see docs/review.md): an import never guesses
    them, and a page never shows them as known."""

    path: Path
    slug: str
    title: str  # "" when the title is missing
    missing: tuple[str, ...]  # "title", "date"
    needs_review: tuple[str, ...]
    body_line: int


@dataclass
class Topic:
    config: TopicConfig
    description_md: str = ""  # content/topics/<slug>.md, else the site.yaml description
    description_path: Path | None = None
    description_html: str = ""
    # Derived:
    articles: list[str] = field(default_factory=list)  # article slugs, newest first
    related: list[tuple[str, int]] = field(default_factory=list)  # (topic slug, shared articles)
    events: list[str] = field(default_factory=list)  # event ids, oldest first

    @property
    def slug(self) -> str:
        return self.config.slug

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def page(self) -> str:
        return f"topics/{self.slug}/"


@dataclass
class Site:
    config: SiteConfig
    articles: dict[str, Article]  # by slug, newest first once enriched
    topics: dict[str, Topic]  # by slug, in site.yaml order
    events: dict[str, Event] = field(default_factory=dict)  # by id, oldest first
    # The ids of the events each party (site.yaml's, by slug) claims, oldest first.
    party_events: dict[str, list[str]] = field(default_factory=dict)
    chronology: ChronologyReport = field(default_factory=ChronologyReport)
    held_back: list[HeldBack] = field(default_factory=list)  # by path


Deps = tuple[str, ...]


@dataclass
class Page:
    """One output file: where it goes, how it is made, and what it depends on.

    ``deps`` holds the version digests of its inputs (the site, its template, an article, the
    cards it lists, ...: see :mod:`sitegen.render.digests`); the dependency map compares them
    with the previous build's to decide whether the page must be rendered again. A tuple, not
    a mapping from input names: every digest names its input already (a card's covers its
    article's slug, an article's which cards and events its page shows), and the preview
    server makes tens of thousands of these per rebuild.
    """

    output: str  # path under the output folder, e.g. "articles/x/index.html"
    template: str | None  # Jinja template name, or None for a file made by ``writer``
    context: dict[str, Any]
    deps: Deps = ()
    writer: Callable[[], bytes] | None = None  # feeds and data files are made in Python
