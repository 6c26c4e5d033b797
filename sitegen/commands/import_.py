"""``sitegen import``: turn raw article text or saved pages into clean Markdown articles.

Every input is handled on its own: one that cannot be read is reported (``path:line: message``
with a hint) and the others still import; the exit status is 1 at the end if any failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.dates import DateError, PartialDate
from sitegen.errors import Problem
from sitegen.importer import pipeline, writer
from sitegen.importer.decode import InputError
from sitegen.importer.duplicates import Library
from sitegen.importer.metadata import Given

SUFFIXES = (".txt", ".html", ".htm")
STDIN = "-"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="+",
        help="article text (.txt), saved page (.html), a folder of them, or - for standard input",
    )
    parser.add_argument(
        "--into", type=Path, default=Path("content/articles"), metavar="DIR",
        help="folder to write the articles to (default: content/articles)",
    )  # fmt: skip
    parser.add_argument("--url", help="the article's address (single input only)")
    parser.add_argument("--date", help="publication date YYYY-MM-DD, YYYY-MM or YYYY")
    parser.add_argument("--source", metavar="NAME", help="the outlet that published it")
    parser.add_argument("--author", metavar="NAME", help="who wrote it")
    parser.add_argument(
        "--force", action="store_true",
        help="replace existing articles (keeping a .bak) and import duplicates anyway",
    )  # fmt: skip
    parser.add_argument("--dry-run", action="store_true", help="show what would be written")
    parser.add_argument("--json", action="store_true", help="print a JSON report instead")


@dataclass
class Outcome:
    """What happened to one input; becomes one object of the ``--json`` report."""

    input: str
    path: Path | None = None
    status: str = "failed"
    article: pipeline.Article | None = None
    duplicate_of: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        meta = self.article.meta if self.article else None
        date = meta.date if meta else None
        return {
            "input": self.input,
            "path": str(self.path) if self.path else None,
            "title": meta.title if meta else None,
            "date": date.iso() if date else None,
            "date_precision": date.precision if date else None,
            "source": meta.source if meta else None,
            "author": meta.author if meta else None,
            "url": meta.url if meta else None,
            "needs_review": list(meta.needs_review) if meta else [],
            "duplicate_of": str(self.duplicate_of) if self.duplicate_of else None,
            "removed_lines": [
                {"line": v.block.line, "text": v.block.text, "why": list(v.reasons)}
                for v in (self.article.removed if self.article else [])
            ],
            "status": self.status,
            "messages": [str(p) for p in self.problems],
        }


def run(args: argparse.Namespace) -> int:
    try:
        overrides = _overrides(args)
    except ValueError as exc:
        print(f"sitegen import: {exc}", file=sys.stderr)
        return 2
    library = Library.load(args.into)
    outcomes = [
        _import_one(name, data, overrides, library, args) for name, data in _inputs(args.paths)
    ]
    if args.json:
        print(json.dumps([o.report() for o in outcomes], ensure_ascii=False, indent=2))
    for outcome in outcomes:
        for problem in outcome.problems:
            print(problem, file=sys.stderr)
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _overrides(args: argparse.Namespace) -> Given:
    given = [flag for flag in ("url", "date", "source", "author") if getattr(args, flag)]
    single = len(args.paths) == 1 and (args.paths[0] == STDIN or not Path(args.paths[0]).is_dir())
    if given and not single:
        flags = ", ".join(f"--{flag}" for flag in given)
        raise ValueError(f"{flags} describe one article: import the files one at a time")
    try:
        date = PartialDate.parse(args.date) if args.date else None
    except DateError as exc:
        raise ValueError(f"--date: {exc}") from None
    return Given(date=date, source=args.source, author=args.author, url=args.url)


def _inputs(paths: list[str]) -> Iterator[tuple[str, bytes | Exception]]:
    """(name, bytes) for each input file; an exception in place of the bytes if unreadable."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN, sys.stdin.buffer.read()
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )  # fmt: skip
            if not found:
                yield raw, InputError("no .txt or .html files in this folder")
            for file in found:
                yield from _read(str(file))
        else:
            yield from _read(raw)


def _read(name: str) -> Iterator[tuple[str, bytes | Exception]]:
    try:
        yield name, Path(name).read_bytes()
    except OSError as exc:
        yield name, exc


def _import_one(
    name: str, data: bytes | Exception, overrides: Given, library: Library, args: argparse.Namespace
) -> Outcome:
    outcome = Outcome(name)
    shown = "<stdin>" if name == STDIN else name
    if isinstance(data, Exception):
        outcome.problems.append(_failure(shown, data))
        return outcome
    imported_from = "stdin" if name == STDIN else Path(name).name
    try:
        article = pipeline.build(data, imported_from, overrides)
    except InputError as exc:
        outcome.problems.append(Problem(shown, exc.line, f"error: {exc.message}", exc.hint))
        return outcome
    outcome.article = article
    outcome.problems += [
        Problem(shown, line, f"warning: {text}") for line, text in article.warnings
    ]
    outcome.problems += [
        Problem(shown, v.block.line, f"note: kept {v.block.text[:70]!r}; it may be page furniture",
                "delete it from the article if it is not part of the story")
        for v in article.doubtful
    ]  # fmt: skip
    target = args.into / writer.file_name(article.meta)
    outcome.path = target
    if not args.force and (earlier := library.same_import(imported_from, article.body)):
        outcome.status, outcome.path = "already imported", earlier
        _say(args, f"{shown}: already imported as {earlier}")
        return outcome
    if not args.force and (match := library.near_duplicate(article.body)):
        outcome.status, outcome.duplicate_of = "duplicate", match.path
        _say(args, f"{shown}: not imported: the same story as {match.path} "
                   f"(similarity {match.similarity:.2f}); use --force to import it anyway")  # fmt: skip
        return outcome
    text = writer.render(article.meta, imported_from, article.body)
    if args.dry_run:
        exists = target.exists() and not args.force
        outcome.status = "failed" if exists else "would write"
        if exists:
            outcome.problems.append(_exists(target))
        else:
            _say(args, f"would write {target}")
    else:
        try:
            backup = writer.write(target, text, force=args.force)
        except FileExistsError:
            outcome.problems.append(_exists(target))
            return outcome
        except OSError as exc:
            outcome.problems.append(_failure(str(target), exc))
            return outcome
        outcome.status = "written"
        _say(args, f"{target}" + (f" (previous version kept as {backup})" if backup else ""))
    library.add(target, imported_from, article.body)
    return outcome


def _say(args: argparse.Namespace, message: str) -> None:
    if not args.json:
        print(message)


def _exists(target: Path) -> Problem:
    return Problem(
        target,
        None,
        "error: an article with this name already exists; nothing was overwritten",
        "use --force to replace it (the old file is kept as .bak), or pass --date/--url "
        "if the date or title was detected wrongly",
    )


def _failure(name: str, exc: Exception) -> Problem:
    if isinstance(exc, InputError):
        return Problem(name, exc.line, f"error: {exc.message}", exc.hint)
    reason = getattr(exc, "strerror", None) or str(exc)
    return Problem(name, None, f"error: cannot read: {reason}", "check the path and permissions")
