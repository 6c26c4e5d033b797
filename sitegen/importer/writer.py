"""Article files: their names, their front matter, and writing them without ever leaving half a file.

A file is written to a temporary file in the same folder and moved into place with
``os.replace``, which is atomic on one file system: Ctrl-C or a full disk leaves either the
old file or the new one, never a truncated article. A replaced article is kept as a backup
(``name.md.bak``, then ``name.md.2.bak``, ...), one per replacement, never overwritten.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

from sitegen.importer import lexical
from sitegen.importer.metadata import Metadata

SLUG_WORDS = 5
# Words that make a poor last word of a file name ("…-abandons-chernobyl-as").
_TRAILING = frozenset(lexical.MINOR_WORDS | {"after", "before", "over", "amid", "despite", "is"})
_CLAUSE_BREAK = (":", "?", "!", ";", " – ", " — ", " - ", ", ")


def slug(title: str) -> str:
    """Short file-name slug from the headline's first clause: at most :data:`SLUG_WORDS` words.

    Non-Latin headlines are transliterated ("Запорізька АЕС" → "zaporizka-aes"): a URL of
    Latin letters can be typed and read anywhere, and the article's slug is made from it."""
    clause = title if title.isascii() else anyascii(title)
    for mark in _CLAUSE_BREAK:
        head = clause.split(mark, 1)[0]
        if len(lexical.slug_words(head)) >= 3:
            clause = head
    words = lexical.slug_words(clause)[:SLUG_WORDS]
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    return "-".join(words)


def file_names(meta: Metadata, body: str) -> Iterator[str]:
    """The article's file name, then the same name with ``-2``, ``-3``, ... for when it is
    taken: the date (or ``undated``) and the headline's slug, else the lede's first words."""
    prefix = meta.date.iso() if meta.date else "undated"
    stem = slug(meta.title or "") or slug(_lede(body)) or "article"
    yield f"{prefix}-{stem}.md"
    for number in itertools.count(2):
        yield f"{prefix}-{stem}-{number}.md"


def _lede(body: str) -> str:
    """The body's first paragraph that is not a heading."""
    for paragraph in body.split("\n\n"):
        text = paragraph.strip()
        if text and not text.startswith("#"):
            return text
    return ""


def render(meta: Metadata, imported_from: str, body: str, summary: str | None = None) -> str:
    fields: dict[str, Any] = {
        "title": meta.title,
        "date": meta.date.iso() if meta.date else None,
        "source": meta.source,
        "author": meta.author,
        "url": meta.url,
        "summary": summary,
        "imported_from": imported_from,
        "needs_review": list(meta.needs_review),
    }
    # Unknown fields are left out rather than written as null: absent means "not known".
    present = {key: value for key, value in fields.items() if value not in (None, [])}
    header = yaml.safe_dump(present, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n{body}"


def write(path: Path, text: str, *, replacing: Path | None = None) -> Path | None:
    """Write ``text`` to ``path`` atomically, with the permissions the user's umask gives.

    ``replacing`` is the article file this one replaces: ``path`` itself, or the file it
    takes the place of under a new name (a new date or title renames it). Its content is kept
    as a backup, which is returned; a renamed article leaves no file under its old name.
    Raises :class:`FileExistsError` when ``path`` exists and is not the file replaced.
    """
    if path.exists() and path != replacing:
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if replacing is None:
        with _held_interrupts():
            _write_new(path, text)
        return None
    backup = backup_name(replacing)
    with _held_interrupts():
        if replacing == path:
            shutil.copy2(path, backup)
            _write_new(path, text)
            return backup
        # Renamed: the old file becomes the backup first, so that no moment (nor a crash)
        # leaves two articles of one page; if the new one cannot be written, it comes back.
        os.replace(replacing, backup)
        try:
            _write_new(path, text)
        except BaseException:
            os.replace(backup, replacing)
            raise
    return backup


def _write_new(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes it private (0600)
            os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:  # a full disk: never leave the temporary file behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def backup_name(path: Path) -> Path:
    """``name.md.bak``, or ``name.md.2.bak`` (and so on) when an earlier backup is there."""
    names = (f"{path.name}.bak" if n == 1 else f"{path.name}.{n}.bak" for n in itertools.count(1))
    return next(backup for name in names if not (backup := path.with_name(name)).exists())


def _umask() -> int:
    # The only way to read the umask is to set it; the importer is single-threaded.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _held_interrupts() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM) until the article file is whole or gone: an interrupt landing
    inside ``mkstemp``, after it made the file but before it returned the name, would
    otherwise leave a temporary file nobody can remove. The signal arrives when this ends."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
