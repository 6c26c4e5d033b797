"""How the reliability tests run sitegen: a process under a memory limit and a timeout, from
a fixture site of tests/sites.py built that way."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO
from tests.sites import small_site

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
    """The small site, built once: what each hostile case starts from."""
    site = small_site(folder)
    assert run_sitegen("build", site, "-q") == Outcome(0, "", "")
    return site
