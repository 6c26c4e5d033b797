"""``content/events.yaml``: events an editor curates for the whole briefing, with citations.

    - date: 2022-03-04              # YYYY-MM-DD, YYYY-MM or YYYY
      end_date: 2022-03-05          # optional
      text: Russian forces seize the Zaporizhzhia nuclear power plant.
      topics: [zaporizhzhia-npp]    # optional: else the cited sentences' topics
      sources:
        - article: putins-ukraine-disaster   # an article slug
          anchor: s-9                        # optional: the sentence, as on the article page
          quote: ...                         # optional: else the sentence's text

A source with a quote but no anchor is anchored at the sentence holding the quote. Every
problem is reported as ``content/events.yaml:line`` and the event is left out.
"""

from __future__ import annotations

import re
from typing import Any

from sitegen import yamlio
from sitegen.config import OUTLET_SIDE
from sitegen.content.articles import read_text
from sitegen.content.loader import display_path
from sitegen.dates import DateError, PartialDate
from sitegen.errors import Problems, did_you_mean
from sitegen.inputs import leads_inside
from sitegen.model import CLAIM_FIELDS, STATUSES, Article, Citation, Event, Sentence, Site

_FIELDS = ("date", "end_date", "text", "topics", "sources", *CLAIM_FIELDS)
_SOURCE_FIELDS = ("article", "anchor", "quote")
_ANCHOR = re.compile(r"s-\d+")
_SPACE = re.compile(r"\s+")

Where = tuple[str | int, ...]  # a place in the YAML document: keys and list indexes


def load_curated(site: Site, problems: Problems) -> list[Event]:
    path = site.config.root / "content" / "events.yaml"
    if not path.is_file():
        return []
    display = display_path(path, site.config.root)
    if not leads_inside(path, [site.config.root]):
        problems.add(display, None, f"a symbolic link to {path.resolve()}, outside the site")
        return []
    text = read_text(path, problems, display)
    if text is None:
        return []
    try:
        data = yamlio.load(text)
    except yamlio.YamlError as exc:
        problems.add(display, exc.line, exc.described("invalid YAML: "), exc.hint)
        return []
    if data is None:
        return []
    reader = _Reader(site, text, display, problems)
    if not isinstance(data, list):
        reader.error((), "events.yaml should be a list of events", "start each with '- date: '")
        return []
    events = (reader.event(index, item) for index, item in enumerate(data))
    return [event for event in events if event is not None]


class _Reader:
    """Reads one event at a time, reporting each problem at its line."""

    def __init__(self, site: Site, text: str, display: str, problems: Problems) -> None:
        self.site, self.text, self.display, self.problems = site, text, display, problems
        self.parties = [p.slug for p in site.config.parties] + [OUTLET_SIDE]
        self.ok = True

    def error(self, where: Where, message: str, hint: str = "") -> None:
        self.problems.add(self.display, yamlio.key_line(self.text, where), message, hint)
        self.ok = False

    def event(self, index: int, item: object) -> Event | None:
        self.ok = True
        if not isinstance(item, dict):
            self.error((index,), "an event should be a mapping with 'date', 'text', 'sources'")
            return None
        self._known_keys(item, _FIELDS, (index,))
        date = self._date(item, index, "date", required=True)
        end_date = self._date(item, index, "end_date", required=False)
        text = str(item.get("text") or "").strip()
        if not text:
            self.error((index,), "an event needs a 'text'", "say who did what, in one sentence")
        topics = self._topics(item.get("topics"), (index, "topics"))
        if "status" in item and item["status"] not in STATUSES:
            self.error(
                (index, "status"),
                f"status {item['status']!r} is not one of {', '.join(STATUSES)}",
                "or leave it out: the build works it out from the sources",
            )
        if "party" in item and item["party"] is not None and str(item["party"]) not in self.parties:
            hint = did_you_mean(str(item["party"]), self.parties) or (
                f"known parties: {', '.join(self.parties) or 'none (add parties to site.yaml)'}"
            )
            self.error((index, "party"), f"unknown party {item['party']!r}", hint)
        sources = self._list(item.get("sources"), (index, "sources"))
        cited = [self._source(s, (index, "sources", n)) for n, s in enumerate(sources)]
        if not self.ok or date is None:
            return None
        citations = [citation for citation, _ in cited if citation is not None]
        sentence_topics = [t for _, sentence in cited if sentence for t in sentence.topics]
        main = [t for c in citations for t in self.site.articles[c.article].topics[:1]]
        topics = topics or list(dict.fromkeys(sentence_topics)) or main[:1]
        authored = tuple(
            (key, None if item[key] is None else str(item[key]).strip())
            for key in CLAIM_FIELDS
            if key in item
        )
        event = Event("", date, text, topics, citations, end_date, origin="curated")
        event.authored = authored
        return event

    def _known_keys(self, item: dict[Any, Any], known: tuple[str, ...], where: Where) -> None:
        for key in item:
            if key not in known:
                hint = did_you_mean(str(key), known) or f"known fields: {', '.join(known)}"
                self.error((*where, str(key)), f"unknown field {key!r}", hint)

    def _date(
        self, item: dict[Any, Any], index: int, key: str, required: bool
    ) -> PartialDate | None:
        if item.get(key) is None:
            if required:
                self.error(
                    (index,), f"an event needs a '{key}'", "e.g. 2022-03-31, 2022-03 or 2022"
                )
            return None
        try:
            return PartialDate.parse(item[key])
        except DateError as exc:
            self.error((index, key), f"bad date: {exc}", "write YYYY-MM-DD, YYYY-MM or YYYY")
            return None

    def _list(self, value: object, where: Where) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(where, f"{where[-1]} should be a list")
            return []
        return value

    def _topics(self, value: object, where: Where) -> list[str]:
        known = self.site.topics
        topics = []
        for slug in map(str, self._list([value] if isinstance(value, str) else value, where)):
            if slug in known:
                topics.append(slug)
            else:
                hint = did_you_mean(slug, known) or f"known topics: {', '.join(known) or 'none'}"
                self.error(where, f"unknown topic {slug!r}", hint)
        return list(dict.fromkeys(topics))

    def _source(self, item: object, where: Where) -> tuple[Citation | None, Sentence | None]:
        if not isinstance(item, dict) or "article" not in item:
            self.error(where, "a source needs 'article: <slug>'", "and optionally anchor, quote")
            return None, None
        self._known_keys(item, _SOURCE_FIELDS, where)
        slug = str(item["article"])
        article = self.site.articles.get(slug)
        if article is None:
            hint = did_you_mean(slug, self.site.articles) or "a draft is cited only with --drafts"
            self.error((*where, "article"), f"no article {slug!r}", hint)
            return None, None
        quote = str(item.get("quote") or "").strip()
        sentence = self._sentence(article, item.get("anchor"), quote, where)
        if sentence is None:
            return Citation(slug, quote), None
        return Citation(slug, quote or sentence.text, sentence.anchor), sentence

    def _sentence(
        self, article: Article, anchor: object, quote: str, where: Where
    ) -> Sentence | None:
        if anchor is None:
            wanted = _SPACE.sub(" ", quote).casefold()
            found = (s for s in article.sentences if wanted in _SPACE.sub(" ", s.text).casefold())
            return next(found, None) if quote else None
        sentence = next((s for s in article.sentences if s.anchor == str(anchor)), None)
        if sentence is None:
            last = article.sentences[-1].anchor if article.sentences else "none"
            hint = (
                "write s-N, the id of a sentence on the article page"
                if not _ANCHOR.fullmatch(str(anchor))
                else f"the article's sentences are s-1 to {last}"
            )
            self.error((*where, "anchor"), f"{article.slug!r} has no sentence {anchor!r}", hint)
        return sentence
