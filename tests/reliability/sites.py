"""Fixture sites and tree snapshots shared by the reliability tests."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO, write_files

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


# Address space a sitegen process under test may use: a regression that expands an alias
# bomb or reads a huge input fails fast with MemoryError instead of exhausting the machine.
MEMORY_LIMIT = 1 << 30


@dataclass(frozen=True)
class Outcome:
    status: int
    stdout: str
    stderr: str


def run_sitegen(
    *args: str | Path,
    memory: int = MEMORY_LIMIT,
    timeout: float = 120,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Outcome:
    """``python -m sitegen ARGS`` under a memory limit and a timeout; never a traceback."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    result = subprocess.run(
        [sys.executable, "-m", "sitegen", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit,
        cwd=cwd or REPO,
        env={**os.environ, **(env or {})},
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return Outcome(result.returncode, result.stdout, result.stderr)


def good_site(folder: Path) -> Path:
    """A site that builds, built once: what each hostile case starts from."""
    site = write_files(
        folder,
        {
            "site.yaml": SITE_YAML,
            "content/articles/2022-03-31-troops-leave-chernobyl.md": GOOD_ARTICLE,
        },
    )
    assert run_sitegen("build", site, "-q") == Outcome(0, "", "")
    return site


def front(
    title: str = "Hostile", body: str = "Officials visited Chernobyl.\n", extra: str = ""
) -> str:
    """An article's text: front matter with ``title`` (YAML as written) and ``extra`` lines."""
    return f"---\ntitle: {title}\ndate: 2022-03-01\n{extra}---\n{body}"
