"""Which plan a build ran, and why: ``BuildResult.path`` and ``reason`` (see sitegen.plans)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sitegen.build import BuildOptions, build
from sitegen.cache import BuildCache
from tests.sites import BASIC_SITE, article

PUMPS = "content/articles/pumps.md"
# Longer than a lede, so that a sentence added after it changes only the article's own page.
OPENING = (
    "Engineers at Chernobyl restored the cooling pumps after a week of outages, and the "
    "station's operator said the spent fuel pools were stable again after the long repairs."
)
FILES = {
    PUMPS: article("Pumps restored", "2022-04-10", OPENING + "\n"),
    "content/articles/other.md": article("Other", "2022-04-11", "Fighting goes on in Luhansk.\n"),
}


def test_full_then_incremental_then_body_edit(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES, BASIC_SITE + "search: false\n")
    options = BuildOptions(site, cache=BuildCache(), refresh_search=False)
    first = build(options)
    assert first.path == "full" and "no dependency map" in first.reason
    assert first.rendered == first.pages

    again = build(dataclasses.replace(options, last=first.last))
    assert again.path == "incremental" and again.rendered == 0
    assert "changed files are not known" in again.reason

    path = site / PUMPS
    path.write_text(path.read_text() + "\nThe operator logged the repair.\n")
    edit = dataclasses.replace(options, last=again.last, changed=frozenset({path}))
    short = build(edit)
    assert (short.path, short.reason, short.rendered) == ("body-edit", "", 1), short.reason

    retitled = dataclasses.replace(edit, last=short.last)
    path.write_text(path.read_text().replace("Pumps restored", "Pumps mended"))
    full_model = build(retitled)
    assert full_model.path == "incremental"
    assert full_model.reason.endswith("pumps.md: its front matter changed (title)")


def test_a_new_process_has_no_last_build(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES, BASIC_SITE + "search: false\n")
    build(BuildOptions(site, refresh_search=False))
    result = build(BuildOptions(site, refresh_search=False))  # the cache on disk
    assert result.last is None
    assert result.path == "incremental"
    assert result.reason == "no earlier build in this process to start from"


def test_verbose_build_prints_the_plan(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES, BASIC_SITE + "search: false\n")
    command = [sys.executable, "-m", "sitegen", "build", str(site), "-v"]
    cold = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    assert "  plan: full (no dependency map of an earlier build" in cold.stdout
    warm = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    assert "  plan: incremental (no earlier build in this process" in warm.stdout
