from html.parser import HTMLParser
from typing import Any

import pytest

from sitegen.config import TopicConfig
from sitegen.markdown import BodyContext, annotate, make_renderer
from sitegen.text.mentions import MentionMatcher

TOPICS = [
    TopicConfig("chernobyl", "Chernobyl", aliases=("Chernobyl",)),
    TopicConfig("donbas", "Donbas", aliases=("Donbas", "Luhansk")),
]


def context(mode: str = "first") -> BodyContext:
    return BodyContext(
        matcher=MentionMatcher(TOPICS),
        topic_pages={t.slug: f"topics/{t.slug}/" for t in TOPICS},
        link_mode=mode,
        resolve_wikilink=lambda t: ("articles/other/", "other") if t == "other" else None,
        wikilink_hint=lambda t: "no such page",
    )


class Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "hr", "img"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"misnested </{tag}> in {self.stack}"
        self.stack.pop()


def test_sentences_get_anchors_and_first_mention_links() -> None:
    body = make_renderer(False)(
        "Troops left Chernobyl. They went to *Chernobyl again*. Luhansk fell.\n", 1, context()
    )
    tags = Tags(body.content.html)
    ids = [a["id"] for t, a in tags.tags if t == "span"]
    assert ids == ["s-1", "s-2", "s-3"]
    links = [a["href"] for t, a in tags.tags if t == "a"]
    assert links == ["../../topics/chernobyl/", "../../topics/donbas/"]
    assert body.facts.mentions == {"chernobyl": 2, "donbas": 1}
    assert [s.topics for s in body.content.sentences] == [
        ("chernobyl",),
        ("chernobyl",),
        ("donbas",),
    ]


def test_link_modes_all_and_none() -> None:
    text = "Chernobyl. Chernobyl.\n"
    assert make_renderer(False)(text, 1, context("all")).content.html.count("topic-link") == 2
    assert "topic-link" not in make_renderer(False)(text, 1, context("none")).content.html


def test_sentence_spans_stay_outside_inline_markup() -> None:
    html = make_renderer(False)(
        "He said *it is over. Now* we wait. A [link. Across](https://x.org) here.\n", 1, context()
    ).content.html
    Tags(html)  # raises on misnesting


def test_no_links_inside_links_code_or_headings() -> None:
    body = make_renderer(False)(
        "## Chernobyl today\n\n[about Chernobyl](https://x.org) and `Chernobyl` code.\n",
        1,
        context(),
    )
    assert "topic-link" not in body.content.html
    assert 'id="chernobyl-today"' in body.content.html
    assert body.facts.mentions == {"chernobyl": 2}  # heading and link text count, code does not


def test_mentions_across_line_breaks() -> None:
    body = make_renderer(False)("Fighting in the\nDonbas went on.\n", 1, context())
    assert body.facts.mentions == {"donbas": 1}


def test_raw_html_escaped_unless_allowed_and_javascript_links_refused() -> None:
    text = '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onmouseover="x">b</b>\n'
    escaped = make_renderer(False)(text, 1, context()).content.html
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "javascript:" not in [a.get("href") for _, a in Tags(escaped).tags]
    assert "<b onmouseover" not in escaped
    allowed = make_renderer(True)(text, 1, context()).content.html
    assert "<script>alert(1)</script>" in allowed
    assert 'href="javascript' not in allowed


def test_wikilinks_resolve_or_report_their_line() -> None:
    body = make_renderer(False)(
        "Intro.\n\nSee [[other|the other]].\nAnd\n[[missing]].\n", 10, context()
    )
    assert '<a href="../../articles/other/">the other</a>' in body.content.html
    assert body.facts.links_to == ["other"]
    assert body.problems == [(14, "wikilink [[missing]] leads nowhere", "no such page")]


def test_sentence_lines_point_into_the_file() -> None:
    body = make_renderer(False)("First.\n\nSecond para\ncontinues. Third.\n", 5, context())
    assert [(s.text, s.line) for s in body.content.sentences] == [
        ("First.", 5),
        ("Second para continues.", 7),
        ("Third.", 8),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Troops left Chernobyl. Luhansk fell.\n",
        'Fighting in the\nDonbas went on. "Chernobyl & Luhansk" <fell>.\nThen quiet.\n',
        "Chernobyl\nChernobyl. Luhansk.\n",
        "No sentence end here, nor topic\n",
    ],
)
@pytest.mark.parametrize("mode", ["first", "all"])
def test_plain_paragraphs_render_as_the_token_path_would(
    text: str, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paragraphs of text and soft breaks take a shortcut; its HTML is the general path's."""
    fast = make_renderer(False)(text, 1, context(mode))
    flatten = annotate._flatten

    def general(children: list[Any]) -> Any:
        flat = flatten(children)
        flat.plain = False
        return flat

    monkeypatch.setattr(annotate, "_flatten", general)
    slow = make_renderer(False)(text, 1, context(mode))
    assert fast.content.html == slow.content.html
    assert fast.content.sentences == slow.content.sentences
    assert fast.facts == slow.facts
