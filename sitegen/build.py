"""The build pipeline: load → enrich → render → write.

:func:`build` is the one engine behind ``sitegen build`` and the preview server: it always
computes the whole site model (cheap), but renders only the pages whose inputs changed since
the last build and writes only the files whose bytes changed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: builds are not locked there
    fcntl = None  # type: ignore[assignment]

from sitegen import __version__
from sitegen.body_edits import site_after_body_edits
from sitegen.cache import BuildCache, CacheUnreadable, cache_file, load_cache, save_cache
from sitegen.config import SiteConfig, load_config
from sitegen.content.loader import load_content
from sitegen.deps import DependencyMap
from sitegen.enrich.pipeline import enrich
from sitegen.errors import BuildError, Problem, Problems, SiteInPlace
from sitegen.inputs import Walk
from sitegen.layout import CACHE_DIR
from sitegen.markdown import make_renderer
from sitegen.model import Page, Site, Topic
from sitegen.options import BuildOptions, options_key
from sitegen.parallel import parallel_map
from sitegen.plans import BuildPath, Declined, LastBuild, Plan
from sitegen.publish.search import index_search
from sitegen.render import feeds
from sitegen.render.assets import Asset, collect_assets
from sitegen.render.digests import Digests
from sitegen.render.pages import PageContext, article_pages, plan_pages
from sitegen.render.templates import Templates, templates_for
from sitegen.render.themes import theme_chain
from sitegen.write.output import (
    MARKER_TEXT,
    OUTPUT_MARKER,
    StagedOutput,
    WriteReport,
    check_output_folder,
)


@dataclass
class BuildResult:
    site: Site
    output: Path
    report: WriteReport
    rendered: int  # pages rendered (the others were current)
    pages: int
    seconds: float
    path: BuildPath  # which plan ran (see sitegen.plans)
    reason: str  # why that plan and not the body-edit path ("" when it ran)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    # What this build made, for the next build of the same process to start from (see
    # BuildOptions.last); None when the cache is on disk (a new process builds next).
    last: LastBuild | None = None


def load_site(options: BuildOptions, problems: Problems, cache: BuildCache) -> Site:
    overrides = {"base_url": options.base_url} if options.base_url is not None else None
    config = load_config(options.site_root, problems, overrides, cache.memo("site.yaml"))
    content = load_content(config, problems, cache, options.drafts, options.changed)
    articles = sorted(content.articles, key=attrgetter("date.key", "title"), reverse=True)
    topics: dict[str, Topic] = {}
    for topic_config in config.topics:
        path, text = content.topic_texts.get(topic_config.slug, (None, topic_config.description))
        topics[topic_config.slug] = Topic(topic_config, description_md=text, description_path=path)
    return Site(config, {a.slug: a for a in articles}, topics, held_back=content.held_back)


def enriched_site(options: BuildOptions) -> Site:
    """The site model as a build makes it, without rendering or writing anything: the build
    cache is read but not saved, so looking at a site never changes its folder."""
    problems = Problems()
    cache = load_cache(cache_file(options.site_root))
    site = load_site(options, problems, cache)
    problems.raise_if_any()
    enrich(site, make_renderer(site.config.markdown.allow_html), problems, cache)
    problems.raise_if_any()
    return site


def output_folder(options: BuildOptions, config: SiteConfig) -> Path:
    return (options.output or options.site_root / config.output).absolute()


def manifest_file(options: BuildOptions) -> Path:
    return options.site_root / CACHE_DIR / "output.marshal"


def site_templates(options: BuildOptions, chain: list[Path]) -> Templates:
    """The site's templates over those of its theme ``chain``."""
    return templates_for(
        [options.site_root / "templates", *(t / "templates" for t in chain)],
        [options.site_root, *chain],
        strict=options.strict_templates,
        # Per version: a sitegen with other Jinja settings must not load this one's code.
        compiled=options.site_root / CACHE_DIR / "templates" / __version__,
    )


def prepare_next_build(options: BuildOptions, config: SiteConfig) -> None:
    """Do now what the next build would otherwise do first: fill the spare output tree (see
    :meth:`StagedOutput.mirror_live`) and load the templates."""
    with (
        output_lock(options.site_root),
        StagedOutput(output_folder(options, config), manifest_file(options)) as staged,
    ):
        staged.mirror_live()
    site_templates(options, theme_chain(options.site_root, config.theme)).load_all()


def build(options: BuildOptions) -> BuildResult:
    """Build the site; raises :class:`BuildError` listing every problem, leaving the old output."""
    with rare_collections(), output_lock(options.site_root):
        cache = options.cache
        if cache is None:
            cache = load_cache(cache_file(options.site_root))
        try:
            return _build(options, cache)
        except CacheUnreadable as exc:
            # The cache is only a cache: what cannot be read of it is made again.
            # The last build's model too: the failed build may have changed its objects.
            cache.reset()
            result = _build(dataclasses.replace(options, last=None), cache)
            result.warnings.append(
                Problem(CACHE_DIR, None, f"the build cache was unreadable ({exc}); built anew")
            )
            return result


@contextlib.contextmanager
def output_lock(site_root: Path) -> Iterator[None]:
    """Wait until no other process or thread is changing this site's output and cache. Two
    builds at once (two ``sitegen serve`` on one site, or a build during a preview) would
    swap the same two output trees under each other and lose files; one waits instead. The
    lock goes with the open file, so a killed build releases it."""
    folder = site_root / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "build.lock", "a") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


@contextlib.contextmanager
def rare_collections() -> Iterator[None]:
    """Run the cyclic garbage collector rarely during a build. A build creates millions of
    objects that live until it ends (the cache, the site model) and makes few cycles; by
    default the collector would walk them all again and again, a large part of a warm
    build's time on a large site. Reference counting still frees everything else at once.

    On leaving, the next allocation collects every object the build made (a pause that
    grows with the site). The preview server wraps a rebuild *and* telling the pages in this,
    and sets those objects apart from the collector before leaving (see Session.build)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, 50, 50)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _build(options: BuildOptions, cache: BuildCache) -> BuildResult:
    started = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        timings[stage] = time.perf_counter() - started - sum(timings.values())

    plan, path, reason = _choose_plan(options, cache, lap)
    site, templates, pages = plan.site, plan.templates, plan.pages
    deps = DependencyMap(
        options.site_root / CACHE_DIR / "deps.marshal",
        str(plan.output),
        cache.memo("deps", on_disk=False, keep=plan.partial),
    )
    if plan.partial:
        deps.carry_over()
    with StagedOutput(plan.output, manifest_file(options)) as staged:
        current = deps.current_pages(pages)
        if path == "incremental" and not deps.previous:
            path = "full"
            reason = "no dependency map of an earlier build (a first build, or one by another sitegen or into another output)"
        kept = staged.keep_unchanged(p.output for p in pages if p.output in current)
        todo = [p for p in pages if p.output not in kept]
        # Pages showing many inputs (topic pages, the chronology) take longest: started first,
        # they cannot leave one worker rendering them while the others are done.
        todo.sort(key=lambda page: len(page.deps), reverse=True)
        prepared = parallel_map(
            lambda page: staged.prepare(page.output, _render(templates, page)),
            todo,
        )
        for page, digest in zip(todo, prepared, strict=True):
            staged.record(page.output, digest)
        lap("render")
        if plan.partial:
            staged.keep_rest()
        else:
            _write_files(staged, site, plan.assets)
        warnings = [
            *crowded_dates(site),
            *index_search(staged, site.config, refresh=options.refresh_search),
        ]
        deps.invalidate()
        report = staged.commit()
    try:
        deps.save()
        if options.cache is None:
            save_cache(cache, cache_file(options.site_root))
    except OSError as exc:  # a full disk: the site is whole, what the next build reuses not
        raise SiteInPlace(exc, plan.output) from None
    last = None
    if options.cache is not None:  # kept in memory for the preview's next rebuild
        last = _last_build(options, plan)
    lap("write")
    return BuildResult(
        site,
        plan.output,
        report,
        len(todo),
        plan.total,
        time.perf_counter() - started,
        path,
        reason,
        timings,
        warnings,
        last,
    )


def _choose_plan(
    options: BuildOptions, cache: BuildCache, lap: Callable[[str], None]
) -> tuple[Plan, BuildPath, str]:
    """The body-edit plan if it applies, else the whole site's; with why."""
    short = _plan_after_edits(options, cache, lap)
    if isinstance(short, Plan):
        return short, "body-edit", ""
    return _plan_all(options, cache, lap), "incremental", short.reason


def _last_build(options: BuildOptions, plan: Plan) -> LastBuild:
    """What the next build starts from, after this one made ``plan``'s pages."""
    if plan.partial and options.last is not None:
        return dataclasses.replace(options.last, site=plan.site, digests=plan.digests)
    return LastBuild(
        options_key(options),
        plan.site,
        plan.digests,
        plan.templates,
        plan.asset_names,
        plan.output,
        plan.total,
    )


def _plan_all(options: BuildOptions, cache: BuildCache, lap: Callable[[str], None]) -> Plan:
    """Load, enrich and plan the whole site."""
    problems = Problems()
    site = load_site(options, problems, cache)
    problems.raise_if_any()
    lap("load")
    enrich(site, make_renderer(site.config.markdown.allow_html), problems, cache)
    problems.raise_if_any()
    lap("enrich")
    output = output_folder(options, site.config)
    check_output_folder(output, options.site_root, manifest_file(options))
    chain = theme_chain(options.site_root, site.config.theme)
    templates = site_templates(options, chain)
    walk = Walk([options.site_root, *chain], problems, options.site_root)
    asset_names, assets = collect_assets(
        [*(t / "static" for t in reversed(chain)), options.site_root / "static"], walk
    )
    problems.raise_if_any()
    digests = Digests(site, asset_names, cache)
    pages = list(plan_pages(site, templates, digests, asset_names))
    return Plan(site, templates, digests, asset_names, assets, pages, output, len(pages))


def _plan_after_edits(
    options: BuildOptions, cache: BuildCache, lap: Callable[[str], None]
) -> Plan | Declined:
    """The pages of the articles edited since the last build, if that is all the edits
    changed (see :mod:`sitegen.body_edits`); else why not."""
    edited = site_after_body_edits(options, cache)
    if isinstance(edited, Declined):
        return edited
    last = options.last
    assert last is not None  # the body-edit path starts from it
    lap("enrich")
    shared = PageContext(edited.site, last.templates, edited.digests, last.asset_names, keep=True)
    return Plan(
        edited.site,
        last.templates,
        edited.digests,
        last.asset_names,
        assets=[],
        pages=list(article_pages(shared, edited.articles)),
        output=last.output,
        total=last.pages,
        partial=True,
    )


def crowded_dates(site: Site) -> list[Problem]:
    """A warning per date whose reports were too many to compare each with every other."""
    return [
        Problem(
            "chronology",
            None,
            f"{crowded.reports:,} reports dated {crowded.date.iso()}, in words so common that "
            f"{crowded.bounded:,} of them were compared only with the events likeliest to "
            "repeat them: the same event may be listed more than once",
            f"most come from the article {crowded.article!r}: is it one article, or a "
            "runaway paste?",
        )
        for crowded in site.chronology.crowded
    ]


def _write_files(staged: StagedOutput, site: Site, assets: list[Asset]) -> None:
    """Write the files besides pages: the assets, robots.txt and the markers GitHub Pages
    reads."""
    for asset in assets:
        staged.write(asset.output, asset.data)
    staged.write("robots.txt", feeds.robots(site))
    staged.write(".nojekyll", b"")
    staged.write(OUTPUT_MARKER, MARKER_TEXT)
    if site.config.cname:
        staged.write("CNAME", site.config.cname.encode() + b"\n")


def _render(templates: Templates, page: Page) -> bytes:
    if page.writer is not None:
        return page.writer()
    return templates.render(page.template or "", page.context, page.output).encode()


__all__ = [
    "BuildError",
    "BuildOptions",
    "BuildPath",
    "BuildResult",
    "build",
    "enriched_site",
    "load_site",
    "prepare_next_build",
    "rare_collections",
]
