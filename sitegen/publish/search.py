"""Full-text search: a Pagefind index of the staged output, written to ``pagefind/``.

The Pagefind binary (shipped by PyPI's ``pagefind[bin]``) runs over the staging folder before
it is swapped in, so the index always matches the pages it is published with. Running the
binary is simpler than Pagefind's Python API (an async service whose ``get_files`` can
deadlock on large indexes) and as fast: both spawn the same binary.

Article pages mark what to index (``data-pagefind-body``) and their topics
(``data-pagefind-filter="topic"``); the theme's ``search.js`` mounts Pagefind UI.
"""

from __future__ import annotations

import shutil

from sitegen.config import SiteConfig
from sitegen.errors import Problem
from sitegen.write.output import StagedOutput

BUNDLE = "pagefind"
# Written by every Pagefind run; its absence means the previous build has no usable index.
_ENTRY = f"{BUNDLE}/pagefind-entry.json"
TIMEOUT = 600  # seconds; far longer than indexing a large site takes


def index_search(staged: StagedOutput, config: SiteConfig, refresh: bool = True) -> list[Problem]:
    """Index the staged site (or reuse the previous index); warnings instead of failures.

    A site without search is still a good site, so a missing or failing binary is a warning.
    The previous index is reused when no page changed, or always when ``refresh`` is False.
    """
    if not config.search:
        return []
    reusable = not refresh or not staged.html_changed()
    if reusable and (staged.final / _ENTRY).is_file() and staged.keep_tree(BUNDLE):
        return []
    import subprocess  # here: most builds reuse the index and need not pay for the import

    staged.complete()  # Pagefind reads the whole next site from the stage
    command = pagefind_command()
    if command is None:
        return [
            _warning(
                "the Pagefind binary was not found, so the site has no search index",
                "pip install 'pagefind[bin]', or set 'search: false' in site.yaml",
            )
        ]
    try:
        subprocess.run(
            [*command, "--site", str(staged.stage), "--output-subdir", BUNDLE, "--silent"],
            check=True,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(staged.stage / BUNDLE, ignore_errors=True)  # never publish half an index
        detail = getattr(exc, "stderr", None) or str(exc)
        return [_warning(f"Pagefind failed, so the site has no search index: {detail.strip()}")]
    staged.adopt_tree(BUNDLE)
    return []


def pagefind_command() -> list[str] | None:
    """The Pagefind executable: the PyPI package's binary, else one on PATH (e.g. from npm)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        found = shutil.which("pagefind")
        return [found] if found else None
    executable = get_executable()
    return [str(executable)] if executable else None


def _warning(message: str, hint: str = "") -> Problem:
    return Problem("search", None, f"warning: {message}", hint)
