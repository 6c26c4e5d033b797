"""Shared fixtures: fixture sites written into tmp folders, and a real Chromium browser."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

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


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def article(title: str, date: str, body: str, **fields: Any) -> str:
    """The text of an article file with the given front matter fields."""
    import yaml

    meta = {"title": title, "date": date, **fields}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Write a site (``site.yaml`` + files) into a fresh folder and return its path."""
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes], config: str = BASIC_SITE) -> Path:
        root = tmp_path / f"site{next(counter)}"
        root.mkdir()
        return write_files(root, {"site.yaml": config, **files})

    return make


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright.

    Skipped where no browser is installed, except in CI (``CI=true``) where a missing browser
    is a failure: the browser tests must never silently not run there.
    """
    reason = ""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed (pip install playwright)"
    if not reason and not os.path.exists(CHROMIUM):
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI (``CI=true``) a skipped test fails the run: nothing may silently not run."""
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped and session.exitstatus == 0:
        names = ", ".join(report.nodeid for report in skipped[:5])
        print(f"\nCI=true: {len(skipped)} test(s) skipped, which fails the run: {names}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
