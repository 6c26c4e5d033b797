"""Render one Markdown body to HTML and collect its sentences, mentions and links."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.hashing import digest
from sitegen.markdown.state import BodyContext, BodyState
from sitegen.model import BodyContent, BodyFacts, Sentence
from sitegen.text.slugs import slugify

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["BodyContext", "BodyFacts", "RenderedBody", "make_renderer"]


# Block tokens whose contents markdown-it parses as a nested document.
_CONTAINERS = frozenset({"blockquote_open", "list_item_open", "footnote_open"})
LEDE_LENGTH = 160  # characters; enough for a lede sentence, short enough for a list


@dataclass(frozen=True)
class RenderedBody:
    content: BodyContent
    facts: BodyFacts
    problems: list[tuple[int, str, str]]  # (file line, message, hint)


def lede(sentences: list[Sentence]) -> str:
    """The first sentences, up to about ``LEDE_LENGTH`` characters."""
    parts: list[str] = []
    for sentence in sentences:
        parts.append(sentence.text)
        if sum(len(p) for p in parts) >= LEDE_LENGTH:
            break
    return " ".join(parts)


def quote_digests(sentences: list[Sentence]) -> dict[str, str]:
    by_topic: dict[str, list[str]] = {}
    for sentence in sentences:
        for topic in sentence.topics:
            by_topic.setdefault(topic, []).extend((sentence.anchor, sentence.text))
    return {topic: digest(quotes) for topic, quotes in by_topic.items()}


def make_renderer(allow_html: bool) -> Callable[[str, int, BodyContext], RenderedBody]:
    """A reusable renderer; raw HTML in bodies is escaped unless ``allow_html``.

    markdown-it's link validation already refuses ``javascript:``, ``vbscript:``, ``file:`` and
    non-image ``data:`` URLs, so such links stay as plain text.
    """

    def render(text: str, first_line: int, context: BodyContext) -> RenderedBody:
        md = _parser(allow_html)
        state = BodyState(context=context, first_line=first_line)
        env = {"body": state}
        tokens = md.parse(text, env)
        if (line := _truncated_at(tokens, md.options["maxNesting"])) is not None:
            state.problems.append(
                (
                    first_line + line,
                    "lists or quotes are nested too deeply: the text from here on would be lost",
                    f"flatten them: sitegen follows up to {md.options['maxNesting'] // 2 - 1} "
                    f"levels of lists and {md.options['maxNesting'] - 1} of quotes",
                )
            )
        html = md.renderer.render(tokens, md.options, env)
        facts = BodyFacts(
            state.mentions,
            list(dict.fromkeys(state.links_to)),
            lede(state.sentences),
            quote_digests(state.sentences),
        )
        return RenderedBody(BodyContent.of(html, state.sentences), facts, state.problems)

    return render


def prepare(allow_html: bool) -> None:
    """Make the parser now (the preview server, which will render bodies on every save,
    does this while it waits for the first one)."""
    _parser(allow_html)


@functools.cache
def _parser(allow_html: bool) -> MarkdownIt:
    # Made (and markdown-it imported) on the first body to render: a warm build of a small
    # site renders none, and importing markdown-it would be a good part of its time.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    from sitegen.markdown.annotate import annotate_rule
    from sitegen.markdown.wikilinks import wikilinks_plugin

    md = (
        MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
        .enable(["table", "strikethrough"])
        .use(footnote_plugin)
        .use(wikilinks_plugin)
        .use(anchors_plugin, min_level=2, max_level=3, slug_func=slugify)
    )
    md.core.ruler.push("sitegen_annotate", annotate_rule)
    return md


def _truncated_at(tokens: list[Token], limit: int) -> int | None:
    """The body line where markdown-it stopped parsing, if it hit its nesting limit.

    markdown-it parses the contents of a quote or list item one level deeper; at ``limit``
    it silently drops the rest of the document (a guard against runaway recursion). A
    container opened at ``limit - 1`` is the trace it leaves.
    """
    for token in tokens:
        if token.type in _CONTAINERS and token.level >= limit - 1 and token.map:
            return token.map[0]
    return None
