"""``briefing.json``, the whole briefing as data, and ``chronology.json``, the events in the
TimelineJS 3 format (https://timeline.knightlab.com/docs/json-format.html), for other tools.

``json.dumps`` escapes quotes and control characters; ``<``, ``>`` and ``&`` are escaped as
``\\u003c`` etc. too, so the file stays inert even if a browser is tricked into reading it as HTML.
"""

from __future__ import annotations

import html
import json
from typing import Any

from sitegen.config import OUTLET_SIDE
from sitegen.dates import PartialDate
from sitegen.model import Citation, Event, Site


def briefing_json(site: Site) -> bytes:
    config = site.config
    data = {
        "site": {
            "title": config.title,
            "description": config.description,
            "base_url": config.base_url,
            "language": config.language,
        },
        "topics": [
            {"slug": t.slug, "name": t.name, "url": t.page, "article_count": len(t.articles)}
            for t in site.topics.values()
        ],
        "articles": [
            {
                "slug": a.slug,
                "title": a.title,
                "date": a.date.iso(),
                "date_precision": a.date.precision,
                "source": a.source,
                "author": a.author,
                "url": a.url,
                "page": a.page,
                "topics": a.topics,
                "mentions": a.mentions,
                "summary": a.summary,
            }
            for a in site.articles.values()
        ],
        "events": [event_json(e) for e in site.events.values()],
    }
    return dumps(data)


def event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date.iso(),
        "precision": event.date.precision,
        "end_date": event.end_date.iso() if event.end_date else None,
        "kind": event.kind,
        "text": event.text,
        "topics": event.topics,
        "sources": [_citation(c) for c in event.sources],
        "claimed_by": event.claimed_by,
        "party": event.party,
        "side": event.side,
        "status": event.status,
        "disputed_by": event.disputed_by,
        "disputes": [_citation(c) for c in event.disputes],
    }


def _citation(citation: Citation) -> dict[str, Any]:
    return {
        "article": citation.article,
        "anchor": citation.anchor,
        "quote": citation.quote,
        "claimed_by": citation.claimed_by,
        "party": citation.party,
        "side": citation.side,
    }


def chronology_json(site: Site) -> bytes:
    """The chronology for TimelineJS, so it can be embedded in another page. Its texts are
    HTML; links are absolute (with ``base_url``), since the timeline is shown elsewhere."""
    config = site.config
    title = {"headline": _text(config.title), "text": _text(config.description)}
    return dumps(
        {
            "title": {"text": title},
            "events": [_timeline_event(site, e) for e in site.events.values()],
        }
    )


def _timeline_event(site: Site, event: Event) -> dict[str, Any]:
    item: dict[str, Any] = {"start_date": _timeline_date(event.date)}
    if event.end_date:
        item["end_date"] = _timeline_date(event.end_date)
    item["text"] = {"headline": _text(event.text), "text": _sources_html(site, event)}
    if event.topics:  # TimelineJS shows one group per row band: the event's first topic
        item["group"] = site.topics[event.topics[0]].name
    elif event.party != OUTLET_SIDE:  # else the party claiming it
        item["group"] = _party_name(site, event)
    item["unique_id"] = event.id
    return item


def _timeline_date(date: PartialDate) -> dict[str, int]:
    """Month and day only as far as the date is known: TimelineJS then shows it so."""
    parts = {"year": date.year, "month": date.month, "day": date.day}
    return {key: value for key, value in parts.items() if value}


def _sources_html(site: Site, event: Event) -> str:
    base = site.config.absolute_base
    links = []
    for citation in event.sources:
        article = site.articles[citation.article]
        href = f"{base}{article.page}" + (f"#{citation.anchor}" if citation.anchor else "")
        label = _text(article.source or article.title)
        links.append(f'<a href="{html.escape(href)}">{label}</a>')
    lead = "Reported by" if event.kind == "reported" else "Sources:"
    claim = ""
    if event.claimed_by or event.party not in (None, OUTLET_SIDE):
        claim = f"<p>Claimed by {_text(event.claimed_by or _party_name(site, event))} ({event.status})</p>"
    return claim + (f"<p>{lead} {', '.join(links)}</p>" if links else "")


def _party_name(site: Site, event: Event) -> str:
    party = site.config.party(event.party)
    return party.name if party else (event.claimed_by or event.side)


def _text(text: str) -> str:
    """Text for an HTML field: quotes stay quotes outside attributes."""
    return html.escape(text, quote=False)


def dumps(data: object) -> bytes:
    # Compact: without ``indent`` json uses its C encoder, several times faster (the exports
    # of a large site are megabytes), and the Python one leaves a reference cycle per call.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode()
