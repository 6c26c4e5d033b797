"""``site.yaml``: typed options with precise errors, in the manner of MkDocs' config schema.

Each option knows its type and default; an unknown key gets a "did you mean" hint and every
error names the line in ``site.yaml`` it comes from.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from sitegen import yamlio
from sitegen.errors import Problems, did_you_mean

if TYPE_CHECKING:
    from sitegen.cache import Memo

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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
}
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
        text = path.read_bytes().decode("utf-8-sig")
        raw = (parsed.get(text, lambda: yamlio.load(text)) if parsed else yamlio.load(text)) or {}
    except FileNotFoundError:
        problems.add(
            where, None, "site.yaml not found", "run 'sitegen init' or pass the site folder"
        )
    except UnicodeDecodeError as exc:
        problems.add(where, None, f"not UTF-8 ({exc.reason})", "save the file as UTF-8")
    except yamlio.YamlError as exc:
        problems.add(where, exc.line, f"invalid YAML: {exc.message}", "fix the YAML syntax")
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
    base_url = values.get("base_url", "/")
    if base_url and not (
        base_url.startswith("/") or urlsplit(base_url).scheme in ("http", "https")
    ):
        reader.error(
            ("base_url",),
            f"base_url {base_url!r} is neither a path nor an http(s) URL",
            "write e.g. 'https://example.github.io/briefing/' or '/'",
        )
        values.pop("base_url")
    return SiteConfig(
        root=root,
        markdown=MarkdownConfig(**markdown),
        topics=topics,
        parties=parties,
        **values,
    )


def _entries(
    reader: _Reader, raw: list[Any], key: str, noun: str, schema: dict[str, type], example: str
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
        if not SLUG_RE.match(slug):
            reader.error(
                where,
                f"{noun} slug {slug!r} is not a slug",
                f"use lowercase letters, digits and hyphens, e.g. '{example}'",
            )
            continue
        if slug in seen:
            reader.error(where, f"{noun} slug {slug!r} is defined twice", "keep one definition")
            continue
        seen.add(slug)
        yield where, values, slug


def _topics(reader: _Reader, raw: list[Any]) -> tuple[TopicConfig, ...]:
    topics: list[TopicConfig] = []
    for _, values, slug in _entries(
        reader, raw, "topics", "topic", _TOPIC_KEYS, "zaporizhzhia-npp"
    ):
        name = values.get("name") or slug
        aliases = _phrases(values.get("aliases", [])) or (name,)
        exclude = _phrases(values.get("exclude", []))
        topics.append(TopicConfig(slug, name, values.get("description", ""), aliases, exclude))
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
        aliases = _phrases(values.get("aliases", [])) or (name,)
        parties.append(PartyConfig(slug, name, side, aliases))
    return tuple(parties)


def _phrases(raw: list[Any]) -> tuple[str, ...]:
    return tuple(str(item).strip() for item in raw if item is not None and str(item).strip())


class _Reader:
    """Checks one mapping against its schema, reporting problems with their line numbers."""

    def __init__(self, path: str, text: str, problems: Problems) -> None:
        self.path, self.text, self.problems = path, text, problems

    def error(self, where: tuple[str | int, ...], message: str, hint: str = "") -> None:
        self.problems.add(self.path, yamlio.key_line(self.text, where), message, hint)

    def section(
        self, raw: Any, schema: dict[str, type], where: tuple[str | int, ...]
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
                    f"got {type(value).__name__} {value!r}",
                )
            else:
                values[key] = value
        return values
