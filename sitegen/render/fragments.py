"""List entries rendered once and reused wherever they repeat: an event, an article's card.

The chronology, the topic pages and the articles' own pages show the same events, and every
list of articles shows the same cards. Each entry is rendered from its partial template
(``_event.html``, ``_article_item.html``) once per build, and the preview server keeps it while
its digest is unchanged: after an edit to one article's title, rendering the chronology again
joins thousands of kept entries and renders the few that show that article (rendering a
large site's whole chronology was much of such a rebuild; docs/performance.md).

As with Hugo's ``partialCached``, a partial sees only what its key covers: the entry (``event``,
or ``item`` and the topic's ``mentions`` count), ``root``, and what every page sees (``site``,
``config``, ``assets``), all part of the digests in the key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from sitegen.memo import Memo
from sitegen.model import Article, Event

if TYPE_CHECKING:
    from sitegen.render.digests import Digests
    from sitegen.render.templates import Templates

EVENT = "_event.html"
CARD = "_article_item.html"
PARTIALS = (EVENT, CARD)


class Fragments:
    def __init__(
        self, templates: Templates, digests: Digests, memo: Memo, shared: dict[str, Any]
    ) -> None:
        self._templates = templates
        self._digests = digests
        self._memo = memo  # rendered entries by key, from the last build and this one
        self._shared = shared  # what every partial sees besides its entry
        self._prefixes: dict[str, str] = {}

    def event(self, event: Event, root: str) -> Markup:
        key = f"{self._prefix(EVENT)}{root}\0{self._digests.events[event.id]}"
        return self._get(key, EVENT, {"event": event, "root": root})

    def card(self, item: Article, root: str, mentions: int = 0) -> Markup:
        key = f"{self._prefix(CARD)}{root}\0{self._digests.cards[item.slug]}\0{mentions}"
        return self._get(key, CARD, {"item": item, "root": root, "mentions": mentions})

    def events(self, events: Iterable[Event | str], root: str) -> Markup:
        """:meth:`event` for each of ``events`` (or their ids), joined. For long lists: a
        template's own loop costs more per entry than a kept entry does (the chronology of a
        large site has thousands)."""
        by_id = self._shared["site"].events
        entries = [self.event(by_id[e] if isinstance(e, str) else e, root) for e in events]
        return Markup("".join(entries))

    def cards(self, items: Iterable[Article | str], root: str, topic: str = "") -> Markup:
        """:meth:`card` for each of ``items`` (or their slugs), joined; with a ``topic``, each
        card says how often its article mentions it."""
        by_slug = self._shared["site"].articles
        cards = []
        for item in items:
            article = by_slug[item] if isinstance(item, str) else item
            cards.append(self.card(article, root, article.mentions.get(topic, 0) if topic else 0))
        return Markup("".join(cards))

    def _prefix(self, template: str) -> str:
        """What every entry of ``template`` depends on: the site and the template's digest."""
        if template not in self._prefixes:
            self._prefixes[template] = (
                f"{self._digests.site_wide}\0{self._templates.digest(template)}\0"
            )
        return self._prefixes[template]

    def _get(self, key: str, template: str, values: dict[str, Any]) -> Markup:
        html = self._memo.get(
            key, lambda: self._templates.render(template, {**self._shared, **values})
        )
        return Markup(html)  # rendered by an autoescaping template: safe as it is
