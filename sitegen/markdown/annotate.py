"""A core rule that reads paragraphs as prose: sentences, topic mentions, wikilinks.

It runs after inline parsing. For every paragraph it flattens the inline tokens into plain
text (soft breaks become spaces, so an alias broken across lines still matches), finds
sentences and mentions in that text, and then cuts the text tokens to insert

* ``<span class="s" id="s-N">`` around each sentence, so citations can point at one sentence
  and the page can highlight it with ``:target``;
* a link to the topic page around the first (or every) mention of each topic, never inside an
  existing link or inline code.

Headings and table cells count mentions but get neither links nor sentence spans: a link in a
heading would also change the heading's anchor.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from sitegen.markdown.state import BodyState
from sitegen.model import Sentence
from sitegen.text.mentions import Mention
from sitegen.text.sentences import split_sentences

# At one cut point, closing tags go before opening ones; a sentence span encloses a topic link.
_CLOSE_LINK, _CLOSE_SPAN, _OPEN_SPAN, _OPEN_LINK = range(4)


@dataclass
class _Flat:
    """A paragraph's inline children as plain text, with a map back to the tokens."""

    text: str = ""
    starts: list[int] = field(default_factory=list)  # plain offset of each child
    depth: list[int] = field(default_factory=list)  # markup nesting around each child
    in_link: list[bool] = field(default_factory=list)
    blocked: list[tuple[int, int]] = field(default_factory=list)  # code spans: no mentions
    breaks: list[int] = field(default_factory=list)  # plain offsets of line breaks
    # Only text and soft line breaks: the paragraph's HTML is its escaped text with the tags
    # put in at plain offsets, without mapping them back to tokens. Most news paragraphs are.
    plain: bool = True


def annotate_rule(state: StateCore) -> None:
    body: BodyState = state.env["body"]
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "inline" or token.children is None:
            continue
        line = (token.map[0] if token.map else 0) + body.first_line
        _resolve_wikilinks(token.children, body, line)
        flat = _flatten(token.children)
        mentions = list(body.matcher.finditer(flat.text))
        if flat.blocked:
            mentions = [m for m in mentions if not _blocked(flat, m)]
        for mention in mentions:
            body.mentions[mention.topic] = body.mentions.get(mention.topic, 0) + 1
        if index and tokens[index - 1].type == "paragraph_open":
            token.children = _annotate_paragraph(token.children, flat, mentions, body, line)


def _resolve_wikilinks(children: list[Token], body: BodyState, line: int) -> None:
    for position, child in enumerate(children):
        if child.type != "wikilink":
            continue
        here = line + sum(1 for c in children[:position] if c.type in ("softbreak", "hardbreak"))
        target, label = child.meta["target"], child.meta["label"]
        resolved = body.context.resolve_wikilink(target)
        if resolved is None:
            body.problems.append(
                (
                    here,
                    f"wikilink [[{child.content}]] leads nowhere",
                    body.context.wikilink_hint(target),
                )
            )
            children[position] = _text(f"[[{child.content}]]")
            continue
        href, article_slug = resolved
        if article_slug:
            body.links_to.append(article_slug)
        link = Token("link_open", "a", 1, attrs={"href": body.context.root + href})
        children[position : position + 1] = [link]
        children.insert(position + 1, _text(label))
        children.insert(position + 2, Token("link_close", "a", -1))


def _flatten(children: list[Token]) -> _Flat:
    flat = _Flat()
    parts: list[str] = []
    depth, links, offset = 0, 0, 0
    for child in children:
        if child.nesting == -1:
            depth -= 1
            links -= child.type == "link_close"
        flat.starts.append(offset)
        flat.depth.append(depth)
        flat.in_link.append(links > 0)
        piece = ""
        if child.type == "text":
            piece = child.content
        elif child.type in ("softbreak", "hardbreak"):
            piece = " "
            flat.breaks.append(offset)
            flat.plain &= child.type == "softbreak"
        else:
            flat.plain = False
            if child.type == "code_inline":
                piece = child.content
                flat.blocked.append((offset, offset + len(piece)))
        parts.append(piece)
        offset += len(piece)
        if child.nesting == 1:
            depth += 1
            links += child.type == "link_open"
    flat.starts.append(offset)
    flat.text = "".join(parts)
    return flat


def _blocked(flat: _Flat, mention: Mention) -> bool:
    return any(s < mention.end and mention.start < e for s, e in flat.blocked)


def _annotate_paragraph(
    children: list[Token], flat: _Flat, mentions: list[Mention], body: BodyState, line: int
) -> list[Token]:
    spans = _sentences(flat, mentions, body, line)
    links = _links(children, flat, mentions, body)
    if flat.plain:
        return [_html(_plain_html(flat, spans, links))]
    cuts: list[tuple[int, int, int, str]] = []  # (child, offset, order, HTML to insert)
    for start, end, tag in spans:
        cuts.append((*_outer_point(children, flat, start, opening=True), _OPEN_SPAN, tag))
        cuts.append((*_outer_point(children, flat, end, opening=False), _CLOSE_SPAN, "</span>"))
    for start, end, tag in links:
        child = _child_at(flat, start)
        cuts.append((child, start - flat.starts[child], _OPEN_LINK, tag))
        cuts.append((child, end - flat.starts[child], _CLOSE_LINK, "</a>"))
    return _apply_cuts(children, cuts)


def _sentences(
    flat: _Flat, mentions: list[Mention], body: BodyState, line: int
) -> list[tuple[int, int, str]]:
    """Record the paragraph's sentences; return their plain spans and opening tags."""
    spans = []
    for start, end in split_sentences(flat.text):
        body.sentence_count += 1
        anchor = f"s-{body.sentence_count}"
        topics = (
            tuple(dict.fromkeys(m.topic for m in mentions if start <= m.start < end))
            if mentions  # most paragraphs name no topic
            else ()
        )
        sentence_line = line + bisect.bisect_left(flat.breaks, start)
        body.sentences.append(Sentence(anchor, flat.text[start:end], sentence_line, topics))
        spans.append((start, end, f'<span class="s" id="{anchor}">'))
    return spans


def _links(
    children: list[Token], flat: _Flat, mentions: list[Mention], body: BodyState
) -> list[tuple[int, int, str]]:
    """The mentions to link: plain spans and opening tags. A mention must lie within one text
    token (not across a line break or into emphasis) and outside any link."""
    links = []
    for mention in mentions:
        child = _child_at(flat, mention.start)
        if not body.wants_link(mention.topic) or children[child].type != "text":
            continue
        if flat.in_link[child] or mention.end > flat.starts[child + 1]:
            continue
        body.linked.add(mention.topic)
        href = escapeHtml(body.context.root + body.context.topic_pages[mention.topic])
        links.append((mention.start, mention.end, f'<a href="{href}" class="topic-link">'))
    return links


def _plain_html(
    flat: _Flat, spans: list[tuple[int, int, str]], links: list[tuple[int, int, str]]
) -> str:
    """A plain paragraph's HTML: its text escaped, soft breaks as newlines (as markdown-it
    renders them), the sentence spans and links inserted at their offsets."""
    cuts = [(start, _OPEN_SPAN, tag) for start, _, tag in spans]
    cuts += [(end, _CLOSE_SPAN, "</span>") for _, end, _ in spans]
    for start, end, tag in links:
        cuts += ((start, _OPEN_LINK, tag), (end, _CLOSE_LINK, "</a>"))
    cuts.sort(key=lambda cut: (cut[0], cut[1]))
    text = flat.text
    if flat.breaks:  # each soft break is one space in the plain text: same offsets
        characters = list(text)
        for offset in flat.breaks:
            characters[offset] = "\n"
        text = "".join(characters)
    parts, done = [], 0
    for offset, _, tag in cuts:
        parts.append(escapeHtml(text[done:offset]))
        parts.append(tag)
        done = offset
    parts.append(escapeHtml(text[done:]))
    return "".join(parts)


def _child_at(flat: _Flat, offset: int) -> int:
    """Index of the child whose plain text holds the character at ``offset``."""
    # Zero-length children (link_open, html) share an offset with the text after them; the
    # character belongs to the last child starting at or before it, which bisect_right finds.
    return bisect.bisect_right(flat.starts, offset) - 1


def _outer_point(children: list[Token], flat: _Flat, offset: int, opening: bool) -> tuple[int, int]:
    """Where a sentence boundary goes so that the span stays outside any inline markup.

    Inside a text token at nesting depth 0 the boundary cuts the text; inside emphasis or a
    link it moves out to just before the opening tag (sentence start) or just after the
    closing tag (sentence end).
    """
    child = _child_at(flat, offset if opening else offset - 1)
    if flat.depth[child] == 0 and children[child].type == "text":
        return child, offset - flat.starts[child]
    if flat.depth[child] == 0:
        return (child, 0) if opening else (child + 1, 0)
    step = -1 if opening else 1
    while 0 <= child + step < len(children) and flat.depth[child] > 0:
        child += step
    return (child, 0) if opening else (child + 1, 0)


def _apply_cuts(children: list[Token], cuts: list[tuple[int, int, int, str]]) -> list[Token]:
    """Insert the cut points' HTML, turning each cut text token into one escaped HTML token.

    Building the HTML string directly, instead of splitting text tokens and adding a token per
    tag, keeps the number of Token objects (costly to create) at one per original token.
    """
    cuts.sort(key=lambda cut: (cut[0], cut[1], cut[2]))
    result: list[Token] = []
    position = 0
    for index, child in enumerate(children):
        length = len(child.content) if child.type == "text" else 0
        first = position
        while position < len(cuts) and cuts[position][0] == index and cuts[position][1] <= length:
            position += 1
        mine = cuts[first:position]
        if not mine:
            result.append(child)
        elif child.type != "text":
            result.append(_html("".join(cut[3] for cut in mine)))
            result.append(child)
        else:
            parts, done = [], 0
            for _, offset, _, tag in mine:
                parts.append(escapeHtml(child.content[done:offset]))
                parts.append(tag)
                done = offset
            parts.append(escapeHtml(child.content[done:]))
            result.append(_html("".join(parts)))
    if position < len(cuts):
        result.append(_html("".join(cut[3] for cut in cuts[position:])))
    return result


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _html(content: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = content
    return token
