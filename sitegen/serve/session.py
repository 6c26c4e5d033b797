"""One preview session: build the site, rebuild it when its inputs change, tell the pages.

Every (re)build goes through :func:`sitegen.build.build`, which renders only pages whose
inputs changed and reports the files it wrote or removed; those lists are what the pages
receive. A failed build leaves the last good output in place, so the server keeps serving
it and the pages show the problems in an overlay until a build succeeds again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from sitegen.build import (
    BuildOptions,
    BuildResult,
    build,
    output_folder,
    prepare_next_build,
    rare_collections,
)
from sitegen.cache import cache_file, load_cache, save_cache
from sitegen.config import SiteConfig, load_config
from sitegen.enrich.extract import prepare as prepare_extraction
from sitegen.errors import BuildError, Problem, Problems, UsageError
from sitegen.inputs import INPUT_FOLDERS
from sitegen.layout import CACHE_DIR
from sitegen.markdown.body import prepare as prepare_markdown
from sitegen.narrate import held_back, plan_line, print_problems, summary
from sitegen.plans import LastBuild
from sitegen.render.themes import theme_chain
from sitegen.review import Reviewer
from sitegen.serve import review_page
from sitegen.serve.reload import Broadcaster
from sitegen.serve.server import ServedSite
from sitegen.write.output import WriteReport

# The site's own inputs besides site.yaml (the theme folders come from the theme chain).
# Above this many changed paths a rebuild looks at every input again: Linux queues 16,384
# file events by default and drops the rest without telling watchdog's handlers, and next to
# rebuilding that many files, listing them all costs nothing.
TRUSTED_BURST = 256


class Session:
    def __init__(self, options: BuildOptions, live: Broadcaster | None) -> None:
        if options.cache is None:
            # Kept in memory across rebuilds; starts from the last `sitegen build`'s cache.
            cache = load_cache(cache_file(options.site_root))
            options = replace(options, cache=cache)
        # Re-indexing search on every save would cost seconds; the index from the first
        # build (or the last `sitegen build`) serves the preview.
        options = replace(options, refresh_search=False)
        self.options = options
        self.result: BuildResult | None = None  # the last good build
        self._last: LastBuild | None = None  # what the next build may start from
        self.live = live
        # Until a build succeeds, serve whatever an earlier build left (if anything).
        self.config = self._read_config()
        self.site = ServedSite(output_folder(options, self.config), self.config.base_path)
        self._inputs: set[Path] = set()  # changed since the last good build
        self._reviewer = Reviewer()  # the review list, kept up to date as builds go
        self._watched = self.watched()

    def current(self) -> ServedSite:
        return self.site

    def build(self, changed: Iterable[Path] = (), retry_coming: bool = False) -> bool:
        """Build; report problems unless ``retry_coming`` (more events are already queued,
        e.g. the file was read half-written): the next build will report instead.

        ``changed`` must name every input changed since the last call (the watcher's batch):
        article files it does not name are taken to be as the last build saw them."""
        self._inputs.update(changed)
        # Free the cycles made since the last rebuild (by failed builds, by the server's own
        # threads) before the next freeze would keep them: after a successful rebuild only
        # what was made since is not frozen, so this looks at little.
        gc.collect()
        with rare_collections():
            built = self._build(retry_coming)
            if built:
                # Set what the rebuild left apart from the cyclic collector (as prepare()
                # does), instead of letting it walk them all as soon as the rebuild is done:
                # a walk that grows with the site, holding up the very request that reloads
                # the page. A successful rebuild leaves no reference cycles to free (the
                # tests check), and what it replaced is still freed by reference counting.
                gc.freeze()
            return built

    def _build(self, retry_coming: bool) -> bool:
        try:
            # Every change since the last good build, which is at least every change since
            # the last build (of which the cache kept what it saw): the watcher saw them all,
            # unless the burst was large enough to overflow the kernel's event queue.
            changed = frozenset(self._inputs) if len(self._inputs) <= TRUSTED_BURST else None
            # The last build's model, which this build may change: not kept if it fails.
            last, self._last = self._last, None
            result = build(replace(self.options, changed=changed, last=last))
        except BuildError as exc:
            problems = exc.problems
        except UsageError as exc:  # e.g. site.yaml names a theme that does not exist
            problems = [Problem("site.yaml", None, str(exc))]
        except OSError as exc:  # a file vanished between listing and reading it
            problems = [Problem(exc.filename or "site", None, exc.strerror or str(exc))]
        else:
            self._succeeded(result)
            return True
        if not retry_coming:
            print_problems(BuildError(problems))
            if self.live is not None:
                self.live.publish("errors", {"problems": [str(p) for p in problems]})
        return False

    def _succeeded(self, result: BuildResult) -> None:
        self.result, report = result, result.report
        self._last = result.last
        styles_only = bool(self._inputs) and all(p.suffix == ".css" for p in self._inputs)
        self._inputs.clear()
        self.config = result.site.config
        review = review_page.review_list(result.site, self._reviewer)
        listed = review.version != self.site.review.version
        self.site = ServedSite(result.output, self.config.base_path, review)
        print(summary(result), flush=True)
        print(plan_line(result), flush=True)
        if note := held_back(result.site):
            print(note, flush=True)
        if self.live is not None:
            self.live.publish(
                "build",
                {
                    # The review page changes with the list, though no file does.
                    "changed": [*report.written, *[review_page.PAGE] * listed],
                    "review": review.version,
                    "removed": report.removed,
                    # Only stylesheets changed: the pages changed only in the fingerprinted
                    # name they link to, so they swap the stylesheet instead of reloading.
                    "styles": stylesheet_renames(report) if styles_only else None,
                },
            )

    def prepare(self) -> None:
        """Do now what the first rebuild would otherwise do on top of its own work, so that
        the first save is as quick as the next ones: load what a warm first build did not
        need (the Markdown parser, the date grammar, the templates) and fill the spare output
        tree. Save the first build's cache too, so that a later ``sitegen serve`` or
        ``build`` starts warm (the session keeps its own copy in memory). The preview runs
        this while it already serves the pages, before it handles the first save.

        Then set what the session holds (the cache, the site model: millions of objects on
        a large site) apart from the cyclic garbage collector, which would otherwise walk
        them all in each full collection, in the middle of some rebuild. They are still
        freed when no longer referenced; only cycles among them would stay."""
        prepare_extraction()
        prepare_markdown(self.config.markdown.allow_html)
        if self.result is not None:
            assert self.options.cache is not None
            # Only a head start: if the disk or the theme fails us here, the rebuild that
            # needs them will meet the same problem and report it.
            with contextlib.suppress(OSError, UsageError):
                save_cache(self.options.cache, cache_file(self.options.site_root))
                prepare_next_build(self.options, self.config)
        gc.freeze()

    def watched(self) -> list[tuple[Path, bool]]:
        """``(folder, recursive)`` pairs to watch: the site folder itself only for site.yaml
        and its input folders appearing (watching it all would watch the output too)."""
        root = self.options.site_root
        folders = [(root, False), *((root / name, True) for name in INPUT_FOLDERS)]
        try:
            themes = theme_chain(root, self.config.theme)
        except UsageError:  # reported by the build; watch the rest meanwhile
            themes = []
        folders += [(theme, True) for theme in themes if not theme.is_relative_to(root)]
        self._watched = folders  # what relevant() checks events against, from another thread
        return folders

    def relevant(self, path: Path) -> bool:
        """Whether a changed path is an input of the site (not its output or cache)."""
        root = self.options.site_root
        if path.is_relative_to(self.site.output) or path.is_relative_to(root / CACHE_DIR):
            return False
        if path == root / "site.yaml":
            return True
        return any(path.is_relative_to(folder) for folder, recursive in self._watched if recursive)

    def _read_config(self) -> SiteConfig:
        overrides = {"base_url": self.options.base_url} if self.options.base_url else None
        return load_config(self.options.site_root, Problems(), overrides)


def stylesheet_renames(report: WriteReport) -> dict[str, str]:
    """``{old output: new output}`` for stylesheets whose fingerprinted name changed."""

    def logical(name: str) -> str:  # assets/style.0316cfd8ae.css → assets/style.css
        stem, _, suffix = name.rpartition(".")
        return f"{stem.rpartition('.')[0]}.{suffix}"

    written = {logical(n): n for n in report.written if n.endswith(".css")}
    return {
        old: written[logical(old)]
        for old in report.removed
        if old.endswith(".css") and logical(old) in written
    }
