"""Split a Markdown file into its YAML front matter and body.

Front matter sits between a first line ``---`` and the next ``---`` (or ``...``) line, as in
Jekyll, Hugo and Pelican. A byte-order mark and CRLF line ends are accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitegen import yamlio


class FrontMatterError(ValueError):
    """Unreadable front matter; ``line`` is 1-based within the whole file."""

    def __init__(self, message: str, line: int | None, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


@dataclass(frozen=True)
class Document:
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the file where the body starts
    meta_text: str  # the raw YAML, kept to find the line of a bad key later


def normalise_newlines(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> Document:
    """Parse ``text`` (already decoded) into front matter and body."""
    text = normalise_newlines(text)
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        raise FrontMatterError(
            "no front matter",
            1,
            "start the file with a line '---', the YAML fields (title, date, ...), then '---'",
        )
    end = _closing_line(text)
    if end is None:
        raise FrontMatterError(
            "front matter is not closed", 1, "add a line '---' after the last front-matter field"
        )
    lines = text.split("\n")
    meta_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    try:
        meta = yamlio.load(meta_text) if meta_text.strip() else {}
    except yamlio.YamlError as exc:
        line = exc.line + 1 if exc.line else 1
        message = exc.described("front matter is not valid YAML: ")
        raise FrontMatterError(message, line, exc.hint) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(
            "front matter must be a mapping of fields", 2, "write it as 'title: ...' lines"
        )
    return Document(meta=meta, body=body, body_line=end + 2, meta_text=meta_text)


def _closing_line(text: str) -> int | None:
    for number, line in enumerate(text.split("\n")):
        if number and line.rstrip() in ("---", "..."):
            return number
    return None


def meta_line(document: Document, *path: str | int) -> int:
    """1-based file line of a front-matter field, for error messages."""
    line = yamlio.key_line(document.meta_text, tuple(path))
    return (line or 1) + 1
