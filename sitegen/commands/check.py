"""``sitegen check [SITE_DIR] [--external] [--no-build]``: broken links, anchors, assets, lint.

Exit status 1 when an internal link, anchor or asset is broken; content warnings and failing
external links are reported but do not fail the check. The last line counts what needs review
(``sitegen review`` lists it).
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from sitegen.build import BuildOptions, build, enriched_site, output_folder
from sitegen.commands.build import add_site_arguments, options_from, run_reported
from sitegen.config import load_config
from sitegen.errors import Problem, Problems, UsageError
from sitegen.model import Site
from sitegen.publish.built import built_base_url
from sitegen.publish.external import failing_urls
from sitegen.publish.linkcheck import LinkReport, check_links
from sitegen.publish.lint import lint
from sitegen.review import review, summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--output", "-o", type=Path, help="output folder (default: _site)")
    parser.add_argument(
        "--no-build", action="store_true", help="check the existing output instead of building"
    )
    parser.add_argument(
        "--external", action="store_true", help="also fetch external links (HEAD, then GET)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print problems and the summary only"
    )


def run(args: argparse.Namespace) -> int:
    return run_reported(lambda: _check(args))


def _check(args: argparse.Namespace) -> int:
    options = same_base_url(options_from(args), args.no_build)
    site, output, warnings = _existing(options) if args.no_build else _build(options)
    report = check_links(output, site.config)
    warnings += report.warnings + lint(site)
    if args.external:
        warnings += _external_problems(report)
    for problem in [*report.broken, *warnings]:
        print(problem)
    if report.external and not args.quiet:
        fetched = "fetched" if args.external else "not fetched; pass --external to fetch them"
        print(f"external links ({len(report.external)}, {fetched}):")
        for url in sorted(report.external):
            print(f"  {url}")
    print(
        f"checked {report.pages} pages, {report.links} links: "
        f"{len(report.broken)} broken, {len(warnings)} warnings"
    )
    items = review(site)
    print(f"{summary(items, site)}: 'sitegen review' lists them" if items else summary(items, site))
    return 1 if report.broken else 0


def same_base_url(options: BuildOptions, no_build: bool) -> BuildOptions:
    """The options to check with: with the base URL the existing output was built with,
    unless ``--base-url`` names one (to build with, or that the output must have). A check
    never builds the site again with another base URL than the one it was built with."""
    config = load_config(options.site_root, Problems())  # problems: the build reports them
    built = built_base_url(output_folder(options, config))
    if options.base_url is not None:
        if no_build and built is not None and built != options.base_url:
            raise UsageError(
                f"the site in {output_folder(options, config)} was built with base URL "
                f"{built}, not {options.base_url}: build it with --base-url "
                f"{options.base_url}, or drop --base-url to check it as it is"
            )
        return options
    if built is None:
        return options  # nothing built yet: build with site.yaml's
    if built != config.base_url:
        print(f"checking with base URL {built}, which the output was built with", end="")
        print(f" (site.yaml's is {config.base_url}; pass --base-url to check with another)")
    return dataclasses.replace(options, base_url=built)


def _build(options: BuildOptions) -> tuple[Site, Path, list[Problem]]:
    result = build(options)
    return result.site, result.output, list(result.warnings)


def _existing(options: BuildOptions) -> tuple[Site, Path, list[Problem]]:
    """The site model (for lint and the base path) next to an output built earlier."""
    site = enriched_site(options)
    output = output_folder(options, site.config)
    if not (output / "index.html").is_file():
        raise UsageError(f"{output} holds no built site: run 'sitegen build', or drop --no-build")
    return site, output, []


def _external_problems(report: LinkReport) -> list[Problem]:
    problems = []
    for url, reason in failing_urls(report.external).items():
        first = report.external[url][0]
        problems.append(Problem(first.page, first.line, f"warning: external link {url}: {reason}"))
    return problems
