"""The preview server's short path: the site after edits to article bodies alone.

Most saves while an author writes change one article's body and nothing any other page
shows: not the article's title or summary (its card, in every list), its mentions of topics
(topic pages and counts), its links (backlinks), the sentences topic pages quote, or the
dates its sentences give (the chronology). After such an edit the site model is the last
build's with the article's body replaced, and the one page to render again is the article's
own. The full build comes to the same answer after passes over every article (most of a
large site's rebuild; docs/performance.md); this path checks the edit instead and leaves the
rest of the model as it is.

An edit takes this path when every changed path is the file of an article of the last build
whose front matter is unchanged (bar ``summary``, when its effective summary is), whose body
renders without problems to the same mentions, links, lede and topic quotes, dates the same
events, gives its front-matter events the same sentences to quote, and which no event of
``events.yaml`` cites (those quote the sentence at the anchor they name). Anything else, or
any other changed input, takes the full build, which is always right;
``tests/test_incremental.py`` checks both against cold builds.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.cache import BuildCache, Stamp
from sitegen.content.articles import load_article, read_text
from sitegen.content.loader import display_path, ignored, restamp
from sitegen.enrich.bodies import (
    attach_body,
    body_context,
    body_facts,
    body_key,
    context_fingerprint,
)
from sitegen.enrich.events import cited_sentence
from sitegen.enrich.extract import Extraction, cache_key
from sitegen.errors import Problems
from sitegen.markdown import make_renderer
from sitegen.model import Article, Site
from sitegen.render.digests import Digests
from sitegen.render.templates import Templates

if TYPE_CHECKING:
    from sitegen.build import BuildOptions

# Article fields that an edit to the body alone may change, or that enrichment derives (those
# are compared through what they are derived from); every other field, including any added
# later, must be as the last build saw it.
_BODY_OR_DERIVED = frozenset({
    "body", "body_digest", "body_line", "body_key", "content_loader", "summary", "lede",
    "mentions", "topics", "links_to", "quotes", "backlinks", "related", "events",
})  # fmt: skip
_FRONT_MATTER = tuple(f.name for f in dataclasses.fields(Article) if f.name not in _BODY_OR_DERIVED)
# What enrichment derived for an article from the rest of the site, which the edit left as it
# was (the body's own facts come with the body).
_ENRICHED = ("summary", "topics", "backlinks", "related", "events")


@dataclass
class LastBuild:
    """What a successful build made of the site, which the output now holds."""

    options: tuple[object, ...]  # see options_key
    site: Site
    digests: Digests
    templates: Templates
    asset_names: dict[str, str]  # logical asset name → output name
    output: Path
    pages: int  # pages planned


def options_key(options: BuildOptions) -> tuple[object, ...]:
    """The options a build's output depends on (all but the cache and the changed paths)."""
    return (
        options.site_root,
        options.output,
        options.base_url,
        options.drafts,
        options.strict_templates,
        options.refresh_search,
    )


def site_after_body_edits(
    options: BuildOptions, cache: BuildCache, last: LastBuild
) -> tuple[Site, Digests, list[Article]] | None:
    """The site, its digests and the edited articles, if every change since ``last`` is an
    edit to an article body that changes nothing but the article's own page; else None."""
    if not options.changed or options_key(options) != last.options:
        return None
    site = last.site
    edits = _read_edits(options.changed, site, cache, options.site_root)
    if edits is None:
        return None
    context, fingerprint = body_context(site), context_fingerprint(site)
    render = make_renderer(site.config.markdown.allow_html)
    for _, article in edits.values():
        key = body_key(article, context, fingerprint, cache)
        said = body_facts(article, key, render, context, cache)
        if said is None:
            return None
        attach_body(article, key, said[0], cache)
        if not _says_the_same(site, article, said[1], cache):
            return None
    articles = dict(site.articles)
    for path, (stamp, article) in edits.items():
        old = articles[article.slug]
        for name in _ENRICHED:
            setattr(article, name, getattr(old, name))
        articles[article.slug] = article
        cache.keep_article(path, stamp, article)
        restamp(cache, path, stamp)
    edited = [article for _, article in edits.values()]
    after = dataclasses.replace(site, articles=articles)
    digests = last.digests.after_body_edits(after, edited)
    if digests is None:  # not expected: a card is made of the fields compared above
        for path in edits:
            del cache.articles[path]  # parsed again by the full build, from scratch
        return None
    return after, digests, edited


def _read_edits(
    changed: frozenset[Path], site: Site, cache: BuildCache, root: Path
) -> dict[str, tuple[Stamp, Article]] | None:
    """The changed articles by path, parsed, if each has the same front matter as before."""
    edits: dict[str, tuple[Stamp, Article]] = {}
    topic_slugs = list(site.topics)
    for path in changed:
        if ignored(path.name):
            continue
        # The cache holds the article each file parsed to, the very object the site holds
        # unless the file is not one of its articles (a draft, a duplicate slug).
        _, old = cache.articles.get(str(path), (None, None))
        if old is None or site.articles.get(old.slug) is not old:
            return None  # not an article of the last build: a new file, or another input
        problems = Problems()
        try:
            info = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):  # now a link or a pipe: the full build checks it
            return None
        display = display_path(path, root)
        text = read_text(path, problems, display)
        article = None if text is None else load_article(path, text, display, topic_slugs, problems)
        if not isinstance(article, Article) or problems.items:
            return None  # unreadable, or held back now: the full build says what it is
        if any(getattr(old, name) != getattr(article, name) for name in _FRONT_MATTER):
            return None
        edits[str(path)] = ((info.st_mtime_ns, info.st_size), article)
    return edits or None


def _says_the_same(site: Site, article: Article, found: Extraction, cache: BuildCache) -> bool:
    """Whether the new body of ``article`` (its facts set) shows every other page what the
    old one did."""
    old = site.articles[article.slug]
    before = cache.events.get(cache_key(old.body_key, old.date))
    return (
        before is not None
        and (found.found, found.unresolved) == (before.found, before.unresolved)
        and (article.mentions, article.links_to, article.quotes, article.lede)
        == (old.mentions, old.links_to, old.quotes, old.lede)
        and (article.summary or article.lede) == old.summary
        # An author's event in events.yaml quotes the sentence at the anchor it cites.
        and all(site.events[event].origin != "curated" for event in old.events)
        # One in front matter quotes the sentence that best matches it.
        and all(
            cited_sentence(article, spec, found, cache) == cited_sentence(old, spec, before, cache)
            for spec in article.event_specs
        )
    )
