"""The unit every later step works on: one paragraph-like block with its kind and source line.

Scraped page text has one paragraph per line, so a plain-text input becomes one block per
non-blank line. Lines already marked up (``- item``, ``> quote``, ``## heading``) keep that role.
HTML input is turned into the same blocks by :mod:`sitegen.importer.html`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

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


def from_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        blocks.append(_marked_block(line, number))
    return blocks


def _marked_block(line: str, number: int) -> Block:
    if bullet := _BULLET.match(line):
        return Block(line[bullet.end() :], "item", number, ordered=bullet.group()[0].isdigit())
    if quote := _QUOTE.match(line):
        return Block(line[quote.end() :], "quote", number)
    if heading := _HEADING.match(line):
        return Block(line[heading.end() :], "heading", number, level=heading.group().count("#"))
    return Block(line, "paragraph", number)
