"""An article without a ``summary`` gets the opening of its first paragraph."""

from __future__ import annotations

from sitegen.model import Site

SUMMARY_LENGTH = 160  # characters; enough for a lede sentence, short enough for a list


def fill_summaries(site: Site) -> None:
    for article in site.articles.values():
        if article.summary or not article.sentences:
            continue
        parts: list[str] = []
        for sentence in article.sentences:
            parts.append(sentence.text)
            if sum(len(p) for p in parts) >= SUMMARY_LENGTH:
                break
        article.summary = " ".join(parts)
