"""The build cache: parsed articles and rendered bodies kept between builds.

An article file whose size and modification time are unchanged is not read or parsed again;
a body whose text and rendering context are unchanged is not rendered again. The preview
server keeps one :class:`BuildCache` in memory; ``sitegen build`` stores it in
``.sitegen-cache/build.pickle``. A missing, corrupt or foreign cache (another sitegen or
Python version) is discarded: the cost is a cold build, never a wrong page.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sitegen import __version__
from sitegen.deps import CACHE_DIR
from sitegen.markdown import RenderedBody
from sitegen.model import Article

_SCOPE = f"{__version__}/{sys.version_info[:2]}"

Stamp = tuple[int, int]  # (mtime in ns, size)


def stamp(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass
class BuildCache:
    articles: dict[str, tuple[Stamp, Article]] = field(default_factory=dict)  # by file path
    bodies: dict[str, RenderedBody] = field(default_factory=dict)  # by body key
    config_key: str = ""  # parsed articles are valid for one site configuration only
    hits: int = 0
    misses: int = 0

    def use_config(self, key: str) -> None:
        # Front matter is checked against the configured topics, so parsed articles from
        # another configuration might name topics that no longer exist.
        if key != self.config_key:
            self.articles.clear()
            self.config_key = key

    def article(self, path: Path, current: Stamp | None) -> Article | None:
        entry = self.articles.get(str(path))
        if entry is not None and current is not None and entry[0] == current:
            self.hits += 1
            return entry[1]
        self.misses += 1
        return None

    def keep_article(self, path: Path, current: Stamp | None, article: Article) -> None:
        if current is not None:
            self.articles[str(path)] = (current, article)

    @staticmethod
    def body_key(text: str, first_line: int, context_fingerprint: str) -> str:
        h = hashlib.blake2b(text.encode(), digest_size=16)
        h.update(f"\0{first_line}\0{context_fingerprint}".encode())
        return h.hexdigest()

    def prune(self, live_paths: set[str], live_bodies: set[str]) -> None:
        """Drop entries for deleted files and bodies no longer in use, so the cache stays small."""
        self.articles = {k: v for k, v in self.articles.items() if k in live_paths}
        self.bodies = {k: v for k, v in self.bodies.items() if k in live_bodies}


def cache_file(site_root: Path) -> Path:
    return site_root / CACHE_DIR / "build.pickle"


def load_cache(path: Path) -> BuildCache:
    try:
        with path.open("rb") as handle:
            scope, cache = pickle.load(handle)
        if scope == _SCOPE and isinstance(cache, BuildCache):
            cache.hits = cache.misses = 0
            return cache
    except Exception:  # any unreadable cache is simply discarded
        pass
    return BuildCache()


def save_cache(cache: BuildCache, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
        pickle.dump((_SCOPE, cache), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)
