"""The ``sitegen`` command: one subcommand per module, each registering its own arguments.

Exit status: 0 success, 1 the site (or an input) has problems, 2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import sys
from collections.abc import Sequence

from sitegen import __version__

# Subcommand name → module providing ``add_arguments(parser)`` and ``run(args) -> int``.
# Modules are imported only when their command runs, so ``sitegen build`` stays quick to start.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("sitegen.commands.build", "build the site into the output folder"),
    "import": (
        "sitegen.commands.import_",
        "turn raw article text or saved pages into clean Markdown articles",
    ),
    "serve": ("sitegen.commands.serve", "preview the site with live reload"),
    "check": ("sitegen.commands.check", "check the built site's links, anchors and assets"),
    "review": ("sitegen.commands.review", "list what needs a human's check, and how to settle it"),
    "init": ("sitegen.commands.init", "start a new briefing: site.yaml, an article, a workflow"),
    "deploy": ("sitegen.commands.deploy", "build and push the site to a gh-pages branch"),
}


def make_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with the arguments of ``command`` only (the others list their summary)."""
    parser = argparse.ArgumentParser(
        prog="sitegen", description="Build briefing websites from collected news articles."
    )
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, summary) in COMMANDS.items():
        subparser = sub.add_parser(name, help=summary, description=summary)
        if name == command:
            importlib.import_module(module_name).add_arguments(subparser)
        subparser.set_defaults(module=module_name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((word for word in argv if not word.startswith("-")), None)
    args = make_parser(command).parse_args(argv)
    try:
        return int(importlib.import_module(args.module).run(args))
    except KeyboardInterrupt:
        print("sitegen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr.close()
        return 0


def _tolerant_output() -> None:
    """Print what the terminal's encoding cannot show (a Cyrillic title under a Latin-1
    locale, a file name with undecodable bytes) escaped, rather than stop with a traceback
    half way through a build's report."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def entry() -> None:
    """The ``sitegen`` executable: :func:`main`, then exit. Set apart from the collector
    first, what the command left would be walked once more by the interpreter's final
    collection, for nothing, a walk that grows with the site (docs/performance.md). The
    process's memory goes back to the system as it ends anyway."""
    status = main()
    gc.freeze()
    sys.exit(status)
