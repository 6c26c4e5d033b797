"""Bytes of an input file → text, refusing what is not text and saying which encoding was guessed.

Saved pages and copied text arrive as UTF-8 mostly, but Windows tools still write cp1252
(curly quotes as bytes 0x91-0x94); decoding those as latin-1 would turn quotes into control
characters, so cp1252 is tried first and latin-1 (which accepts any byte) is the last resort.
Text in another script arrives in its own legacy encodings (Windows-1251 or KOI8-R for
Russian and Ukrainian, Windows-1253 for Greek), which cp1252 would turn into accented Latin
gibberish: charset-normalizer ranks the legacy encodings by how coherent the text they make
is, and a non-Latin one wins when its text is not a mix of scripts within words.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from sitegen.limits import NOT_TEXT, describe

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
    text, encoding = _legacy(data)
    warning = f"not valid UTF-8; decoded as {encoding}: check accents and quotes in the article"
    return _checked(text, encoding, warning, line)


# Legacy single-byte encodings worth telling apart; other scripts' multi-byte encodings
# (Shift JIS, GBK) would "decode" a Western text too, so they are not candidates.
_LEGACY = ["cp1252", "cp1250", "cp1251", "koi8_r", "koi8_u", "cp1253", "cp1254", "cp1257",
           "iso8859_15", "mac_cyrillic", "cp866"]  # fmt: skip
_LATIN = frozenset({"cp1252", "cp1250", "cp1254", "cp1257", "iso8859-15"})  # codecs' names
_SAMPLE = 200_000  # characters looked at for mixed scripts
_WORDS = re.compile(r"\w+")


def _legacy(data: bytes) -> tuple[str, str]:
    """Text and encoding of bytes that are not UTF-8."""
    from charset_normalizer import from_bytes  # here: UTF-8 input, the usual, does without

    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is not None:
        name = codecs.lookup(best.encoding).name
        text = str(best)
        if name not in _LATIN and text != western and not _mixes_scripts(text[:_SAMPLE]):
            return text, name
    if western is not None:
        return western, "cp1252"
    return data.decode("latin-1"), "latin-1"


def _mixes_scripts(text: str) -> bool:
    """Whether some word mixes ASCII letters with letters beyond the Latin alphabets: what a
    Western text decoded with another script's encoding looks like ("cafй")."""
    for word in _WORDS.findall(text):
        if word.isascii():
            continue
        if any(c.isascii() and c.isalpha() for c in word) and any(
            ord(c) > 0x24F and c.isalpha() for c in word
        ):
            return True
    return False


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
    bad = NOT_TEXT.search(text)
    if bad:
        # A page break or a stray control character (from a PDF copy, a terminal) would make
        # an article the build refuses: page breaks become line breaks, the rest goes.
        line = line or text.count("\n", 0, bad.start()) + 1
        text = NOT_TEXT.sub(lambda m: "\n" if m.group() in "\f\v" else "", text)
        removed = f"removed control characters such as {describe(bad.group())}"
        warning = f"{warning}; {removed}" if warning else removed
    return Decoded(text, encoding, warning, line)
