"""The unit every later step works on: one paragraph-like block with its kind and source line.

Scraped page text has one paragraph per line, so a plain-text input becomes one block per
non-blank line. Lines already marked up (``- item``, ``> quote``, ``## heading``) keep that role.
HTML input is turned into the same blocks by :mod:`sitegen.importer.html`.

Scrapers also run separate page elements into one line; two such joins are undone here, so
that the line scorer sees each element on its own:
- an empty image, a view counter and a timestamp before the first sentence
  (``![]() 1204 Monday, 3 June, 2024, 09:10 The council met …``): the timestamp becomes a
  line of its own (a dateline), the image and the counter go;
- a quoted headline run into its standfirst (``‘We had no warning’ The owner of …``): two
  blocks, so that the headline can be recognised as one;
- a timestamp run into the byline under it (``May 2, 2024 10:15 amby Staff``): two blocks;
- an icon's name run into a headline (``externalFire crews …``): the name goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sitegen.importer import datelines

Kind = Literal["paragraph", "heading", "item", "quote"]

_BULLET = re.compile(r"^(?:[-*•▪·●]|\d{1,2}[.)])\s+(?=\S)")
_QUOTE = re.compile(r"^>\s?")
_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True)
class Block:
    text: str
    kind: Kind = "paragraph"
    line: int | None = None  # 1-based line in the input, when the input has lines
    level: int = 2  # heading level (list nesting is not kept: briefings need none)
    ordered: bool = False  # for items: numbered list


_LEAD_IN = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)\s*)+(?:\d{1,7}\s+)?")
# A stamp: an optional weekday, a written-out date and a time ("Monday, 3 June, 2024, 09:10").
_STAMP = re.compile(
    r"^(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+"
    r"(?:19|20)\d\d,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+(?=\S)"
)
# The headline has no sentence punctuation of its own; the standfirst may end with a stop.
_QUOTED_HEADLINE = re.compile(
    r"^(?P<headline>[‘“\"][^“”\".!?,;:]{10,140}?[’”\"])\s+(?P<rest>[A-Z][^!?]{20,}?\.?)$"
)


def from_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        blocks += [_marked_block(part, number) for part in _unjoin(line)]
    return blocks


_STAMP_THEN_BYLINE = re.compile(
    r"^(?P<stamp>.{6,40}?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\s*(?P<by>[Bb]y\s+[A-Z].{2,60})$"
)
_ICON_NAME = re.compile(
    r"^(?:external|launch|open|play|arrow|chevron|close|search|share|menu|icon|camera|video"
    r"|photo|image|gallery|link)(?=[A-Z][a-z])"
)


def _unjoin(line: str) -> list[str]:
    """The page elements a scraped line holds (see the module docstring)."""
    line = _ICON_NAME.sub("", line)
    if (joined := _STAMP_THEN_BYLINE.match(line)) and datelines.is_dateline(joined["stamp"]):
        return [joined["stamp"], joined["by"]]
    if lead := _LEAD_IN.match(line):
        line = line[lead.end() :].rstrip(" |")
        stamp = _STAMP.match(line)
        if stamp and datelines.is_dateline(stamp.group().strip()):
            return [stamp.group().strip(), line[stamp.end() :]]
        return [line] if line else []
    if quoted := _QUOTED_HEADLINE.match(line):
        return [quoted.group("headline"), quoted.group("rest")]
    return [line]


def _marked_block(line: str, number: int) -> Block:
    if bullet := _BULLET.match(line):
        return Block(line[bullet.end() :], "item", number, ordered=bullet.group()[0].isdigit())
    if quote := _QUOTE.match(line):
        return Block(line[quote.end() :], "quote", number)
    if heading := _HEADING.match(line):
        return Block(line[heading.end() :], "heading", number, level=heading.group().count("#"))
    return Block(line, "paragraph", number)
