"""An article without a ``summary`` gets the opening of its body (its lede)."""

from __future__ import annotations

from sitegen.model import Site


def fill_summaries(site: Site) -> None:
    for article in site.articles.values():
        article.summary = article.file.summary or article.lede
