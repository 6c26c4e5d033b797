"""Render one Markdown body to HTML and collect its sentences, mentions and links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from sitegen.markdown.annotate import annotate_rule
from sitegen.markdown.state import BodyContext, BodyState
from sitegen.markdown.wikilinks import wikilinks_plugin
from sitegen.model import BodyContent, Sentence
from sitegen.text.slugs import slugify

__all__ = ["BodyContext", "BodyFacts", "RenderedBody", "make_renderer"]


LEDE_LENGTH = 160  # characters; enough for a lede sentence, short enough for a list


@dataclass(frozen=True)
class BodyFacts:
    """What enrichment needs to know about a body; small, so it is kept for every article."""

    mentions: dict[str, int]
    links_to: list[str]
    lede: str  # the opening sentences, the summary of an article that has none


@dataclass(frozen=True)
class RenderedBody:
    content: BodyContent
    facts: BodyFacts
    problems: list[tuple[int, str, str]]  # (file line, message, hint)

    @property
    def html(self) -> str:
        return self.content.html

    @property
    def sentences(self) -> list[Sentence]:
        return self.content.sentences


def lede(sentences: list[Sentence]) -> str:
    """The first sentences, up to about ``LEDE_LENGTH`` characters."""
    parts: list[str] = []
    for sentence in sentences:
        parts.append(sentence.text)
        if sum(len(p) for p in parts) >= LEDE_LENGTH:
            break
    return " ".join(parts)


def make_renderer(allow_html: bool) -> Callable[[str, int, BodyContext], RenderedBody]:
    """A reusable renderer; raw HTML in bodies is escaped unless ``allow_html``.

    markdown-it's link validation already refuses ``javascript:``, ``vbscript:``, ``file:`` and
    non-image ``data:`` URLs, so such links stay as plain text.
    """
    md = (
        MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
        .enable(["table", "strikethrough"])
        .use(footnote_plugin)
        .use(wikilinks_plugin)
        .use(anchors_plugin, min_level=2, max_level=3, slug_func=slugify)
    )
    md.core.ruler.push("sitegen_annotate", annotate_rule)

    def render(text: str, first_line: int, context: BodyContext) -> RenderedBody:
        state = BodyState(context=context, first_line=first_line)
        html = md.render(text, {"body": state})
        facts = BodyFacts(state.mentions, state.links_to, lede(state.sentences))
        return RenderedBody(BodyContent(html, state.sentences), facts, state.problems)

    return render
