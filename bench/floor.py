"""What the chosen foundations alone cost for a cold build: the floor under sitegen's time.

    python bench/floor.py              # the 1,000-article benchmark corpus
    python bench/floor.py --size 10000

Whatever our own code costs, a cold build with these foundations must start Python and
import itself, parse every article's front matter with PyYAML (libyaml), render every body
with markdown-it-py, render every page with Jinja2 and create the output tree. This times
each of those on the benchmark corpus, best of three, without our own rules (sentences,
mentions, links, events, related articles, the chronology):

* the interpreter's start, and the imports of a warm build (new processes);
* reading the article files and parsing their front matter with ``yaml.CSafeLoader``;
* markdown-it-py with CommonMark and the plugins sitegen uses (tables, strikethrough,
  footnotes, heading anchors);
* the default theme's pages with Jinja2, as a cold build renders them (list entries rendered
  once; the bodies read from the body store);
* a folder and a file per page in an empty output tree (file system and kernel time).

It prints each and the wall time a build doing only this would take on this machine: the
start and imports in series, the rest spread perfectly over the cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from calibrate import machine_seconds  # noqa: E402
from corpus import generate  # noqa: E402

from sitegen.build import BuildOptions, build, load_site, site_templates  # noqa: E402
from sitegen.cache import cache_file, load_cache  # noqa: E402
from sitegen.enrich.pipeline import enrich  # noqa: E402
from sitegen.errors import Problems  # noqa: E402
from sitegen.markdown import make_renderer  # noqa: E402
from sitegen.render.assets import collect_assets  # noqa: E402
from sitegen.render.digests import Digests  # noqa: E402
from sitegen.render.pages import plan_pages  # noqa: E402
from sitegen.render.themes import theme_chain  # noqa: E402


def best_of(
    rounds: int, work: Callable[[], object], reset: Callable[[], object] | None = None
) -> float:
    times = []
    for _ in range(rounds):
        if reset is not None:
            reset()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def process_seconds(code: str) -> float:
    return best_of(5, lambda: subprocess.run([sys.executable, "-c", code], check=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    print(f"machine calibration (bench/calibrate.py): {machine_seconds():.3f} s")
    with tempfile.TemporaryDirectory(prefix="sitegen-floor-") as folder:
        root = generate(Path(folder) / "site", args.size)
        with (root / "site.yaml").open("a", encoding="utf-8") as config:
            config.write("search: false\n")  # as in bench/run.py
        build(BuildOptions(root))  # fills the cache the page stage loads its model from
        texts = [p.read_text(encoding="utf-8") for p in (root / "content/articles").iterdir()]
        bodies = [text.split("\n---\n", 1)[1] for text in texts]
        markdown = (
            MarkdownIt("commonmark")
            .enable(["table", "strikethrough"])
            .use(footnote_plugin)
            .use(anchors_plugin, min_level=2, max_level=3)
        )
        pages = page_renderer(root)
        rendered = pages()
        tree = Path(folder) / "tree"

        def front_matter() -> None:
            for path in (root / "content/articles").iterdir():
                front = path.read_text(encoding="utf-8")[4:].split("\n---\n", 1)[0]
                yaml.load(front, Loader=yaml.CSafeLoader)

        def write_tree() -> None:
            for name, data in rendered:
                target = tree / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)

        start = process_seconds("pass")
        imports = process_seconds("import sitegen.build, sitegen.commands.build") - start
        spread = {
            "front matter (PyYAML, libyaml)": best_of(3, front_matter),
            "bodies (markdown-it-py and plugins)": best_of(
                3, lambda: [markdown.render(body) for body in bodies]
            ),
            "pages (Jinja2, default theme)": best_of(3, pages),
            "output tree (a folder and a file a page)": best_of(
                3, write_tree, lambda: shutil.rmtree(tree, ignore_errors=True)
            ),
        }
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{args.size} articles, {len(rendered)} pages, best of 3:")
    print(f"  {'interpreter start (in series)':<44} {start:6.3f} s")
    print(f"  {'imports of a warm build (in series)':<44} {imports:6.3f} s")
    for label, seconds in spread.items():
        print(f"  {label:<44} {seconds:6.3f} s")
    floor = start + imports + sum(spread.values()) / (cores or 1)
    print(f"a build doing only this, spread perfectly over {cores} cores: {floor:.2f} s")
    print(f"machine calibration after: {machine_seconds():.3f} s")


def page_renderer(root: Path) -> Callable[[], list[tuple[str, bytes]]]:
    """Render every templated page of the built site at ``root`` as a cold build does (list
    entries rendered afresh each time); return the (output, bytes) pairs."""
    options = BuildOptions(root)
    cache = load_cache(cache_file(root))
    site = load_site(options, Problems(), cache)
    enrich(site, make_renderer(site.config.markdown.allow_html), Problems(), cache)
    chain = theme_chain(root, site.config.theme)
    templates = site_templates(options, chain)
    assets, _ = collect_assets([t / "static" for t in reversed(chain)])

    def render() -> list[tuple[str, bytes]]:
        cache.transient.pop("fragments", None)  # a cold build renders every list entry once
        plan = plan_pages(site, templates, Digests(site, assets, cache), assets)
        return [
            (p.output, templates.render(p.template, p.context, p.output).encode())
            for p in plan
            if p.template is not None
        ]

    return render


if __name__ == "__main__":
    main()
