"""The typed objects the pipeline passes along: Site, Article, Topic, Event, Page.

Load fills the source fields; enrich fills the derived ones (marked below); render reads both.
"""

from __future__ import annotations

import functools
import marshal
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar, cast

from sitegen.config import SiteConfig, TopicConfig
from sitegen.dates import PartialDate
from sitegen.hashing import digest

_WIKILINK = re.compile(r"\[\[([^\]|\n]+)")
T = TypeVar("T")


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
    # Who relays the speaker ("As reported by the Courier, …"): a party's channel gives its
    # party to a speaker no alias names (see sitegen.enrich.parties).
    relayed_by: str | None = None


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


@dataclass(frozen=True)
class UnmatchedSpeaker:
    """The speaker of an extracted event whose words name no party of ``site.yaml``
    (``sitegen review``): the event is shown claimed by them, for no party."""

    path: str  # the article file, as shown in messages
    line: int
    anchor: str
    speaker: str
    date: PartialDate
    text: str  # the event's


class CrowdedDate(NamedTuple):
    """A date with so many reports in common words that some were compared only with the
    kept events likeliest to be the same (see sitegen.enrich.similar.SameDate)."""

    date: PartialDate
    reports: int
    bounded: int  # reports compared with the likeliest kept events only
    article: str  # the slug of the article with the most reports of the date


# What extraction finds in one body (see sitegen.enrich.extract), kept by the build cache.


@dataclass(frozen=True)
class Found:
    """An event as one sentence gives it."""

    anchor: str
    date: PartialDate
    end_date: PartialDate | None
    text: str
    quote: str  # the whole sentence
    topics: tuple[str, ...]  # topics the sentence mentions
    kind: Literal["occurred", "reported"]
    # Content words of text and quote for merging, sorted and space-joined: stemming them
    # again on every warm build would cost more than the rest of the events step, and the
    # sorted form is stable across processes, as the merge step's cache key needs.
    text_words: str
    quote_words: str
    # Why the extractor is unsure of this event ("" when it is not): such events are still
    # shown, and ``sitegen review`` lists them with the ``exclude:`` entry that drops them.
    doubt: str = ""
    line: int = 0  # the sentence's line in the article file


@dataclass(frozen=True)
class Unresolved:
    anchor: str
    line: int
    expression: str
    reason: str


@dataclass
class Extraction:
    found: tuple[Found, ...]
    unresolved: tuple[Unresolved, ...]
    # The sentence a front-matter event (date, text) cites (see extract.cite), kept with the
    # extraction since it too depends only on the body: a warm build then needs no sentences.
    citations: dict[tuple[PartialDate, str], Sentence | None] = field(default_factory=dict)
    # Who the sentences of the events and citations attribute them to, by anchor (only
    # attributed ones; see sitegen.enrich.claims): text alone, so cached with the rest.
    claims: dict[str, Claim] = field(default_factory=dict)


# Where the build cache keeps an extraction: (body key, publication date key).
ExtractionKey = tuple[str, tuple[int, int, int]]


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
    # Speakers of extracted events that no party's alias names (when the site has parties).
    unmatched: list[UnmatchedSpeaker] = field(default_factory=list)
    # Dates the articles give as background, not as events of the situation (see
    # sitegen.enrich.events: a year alone, or a date before the briefing's period).
    background: list[UnresolvedDate] = field(default_factory=list)
    crowded: list[CrowdedDate] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleFile:
    """What an article's file says: its front matter, and what the build needs to know of
    its body's text without holding it."""

    slug: str
    title: str
    date: PartialDate
    body_line: int  # the file's line where the body begins
    source: str = ""
    url: str = ""
    author: str = ""
    summary: str = ""  # as the front matter gives it; see Article.summary
    explicit_topics: tuple[str, ...] = ()
    topics_given: bool = False  # the front matter has ``topics:``; ``topics: []`` means none
    event_specs: tuple[EventSpec, ...] = ()
    chronology: bool = True  # false: no events are extracted from this article
    # Sentence anchors (s-5) and ISO dates not to extract, topic slugs not to detect:
    exclude: tuple[str, ...] = ()
    draft: bool = False
    needs_review: tuple[str, ...] = ()  # fields an author has yet to check (sitegen review)
    extra: dict[str, Any] = field(default_factory=dict)  # front-matter fields we don't interpret
    body_digest: str = ""
    wikilinks: tuple[str, ...] = ()  # [[targets]] as written

    @staticmethod
    def body_facts(body: str) -> dict[str, Any]:
        """The fields of the body's text: its digest and wikilinks."""
        wikilinks = tuple(t.strip() for t in _WIKILINK.findall(body)) if "[[" in body else ()
        return {"body_digest": digest([body]), "wikilinks": wikilinks}


@dataclass(frozen=True)
class BodyFacts:
    """What a rendered body says that enrichment and other pages use: all a cached article
    keeps of its body (the HTML and sentences stay in the body store)."""

    mentions: dict[str, int]  # topic slug → number of mentions
    links_to: list[str]  # article slugs linked to, each once, in order
    lede: str  # the opening sentences, the summary of an article that has none
    # Topic slug → digest of the sentences naming it: what a topic page quotes, so that
    # editing other sentences does not render the topic page again.
    quotes: dict[str, str]


NO_FACTS = BodyFacts({}, [], "", {})  # a body not rendered yet


def _via(path: str, kind: type[T]) -> T:
    """A read-only attribute of :class:`Article` that reads ``path`` (``file.title``)."""
    return cast(T, property(attrgetter(path)))  # attrgetter: no Python frame per read


@dataclass
class Article:
    """An article of the build, in three parts, each set by one stage: what its file says
    (``file``, frozen, from the content stage), what its body says (``body_key`` and
    ``facts``, frozen, from the markdown stage), and what enrichment adds from the rest of
    the site (the fields after those). The file's and the facts' fields read through (an
    ``article.title`` is its ``file.title``), so templates need not know the parts."""

    path: Path
    file: ArticleFile
    body: str | None  # None: not in memory (a cached article), see read_body
    # What its body says, once rendered:
    body_key: str = ""  # identifies the rendered body (the key of the body cache)
    facts: BodyFacts = NO_FACTS
    # What enrichment adds:
    summary: str = ""  # the front matter's, else the lede
    topics: list[str] = field(default_factory=list)  # explicit + detected, most mentioned first
    backlinks: list[str] = field(default_factory=list)  # article slugs linking here
    related: list[str] = field(default_factory=list)  # article slugs sharing topics
    events: list[str] = field(default_factory=list)  # ids of events citing this article
    # The rendered HTML and sentences are large and most builds need few of them, so they are
    # loaded from the body cache when used, and not kept (see sitegen.cache.BodyStore).
    content_loader: Callable[[], BodyContent] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    slug = _via("file.slug", str)
    title = _via("file.title", str)
    date = _via("file.date", PartialDate)
    body_line = _via("file.body_line", int)
    source = _via("file.source", str)
    url = _via("file.url", str)
    author = _via("file.author", str)
    explicit_topics = _via("file.explicit_topics", tuple)
    topics_given = _via("file.topics_given", bool)
    event_specs = _via("file.event_specs", tuple)
    chronology = _via("file.chronology", bool)
    exclude = _via("file.exclude", tuple)
    draft = _via("file.draft", bool)
    needs_review = _via("file.needs_review", tuple)
    extra = _via("file.extra", dict)
    body_digest = _via("file.body_digest", str)
    wikilinks = _via("file.wikilinks", tuple)
    mentions = _via("facts.mentions", dict)
    links_to = _via("facts.links_to", list)
    lede = _via("facts.lede", str)
    quotes = _via("facts.quotes", dict)

    def for_cache(self) -> Article:
        """A copy for the build cache, which keeps neither the body (most of its size: a
        build needs only the few bodies it renders again, read back from their files) nor the
        path (the cache's key; a Path is slow to unpickle), nor what the markdown and enrich
        stages give it again on every build (the body's facts are cached by body key):
        without them a large site's cache loads quicker (docs/performance.md). See
        BuildCache.parsed.

        A copy of the fields, not ``dataclasses.replace``: that runs ``__init__`` again, a
        large part of the time a large site's cache takes to save."""
        copy = object.__new__(Article)
        copy.__dict__.update(self.__dict__, body=None, path=None, **_NOT_CACHED)
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


# Article fields filled by the markdown and enrich stages on every build, each with the value
# it has before they run, stated once: what a cached copy leaves out, and what the body-edit
# path carries over from the last build (bar the body's own facts).
_NOT_CACHED: dict[str, Any] = {
    "facts": NO_FACTS, "summary": "", "topics": [], "backlinks": [], "related": [], "events": [],
}  # fmt: skip
ENRICHED = ("summary", *(name for name in _NOT_CACHED if name != "facts"))


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
