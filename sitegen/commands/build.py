"""``sitegen build [SITE_DIR] [--output DIR] [--base-url URL] [--drafts] [-q|-v]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from sitegen.build import BuildOptions, build
from sitegen.errors import BuildError, SiteInPlace, UsageError, os_problem
from sitegen.narrate import held_back, plan_line, print_problems, summary, unresolved_dates


def add_site_dir(parser: argparse.ArgumentParser) -> None:
    """The site folder argument of every command that reads a site."""
    parser.add_argument(
        "site_dir",
        nargs="?",
        default=".",
        metavar="SITE_DIR",
        help="folder holding site.yaml and content/ (default: .)",
    )


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments shared by the commands that build a site (build, serve, check)."""
    add_site_dir(parser)
    parser.add_argument("--base-url", help="override base_url from site.yaml")
    parser.add_argument("--drafts", action="store_true", help="include articles with draft: true")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--output", "-o", type=Path, help="output folder (default: _site)")
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument("-v", "--verbose", action="store_true", help="print stage timings and files")


def site_root(args: argparse.Namespace) -> Path:
    root = Path(args.site_dir).absolute()
    if not (root / "site.yaml").is_file():
        raise UsageError(f"{root} has no site.yaml: pass the site folder, or run 'sitegen init'")
    return root


def run_reported(action: Callable[[], int]) -> int:
    """Run a command's work, turning sitegen's errors into messages and exit statuses: 2 for
    a usage error, 1 for problems in the site or a failed write (the live site is intact)."""
    try:
        return action()
    except UsageError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print_problems(exc)
        return 1
    except BrokenPipeError:  # output piped into e.g. `head`: sitegen.cli ends quietly
        raise
    except SiteInPlace as exc:  # the new site is whole; the cache is not saved
        print(os_problem(exc), file=sys.stderr)
        print(
            f"the new site is in place in {exc.output}, but what the next build reuses could "
            "not be saved: the next build starts from scratch",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:  # writing failed (full disk, read-only folder)
        print_problems(BuildError([os_problem(exc)]))
        return 1


def options_from(args: argparse.Namespace) -> BuildOptions:
    return BuildOptions(
        site_root(args),
        output=getattr(args, "output", None),
        base_url=args.base_url,
        drafts=args.drafts,
    )


def run(args: argparse.Namespace) -> int:
    return run_reported(lambda: _build(args))


def _build(args: argparse.Namespace) -> int:
    result = build(options_from(args))
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    if note := held_back(result.site):  # even with --quiet: nothing is left out silently
        print(note, file=sys.stderr)
    if not args.quiet:
        print(summary(result))
    if args.verbose:
        print(plan_line(result))
        print("  " + ", ".join(f"{k} {v:.3f} s" for k, v in result.timings.items()))
        for name in result.report.written:
            print(f"  wrote {name}")
        for name in result.report.removed:
            print(f"  removed {name}")
        for line in unresolved_dates(result.site):
            print(line)
    return 0
