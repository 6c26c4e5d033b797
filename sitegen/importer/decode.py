"""Bytes of an input file → text, refusing what is not text and saying which encoding was guessed.

Saved pages and copied text arrive as UTF-8 mostly, but Windows tools still write cp1252
(curly quotes as bytes 0x91-0x94); decoding those as latin-1 would turn quotes into control
characters, so cp1252 is tried first and latin-1 (which accepts any byte) is the last resort.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Control characters other than tab, newline, carriage return and form feed; text has almost none.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


class InputError(ValueError):
    """The input cannot be imported; ``hint`` tells the user what to do instead."""

    def __init__(self, message: str, hint: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None
    warning_line: int | None = None  # first line that was not valid UTF-8


def decode(data: bytes) -> Decoded:
    """Decode ``data``; raises :class:`InputError` for empty or binary input."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8")
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(name, "replace"), "utf-16")
    if _looks_binary(data):
        raise InputError(
            "this is a binary file, not text or HTML",
            "import the article's text (.txt) or the saved page (.html)",
        )
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warning = f"not valid UTF-8; decoded as {encoding}: check accents and quotes in the article"
    return _checked(text, encoding, warning, line)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(byte in _CONTROL for byte in sample)
    return controls > max(2, len(sample) // 100)


def _checked(
    text: str, encoding: str, warning: str | None = None, line: int | None = None
) -> Decoded:
    if not text.strip():
        raise InputError("the input is empty", "check that the file was saved completely")
    return Decoded(text, encoding, warning, line)
