"""``[[Target]]`` and ``[[Target|label]]`` as inline tokens of type ``wikilink``.

Resolution happens later (see ``annotate``), once the token's line in the file is known.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline


def wikilinks_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "wikilink", _wikilink)


def _wikilink(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("[[", pos):
        return False
    close = src.find("]]", pos + 2)
    if close == -1:
        return False
    inner = src[pos + 2 : close]
    if not inner.strip() or "\n" in inner or "[" in inner:
        return False
    if not silent:
        target, _, label = inner.partition("|")
        token = state.push("wikilink", "", 0)
        token.meta = {"target": target.strip(), "label": (label or target).strip()}
        token.content = inner
    state.pos = close + 2
    return True
