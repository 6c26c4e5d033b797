"""What a build is asked to do: :class:`BuildOptions`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitegen.cache import BuildCache
from sitegen.plans import LastBuild


@dataclass
class BuildOptions:
    site_root: Path
    output: Path | None = None  # default: site.yaml's ``output`` under the site folder
    base_url: str | None = None
    drafts: bool = False
    strict_templates: bool = False  # undefined template variables are errors (tests use it)
    # False: reuse an existing search index even when pages changed. The preview server sets
    # it: re-indexing takes seconds on a large site, and a search lagging an edit is harmless.
    refresh_search: bool = True
    cache: BuildCache | None = None  # kept in memory by the preview server; else on disk
    # The input paths changed since the last build with ``cache``, when a file watcher knows
    # them (the preview server); None: look at every input.
    changed: frozenset[Path] | None = None
    # What the previous build of this process made, while the output holds it (the preview
    # server passes on each result's ``last``): the body-edit path starts from it.
    last: LastBuild | None = None


def options_key(options: BuildOptions) -> tuple[object, ...]:
    """The options a build's output depends on (all but the cache, the changed paths and the
    last build)."""
    return (
        options.site_root,
        options.output,
        options.base_url,
        options.drafts,
        options.strict_templates,
        options.refresh_search,
    )
