"""The build cache: parsed articles and rendered bodies kept between builds.

An article file whose size and modification time are unchanged is not read or parsed again;
a body whose text and rendering context are unchanged is not rendered again. It has two
parts, so that a warm build loads only what it needs:

* the index (``.sitegen-cache/build.pickle``): parsed articles without their Markdown (a
  body to render again is read back from its unchanged file), per rendered body its small
  facts (mentions, links, lede, quote digests), each body's extracted events, and the
  :class:`Memo` tables of enrichment steps — everything enrichment uses;
* the body store (``.sitegen-cache/bodies.sqlite``): each body's HTML and sentences, written
  as bodies are rendered and read only for the pages that are rendered again.

The preview server keeps one :class:`BuildCache` in memory across rebuilds. A missing,
corrupt or foreign cache (another sitegen or Python version) is discarded: the cost is a
cold build, never a wrong page.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import pickle
import sys
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitegen import __version__
from sitegen.hashing import digest
from sitegen.layout import CACHE_DIR
from sitegen.memo import Memo
from sitegen.model import Article, BodyContent, BodyFacts, Extraction, ExtractionKey

if TYPE_CHECKING:
    import sqlite3


# Bump _FORMAT when the cached classes change shape (a pickle of the old shape would load
# without error and then lack attributes) or when extraction's rules change (a cached
# extraction would keep the old events).
_FORMAT = 16
_SCOPE = f"{__version__}/{_FORMAT}/{sys.version_info[:2]}"

Stamp = tuple[int, int]  # (mtime in ns, size)
_BATCH = 256  # bodies written to the store at a time
_RECENT = 64  # bodies read from the store kept for the next request


Packed = tuple[str, bytes]  # a body's HTML and packed sentences (see BodyContent)


class CacheUnreadable(LookupError):
    """Something the build cache should hold cannot be read: the build starts again cold."""


# SQLite's primary result codes (https://sqlite.org/rescode.html), which the sqlite3 module
# names only from Python 3.11.
_SQLITE_ERROR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 1, 11, 13, 26


@contextlib.contextmanager
def _store_errors(path: Path | None) -> Iterator[None]:
    """SQLite's errors as the build's: a store that is not a database, is damaged or lacks
    its table is an unreadable cache; the disk's failures (full, read-only) are OSErrors,
    reported as such."""
    import sqlite3

    try:
        yield
    except sqlite3.DatabaseError as exc:
        # The primary result code (Python 3.11 and later tell it; 3.10 says corrupt).
        code = (getattr(exc, "sqlite_errorcode", None) or _SQLITE_CORRUPT) & 0xFF
        if code in (_SQLITE_NOTADB, _SQLITE_CORRUPT, _SQLITE_ERROR):
            raise CacheUnreadable(f"{path}: {exc}") from None
        number = errno.ENOSPC if code == _SQLITE_FULL else errno.EIO
        raise OSError(number, str(exc), str(path)) from None


class BodyStore:
    """Rendered HTML and sentences by body key, in SQLite (one file, random access).

    A connection is opened per process, because build workers are forked and a SQLite
    connection must not cross a fork. Writes are batched until :meth:`commit`. Bodies come
    and stay packed (:meth:`pack`): the sentences as the build worker that rendered them
    packed them, so the building process never unpacks a body only to pack it again.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: memory only (tests, or a cache that could not be opened)
        self._memory: dict[str, Packed] = {}
        self._pending: dict[str, Packed] = {}
        self._recent: OrderedDict[str, BodyContent] = OrderedDict()  # read last, for reuse
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    @staticmethod
    def pack(content: BodyContent) -> Packed:
        return content.html, content.packed_sentences

    def _db(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        if self._connection is None or self._pid != os.getpid():
            try:
                with _store_errors(self.path):
                    self._connect()
            except (CacheUnreadable, OSError):
                self._connection = None
                raise
        return self._connection

    def _connect(self) -> None:
        import sqlite3

        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(self.path, check_same_thread=False)
            # Write-ahead log, synced at checkpoints only: a cold build writes its bodies in
            # batches, and syncing each batch would make the disk the bottleneck. A crash
            # may lose the last batches (a cache miss), never corrupt the store.
            self._connection.execute("pragma journal_mode=wal")
            self._connection.execute("pragma synchronous=normal")
            # A store another sitegen made may have other columns: rows of the wrong scope
            # would be ignored anyway, so the table is made again.
            if self._connection.execute("pragma user_version").fetchone()[0] != _FORMAT:
                with self._connection:
                    self._connection.execute("drop table if exists bodies")
                    self._connection.execute(f"pragma user_version = {_FORMAT}")
            self._connection.execute(
                "create table if not exists bodies"
                " (key text primary key, scope text, html text, sentences blob)"
            )
            self._pid = os.getpid()

    def discard(self) -> None:
        """Forget every body and delete the store's files (with SQLite's journal files)."""
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None
        self._memory.clear()
        self._pending.clear()
        self._recent.clear()
        if self.path is not None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def get(self, key: str) -> BodyContent:
        if key in self._recent:  # a page often asks for the HTML, then the sentences
            self._recent.move_to_end(key)
            return self._recent[key]
        packed = self._pending.get(key) or self._memory.get(key)
        if packed is None:
            db = self._db()
            row = None
            if db is not None:
                with _store_errors(self.path):
                    row = db.execute(
                        "select scope, html, sentences from bodies where key = ?", (key,)
                    ).fetchone()
            if row is None or row[0] != _SCOPE:
                raise CacheUnreadable(f"{self.path}: body {key} is missing")
            packed = row[1:]
        content = BodyContent(*packed)
        self._recent[key] = content
        if len(self._recent) > _RECENT:
            self._recent.popitem(last=False)
        return content

    def put(self, key: str, packed: Packed) -> None:
        """Keep a body, :meth:`pack`-ed."""
        if self.path is None:
            self._memory[key] = packed
            return
        self._pending[key] = packed
        if len(self._pending) >= _BATCH:  # a cold build need not hold every body at once
            self._write_pending()

    def _write_pending(self) -> None:
        db = self._db()
        assert db is not None
        with _store_errors(self.path), db:
            db.executemany(
                "insert or replace into bodies values (?, ?, ?, ?)",
                ((k, _SCOPE, *v) for k, v in self._pending.items()),
            )
        self._pending.clear()

    def commit(self, live: set[str]) -> None:
        """Write new bodies and forget the ones no article uses any more."""
        db = self._db()
        if db is None:
            self._memory = {k: v for k, v in self._memory.items() if k in live}
            return
        self._write_pending()
        with _store_errors(self.path), db:
            stale = [(k,) for (k,) in db.execute("select key from bodies") if k not in live]
            db.executemany("delete from bodies where key = ?", stale)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "_memory": {},
            "_pending": {},
            "_recent": OrderedDict(),
            "_connection": None,
            "_pid": 0,
        }


@dataclass
class BuildCache:
    articles: dict[str, tuple[Stamp, Article]] = field(default_factory=dict)  # by file path
    facts: dict[str, BodyFacts] = field(default_factory=dict)  # by body key
    events: dict[ExtractionKey, Extraction] = field(default_factory=dict)  # see extract.py
    memos: dict[str, dict[Any, Any]] = field(default_factory=dict)  # by step, see Memo
    # Memo tables worth keeping in memory only (the preview server's): see memo().
    transient: dict[str, dict[Any, Any]] = field(default_factory=dict)
    store: BodyStore = field(default_factory=lambda: BodyStore(None))
    config_key: str = ""  # parsed articles are valid for one site configuration only
    dirty: bool = False  # something changed since the cache was loaded
    hits: int = 0
    misses: int = 0

    def reset(self) -> None:
        """Forget everything, on disk too: what it held could not be read (a damaged store)."""
        self.store.discard()
        fresh = BuildCache(store=self.store)
        self.__dict__.update(fresh.__dict__ | {"dirty": True})

    def use_config(self, key: str) -> None:
        # Front matter is checked against the configured topics, so parsed articles from
        # another configuration might name topics that no longer exist.
        if key != self.config_key:
            self.articles.clear()
            self.config_key = key
            self.dirty = True

    def parsed(self, stamps: Mapping[str, Stamp | None]) -> dict[str, Article | None]:
        """The parsed article of each file path whose stamp is unchanged, else None."""
        found: dict[str, Article | None] = {}
        for path, current in stamps.items():
            entry = self.articles.get(path)
            if entry is None or current is None or entry[0] != current:
                found[path] = None
                self.misses += 1
                continue
            article = found[path] = entry[1]
            self.hits += 1
            if article.path is None:  # not pickled: see Article.for_cache
                article.path = Path(path)
        return found

    def keep_article(self, path: str | Path, current: Stamp | None, article: Article) -> None:
        if current is not None:
            self.articles[str(path)] = (current, article)
            self.dirty = True

    def keep_body(self, key: str, facts: BodyFacts, packed: Packed) -> None:
        self.facts[key] = facts
        self.store.put(key, packed)
        self.dirty = True

    def memo(self, step: str, on_disk: bool = True, keep: bool = False) -> Memo:
        """The results ``step`` computed in the last build; ask once per build. Tables not
        ``on_disk`` are as large as the site but cheap to rebuild: saving and loading them
        with the cache would cost a ``sitegen build`` more than they save.

        ``keep``: every entry stays for the next build, asked for or not; for a rebuild
        that asks for the few entries an edit changed (see sitegen.body_edits)."""
        tables = self.memos if on_disk else self.transient
        previous = tables.get(step, {})
        current: dict[Any, Any] = previous if keep else {}
        tables[step] = current
        return Memo(previous, current, self if on_disk else None)

    @staticmethod
    @functools.lru_cache(maxsize=1 << 17)  # the preview server asks again for every article
    def body_key(body_digest: str, first_line: int, context_fingerprint: str) -> str:
        return digest([body_digest, str(first_line), context_fingerprint])

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__ | {"transient": {}}
        state["articles"] = {
            path: (stamp, article.for_cache()) for path, (stamp, article) in self.articles.items()
        }
        return state

    def prune(self, live_paths: set[str], live_bodies: set[str]) -> None:
        """Drop entries for deleted files and bodies no longer in use, so the cache stays small."""
        if set(self.articles) - live_paths or set(self.facts) - live_bodies:
            self.articles = {k: v for k, v in self.articles.items() if k in live_paths}
            self.facts = {k: v for k, v in self.facts.items() if k in live_bodies}
            self.dirty = True


def overgrown(entries: int, live: int) -> bool:
    """Whether a table holding ``entries`` of which ``live`` are in use is due for pruning.
    Pruning is a pass over every entry, too costly to make on each of the preview server's
    rebuilds; so a table keeps its stale entries until they are an eighth of the live ones."""
    return entries > live + live // 8 + 64


def cache_file(site_root: Path) -> Path:
    return site_root / CACHE_DIR / "build.pickle"


def load_cache(path: Path) -> BuildCache:
    store_path = path.with_name("bodies.sqlite")
    store = BodyStore(store_path)
    try:
        with path.open("rb") as handle:
            scope, cache = pickle.load(handle)
        # The index without its body store (deleted by hand) would send pages looking for
        # bodies that are gone.
        whole = not cache.facts or store_path.exists()
        if scope == _SCOPE and isinstance(cache, BuildCache) and whole:
            cache.hits = cache.misses = 0
            cache.dirty = False
            cache.store = store
            return cache
    except Exception:  # any unreadable cache is simply discarded
        pass
    return BuildCache(store=store)


def save_cache(cache: BuildCache, path: Path) -> None:
    if not cache.dirty:  # no body kept or dropped either: the store is as it was
        return
    cache.store.commit(set(cache.facts))
    import tempfile  # here: a build that changed nothing saves nothing, nor pays for this

    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
        pickle.dump((_SCOPE, cache), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)
    cache.dirty = False
