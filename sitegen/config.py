"""``site.yaml``: typed options with precise errors, in the manner of MkDocs' config schema.

Each option knows its type and default; an unknown key gets a "did you mean" hint and every
error names the line in ``site.yaml`` it comes from.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from sitegen import yamlio
from sitegen.errors import Problems, did_you_mean
from sitegen.inputs import leads_inside
from sitegen.limits import shown
from sitegen.text.mentions import ALIAS_SEPARATORS, APOSTROPHES

if TYPE_CHECKING:
    from sitegen.memo import Memo

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Longer slugs would make folder names the file system refuses (255 bytes, with some margin).
MAX_SLUG = 200
_SEPARATOR_RUN = re.compile(ALIAS_SEPARATORS)
_TO_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES})
_HOST = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}", re.I)
LinkMode = Literal["first", "all", "none"]


@dataclass(frozen=True)
class TopicConfig:
    slug: str
    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # phrases containing an alias that do not mean the topic


# The side of an event the outlet tells in its own voice, and of a speaker who matches no
# party: a party may not take these as its slug or side.
OUTLET_SIDE = "outlet"
OTHER_SIDE = "other"


@dataclass(frozen=True)
class PartyConfig:
    """Who claims events: a government, an agency, an operator (see sitegen.enrich.claims).
    ``side`` groups parties that speak for one side (default: the slug)."""

    slug: str
    name: str
    side: str
    aliases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # unused by parties; the alias matcher reads it

    @property
    def page(self) -> str:
        return f"parties/{self.slug}/"


@dataclass(frozen=True)
class MarkdownConfig:
    allow_html: bool = False
    link_mentions: LinkMode = "first"  # which topic mentions in a body link to the topic page


@dataclass(frozen=True)
class SiteConfig:
    root: Path  # the site folder (holds site.yaml)
    title: str = "Briefing"
    description: str = ""
    base_url: str = "/"
    language: str = "en"
    theme: str = "default"
    output: str = "_site"
    markdown: MarkdownConfig = field(default_factory=MarkdownConfig)
    topics: tuple[TopicConfig, ...] = ()
    parties: tuple[PartyConfig, ...] = ()
    search: bool = True
    cname: str = ""
    home_latest: int = 10  # how many events and articles the home page lists
    page_size: int = 100  # articles or events per page of a long list (see render/paging.py)
    report_days: int = 30  # the situation report's chronology covers this many days

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, always ending in '/' (e.g. '/briefing/')."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def absolute_base(self) -> str:
        """``base_url`` with a trailing slash, used for feed and sitemap URLs."""
        return self.base_url if self.base_url.endswith("/") else self.base_url + "/"

    def party(self, slug: str | None) -> PartyConfig | None:
        """The party ``slug`` names (templates ask for an event's: None for the outlet's
        own voice or a speaker no party names)."""
        return next((party for party in self.parties if party.slug == slug), None)

    def fingerprint(self) -> str:
        """Hash of every option, for caches that must be discarded when the config changes."""
        data = asdict(self) | {"root": str(self.root)}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


_TOP_KEYS = {
    "title": str,
    "description": str,
    "base_url": str,
    "language": str,
    "theme": str,
    "output": str,
    "markdown": dict,
    "topics": list,
    "parties": list,
    "search": bool,
    "cname": str,
    "home_latest": int,
    "page_size": int,
    "report_days": int,
}
_POSITIVE = ("page_size", "report_days")
_MARKDOWN_KEYS = {"allow_html": bool, "link_mentions": str}
_TOPIC_KEYS = {"slug": str, "name": str, "description": str, "aliases": list, "exclude": list}
_PARTY_KEYS = {"slug": str, "name": str, "side": str, "aliases": list}
_TYPE_NAMES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    dict: "a mapping",
    list: "a list",
}


def load_config(
    root: Path,
    problems: Problems,
    overrides: dict[str, Any] | None = None,
    parsed: Memo | None = None,
) -> SiteConfig:
    """Read ``root/site.yaml``; problems are appended, and defaults stand in for bad values.
    ``parsed``: YAML documents parsed by earlier builds, by their text (the build cache's)."""
    path = root / "site.yaml"
    where = "site.yaml"  # problems name files relative to the site folder
    text = ""
    raw: Any = {}
    try:
        text = _read(path, root)
        raw = (parsed.get(text, lambda: yamlio.load(text)) if parsed else yamlio.load(text)) or {}
    except FileNotFoundError:
        problems.add(
            where, None, "site.yaml not found", "run 'sitegen init' or pass the site folder"
        )
    except OSError as exc:
        problems.add(where, None, f"cannot read: {exc.strerror or exc}", "make it a file here")
    except UnicodeDecodeError as exc:
        problems.add(where, None, f"not UTF-8 ({exc.reason})", "save the file as UTF-8")
    except yamlio.YamlError as exc:
        problems.add(where, exc.line, exc.described("invalid YAML: "), exc.hint)
    if not isinstance(raw, dict):
        problems.add(
            where,
            1,
            "site.yaml must be a mapping of options, not a list or a value",
            "write options as 'title: My briefing' lines",
        )
        raw = {}
    raw = raw | (overrides or {})
    reader = _Reader(where, text, problems)
    values = reader.section(raw, _TOP_KEYS, ())
    markdown = reader.section(values.pop("markdown", {}), _MARKDOWN_KEYS, ("markdown",))
    mode = markdown.get("link_mentions", "first")
    if mode not in ("first", "all", "none"):
        reader.error(
            ("markdown", "link_mentions"),
            f"link_mentions is {mode!r}",
            "use one of: first, all, none",
        )
        markdown.pop("link_mentions")
    topics = _topics(reader, values.pop("topics", []))
    parties = _parties(reader, values.pop("parties", []))
    for key in _POSITIVE:
        if values.get(key, 1) < 1:
            reader.error((key,), f"{key} is {values.pop(key)}", "use a whole number of 1 or more")
    base_url = values.get("base_url", "/")
    wrong = _base_url_problem(base_url) if base_url else ""
    if wrong:
        message = f"base_url {shown(base_url)} {wrong}"
        hint = "write e.g. 'https://example.github.io/briefing/' or '/'"
        if overrides and "base_url" in overrides:
            problems.add("--base-url", None, message, hint)
        else:
            reader.error(("base_url",), message, hint)
        values.pop("base_url")
    cname = values.get("cname", "")
    if cname and not _HOST.fullmatch(cname):
        reader.error(
            ("cname",),
            f"cname {shown(cname)} is not a domain name",
            "write the bare domain, e.g. 'briefing.example.org'",
        )
        values.pop("cname")
    if values.get("home_latest", 0) < 0:
        reader.error(("home_latest",), "home_latest should be 0 or more")
        values.pop("home_latest")
    return SiteConfig(
        root=root,
        markdown=MarkdownConfig(**markdown),
        topics=topics,
        parties=parties,
        **values,
    )


def _base_url_problem(url: str) -> str:
    """What is wrong with a ``base_url``, or "": it must be a path ('/briefing/') or an
    http(s) URL with a host, with nothing that would end up in every link it starts (a
    query, a fragment, a password, '..', spaces, or '//' naming another host)."""
    if any(c.isspace() or c in '\\"<>' or not c.isprintable() for c in url):
        return "holds spaces, quotes, backslashes or control characters"
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"is not a URL ({exc})"
    if url.startswith("/"):
        if parts.netloc:
            return "starts with '//', which names another host, not a path"
    elif parts.scheme not in ("http", "https"):
        return "is neither a path nor an http(s) URL"
    elif not parts.hostname or "@" in parts.netloc:
        return "should name a host, and only a host (no user or password)"
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return "has a query or fragment ('?' or '#'), which would end up inside every link"
    if any(segment in (".", "..") for segment in parts.path.split("/")):
        return "has '.' or '..' in its path"
    return ""


def _read(path: Path, root: Path) -> str:
    if not leads_inside(path, [root]):
        raise OSError(f"a symbolic link to {path.resolve()}, outside the site")
    return path.read_bytes().decode("utf-8-sig")


def _entries(
    reader: _Reader, raw: list[Any], key: str, noun: str, schema: Mapping[str, type], example: str
) -> Iterator[tuple[tuple[str, int], dict[str, Any], str]]:
    """Each mapping of the list ``key`` (topics, parties) whose slug is a slug and not taken
    by one before it: where it is, its values and its slug. The rest are reported."""
    seen: set[str] = set()
    for index, item in enumerate(raw):
        where = (key, index)
        if not isinstance(item, dict):
            *fields, last = (k for k in schema if k not in ("description", "exclude"))
            reader.error(where, f"a {noun} must be a mapping with {', '.join(fields)} and {last}")
            continue
        values = reader.section(item, schema, where)
        slug = values.get("slug", "")
        if not SLUG_RE.match(slug) or len(slug) > MAX_SLUG:
            reader.error(
                where,
                f"{noun} slug {slug!r} is not a slug",
                f"use lowercase letters, digits and hyphens, e.g. '{example}', at most "
                f"{MAX_SLUG} of them",
            )
            continue
        if slug in seen:
            reader.error(where, f"{noun} slug {slug!r} is defined twice", "keep one definition")
            continue
        seen.add(slug)
        yield where, values, slug


def _topics(reader: _Reader, raw: list[Any]) -> tuple[TopicConfig, ...]:
    topics: list[TopicConfig] = []
    owners: dict[str, str] = {}  # alias_key → the slug of the topic it leads to
    for where, values, slug in _entries(
        reader, raw, "topics", "topic", _TOPIC_KEYS, "zaporizhzhia-npp"
    ):
        name = values.get("name") or slug
        aliases = _phrases(reader, values.get("aliases", []), (*where, "aliases"))
        for number, alias in enumerate(aliases):
            owner = owners.setdefault(alias_key(alias), slug)
            if owner != slug:
                reader.error(
                    (*where, "aliases", number),
                    f"alias {alias!r} of topic {slug!r} is an alias of topic {owner!r} too",
                    "a phrase can lead to one topic only: keep it in one of them",
                )
        exclude = _phrases(reader, values.get("exclude", []), (*where, "exclude"))
        description = values.get("description", "")
        topics.append(TopicConfig(slug, name, description, aliases or (name,), exclude))
    return tuple(topics)


def _parties(reader: _Reader, raw: list[Any]) -> tuple[PartyConfig, ...]:
    parties: list[PartyConfig] = []
    for where, values, slug in _entries(reader, raw, "parties", "party", _PARTY_KEYS, "ukraine"):
        side = values.get("side") or slug
        if not SLUG_RE.match(side):
            reader.error(
                (*where, "side"),
                f"party side {side!r} is not a slug",
                "use lowercase letters, digits and hyphens, e.g. 'ukraine'",
            )
            continue
        if slug in (OUTLET_SIDE, OTHER_SIDE) or side == OUTLET_SIDE:
            reader.error(
                where,
                f"party {slug!r} (side {side!r}) takes a reserved name",
                f"'{OUTLET_SIDE}' is the outlet's own voice and '{OTHER_SIDE}' a speaker no "
                "party names: choose another slug, or side",
            )
            continue
        name = values.get("name") or slug
        aliases = _phrases(reader, values.get("aliases", []), (*where, "aliases"))
        parties.append(PartyConfig(slug, name, side, aliases or (name,)))
    return tuple(parties)


def alias_key(phrase: str) -> str:
    """The form of a phrase that mention matching compares (case, apostrophes and the
    separators between words do not count)."""
    folded = phrase.lower().translate(_TO_APOSTROPHE)
    return _SEPARATOR_RUN.sub(" ", folded).strip()


def _phrases(reader: _Reader, raw: list[Any], where: tuple[str | int, ...]) -> tuple[str, ...]:
    """A topic's aliases or exclusions: each a phrase of text (a number is text too)."""
    phrases: list[str] = []
    for index, item in enumerate(raw):
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            reader.error(
                (*where, index),
                f"{where[-1]} should be phrases of text, got {shown(item)}",
                "write one phrase per item: [Chernobyl, Chornobyl]",
            )
        elif not alias_key(str(item)):
            reader.error((*where, index), f"{where[-1]} has an empty phrase", "delete it")
        else:
            phrases.append(str(item).strip())
    return tuple(phrases)


class _Reader:
    """Checks one mapping against its schema, reporting problems with their line numbers."""

    def __init__(self, path: str, text: str, problems: Problems) -> None:
        self.path, self.text, self.problems = path, text, problems

    def error(self, where: tuple[str | int, ...], message: str, hint: str = "") -> None:
        self.problems.add(self.path, yamlio.key_line(self.text, where), message, hint)

    def section(
        self, raw: Any, schema: Mapping[str, type], where: tuple[str | int, ...]
    ) -> dict[str, Any]:
        if not isinstance(raw, dict):
            self.error(where, f"{'.'.join(map(str, where))} must be a mapping")
            return {}
        values: dict[str, Any] = {}
        for key, value in raw.items():
            expected = schema.get(key)
            if expected is None:
                hint = did_you_mean(str(key), schema) or f"known options: {', '.join(schema)}"
                self.error((*where, key), f"unknown option {key!r}", hint)
            elif value is None and expected is not bool:
                continue  # an empty option means "use the default"
            elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                self.error(
                    (*where, key),
                    f"{key} should be {_TYPE_NAMES[expected]}, "
                    f"got {type(value).__name__} {shown(value)}",
                )
            else:
                values[key] = value
        return values
