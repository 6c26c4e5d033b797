"""The review list in the preview: the ``/_review/`` page and the banner on every page.

Both are made by the preview server as it answers a request, from the last good build's
list (sitegen.review), and never written to the output folder: the published site has
neither. A page tells its script the list's version; when a rebuild changes the list, the
script fetches the page again for its new banner (see live.js), and the ``/_review/`` page
reloads, as it is among the files the rebuild reports changed (:data:`PAGE`).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from itertools import groupby

from sitegen.hashing import digest
from sitegen.model import Site
from sitegen.review import Item, Reviewer, by_page, summary

PAGE = "_review/index.html"  # where the page is served, as if it were an output file
BANNER_ID = "sitegen-review"
_BANNER_STYLE = (
    "position:sticky;top:0;z-index:2147483646;margin:0;padding:.45em 1em;"
    "background:#fff4c2;color:#3a2f00;border-bottom:1px solid #d9c066;"
    "font:14px/1.45 system-ui,sans-serif"
)


@dataclass(frozen=True)
class ReviewList:
    """The last good build's review list, as the preview shows it."""

    items: tuple[Item, ...] = ()
    summary: str = "nothing needs review"
    title: str = ""  # the site's
    by_page: dict[str, list[Item]] = field(default_factory=dict)

    @functools.cached_property
    def version(self) -> str:
        """Changes whenever the list does (the pages' scripts compare it)."""
        return digest([repr(self.items)])

    def banner(self, output: str, base_path: str) -> bytes:
        """The banner for the page made from the output file ``output`` ("" when nothing is
        open): the count, a link to the list, and what this article's items are about."""
        if not self.items or output == PAGE:
            return b""
        mine = self.by_page.get(output.removesuffix("index.html"), [])
        about = f" · this article: {', '.join(dict.fromkeys(map(_label, mine)))}" if mine else ""
        link = html.escape(f"{base_path}_review/", quote=True)
        text = html.escape(f"{self.summary}{about}")
        return (
            f'<div id="{BANNER_ID}" role="status" style="{_BANNER_STYLE}">'
            f'<a href="{link}" style="color:inherit;font-weight:600">{text}</a> '
            "<small>(preview only)</small></div>\n"
        ).encode()

    def page(self, base_path: str) -> bytes:
        """The ``/_review/`` page: every item, by file."""
        groups = [(path, list(items)) for path, items in groupby(self.items, lambda i: i.path)]
        return _template()(
            title=self.title, summary=self.summary, groups=groups, base=base_path
        ).encode()


def review_list(site: Site, reviewer: Reviewer) -> ReviewList:
    items = reviewer.review(site)
    return ReviewList(tuple(items), summary(items, site), site.config.title, by_page(items))


def add_banner(page: bytes, banner: bytes) -> bytes:
    """Insert ``banner`` at the start of the page's body (or of the page, if it has none)."""
    if not banner:
        return page
    start = page.lower().find(b"<body")
    end = page.find(b">", start) + 1 if start >= 0 else 0
    return page[:end] + banner + page[end:]


def _label(item: Item) -> str:
    return {
        "needs_review": item.subject,
        "unresolved_date": "a date to place",
        "unsure_event": "an unsure event",
        "no_topic": "no topic",
        "single_mention": f"{item.subject} on one mention",
        "unmatched_speaker": "a speaker of no party",
    }[item.kind]


@functools.cache
def _template() -> Callable[..., str]:
    import jinja2  # here: the other commands never show this page

    source = resources.files(__package__).joinpath("review.html").read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(source).render
