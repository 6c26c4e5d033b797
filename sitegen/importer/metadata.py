"""Title, date, source, author and URL of an article, with the fields that need a human's check.

Each field takes the first answer from a list of sources, most trustworthy first: the command
line, then what a saved page declares in its meta data, then what the text itself says. A
field found only by a weak rule (a copyright year for the date) is listed in ``needs_review``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sitegen.dates import PartialDate
from sitegen.importer import bylines, datelines, furniture, lexical
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


def detect(blocks: list[Block], overrides: Given, page: Given | None = None) -> Metadata:
    page = page or Given()
    texts = [b.text for b in blocks]
    url = overrides.url or page.url
    meta = Metadata(url=url)

    meta.title = overrides.title or page.title or find_title(blocks, url)
    header = [b.text for b in _header(blocks)]
    meta.author = overrides.author or page.author or find_author(texts, header)
    meta.source = overrides.source or page.source or find_source(texts) or _host(url)
    meta.date = overrides.date or page.date or find_dateline(texts)
    if meta.date is None and url:
        meta.date = datelines.date_from_url(url)
    if meta.date is None:
        # A copyright year says when the page was served, not when the story ran: year only.
        meta.date = next(filter(None, map(datelines.copyright_year, texts)), None)
        meta.needs_review.append("date")
    for name in ("title", "source", "author"):
        if getattr(meta, name) is None:
            meta.needs_review.append(name)
    return meta


def find_title(blocks: list[Block], url: str | None = None) -> str | None:
    """The headline: the best headline-shaped line of the page header (before the first sentence).

    A line printed twice, matching the URL slug, or containing a verb scores higher; menus and
    taglines ("Smart Bombs: Military, Defense and National Security") score lower.
    """
    header = _header(blocks)
    counts: dict[str, int] = {}
    for block in blocks:
        key = lexical.normalise(block.text)
        counts[key] = counts.get(key, 0) + 1
    slug = set(lexical.slug_words(urlsplit(url).path)) if url else set()
    best: tuple[float, int, str] | None = None
    for position, block in enumerate(header):
        text = block.text
        count = len(lexical.words(text))
        if count < 3 or count > 30 or text.rstrip().endswith(".") or _is_furniture_line(text):
            continue
        score = 3.0 * (counts[lexical.normalise(text)] > 1)
        if slug:
            title_words = set(lexical.slug_words(text))
            score += 3.0 * len(title_words & slug) / max(len(title_words), 1)
        # Headlines run 6-16 words; a longer header line is usually the standfirst.
        score += 0.5 * lexical.has_verb_hint(text) + 1.0 * (6 <= count <= 16)
        score -= 3.0 * lexical.is_enumeration(text)
        if best is None or (score, -position) > (best[0], -best[1]):
            best = (score, position, text)
    return best[2] if best else None


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


def _header(blocks: list[Block]) -> list[Block]:
    for i, block in enumerate(blocks):
        count = len(lexical.words(block.text))
        prose = count >= 8 and lexical.ends_like_sentence(block.text)
        if prose and not _is_furniture_line(block.text):
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
