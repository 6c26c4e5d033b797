"""What one body render knows (``BodyContext``) and collects (``BodyState``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sitegen.model import Sentence
from sitegen.text.mentions import MentionMatcher


@dataclass(frozen=True)
class BodyContext:
    """Site-wide facts a body needs: where topic pages are and how wikilinks resolve."""

    matcher: MentionMatcher
    topic_pages: dict[str, str]  # topic slug → page path from the site root
    link_mode: str  # "first", "all" or "none"
    resolve_wikilink: Callable[[str], tuple[str, str] | None]  # → (page path, article slug)
    wikilink_hint: Callable[[str], str]
    root: str = "../../"  # from the page the body appears on to the site root


@dataclass
class BodyState:
    context: BodyContext
    first_line: int  # file line of the body's first line
    sentences: list[Sentence] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)
    links_to: list[str] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, message, hint)
    linked: set[str] = field(default_factory=set)
    sentence_count: int = 0

    @property
    def matcher(self) -> MentionMatcher:
        return self.context.matcher

    def wants_link(self, topic: str) -> bool:
        mode = self.context.link_mode
        return mode == "all" or (mode == "first" and topic not in self.linked)
