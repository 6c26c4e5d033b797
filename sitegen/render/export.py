"""``briefing.json``: the whole briefing as data, for other tools and for tests.

``json.dumps`` escapes quotes and control characters; ``<``, ``>`` and ``&`` are escaped as
``\\u003c`` etc. too, so the file stays inert even if a browser is tricked into reading it as HTML.
"""

from __future__ import annotations

import json
from typing import Any

from sitegen.model import Event, Site


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
        "sources": [
            {"article": c.article, "anchor": c.anchor, "quote": c.quote} for c in event.sources
        ],
    }


def dumps(data: object) -> bytes:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode()
