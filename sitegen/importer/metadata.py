"""Title, date, source, author and URL of an article, with the fields that need a human's check.

Each field takes the first answer from a list of sources, most trustworthy first: the command
line, then what a saved page declares in its meta data, then what the text itself says. A
field that could not be found, or only by a weak rule (a headline that is also the opening of
a paragraph further down), is listed in ``needs_review``. A publication date is never taken
from a copyright footer: it says when the page was served, not when the story ran.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sitegen.dates import PartialDate
from sitegen.importer import bylines, datelines, furniture, lexical, lines
from sitegen.importer.blocks import Block


@dataclass(frozen=True)
class Given:
    """Values known before reading the text: command-line overrides or a page's meta data."""

    title: str | None = None
    date: PartialDate | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass
class Metadata:
    title: str | None = None
    date: PartialDate | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    needs_review: list[str] = field(default_factory=list)


def detect(
    blocks: list[Block],
    overrides: Given,
    page: Given | None = None,
    verdicts: list[lines.Verdict] | None = None,
) -> Metadata:
    """``verdicts``: the line scorer's first pass over ``blocks``, made without a headline
    (computed here when not given): the headline is never a line that is furniture anyway."""
    page = page or Given()
    texts = [b.text for b in blocks]
    url = overrides.url or page.url
    meta = Metadata(url=url)
    if verdicts is None:
        verdicts = lines.classify(blocks, None)

    meta.title = overrides.title or page.title or find_title(blocks, url, verdicts)
    header = [b.text for b in _header(blocks, verdicts, _announced(blocks, verdicts))]
    meta.author = overrides.author or page.author or find_author(texts, header)
    meta.source = overrides.source or page.source or find_source(texts) or _host(url)
    meta.date = overrides.date or page.date or find_dateline(texts)
    if meta.date is None and url:
        meta.date = datelines.date_from_url(url)
    if meta.date is None:
        meta.needs_review.append("date")
    for name in ("title", "source", "author"):
        if getattr(meta, name) is None:
            meta.needs_review.append(name)
    if "title" not in meta.needs_review and meta.title == _pulled(blocks, verdicts, meta.title):
        # The only headline-like line opens a paragraph below: a teaser the page shows in
        # place of a headline it does not print.
        meta.needs_review.append("title")
    return meta


def find_title(
    blocks: list[Block], url: str | None = None, verdicts: list[lines.Verdict] | None = None
) -> str | None:
    """The headline: the best headline-shaped line of the page header (before the first sentence).

    A line printed twice, matching the URL slug, followed by a byline or a dateline, or
    containing a verb scores higher; menus and taglines ("Smart Bombs: Military, Defense and
    National Security") score lower; captions, promotions, bylines and the like never count.
    """
    if verdicts is None:
        verdicts = lines.classify(blocks, None)
    announced = _announced(blocks, verdicts)
    header = _header(blocks, verdicts, announced)
    counts: dict[str, int] = {}
    for block in blocks:
        key = lexical.normalise(block.text)
        counts[key] = counts.get(key, 0) + 1
    slug = set(lexical.slug_words(urlsplit(url).path)) if url else set()
    best: tuple[float, int, str] | None = None
    for position, block in enumerate(header):
        text = block.text
        count = len(lexical.words(text))
        if count < 3 or count > 30 or (text.rstrip().endswith(".") and position not in announced):
            continue
        if _is_furniture_line(text) or (
            verdicts[position].furniture_apart_from_repeats and position not in announced
        ):
            continue
        score = 3.0 * (counts[lexical.normalise(block.text)] > 1) + 3.0 * (position in announced)
        if slug:
            title_words = set(lexical.slug_words(text))
            score += 3.0 * len(title_words & slug) / max(len(title_words), 1)
        # Headlines run 5-20 words; a longer header line is usually the standfirst.
        score += 0.5 * lexical.has_verb_hint(text) + 1.0 * (5 <= count <= 20)
        score -= 3.0 * lexical.is_enumeration(text)
        if best is None or (score, -position) > (best[0], -best[1]):
            best = (score, position, text)
    return best[2] if best else None


def _announced(blocks: list[Block], verdicts: list[lines.Verdict]) -> set[int]:
    """Lines a byline or a dateline follows, with at most a standfirst between: a page prints
    its headline, maybe a standfirst, then who wrote it and when."""
    found: set[int] = set()
    for i in range(1, len(blocks)):
        if not _announces(blocks[i].text) or _is_furniture_line(blocks[i - 1].text):
            continue
        run = [i - 1]
        if i >= 2 and not verdicts[i - 2].furniture_apart_from_repeats:
            run.insert(0, i - 2)
        # The headline is the run's first line long enough to be one ("Download our app"
        # is not).
        found.update([j for j in run if len(lexical.words(blocks[j].text)) >= 4][:1])
    return found


def _announces(text: str) -> bool:
    """A byline or a dateline: what a page prints right under its headline."""
    return bool(
        bylines.byline_author(text)
        or bylines.placed_byline(text)
        or datelines.is_dateline(text)
        or furniture.category(text) in ("credits", "timestamp")
    )


def _pulled(blocks: list[Block], verdicts: list[lines.Verdict], title: str | None) -> str | None:
    """``title`` when a kept paragraph of the body begins with it."""
    if not title:
        return None
    key = lexical.normalise(title).rstrip(" .")
    for block, verdict in zip(blocks, verdicts, strict=True):
        other = lexical.normalise(block.text)
        longer = other.rstrip(" .") != key and other.startswith(key)
        if longer and not verdict.furniture_apart_from_repeats:
            return title
    return None


def find_author(texts: list[str], header: list[str]) -> str | None:
    for text in texts:
        if name := bylines.byline_author(text):
            return name
    for text in header:
        if name := bylines.placed_byline(text):
            return name
    for text in texts:
        if bio := bylines.bio_author(text):
            return bio[0]
    return None


def find_source(texts: list[str]) -> str | None:
    for text in texts:
        if furniture.category(text) == "legal" and (owner := bylines.copyright_owner(text)):
            return owner
    for text in texts:
        if (bio := bylines.bio_author(text)) and bio[1]:
            return bio[1]
    return next(filter(None, map(bylines.wire_agency, texts)), None)


def find_dateline(texts: list[str]) -> PartialDate | None:
    """A date standing on its own line or on the byline; never one inside a sentence."""
    for text in texts:
        dated = datelines.is_dateline(text) or bylines.byline_author(text)
        if dated and (date := datelines.find_date(text)):
            return date
    return None


def _header(
    blocks: list[Block], verdicts: list[lines.Verdict], announced: Set[int] = frozenset()
) -> list[Block]:
    """The blocks before the first sentence of the story (a caption is not one, nor a
    headline with a byline or a dateline under it)."""
    for i, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        count = len(lexical.words(block.text))
        prose = count >= 8 and lexical.ends_like_sentence(block.text)
        story = verdict.action != "drop" and i not in announced
        if prose and story and not _is_furniture_line(block.text):
            return blocks[:i]
    return blocks


def _is_furniture_line(text: str) -> bool:
    return bool(
        furniture.category(text) or bylines.byline_author(text) or datelines.is_dateline(text)
    )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
