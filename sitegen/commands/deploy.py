"""``sitegen deploy [SITE_DIR] [--remote origin] [--branch gh-pages] [--message M]``.

Builds the site, commits the output as the whole content of the branch (one new commit on
top of its history) and pushes it. The working tree and index are left alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from sitegen import __version__
from sitegen.build import build
from sitegen.commands.build import (
    add_site_arguments,
    options_from,
    run_reported,
    site_root,
)
from sitegen.config import load_config
from sitegen.errors import Problems
from sitegen.narrate import summary
from sitegen.publish.deploy import (
    DeployError,
    check_branch,
    check_remote,
    commit_tree,
    git_dir,
    push,
    remote_url,
    source_commit,
)
from sitegen.publish.pages_url import BaseUrlChoice, choose_base_url


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_site_arguments(parser)
    parser.add_argument("--remote", default="origin", help="remote to push to (default: origin)")
    parser.add_argument(
        "--branch", default="gh-pages", help="branch to publish on (default: gh-pages)"
    )
    parser.add_argument("--message", "-m", help="commit message (default: names the source)")


def run(args: argparse.Namespace) -> int:
    return run_reported(lambda: _deploy(args))


def _deploy(args: argparse.Namespace) -> int:
    try:
        root = site_root(args)
        git_dir(root)  # fail before a long build when deploying cannot work
        check_remote(root, args.remote)
        check_branch(root, args.branch)
        choice = base_url_choice(args)
        print(choice.message())
        if not choice.absolute:
            print(
                "sitegen deploy: warning: the feed, the sitemap and link previews need the "
                "site's full address: pass --base-url https://.../ or set base_url in site.yaml",
                file=sys.stderr,
            )
        result = build(dataclasses.replace(options_from(args), base_url=choice.url))
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        print(summary(result))
        source = source_commit(root)
        message = args.message or (
            f"Deploy {result.site.config.title} with sitegen {__version__}"
            + (f" from {source}" if source else "")
        )
        commit = commit_tree(root, result.output, args.branch, message, args.remote)
        push(root, args.remote, args.branch)
    except DeployError as exc:
        print(f"sitegen deploy: {exc}", file=sys.stderr)
        return 1
    print(f"deployed {commit[:12]} to {args.remote} {args.branch}")
    return 0


def base_url_choice(args: argparse.Namespace) -> BaseUrlChoice:
    """The base URL to build with: ``--base-url``, else where GitHub Pages will serve the
    site (from the remote and site.yaml's cname), else site.yaml's own."""
    root = site_root(args)
    # Problems in site.yaml are the build's to report, with the rest.
    config = load_config(root, Problems())
    return choose_base_url(
        args.base_url, config.base_url, remote_url(root, args.remote), config.cname
    )
