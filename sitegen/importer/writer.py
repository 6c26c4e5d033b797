"""Article files: their names, their front matter, and writing them without ever leaving half a file.

A file is written to a temporary file in the same folder and moved into place with
``os.replace``, which is atomic on one file system: Ctrl-C or a full disk leaves either the
old file or the new one, never a truncated article.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from sitegen.importer import lexical
from sitegen.importer.metadata import Metadata

SLUG_WORDS = 5
# Words that make a poor last word of a file name ("…-abandons-chernobyl-as").
_TRAILING = frozenset(lexical.MINOR_WORDS | {"after", "before", "over", "amid", "despite", "is"})
_CLAUSE_BREAK = (":", "?", "!", ";", " – ", " — ", " - ", ", ")


def slug(title: str) -> str:
    """Short file-name slug from the headline's first clause: at most :data:`SLUG_WORDS` words."""
    clause = title
    for mark in _CLAUSE_BREAK:
        head = clause.split(mark, 1)[0]
        if len(lexical.slug_words(head)) >= 3:
            clause = head
    words = lexical.slug_words(clause)[:SLUG_WORDS]
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    return "-".join(words) or "article"


def file_name(meta: Metadata) -> str:
    prefix = meta.date.iso() if meta.date else "undated"
    return f"{prefix}-{slug(meta.title or 'untitled')}.md"


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


def write(path: Path, text: str, *, force: bool = False) -> Path | None:
    """Write ``text`` to ``path`` atomically; returns the backup made of a replaced file.

    Raises :class:`FileExistsError` when ``path`` exists and ``force`` is false.
    """
    backup: Path | None = None
    if path.exists():
        if not force:
            raise FileExistsError(path)
        backup = path.with_name(path.name + ".bak")
        shutil.copy2(path, backup)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _held_interrupts():
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:  # a full disk: never leave the temporary file behind
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    return backup


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
