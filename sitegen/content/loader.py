"""Load stage: articles from `content/articles/`, topic texts from `content/topics/`."""

from __future__ import annotations

import os
import stat
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from sitegen.cache import BuildCache, Stamp
from sitegen.config import SiteConfig
from sitegen.content.articles import load_article, read_text
from sitegen.content.frontmatter import normalise_newlines
from sitegen.errors import Problem, Problems
from sitegen.inputs import Walk
from sitegen.model import Article, HeldBack
from sitegen.parallel import parallel_map

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Editors leave these beside the files they edit; they are never content.
_IGNORED_PREFIXES = (".", "#", "~")
_IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")


@dataclass(frozen=True)
class Content:
    articles: list[Article]  # drafts left out unless asked for
    topic_texts: dict[str, tuple[Path, str]]  # topic slug → (file, Markdown text)
    held_back: list[HeldBack]  # articles without the title or date an import did not find


def content_files(
    folder: Path,
    problems: Problems | None = None,
    root: Path | None = None,
    required: bool = False,
) -> dict[str, Stamp]:
    """The Markdown files under ``folder`` in path order, with their stamps; links leading
    out of the site (``root``), loops, dangling links, unreadable folders and a missing
    ``required`` folder are added to ``problems`` (see :class:`~sitegen.inputs.Walk`).

    Strings, not Paths, and one ``stat`` per file from ``os.scandir``: building a Path per
    file and asking ``isfile`` first cost most of a warm build's load stage on a large
    site.
    """
    walk = Walk([root or folder], problems if problems is not None else Problems(), root or folder)
    found = walk.files(folder, keep=_kept, wanted=is_markdown, required=required)
    return {path: (found[path].st_mtime_ns, found[path].st_size) for path in sorted(found)}


def is_markdown(name: str) -> bool:
    """Whether a file name is a Markdown file's: ``.md`` or ``.markdown``, in any case."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _kept(name: str) -> bool:
    return not ignored(name)


def ignored(name: str) -> bool:
    """Whether a file or folder name is an editor's, never content."""
    return name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES)


def article_files(
    folder: Path,
    cache: BuildCache,
    changed: Set[Path] | None = None,
    problems: Problems | None = None,
    root: Path | None = None,
) -> dict[str, Stamp]:
    """:func:`content_files` of the articles folder (which must exist), kept in memory
    between the preview server's rebuilds: given the paths that changed since the last
    build, only those are looked at (listing and stamping every file is a good part of a
    large site's rebuild). A listing that found problems is not kept: the next build lists again."""
    last = cache.transient.get("article-files")
    stamps = None
    if last is not None and changed is not None and folder.is_absolute():
        stamps = _restamped(last, folder, changed)
    if stamps is None:
        found = Problems()
        stamps = content_files(folder, found, root, required=True)
        if found:
            if problems is not None:
                problems.extend(found.items)
            cache.transient.pop("article-files", None)
            return stamps
    cache.transient["article-files"] = stamps
    return stamps


def restamp(cache: BuildCache, path: str, stamp: Stamp) -> None:
    """Note a new stamp of an article file read outside :func:`load_content` (see
    sitegen.body_edits) in the listing :func:`article_files` keeps."""
    stamps = cache.transient.get("article-files")
    if stamps is not None and path in stamps:
        stamps[path] = stamp


def _restamped(
    stamps: dict[str, Stamp], folder: Path, changed: Set[Path]
) -> dict[str, Stamp] | None:
    """``stamps`` updated for the ``changed`` paths, or None when one of them may be a folder
    (created, moved or deleted with all its files): only a new listing can tell then."""
    added = False
    for path in changed:
        if not path.is_absolute():
            return None
        if not path.is_relative_to(folder):
            continue
        parts = path.relative_to(folder).parts
        if any(ignored(part) for part in parts):
            continue
        if not is_markdown(path.name):
            return None
        name = str(path)
        try:
            info = os.lstat(name)  # a link is checked by a new listing
        except FileNotFoundError:
            if stamps.pop(name, None) is None and any(p.startswith(f"{name}/") for p in stamps):
                return None  # a deleted folder named like a file
            continue
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        added |= name not in stamps
        stamps[name] = (info.st_mtime_ns, info.st_size)
    return {path: stamps[path] for path in sorted(stamps)} if added else stamps


def load_content(
    config: SiteConfig,
    problems: Problems,
    cache: BuildCache,
    drafts: bool = False,
    changed: Set[Path] | None = None,
) -> Content:
    """The site's content; ``changed``, if known, lists every path changed since the last
    build with this cache (see :func:`article_files`)."""
    root = config.root
    cache.use_config(config.fingerprint())
    topic_slugs = [topic.slug for topic in config.topics]
    articles: list[Article] = []
    held_back: list[HeldBack] = []
    first_by_slug: dict[str, Article | HeldBack] = {}
    stamps = article_files(root / "content" / "articles", cache, changed, problems, root)
    cached: dict[str, Article | HeldBack | None] = {**cache.parsed(stamps)}

    def parse(path: str) -> tuple[Article | HeldBack | None, list[Problem]]:
        found = Problems()
        display = display_path(path, root)
        text = read_text(Path(path), found, display)
        article = None
        if text is not None:
            article = load_article(Path(path), text, display, topic_slugs, found)
        return article, found.items

    # Held-back articles are parsed on every build, not cached: few, and soon completed.
    todo = [path for path, article in cached.items() if article is None]
    for path, (article, found) in zip(todo, parallel_map(parse, todo), strict=True):
        problems.extend(found)
        cached[path] = article
        if isinstance(article, Article):
            cache.keep_article(path, stamps[path], article)
    for path, article in cached.items():
        if article is None or (isinstance(article, Article) and article.draft and not drafts):
            continue
        other = first_by_slug.get(article.slug)
        if other is not None:
            problems.add(
                display_path(path, root),
                None,
                f"slug {article.slug!r} is already used by {display_path(other.path, root)}",
                "give one of them another file name or a 'slug:' field",
            )
            continue
        first_by_slug[article.slug] = article
        if isinstance(article, HeldBack):
            held_back.append(article)
        else:
            articles.append(article)
    topic_texts: dict[str, tuple[Path, str]] = {}
    for topic_file in content_files(root / "content" / "topics", problems, root):
        topic_path = Path(topic_file)
        if topic_path.stem not in topic_slugs:
            problems.add(
                display_path(topic_path, root),
                None,
                f"no topic {topic_path.stem!r} in site.yaml",
                "name the file after a topic slug, or add the topic to site.yaml",
            )
            continue
        text = read_text(topic_path, problems, display_path(topic_path, root))
        if text is not None:
            topic_texts[topic_path.stem] = (topic_path, normalise_newlines(text))
    return Content(articles, topic_texts, held_back)


def display_path(path: Path | str, root: Path) -> str:
    text, prefix = str(path), str(root).rstrip("/") + "/"
    return text[len(prefix) :] if text.startswith(prefix) else text
