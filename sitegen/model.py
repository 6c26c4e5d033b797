"""The typed objects the pipeline passes along: Site, Article, Topic, Event, Page.

Load fills the source fields; enrich fills the derived ones (marked below); render reads both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sitegen.config import SiteConfig, TopicConfig
from sitegen.dates import PartialDate


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body, addressable on the article page as ``#<anchor>``."""

    anchor: str
    text: str
    line: int  # line in the source file, for error messages and reports
    topics: tuple[str, ...] = ()  # topic slugs mentioned in this sentence


@dataclass(frozen=True)
class Citation:
    article: str  # article slug
    quote: str
    anchor: str = ""  # sentence anchor on the article page ("" = the article as a whole)


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


@dataclass(frozen=True)
class EventSpec:
    """An event as an author wrote it in front matter, before it is given sources and an id."""

    date: PartialDate
    text: str
    topics: tuple[str, ...]
    line: int
    end_date: PartialDate | None = None


@dataclass
class Article:
    path: Path
    slug: str
    title: str
    date: PartialDate
    body: str
    body_line: int
    source: str = ""
    url: str = ""
    author: str = ""
    summary: str = ""
    explicit_topics: tuple[str, ...] = ()
    event_specs: tuple[EventSpec, ...] = ()
    draft: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # front-matter fields we don't interpret
    # Derived by the markdown and enrich stages:
    html: str = ""
    body_key: str = ""  # identifies html and sentences (the body cache key)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)  # topic slug → number of mentions
    topics: list[str] = field(default_factory=list)  # explicit + detected, most mentioned first
    links_to: list[str] = field(default_factory=list)  # article slugs this one links to
    backlinks: list[str] = field(default_factory=list)  # article slugs linking here
    related: list[str] = field(default_factory=list)  # article slugs sharing topics
    events: list[str] = field(default_factory=list)  # ids of events citing this article

    @property
    def page(self) -> str:
        return f"articles/{self.slug}/"


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


@dataclass
class Page:
    """One output file: where it goes, how it is made, and what it depends on.

    ``deps`` maps input keys (``article:<slug>``, ``card:<slug>``, ``template:<name>``, ...) to
    their version digests; the dependency map compares them with the previous build's to decide
    whether the page must be rendered again.
    """

    output: str  # path under the output folder, e.g. "articles/x/index.html"
    template: str | None  # Jinja template name, or None for pages made by a Python writer
    context: dict[str, Any]
    deps: dict[str, str] = field(default_factory=dict)
