"""One input's bytes → an :class:`Article` (metadata, Markdown body, removed lines); no file I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.importer import blocks as text_blocks
from sitegen.importer import html, lines, markdown, metadata
from sitegen.importer.decode import InputError, decode
from sitegen.importer.lines import Verdict
from sitegen.limits import MAX_FILE_BYTES


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


# A saved page carries scripts, styles and navigation besides the article: it may be larger
# than the article the build accepts (MAX_FILE_BYTES), a text input may not.
MAX_PAGE_BYTES = 4 * MAX_FILE_BYTES
_FRONT_MATTER_ROOM = 64_000  # bytes the front matter written above the body may take


def build(data: bytes, input_name: str, overrides: metadata.Given) -> Article:
    if len(data) > MAX_PAGE_BYTES:
        raise _too_large(len(data), MAX_PAGE_BYTES, "saved pages")
    decoded = decode(data)
    is_page = html.looks_like_html(decoded.text) or input_name.lower().endswith((".html", ".htm"))
    if not is_page and len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data), MAX_FILE_BYTES, "article texts")
    warnings = [(decoded.warning_line, decoded.warning)] if decoded.warning else []
    page: metadata.Given | None = None
    if is_page:
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
    body = markdown.render(kept)
    if len(body.encode("utf-8")) > MAX_FILE_BYTES - _FRONT_MATTER_ROOM:
        raise _too_large(len(body.encode("utf-8")), MAX_FILE_BYTES, "articles (once cleaned)")
    return Article(input_name, meta, body, verdicts, warnings)


def _too_large(size: int, limit: int, what: str) -> InputError:
    """The build reads articles of at most MAX_FILE_BYTES: import refuses what it would."""
    return InputError(
        f"the input is {size / 1e6:.1f} MB; {what} may be at most {limit / 1e6:.0f} MB",
        "is this one article? import the article's own text, or split it",
    )
