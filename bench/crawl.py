"""Crawl a built briefing as a visitor would, under a GitHub Pages subpath.

    python bench/crawl.py --articles 10000     # the benchmark corpus (bench/corpus.py)
    python bench/crawl.py --site .             # a site folder (the example briefing)

Builds the site with ``base_url: https://example.github.io/briefing/`` (search off), serves
the output under ``/briefing/`` as GitHub Pages does (404.html for a miss), follows every
same-origin link and asset from the home page, and reports: pages and links, broken links
and anchors, pages over 500 KB, the largest pages, and how many clicks from the home page
each year of the chronology is. Needs the test extras (``pip install -e '.[test]'``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from corpus import generate  # noqa: E402

from sitegen.build import BuildOptions, build  # noqa: E402
from tests.crawl import MAX_PAGE_BYTES, crawl  # noqa: E402
from tests.publish.conftest import BASE_URL, serve_pages  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--articles", type=int, help="crawl the benchmark corpus of this size")
    source.add_argument("--site", type=Path, help="crawl this site folder (copied first)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitegen-crawl-") as folder:
        site = Path(folder) / "site"
        if args.site:
            shutil.copytree(args.site / "content", site / "content")
            shutil.copy(args.site / "site.yaml", site / "site.yaml")
        else:
            generate(site, args.articles)
        with (site / "site.yaml").open("a", encoding="utf-8") as config:
            config.write("\nsearch: false\n")
        started = time.perf_counter()
        output = build(BuildOptions(site, base_url=BASE_URL)).output
        built = time.perf_counter() - started
        started = time.perf_counter()
        with serve_pages(output) as home:
            result = crawl(home)
        crawled = time.perf_counter() - started
        on_disk = sum(1 for p in output.rglob("*.html") if p.name != "404.html")
        print(f"built in {built:.1f} s; crawled {len(result.depth)} pages in {crawled:.1f} s")
        print(f"HTML pages in the output (404.html aside): {on_disk}")
        print(f"broken links and anchors: {len(result.broken)}")
        for line in result.broken[:20]:
            print(f"  {line}")
        too_large = result.too_large()
        print(f"pages over {MAX_PAGE_BYTES // 1000} KB: {len(too_large)}")
        print("largest pages:")
        for url, size in sorted(result.sizes.items(), key=lambda item: -item[1])[:5]:
            print(f"  {size / 1000:8.1f} KB  {url.removeprefix(home) or '(home page)'}")
        years = {
            url: depth
            for url, depth in result.depth.items()
            if re.search(r"/chronology/\d{4}/", url)
        }
        deepest = max(years.values(), default=0)
        print(f"chronology year pages: {len(years)}, at most {deepest} clicks from the home page")


if __name__ == "__main__":
    main()
