"""List entries (events, article cards) are rendered once per build and kept while unchanged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build
from sitegen.cache import BuildCache
from sitegen.render.pages import PageContext
from sitegen.render.templates import Templates
from tests.sites import BASIC_SITE, article

FILES = {
    "content/articles/first.md": article(
        "Troops leave Chernobyl",
        "2022-03-31",
        "Troops are leaving Chernobyl, officials said. They captured it on February 24.\n",
    ),
    "content/articles/second.md": article(
        "Fighting in Luhansk",
        "2022-04-02",
        "Fighting goes on in Luhansk, officials said. Shelling began on 1 April.\n",
        source="Daily Test",
    ),
}


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    """(partial template, root) → how many times it was rendered."""
    counted: Counter[tuple[str, str]] = Counter()
    render = Templates.render

    def counting(self: Templates, name: str, context: dict[str, Any], output: str = "") -> str:
        if name.startswith("_"):
            counted[name, context["root"]] += 1
        return render(self, name, context, output)

    monkeypatch.setattr(Templates, "render", counting)
    return counted


def test_each_entry_is_rendered_once_per_build_and_kept_while_unchanged(
    make_site: Callable[..., Path], renders: Counter[tuple[str, str]]
) -> None:
    site = make_site(FILES, BASIC_SITE + "search: false\n")
    options = BuildOptions(site, cache=BuildCache(), refresh_search=False)
    events = len(build(options).site.events)
    # Every event is on the chronology (one level down), the home page (at the root) and at
    # least one article page (two levels down): once each, whatever else repeats it.
    assert renders["_event.html", "../"] == events
    assert renders["_event.html", ""] == events
    assert renders["_event.html", "../../"] == events
    # Cards: the index of articles, the home page, topic pages and related lists.
    assert renders["_article_item.html", "../"] == 2

    renders.clear()
    path = site / "content/articles/first.md"
    path.write_text(path.read_text().replace("Troops leave", "Troops quit"))
    result = build(options)
    # The retitled article's card, and the events citing it (it has no source, so they
    # show its title), are rendered again; the other article's are kept.
    cited = sum(any(c.article == "first" for c in e.sources) for e in result.site.events.values())
    assert 0 < cited < events
    assert renders["_event.html", "../"] == cited
    assert renders["_article_item.html", "../"] == 1
    assert "Troops quit Chernobyl" in (result.output / "chronology/index.html").read_text()


def test_list_helpers_join_the_entries(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES, BASIC_SITE + "search: false\n")
    options = BuildOptions(site, cache=BuildCache(), refresh_search=False)
    last = build(options).last
    assert last is not None
    shared = PageContext(last.site, last.templates, last.digests, last.asset_names)
    fragments = shared.base["fragments"]
    articles, events = last.site.articles, last.site.events
    cards = "".join(fragments.card(a, "../") for a in articles.values())
    assert cards.count("<li") == len(articles) == 2
    assert fragments.cards(list(articles), "../") == cards  # by slug
    assert fragments.cards(list(articles.values()), "../") == cards
    donbas = "".join(fragments.card(a, "", a.mentions.get("donbas", 0)) for a in articles.values())
    assert fragments.cards(articles, "", "donbas") == donbas != fragments.cards(articles, "")
    entries = "".join(fragments.event(e, "../") for e in events.values())
    assert entries and fragments.events(list(events), "../") == entries
    assert fragments.events(list(events.values()), "../") == entries
