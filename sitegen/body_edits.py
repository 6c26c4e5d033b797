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
from sitegen.enrich.extract import cache_key
from sitegen.errors import Problems
from sitegen.markdown import make_renderer
from sitegen.model import ENRICHED, Article, ArticleFile, BodyFacts, Extraction, Site
from sitegen.options import BuildOptions, options_key
from sitegen.plans import Declined
from sitegen.render.digests import Digests

BODY_FACTS = tuple(f.name for f in dataclasses.fields(BodyFacts))
# What a file says besides its body. Where the body begins, its digest and its links change
# with a body edit, and are compared through what they change: the body's facts and events.
_OF_THE_BODY = ("body_line", "body_digest", "wikilinks")
FILE_FIELDS = tuple(f.name for f in dataclasses.fields(ArticleFile) if f.name not in _OF_THE_BODY)


@dataclass(frozen=True)
class BodyEdits:
    """The site after edits to article bodies alone: the last build's, with ``articles``."""

    site: Site
    digests: Digests
    articles: list[Article]  # the edited ones, whose pages are to render again


def site_after_body_edits(options: BuildOptions, cache: BuildCache) -> BodyEdits | Declined:
    """The site, its digests and the edited articles, if every change since the last build
    is an edit to an article body that changes nothing but the article's own page; else why
    not."""
    last = options.last
    if last is None:
        return Declined("no earlier build in this process to start from")
    if not options.changed:
        return Declined("the changed files are not known (every input is looked at)")
    if options_key(options) != last.options:
        return Declined("the build options changed")
    site = last.site
    edits = _read_edits(options.changed, site, cache, options.site_root)
    if isinstance(edits, Declined):
        return edits
    context, fingerprint = body_context(site), context_fingerprint(site)
    render = make_renderer(site.config.markdown.allow_html)
    for path, (_, article) in edits.items():
        key = body_key(article, context, fingerprint, cache)
        said = body_facts(article, key, render, context, cache)
        if said is None:
            return Declined(f"{path}: its body has problems, which the full build reports")
        attach_body(article, key, said[0], cache)
        change = _shown_elsewhere(site, article, *said, cache)
        if change:
            return Declined(f"{path}: the edit changes {change}, which other pages show")
    articles = dict(site.articles)
    for path, (stamp, article) in edits.items():
        old = articles[article.slug]
        for name in ENRICHED:
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
        return Declined("an edited article's card changed")
    return BodyEdits(after, digests, edited)


def _read_edits(
    changed: frozenset[Path], site: Site, cache: BuildCache, root: Path
) -> dict[str, tuple[Stamp, Article]] | Declined:
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
            # Not an article of the last build: a new file, or another input.
            return Declined(f"{path} is not an article of the last build")
        problems = Problems()
        try:
            info = os.lstat(path)
        except OSError:
            return Declined(f"{path} is gone")
        if not stat.S_ISREG(info.st_mode):  # now a link or a pipe: the full build checks it
            return Declined(f"{path} is no longer a regular file")
        display = display_path(path, root)
        text = read_text(path, problems, display)
        article = None if text is None else load_article(path, text, display, topic_slugs, problems)
        if not isinstance(article, Article) or problems.items:
            # Unreadable, or held back now: the full build says what it is.
            return Declined(f"{path} cannot be read as an article")
        fields = [n for n in FILE_FIELDS if getattr(old.file, n) != getattr(article.file, n)]
        if fields:
            return Declined(f"{path}: its front matter changed ({', '.join(fields)})")
        edits[str(path)] = ((info.st_mtime_ns, info.st_size), article)
    return edits or Declined("no article changed")


def _shown_elsewhere(
    site: Site, article: Article, facts: BodyFacts, found: Extraction, cache: BuildCache
) -> str:
    """What of the new body of ``article`` (its facts set) other pages show differently from
    the old one ("" when nothing)."""
    old = site.articles[article.slug]
    before = cache.events.get(cache_key(old.body_key, old.date))
    if before is None:
        return "the dates it gives (the last extraction is gone)"
    # Pages other than the article's own, and enrichment, see of a body only its facts (and
    # its events, next): they are all a cached article keeps of its body.
    old_facts = cache.facts.get(old.body_key)
    if old_facts is None:
        return "what it says (the last facts are gone)"
    for name in BODY_FACTS:
        if getattr(facts, name) != getattr(old_facts, name):
            return name
    if (found.found, found.unresolved) != (before.found, before.unresolved):
        return "the dates it gives"
    if (article.file.summary or facts.lede) != old.summary:
        return "summary"
    # An author's event in events.yaml quotes the sentence at the anchor it cites.
    if any(site.events[event].origin == "curated" for event in old.events):
        return "a sentence that content/events.yaml cites"
    # One in front matter quotes the sentence that best matches it.
    if any(
        cited_sentence(article, spec, found, cache) != cited_sentence(old, spec, before, cache)
        for spec in article.event_specs
    ):
        return "the sentence a front-matter event quotes"
    return ""
