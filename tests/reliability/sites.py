"""Fixture sites and tree snapshots shared by the reliability tests."""

from __future__ import annotations

from pathlib import Path

# Search is off: Pagefind would add seconds per build and is tested in tests/publish.
SITE_YAML = """\
title: Reliability briefing
search: false
topics:
  - slug: chernobyl
    name: Chernobyl
    aliases: [Chernobyl, Chornobyl]
"""

GOOD_ARTICLE = """\
---
title: Troops leave Chernobyl
date: 2022-03-31
source: Daily Test
---
Troops are leaving Chernobyl, officials said.
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes); empty if there is no folder."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
