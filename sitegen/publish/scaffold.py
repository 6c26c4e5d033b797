"""``sitegen init``: the files of a new briefing, written only where nothing exists yet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitegen.publish.gitpages import briefing_workflow

SITE_YAML = """\
# The briefing's settings; see the sitegen README for every option.
title: My briefing
description: Collected reports on one story, linked by topic and dated.
# base_url (the site's full address) is left out: the GitHub Pages workflow and 'sitegen
# deploy' build with the address Pages serves the site at. Set it only to publish elsewhere,
# e.g. base_url: https://briefing.example.org/
language: en
topics:
  - slug: example-topic
    name: Example topic
    description: What this topic covers, in one sentence.
    # Phrases that mean the topic in article text; mentions of them link to its page.
    aliases:
      - Example topic
      - example place
"""

ARTICLE = """\
---
title: An example article
date: {date}
source: Example News
summary: One sentence that says what the article reports.
topics: [example-topic]
events:
  - date: {date}
    text: Something happened at the example place
---
Something happened at the example place today, officials said.

Replace this file with real articles: one Markdown file per article in content/articles/,
or turn saved pages into articles with `sitegen import`.
"""

GITIGNORE = """\
# Built site (with the spare copy that makes its swap atomic) and build cache: made again
# by 'sitegen build'.
_site/
._site.spare/
._site.swap/
.sitegen-cache/
"""


def scaffold_files(today: dt.date, sitegen_spec: str = "") -> dict[str, str]:
    """Relative path → text of every file of a new briefing."""
    return {
        "site.yaml": SITE_YAML,
        f"content/articles/{today.isoformat()}-example.md": ARTICLE.format(date=today.isoformat()),
        ".gitignore": GITIGNORE,
        ".github/workflows/pages.yml": briefing_workflow(sitegen_spec),
    }


def existing(folder: Path, files: dict[str, str]) -> list[str]:
    """What stands in the way of writing ``files`` in ``folder``: the files that exist (or
    links, which writing would follow), and any file where a folder is needed (``folder``
    itself, or a folder on a file's path)."""
    clashes: list[str] = []
    for name in files:
        path = folder / name
        if path.is_symlink() or path.exists():
            clashes.append(name)
        for parent in path.parents:
            if parent.exists() and not parent.is_dir() and str(parent) not in clashes:
                clashes.append(str(parent))
    return clashes


def write_scaffold(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
