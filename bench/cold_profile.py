"""Where a cold build's CPU goes: one cold build of the benchmark corpus, profiled.

    python bench/cold_profile.py              # 1,000 articles
    python bench/cold_profile.py --size 10000 --top 40

The build runs in this one process (no worker pool), so that the profile sees the CPU every
stage costs; a real cold build spreads the body and page stages over the cores. Search
indexing is off, as in ``bench/run.py``. It prints the
cumulative seconds of the stages named below, then cProfile's own top entries. Profiling
roughly doubles every number: compare the stages with each other, not with ``bench/run.py``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import generate  # noqa: E402

import sitegen.parallel  # noqa: E402
from sitegen.build import BuildOptions, build  # noqa: E402

# (label, file the function is in, function): the stages of a cold build.
STAGES = [
    ("load: read and parse front matter", "content/loader.py", "load_content"),
    ("bodies: render and extract (all)", "enrich/bodies.py", "render_bodies"),
    ("  markdown-it parse (with our rules)", "markdown_it/main.py", "parse"),
    ("  of which: sentences, mentions, links", "markdown/annotate.py", "annotate_rule"),
    ("  HTML from tokens", "markdown_it/renderer.py", "render"),
    ("  event extraction", "enrich/extract.py", "extract"),
    ("events: merge into the chronology", "enrich/chronology.py", "chronology"),
    ("related articles", "enrich/links.py", "relate"),
    ("pages: Jinja templates", "render/templates.py", "render"),
    ("pages: feeds and JSON exports", "render/export.py", "briefing_json"),
    ("writes into the output tree", "write/output.py", "prepare"),
    ("saving the cache", "sitegen/cache.py", "save_cache"),
]


def stage_seconds(stats: pstats.Stats) -> list[tuple[str, float]]:
    table = stats.stats  # type: ignore[attr-defined]
    rows = []
    for label, file, function in STAGES:
        entries = [
            entry[3]  # cumulative time
            for (path, _, name), entry in table.items()
            if name == function and path.endswith(file)
        ]
        if not entries:  # renamed or moved: a stage must not silently read 0 s
            raise SystemExit(f"no call of {function}() in {file}: update STAGES")
        rows.append((label, sum(entries)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25, help="cProfile entries to print")
    args = parser.parse_args()
    sitegen.parallel.workers_available = lambda: 1  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="sitegen-profile-") as folder:
        site = generate(Path(folder), args.size)
        with (site / "site.yaml").open("a", encoding="utf-8") as config:
            config.write("search: false\n")  # as in bench/run.py
        profiler = cProfile.Profile()
        result = profiler.runcall(build, BuildOptions(site))
    stats = pstats.Stats(profiler)
    print(f"{args.size} articles, one process, profiled: {result.seconds:.2f} s")
    for label, seconds in stage_seconds(stats):
        print(f"  {label:<42} {seconds:6.2f} s")
    print()
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
