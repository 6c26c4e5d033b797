"""What sitegen accepts as input, declared once for every reader (content, YAML, import).

A leaf module: the build's readers and the importer both take their limits from here, so an
article ``sitegen import`` writes is one the build then reads.
"""

from __future__ import annotations

import re
import unicodedata

# Real articles are well under 1 MB; a bigger file is a runaway scrape or paste, and would
# make every build and preview rebuild slow (in step with its size) and every page quoting it huge.
# The same bound holds for any YAML document (site.yaml, events.yaml, a theme's theme.yaml).
MAX_FILE_BYTES = 4_000_000

# Nodes YAML aliases may add to a document when expanded. A real document repeats a few
# values at most; a "billion laughs" document repeats them exponentially.
MAX_ALIAS_NODES = 10_000
# How deeply YAML values may nest: front matter needs a few levels; a value nested
# thousands deep exhausts Python's stack when the build cache is saved.
MAX_YAML_DEPTH = 100

# Characters XML 1.0 cannot hold (C0 controls other than tab, newline and carriage return;
# lone surrogates; U+FFFE and U+FFFF): in a title or body they would reach the Atom feed and
# the sitemap and make them unreadable, so they are refused where the input is read.
NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def describe(char: str) -> str:
    """``U+001B (ESCAPE)``: a character as an error message names it."""
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code, "")
    if not name:
        surrogate = 0xD800 <= code <= 0xDFFF
        name = (
            "control character" if code < 32 else "lone surrogate" if surrogate else "noncharacter"
        )
    return f"U+{code:04X} ({name})"


_CONTROL_NAMES = {
    0: "NUL", 7: "BELL", 8: "BACKSPACE", 11: "VERTICAL TAB", 12: "FORM FEED", 27: "ESCAPE",
}  # fmt: skip


def shown(value: object) -> str:
    """``repr(value)``, shortened for an error message: a hostile value (a list of a million
    items, a title of a megabyte) must not become a message of that size."""
    import reprlib  # here: only an error message needs it

    short = reprlib.Repr()
    short.maxlevel, short.maxlist, short.maxdict, short.maxstring, short.maxother = 2, 4, 4, 60, 60
    return short.repr(value)
