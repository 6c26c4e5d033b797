"""Fixture sites, defined once, and snapshots of the folders builds make.

- Sites on disk, copied with :func:`copy_site`: the example briefing at the top of the
  repository (``EXAMPLE_SITE``), the publishing tests' briefing (``BRIEFING_SITE``) and the
  review tests' raw pages (``REVIEW_SITE``).
- Sites written by a test: :func:`write_files` writes any files; the ``make_site`` fixture
  writes ``BASIC_SITE`` (two topics) or another ``site.yaml`` with them into a fresh folder;
  :func:`small_site` writes ``SMALL_SITE`` with ``GOOD_ARTICLE``, the one-article site the
  reliability tests start from.
- An article's text: :func:`article` dumps its front matter with PyYAML; :func:`front` writes
  it as given, for YAML a test means to be odd.
- :func:`snapshot`: every file of a folder, to compare a site with an earlier or a cold build.

tests/conftest.py loads this module as a plugin, which makes ``make_site`` a fixture
everywhere.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

EXAMPLE_SITE = REPO
BRIEFING_SITE = REPO / "tests" / "publish" / "fixtures" / "briefing"
REVIEW_SITE = REPO / "tests" / "fixtures" / "review"  # pages to import, no content/ yet

BASIC_SITE = """\
title: Test briefing
description: A briefing for tests.
topics:
  - slug: chernobyl
    name: Chernobyl
    aliases: [Chernobyl, Chornobyl]
  - slug: donbas
    name: Donbas
    aliases: [Donbas, Luhansk, Donetsk]
"""

# Parties of two made-up countries, for the claims tests (see sitegen.enrich.claims).
PARTIES = """\
parties:
  - slug: marovia
    name: Marovia
    aliases: [Marovia, Marovian, Velk]
  - slug: ostland
    name: Ostland
    aliases: [Ostland, Ostlander]
  - slug: ostland-army
    name: Ostland's army
    side: ostland
    aliases: [Ostland's army, Ostlander army]
"""

# Search is off: Pagefind would add seconds per build and is tested in tests/publish.
SMALL_SITE = """\
title: Reliability briefing
search: false
topics:
  - slug: chernobyl
    name: Chernobyl
    aliases: [Chernobyl, Chornobyl]
"""
GOOD_ARTICLE_PATH = "content/articles/2022-03-31-troops-leave-chernobyl.md"
GOOD_ARTICLE = """\
---
title: Troops leave Chernobyl
date: 2022-03-31
source: Daily Test
---
Troops are leaving Chernobyl, officials said.
"""


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (path under ``root`` → text, dedented, or bytes); return ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Write a site (``site.yaml`` + files) into a fresh folder and return its path."""
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes], config: str = BASIC_SITE) -> Path:
        root = tmp_path / f"site{next(counter)}"
        root.mkdir()
        return write_files(root, {"site.yaml": config, **files})

    return make


def small_site(folder: Path) -> Path:
    """``SMALL_SITE`` with ``GOOD_ARTICLE`` in ``folder``, not built."""
    return write_files(folder, {"site.yaml": SMALL_SITE, GOOD_ARTICLE_PATH: GOOD_ARTICLE})


def copy_site(
    source: Path, target: Path, *, folders: tuple[str, ...] = ("content",), search: bool = True
) -> Path:
    """A copy of the site at ``source`` in ``target``: its ``site.yaml`` and those of
    ``folders`` it has. ``search=False`` turns the copy's search index off."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "site.yaml", target / "site.yaml")
    for name in folders:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
    if not search:
        with (target / "site.yaml").open("a", encoding="utf-8") as config:
            config.write("search: false\n")
    return target


def article(title: str, date: str, body: str, **fields: Any) -> str:
    """The text of an article file with the given front matter fields."""
    import yaml

    meta = {"title": title, "date": date, **fields}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body


def front(
    title: str = "A report",
    body: str = "Officials visited Chernobyl.\n",
    extra: str = "",
    date: str = "2022-03-01",
) -> str:
    """An article's text with its front matter as written: ``title`` and ``date`` (YAML as
    given) on lines 2 and 3, then the ``extra`` lines."""
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes); empty if there is no folder."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
