"""What needs a human: the one list that ``sitegen review``, ``sitegen check`` and the
preview's ``/_review/`` page show (see docs/review.md).

Each item names the file and line, what is uncertain, and the edit that settles it:

- ``needs_review``: a field the import could not determine with confidence, listed in the
  article's ``needs_review`` (an article without its title or date is held back from the
  site until it has them); the author fixes the field and deletes its name from the list;
- ``unresolved_date``: a date the chronology could not place;
- ``unsure_event``: an extracted event the extractor is unsure of;
- ``no_topic``: an article on no topic page;
- ``single_mention``: a topic an article is filed under for one passing mention (not in
  its title or lede);
- ``unmatched_speaker``: the speaker of an extracted event that no party's alias names (on
  a site with parties), with the alias line that settles it.

It reads the site model a build made, the front matter of the files whose fields it names
and ``site.yaml`` (for their lines): nothing else.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sitegen import yamlio
from sitegen.content import frontmatter
from sitegen.content.frontmatter import FrontMatterError
from sitegen.content.loader import display_path
from sitegen.model import Article, HeldBack, Sentence, Site, UnmatchedSpeaker
from sitegen.text.mentions import MentionMatcher

KINDS = (
    "needs_review", "unresolved_date", "unsure_event", "no_topic", "single_mention",
    "unmatched_speaker",
)  # fmt: skip

# What each field the import may leave for review holds, and the line that gives it.
_FIELDS = {
    "title": ("headline", "title: <the headline as the page prints it>"),
    "date": ("publication date", "date: YYYY-MM-DD (or YYYY-MM, or YYYY)"),
    "source": ("outlet", "source: <the outlet's name>"),
    "author": ("author", "author: <the name>"),
    "url": ("address", "url: <the article's web address>"),
}


@dataclass(frozen=True)
class Item:
    path: str  # the article file, as messages show it
    line: int
    kind: str  # one of KINDS
    subject: str  # the field, sentence anchor or topic slug concerned
    what: str  # what is uncertain
    edit: str  # the edit that settles it
    article: str = ""  # the article's slug
    page: str = ""  # its page ("articles/<slug>/"), "" while it is held back

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}\n    edit: {self.edit}"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def review(site: Site) -> list[Item]:
    """Every item of ``site``, by file and line."""
    return Reviewer().review(site)


class Reviewer:
    """Makes the review list of one site's successive builds (the preview's), keeping the items
    of each article while the article is the same: an article is parsed anew (a new object)
    whenever its file or the configured topics change, and its items depend on nothing else.
    Finding the sentence of a passing mention reads the body back from the build cache, most
    of what the list costs on a large site; with the items kept, a rebuild's list is a quick
    pass over the articles (see docs/review.md for the measurements)."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Article, list[str], list[Item]]] = {}

    def review(self, site: Site) -> list[Item]:
        items = [*_held_back(site), *self._articles(site), *_chronology(site)]
        return sorted(items, key=lambda item: (item.path, item.line, KINDS.index(item.kind)))

    def _articles(self, site: Site) -> list[Item]:
        matcher = MentionMatcher(site.config.topics) if site.topics else None
        last, self._kept = self._kept, {}
        items: list[Item] = []
        for slug, article in site.articles.items():
            # Most articles have nothing to review: ask as little as possible of them.
            on_topics = bool(article.topics or article.topics_given)
            settled = matcher is None or (on_topics and 1 not in article.mentions.values())
            if settled and not article.needs_review:
                continue
            kept = last.get(slug)
            if kept is not None and kept[0] is article and kept[1] == article.topics:
                found = kept[2]
            else:
                found = list(_article_items(site, article, matcher))
            self._kept[slug] = (article, article.topics, found)
            items += found
        return items


def _article_items(site: Site, article: Article, matcher: MentionMatcher | None) -> Iterator[Item]:
    if article.needs_review:
        shown = display_path(article.path, site.config.root)
        yield from _fields(
            article.path, shown, article.needs_review, article.body_line, None, article.slug
        )
    if matcher is None:
        return
    if not article.topics and not article.topics_given:
        yield _no_topic(site, article)
    explicit, mentions = article.explicit_topics, article.mentions
    once = [t for t in article.topics if mentions.get(t) == 1 and t not in explicit]
    in_title = {m.topic for m in matcher.finditer(article.title)} if once else set()
    for topic in once:
        if topic not in in_title and (sentence := _passing(article, topic)) is not None:
            yield _single_mention(site, article, topic, sentence)


def summary(items: list[Item], site: Site) -> str:
    """ "5 items need review in 2 articles (1 held back from the site)"."""
    if not items:
        return "nothing needs review"
    files = len({item.path for item in items})
    held = len(site.held_back)
    return (
        f"{len(items)} item{'s' * (len(items) != 1)} need{'s' * (len(items) == 1)} review "
        f"in {files} article{'s' * (files != 1)}"
        + (f" ({held} held back from the site)" if held else "")
    )


def by_page(items: list[Item]) -> dict[str, list[Item]]:
    """The items of each published article, by its page."""
    pages: dict[str, list[Item]] = {}
    for item in items:
        if item.page:
            pages.setdefault(item.page, []).append(item)
    return pages


def _held_back(site: Site) -> Iterator[Item]:
    for held in site.held_back:
        shown = display_path(held.path, site.config.root)
        yield from _fields(held.path, shown, held.needs_review, held.body_line, held, held.slug)


def _fields(
    path: Path, shown: str, names: tuple[str, ...], body_line: int, held: HeldBack | None, slug: str
) -> Iterator[Item]:
    page = "" if held is not None else f"articles/{slug}/"
    try:
        document = frontmatter.split(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return  # changed since the build read it: the next build reports it
    listed = frontmatter.meta_line(document, "needs_review")
    for name in names:
        drop = f"delete '{name}' from needs_review"
        if name == "body":
            yield Item(
                shown, body_line, "needs_review", name,
                "the import kept lines that may be page furniture (a caption, a credit, "
                "a promotion): it named them when it imported the page",
                f"read the text from line {body_line} and delete any line that is not part of "
                f"the story, then {drop}",
                slug, page,
            )  # fmt: skip
            continue
        value = document.meta.get(name)
        label, line = _FIELDS.get(name, (name, f"{name}: ..."))
        if value is None or value == "":
            held_back = held is not None and name in held.missing
            yield Item(
                shown, listed, "needs_review", name,
                f"no {label} found"
                + (": the article is held back from the site until it has one" if held_back
                   else ""),
                f"add '{line}' to the front matter"
                + (f" and {drop}" if held_back else f" if you know it; either way, {drop}"),
                slug, page,
            )  # fmt: skip
        else:
            yield Item(
                shown, frontmatter.meta_line(document, name), "needs_review", name,
                f"{name} {str(value)!r} is uncertain: the import could not confirm it",
                f"correct the '{name}:' line if it is wrong, then {drop}",
                slug, page,
            )  # fmt: skip


def _no_topic(site: Site, article: Article) -> Item:
    slugs = ", ".join(site.topics)
    first = next(iter(site.topics))
    return Item(
        display_path(article.path, site.config.root), article.body_line - 1, "no_topic",
        "topics",
        "on no topic: no topic page lists it, and its events are on no topic's timeline",
        f"add 'topics: [{first}]' to the front matter (the topics: {slugs}), "
        "or 'topics: []' if it is about none of them",
        article.slug, article.page,
    )  # fmt: skip


def _passing(article: Article, topic: str) -> Sentence | None:
    """The sentence that mentions ``topic``, if that one mention is a passing one: not in the
    lede, which says what the story is about (nor in the title: the caller has seen to it)."""
    return next((s for s in article.sentences[1:] if topic in s.topics), None)


def _single_mention(site: Site, article: Article, topic: str, sentence: Sentence) -> Item:
    name = site.topics[topic].name
    return Item(
        display_path(article.path, site.config.root), sentence.line, "single_mention", topic,
        f"filed under {name} for one passing mention ({sentence.anchor}: "
        f"“{_clip(sentence.text)}”)",
        f"add '{topic}' to 'topics:' to keep it there, or to 'exclude:' "
        f"(exclude: [{topic}]) to take the article off {name}",
        article.slug, article.page,
    )  # fmt: skip


def _chronology(site: Site) -> Iterator[Item]:
    report = site.chronology
    if not report.unsure and not report.unresolved and not report.unmatched:
        return
    root = site.config.root
    shown = (
        {item.path for item in report.unsure}
        | {item.path for item in report.unresolved}
        | {item.path for item in report.unmatched}
    )
    articles = {
        path: article
        for article in site.articles.values()
        if (path := display_path(article.path, root)) in shown
    }
    for unsure in report.unsure:
        article = articles.get(unsure.path)
        date = unsure.date.iso()
        yield Item(
            unsure.path, unsure.line, "unsure_event", unsure.anchor,
            f"event {date} from {unsure.anchor}, which the extractor is unsure of "
            f"({unsure.reason}): “{_clip(unsure.text)}”",
            f"add '{unsure.anchor}' to 'exclude:' (exclude: [{unsure.anchor}]) to leave it out "
            f"of the chronology; to keep it, add it to 'events:' "
            f"(- date: {date}, text: <the event>)",
            *_pages(article),
        )  # fmt: skip
    # Excluding a sentence leaves out every event extracted from it: the edit says so.
    slugs = {article.slug for article in articles.values()}
    extracted = Counter(
        (citation.article, citation.anchor)
        for event in site.events.values()
        if event.origin == "extracted"
        for citation in event.sources
        if citation.article in slugs
    )
    for unresolved in report.unresolved:
        article = articles.get(unresolved.path)
        slug, page = _pages(article)
        anchor = unresolved.anchor
        others = extracted[slug, anchor]
        also = (
            f", which also leaves out the {others} event{'s' * (others != 1)} extracted from it"
            if others
            else ""
        )
        yield Item(
            unresolved.path, unresolved.line, "unresolved_date", anchor,
            f"the date “{unresolved.expression}” in {anchor} could not be placed: "
            f"{unresolved.reason}",
            f"if it dates an event, add the event to 'events:' (- date: YYYY-MM-DD, text: "
            f"<the event>); if not, add '{anchor}' to 'exclude:' (exclude: [{anchor}]){also}",
            slug, page,
        )  # fmt: skip
    if report.unmatched:
        yield from _unmatched(site, report.unmatched, articles)


def _unmatched(
    site: Site, unmatched: list[UnmatchedSpeaker], articles: dict[str, Article]
) -> Iterator[Item]:
    """A speaker no party names: the edit is an alias (one settles every event of theirs)."""
    try:
        config = (site.config.root / "site.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        config = ""  # changed since the build read it: the line is left out
    line = yamlio.key_line(config, ("parties",)) if config else None
    where = f"site.yaml:{line}" if line else "site.yaml"
    for item in unmatched:
        alias = _flow_item(item.speaker)
        yield Item(
            item.path, item.line, "unmatched_speaker", item.anchor,
            f"speaker “{item.speaker}” of the event {item.date.iso()} in {item.anchor} matched "
            f"no party, so the event is claimed by no party: “{_clip(item.text)}”",
            f"add it to the aliases of the party it speaks for in {where} ('parties:'), "
            f"e.g. 'aliases: [..., {alias}]'; a speaker of no side goes in a party with "
            "'side: other'",
            *_pages(articles.get(item.path)),
        )  # fmt: skip


def _pages(article: Article | None) -> tuple[str, str]:
    """An item's article and page: its slug and page ("", "" for a file no article is)."""
    return (article.slug, article.page) if article else ("", "")


@functools.lru_cache(maxsize=1 << 12)  # the preview lists the same speakers on each rebuild
def _flow_item(phrase: str) -> str:
    """``phrase`` as an item of a YAML flow list (quoted where a comma or colon would break it)."""
    import yaml  # here: only a site with speakers no party names needs it

    dumped = yaml.safe_dump([phrase], default_flow_style=True, allow_unicode=True, width=1 << 16)
    return dumped.strip()[1:-1]


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
