"""``sitegen review [SITE_DIR] [--json]``: the one list of what needs a human.

Exit status 0 when nothing needs review, 1 when something does (or the site has problems).
"""

from __future__ import annotations

import argparse
import json

from sitegen.build import BuildOptions, enriched_site
from sitegen.commands.build import add_site_dir, run_reported, site_root
from sitegen.review import review, summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_dir(parser)
    parser.add_argument("--json", action="store_true", help="print the list as JSON")


def run(args: argparse.Namespace) -> int:
    return run_reported(lambda: _review(args))


def _review(args: argparse.Namespace) -> int:
    site = enriched_site(BuildOptions(site_root(args)))
    items = review(site)
    if args.json:
        report = {
            "items": [item.as_json() for item in items],
            "held_back": [str(held.path.relative_to(site.config.root)) for held in site.held_back],
            "summary": summary(items, site),
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for item in items:
            print(item)
        print(summary(items, site))
    return 1 if items else 0
