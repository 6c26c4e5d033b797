"""One input's bytes → an :class:`Article` (metadata, Markdown body, removed lines); no file I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.importer import blocks as text_blocks
from sitegen.importer import html, lines, markdown, metadata
from sitegen.importer.decode import InputError, decode
from sitegen.importer.lines import Verdict


@dataclass
class Article:
    input_name: str
    meta: metadata.Metadata
    body: str
    verdicts: list[Verdict]
    warnings: list[tuple[int | None, str]] = field(default_factory=list)  # (line, message)

    @property
    def removed(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.action == "drop"]

    @property
    def doubtful(self) -> list[Verdict]:
        """Lines kept although they look a little like furniture: a human should glance at them."""
        return [v for v in self.verdicts if v.action == "review"]


def build(data: bytes, input_name: str, overrides: metadata.Given) -> Article:
    decoded = decode(data)
    warnings = [(decoded.warning_line, decoded.warning)] if decoded.warning else []
    page: metadata.Given | None = None
    if html.looks_like_html(decoded.text) or input_name.lower().endswith((".html", ".htm")):
        found, page = html.extract(decoded.text)
    else:
        found = text_blocks.from_text(decoded.text)
    meta = metadata.detect(found, overrides, page, lines.classify(found, None))
    verdicts = lines.classify(found, meta.title)
    kept = [v.block for v in verdicts if v.action != "drop"]
    if not kept:
        raise InputError(
            "no article text left after removing page furniture",
            "check that the file holds the article itself, not only the page around it",
        )
    if any(v.action == "review" for v in verdicts):
        meta.needs_review.append("body")
    return Article(input_name, meta, markdown.render(kept), verdicts, warnings)
