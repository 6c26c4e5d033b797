"""``sitegen init [DIR] [--sitegen-spec SPEC]``: start a new briefing in DIR (default: .)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sitegen.publish.scaffold import existing, scaffold_files, write_scaffold


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory", nargs="?", default=".", metavar="DIR", help="folder to create it in"
    )
    parser.add_argument(
        "--sitegen-spec",
        default="",
        metavar="SPEC",
        help="what the Pages workflow pip-installs as sitegen, e.g. git+https://github.com/OWNER/sitegen",
    )


def run(args: argparse.Namespace) -> int:
    folder = Path(args.directory)
    try:
        files = scaffold_files(dt.date.today(), args.sitegen_spec)
    except ValueError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return 2
    clashes = existing(folder, files)
    if clashes:
        print(
            f"sitegen: not overwriting existing files in {folder}: {', '.join(clashes)}",
            file=sys.stderr,
        )
        return 1
    try:
        write_scaffold(folder, files)
    except OSError as exc:
        print(f"sitegen: cannot write {exc.filename or folder}: {exc.strerror}", file=sys.stderr)
        return 1
    for name in files:
        print(f"created {folder / name}")
    print(
        "base_url is left out of site.yaml: the Pages workflow and 'sitegen deploy' build "
        "with the site's GitHub Pages address (set base_url to publish elsewhere)"
    )
    if not args.sitegen_spec:
        print("next: set SITEGEN_SPEC in .github/workflows/pages.yml to where pip finds sitegen")
    print(f"build it with: sitegen build {folder}")
    return 0
