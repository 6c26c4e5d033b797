"""Read one article file into an :class:`~sitegen.model.Article`, or report why not."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitegen.config import MAX_SLUG, SLUG_RE
from sitegen.content import frontmatter
from sitegen.content.frontmatter import Document, FrontMatterError
from sitegen.dates import DateError, PartialDate
from sitegen.errors import BuildError, Problems, did_you_mean
from sitegen.hashing import digest
from sitegen.limits import MAX_FILE_BYTES, NOT_TEXT, describe, shown
from sitegen.model import CLAIM_FIELDS, STATUSES, Article, ArticleFile, EventSpec, HeldBack
from sitegen.text.slugs import slugify

KNOWN_FIELDS = (
    "title",
    "date",
    "source",
    "url",
    "author",
    "summary",
    "topics",
    "events",
    "draft",
    "slug",
    "imported_from",
    "needs_review",
    "chronology",
    "exclude",
)
_DATE_PREFIX = re.compile(r"^(?:\d{4}(?:-\d{2}){0,2}|undated)-")
_ANCHOR = re.compile(r"s-[1-9]\d*")  # a sentence anchor on the article page


def read_text(path: Path, problems: Problems, display: str = "") -> str | None:
    """Decode a content file as UTF-8, reporting binary, huge or mis-encoded files and
    characters no page can show precisely (under ``display``, the path shown to the author,
    else ``path``)."""
    where = display or path
    try:
        size = path.stat().st_size
        data = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        problems.add(where, None, f"cannot read file: {exc.strerror}")
        return None
    if size > MAX_FILE_BYTES:
        problems.add(
            where,
            None,
            f"file is {size / 1e6:.1f} MB; articles may be at most {MAX_FILE_BYTES / 1e6:.0f} MB",
            "is this one article? split it, or check what the import or paste put in it",
        )
        return None
    if b"\x00" in data[:8192]:
        problems.add(
            where,
            None,
            "this is a binary file, not Markdown text",
            "move it out of content/ or give it another extension",
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(
            where,
            line,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            "re-save the file as UTF-8 (sitegen import converts legacy encodings)",
        )
        return None
    bad = NOT_TEXT.search(text)
    if bad:
        problems.add(
            where,
            text.count("\n", 0, bad.start()) + 1,
            f"the text holds the character {describe(bad.group())}, which a web page or "
            "feed cannot show",
            "delete it (a stray control character from a copy or a conversion)",
        )
        return None
    return text


def read_body(article: Article) -> str:
    """The article's Markdown body, from its file if the article came from the build cache.

    The file is the one the article was parsed from (its size and modification time said
    so when the build began); a file changed since is an error, never a mixed-up page.
    """
    if article.body is not None:
        return article.body
    problems = Problems()
    text = read_text(article.path, problems)
    if text is not None:
        try:
            body = frontmatter.split(text).body
        except FrontMatterError as exc:
            problems.add(str(article.path), exc.line, exc.message, exc.hint)
        else:
            if digest([body]) == article.body_digest:
                return body
            problems.add(
                str(article.path), None, "the file changed during the build", "build again"
            )
    raise BuildError(problems.items)


def load_article(
    path: Path, text: str, display: str, topic_slugs: Collection[str], problems: Problems
) -> Article | HeldBack | None:
    """Parse an article; every problem found is added to ``problems`` (then None is returned).

    An article without the title or date that its ``needs_review`` lists (an import that
    could not find them) is no problem: it is returned as :class:`HeldBack`, which the build
    leaves out and ``sitegen review`` lists. Without that, a missing field is an error."""
    try:
        doc = frontmatter.split(text)
    except FrontMatterError as exc:
        problems.add(display, exc.line, exc.message, exc.hint)
        return None
    before = len(problems)
    fields = _Fields(doc, display, problems)
    needs_review = fields.names("needs_review")
    title = fields.text("title", required="title" not in needs_review)
    date = fields.date("date", required="date" not in needs_review)
    url = fields.text("url")
    if url and urlsplit(url).scheme not in ("http", "https"):
        fields.error(
            "url", f"url {url!r} is not an http(s) address", "give the original web address"
        )
        url = ""
    slug = fields.text("slug") or default_slug(path, title)
    if not SLUG_RE.match(slug):
        fields.error(
            "slug",
            f"slug {shown(slug)} is not usable in a URL",
            "use lowercase letters, digits and hyphens only",
        )
    elif len(slug) > MAX_SLUG:
        fields.error(
            "slug",
            f"slug {shown(slug)} is {len(slug)} characters long",
            f"give a shorter 'slug:' (at most {MAX_SLUG} characters) or file name",
        )
    topics = fields.topics(topic_slugs)
    events = fields.events(topic_slugs)
    exclude = fields.exclude(topic_slugs)
    for key in doc.meta:
        if key not in KNOWN_FIELDS:
            hint = did_you_mean(str(key), KNOWN_FIELDS)
            if hint:  # a likely typo; other unknown fields are the author's own metadata
                fields.error(key, f"unknown field {key!r}", hint)
    if len(problems) > before:
        return None
    if date is None or not title:
        missing = ("title",) * (not title) + ("date",) * (date is None)
        return HeldBack(path, slug, title, missing, needs_review, doc.body_line)
    file = ArticleFile(
        slug=slug,
        title=title,
        date=date,
        body_line=doc.body_line,
        source=fields.text("source"),
        url=url,
        author=fields.text("author"),
        summary=fields.text("summary"),
        explicit_topics=topics,
        topics_given="topics" in doc.meta,
        event_specs=events,
        chronology=fields.flag("chronology", default=True),
        exclude=exclude,
        draft=fields.flag("draft"),
        needs_review=needs_review,
        extra={k: v for k, v in doc.meta.items() if k not in KNOWN_FIELDS[:10]},
        **ArticleFile.body_facts(doc.body),
    )
    return Article(path, file, doc.body)


def default_slug(path: Path, title: str) -> str:
    """An article's slug when its front matter names none: the file name without a leading
    date (or ``undated-``), else the title."""
    return slugify(_DATE_PREFIX.sub("", path.stem)) or slugify(title)


class _Fields:
    """Typed access to front-matter fields, reporting each bad one with its line."""

    def __init__(self, doc: Document, display: str, problems: Problems) -> None:
        self.doc, self.display, self.problems = doc, display, problems

    def error(self, key: str, message: str, hint: str = "", *path: str | int) -> None:
        line = frontmatter.meta_line(self.doc, key, *path)
        self.problems.add(self.display, line, message, hint)

    def text(self, key: str, required: bool = False) -> str:
        value = self.doc.meta.get(key)
        if value is None or value == "":
            if required:
                self.problems.add(
                    self.display,
                    1,
                    f"missing required field {key!r}",
                    f"add '{key}: ...' to the front matter",
                )
            return ""
        if isinstance(value, (list, dict)):
            self.error(key, f"{key} should be text, not a {type(value).__name__}")
            return ""
        return str(value).strip()

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.doc.meta.get(key, default)
        if not isinstance(value, bool):
            self.error(key, f"{key} should be true or false, got {shown(value)}")
            return False
        return value

    def date(self, key: str, required: bool = False, *path: str | int) -> PartialDate | None:
        value = _dig(self.doc.meta, (key, *path))
        if value is None:
            if required:
                name = path[-1] if path else key
                self.problems.add(
                    self.display,
                    frontmatter.meta_line(self.doc, key, *path[:-1]),
                    f"missing required field {name!r}",
                    "add e.g. 'date: 2022-03-31' (or 2022-03, or 2022)",
                )
            return None
        try:
            return PartialDate.parse(value)
        except DateError as exc:
            self.error(key, f"bad date: {exc}", "write YYYY-MM-DD, YYYY-MM or YYYY", *path)
            return None

    def exclude(self, topics: Collection[str]) -> tuple[str, ...]:
        """What the author rejects of what the build finds: extracted events (by sentence
        anchor, or ISO date) and topics found in the text (by slug)."""
        raw = self.doc.meta.get("exclude")
        entries: list[str] = []
        for index, item in enumerate(raw if isinstance(raw, list) else [raw] if raw else []):
            if _ANCHOR.fullmatch(str(item)) or str(item) in topics:
                entries.append(str(item))
                continue
            try:
                entries.append(PartialDate.parse(item).iso())
            except DateError:
                self.error(
                    "exclude",
                    f"cannot exclude {item!r}: not a sentence anchor, a date or a topic",
                    "write the sentence's anchor (s-12, its id on the article page), the "
                    "event's date as shown (2022-02-24, 2022-02 or 2022), or a topic slug",
                    index,
                )
        return tuple(entries)

    def names(self, key: str) -> tuple[str, ...]:
        """A list of names (``needs_review: [date, author]``); one name alone is a list too."""
        raw = self.doc.meta.get(key)
        items = raw if isinstance(raw, list) else [raw] if raw is not None else []
        if not all(isinstance(item, str) for item in items):
            self.error(key, f"{key} should be a list of field names, like [date, author]")
            return ()
        return tuple(items)

    def topics(self, known: Collection[str], *path: str | int) -> tuple[str, ...]:
        key, *rest = path or ("topics",)
        raw = _dig(self.doc.meta, (key, *rest))
        if raw is None:
            return ()
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            self.error(str(key), "topics should be a list of topic slugs", "", *rest)
            return ()
        slugs: list[str] = []
        for item in raw:
            slug = str(item)
            if slug in known:
                slugs.append(slug)
            else:
                hint = did_you_mean(slug, known) or f"known topics: {', '.join(known) or 'none'}"
                self.error(str(key), f"unknown topic {slug!r}", hint, *rest)
        return tuple(dict.fromkeys(slugs))

    def events(self, known: Collection[str]) -> tuple[EventSpec, ...]:
        raw = self.doc.meta.get("events")
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.error("events", "events should be a list of {date, text, topics}")
            return ()
        specs: list[EventSpec] = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict) or not str(item.get("text") or "").strip():
                self.error("events", "an event needs 'date' and 'text'", "", index)
                continue
            date = self.date("events", True, index, "date")
            end = self.date("events", False, index, "end_date") if "end_date" in item else None
            topics = self.topics(known, "events", index, "topics")
            line = _item_line(self.doc, "events", index)
            authored = self.authored_claim(item, index)
            if date is not None:
                text = str(item["text"]).strip()
                specs.append(EventSpec(date, text, topics, line, end, authored))
        return tuple(specs)

    def authored_claim(
        self, item: dict[Any, Any], index: int
    ) -> tuple[tuple[str, str | None], ...]:
        """What an event's author says of who claims it (the party is checked against
        site.yaml's parties by the events step, which knows them)."""
        chosen: list[tuple[str, str | None]] = []
        for key in CLAIM_FIELDS:
            if key in item:
                value = item[key]
                chosen.append((key, None if value is None else str(value).strip()))
        status = dict(chosen).get("status")
        if "status" in dict(chosen) and status not in STATUSES:
            self.error(
                "events",
                f"status {status!r} is not one of {', '.join(STATUSES)}",
                "or leave it out: the build works it out from the sources",
                index,
                "status",
            )
            chosen = [pair for pair in chosen if pair[0] != "status"]
        return tuple(chosen)


def _item_line(doc: Document, key: str, index: int) -> int:
    """File line of item ``index`` of a block list, by a text scan (composing the YAML node
    tree for every event of every article would triple the load time of a large site)."""
    lines = doc.meta_text.split("\n")
    start = next((n for n, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        return frontmatter.meta_line(doc, key, index)
    items: list[int] = []
    indent: int | None = None
    for number, line in enumerate(lines[start + 1 :], start + 1):
        stripped = line.lstrip()
        if line and not line[0].isspace() and not stripped.startswith("- "):
            break  # the next top-level key
        if stripped.startswith("- ") and indent in (None, len(line) - len(stripped)):
            indent = len(line) - len(stripped)
            items.append(number)
    return (items[index] if index < len(items) else start) + 2


def _dig(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data
