"""Kept blocks → a Markdown body: paragraphs, ``##`` sub-headings, lists and block quotes.

Article text is escaped so that characters which mean something in Markdown (``*``, ``_``,
``[``, a leading ``#`` or ``1.``) print as written instead of turning into emphasis or lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitegen.importer.blocks import Block

_INLINE = re.compile(r"([\\`*_\[\]<])")
_LEADING = re.compile(r"^(#|>|[-+=|]|\d+[.)])(?=\s|$)")


def escape(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def render(blocks: Iterable[Block]) -> str:
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        text = escape(block.text)
        if block.kind == "item":
            marker = "1." if block.ordered else "-"
            line = f"{marker} {text}"
            # Consecutive items form one list: no blank line between them.
            if (
                previous is not None
                and previous.kind == "item"
                and previous.ordered == block.ordered
            ):
                parts[-1] += "\n" + line
            else:
                parts.append(line)
        elif block.kind == "heading":
            parts.append(f"{'#' * max(block.level, 2)} {text}")
        elif block.kind == "quote":
            parts.append(f"> {text}")
        else:
            parts.append(text)
        previous = block
    return "\n\n".join(parts) + "\n" if parts else ""
