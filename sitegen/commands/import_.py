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
from sitegen.importer.duplicates import Library, Page
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
        help="replace the article imported from the same page (keeping a .bak), and import "
             "near-duplicates anyway",
    )  # fmt: skip
    parser.add_argument("--dry-run", action="store_true", help="show what would be written")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print a JSON report instead")
    output.add_argument("-q", "--quiet", action="store_true", help="print problems only")


# Statuses, as the JSON report gives them.
WRITTEN, REPLACED, ALREADY, DUPLICATE, FAILED = (
    "written", "replaced", "already imported", "duplicate", "failed"
)  # fmt: skip
WOULD_WRITE, WOULD_REPLACE = "would write", "would replace"  # --dry-run


@dataclass
class Outcome:
    """What happened to one input; becomes one line of the report, or one ``--json`` object."""

    input: str
    path: Path | None = None
    status: str = "failed"
    article: pipeline.Article | None = None
    duplicate_of: Path | None = None
    similarity: float = 0.0  # to the article it duplicates
    replaced: Path | None = None  # the article file this one replaced
    backup: Path | None = None  # where the replaced content was kept
    problems: list[Problem] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        meta = self.article.meta if self.article else None
        date = meta.date if meta else None
        return {
            "input": self.input,
            "path": _text(self.path),
            "title": meta.title if meta else None,
            "date": date.iso() if date else None,
            "date_precision": date.precision if date else None,
            "source": meta.source if meta else None,
            "author": meta.author if meta else None,
            "url": meta.url if meta else None,
            "needs_review": list(meta.needs_review) if meta else [],
            "duplicate_of": _text(self.duplicate_of),
            "replaced": _text(self.replaced),
            "backup": _text(self.backup),
            "removed_lines": [
                {"line": v.block.line, "text": v.block.text, "why": list(v.reasons)}
                for v in (self.article.removed if self.article else [])
            ],
            "status": self.status,
            "messages": [str(p) for p in self.problems],
        }

    def line(self) -> str | None:
        """The page's line of the report (None: its problems say it all)."""
        shown = "<stdin>" if self.input == STDIN else self.input
        if self.status == ALREADY:
            return f"{shown}: already imported as {self.path}; --force replaces it"
        if self.status == DUPLICATE:
            return (
                f"{shown}: not imported: the same story as {self.duplicate_of} "
                f"(similarity {self.similarity:.2f}); --force imports it anyway"
            )
        if self.article is None or self.path is None:
            return None
        done = {
            WRITTEN: "",
            REPLACED: f" (replaces {self.replaced}, kept as {self.backup})",
            WOULD_WRITE: " (would write)",
            WOULD_REPLACE: f" (would replace {self.replaced})",
        }[self.status]
        meta = self.article.meta
        title = f"“{meta.title}”" if meta.title else "no title found"
        date = meta.date.iso() if meta.date else "no date found"
        review = f" · needs review: {', '.join(meta.needs_review)}" if meta.needs_review else ""
        source = meta.source or "no source found"
        return f"{shown} → {self.path}{done}: {title} · {date} · {source}{review}"


def run(args: argparse.Namespace) -> int:
    try:
        overrides = _overrides(args)
    except ValueError as exc:
        print(f"sitegen import: {exc}", file=sys.stderr)
        return 2
    library = Library.load(args.into)
    outcomes = []
    for name, data in _inputs(args.paths):
        outcome = _import_one(name, data, overrides, library, args)
        outcomes.append(outcome)
        if not args.json:  # as it goes: a folder of pages takes a while
            _print(outcome, args.quiet)
    if args.json:
        print(json.dumps([o.report() for o in outcomes], ensure_ascii=False, indent=2))
        for outcome in outcomes:
            for problem in outcome.problems:
                print(problem, file=sys.stderr)
    elif not args.quiet:
        print(summary(outcomes, args.dry_run))
    return 1 if any(o.status == FAILED for o in outcomes) else 0


def _print(outcome: Outcome, quiet: bool) -> None:
    line = outcome.line()
    if line and (not quiet or outcome.status == DUPLICATE):
        print(line, flush=True)
    for problem in outcome.problems:
        if not (quiet and problem.message.startswith("note:")):
            print(problem, file=sys.stderr, flush=True)


def summary(outcomes: list[Outcome], dry_run: bool = False) -> str:
    """ "12 imported, 3 need review, 1 already imported, 1 duplicate skipped"."""
    done = [o for o in outcomes if o.status in (WRITTEN, REPLACED, WOULD_WRITE, WOULD_REPLACE)]
    review = sum(bool(o.article and o.article.meta.needs_review) for o in done)
    replaced = sum(o.status in (REPLACED, WOULD_REPLACE) for o in done)
    duplicates = sum(o.status == DUPLICATE for o in outcomes)
    parts = [
        f"{len(done)} {'would be imported' if dry_run else 'imported'}"
        + (f" ({replaced} replacing an earlier import)" if replaced else ""),
        f"{review} need{'s' * (review == 1)} review",
    ]
    if already := sum(o.status == ALREADY for o in outcomes):
        parts.append(f"{already} already imported")
    if duplicates:
        parts.append(f"{duplicates} duplicate{'s' * (duplicates != 1)} skipped")
    if failed := sum(o.status == FAILED for o in outcomes):
        parts.append(f"{failed} failed")
    hint = "; 'sitegen review' lists what to check" if review and not dry_run else ""
    return ", ".join(parts) + hint


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
    page = Page(imported_from, article.meta.url, article.body)
    earlier = library.same_page(page)
    if earlier is not None and not args.force:
        outcome.status, outcome.path = ALREADY, earlier
        return outcome
    if earlier is None and not args.force and (match := library.near_duplicate(article.body)):
        outcome.status, outcome.duplicate_of, outcome.similarity = (
            DUPLICATE, match.path, match.similarity
        )  # fmt: skip
        return outcome
    # What to check in the text written (not in one skipped: it was said when it was written).
    outcome.problems += [
        Problem(shown, line, f"warning: {text}") for line, text in article.warnings
    ]
    outcome.problems += [
        Problem(shown, v.block.line, f"note: kept {v.block.text[:70]!r}; it may be page furniture",
                "delete it from the article if it is not part of the story")
        for v in article.doubtful
    ]  # fmt: skip
    title = article.meta.title or ""
    target = next(
        path
        for name in writer.file_names(article.meta, article.body)
        if library.free(path := args.into / name, title, earlier)
    )
    outcome.path, outcome.replaced = target, earlier
    if args.dry_run:
        outcome.status = WOULD_WRITE if earlier is None else WOULD_REPLACE
    else:
        text = writer.render(article.meta, imported_from, article.body)
        try:
            outcome.backup = writer.write(target, text, replacing=earlier)
        except FileExistsError:  # made by someone else since the folder was read
            outcome.problems.append(_exists(target))
            return outcome
        except OSError as exc:
            outcome.problems.append(_failure(str(target), exc))
            return outcome
        outcome.status = WRITTEN if earlier is None else REPLACED
    library.add(target, page, title, earlier)
    return outcome


def _text(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def _exists(target: Path) -> Problem:
    return Problem(
        target,
        None,
        "error: a file of this name appeared while importing; nothing was overwritten",
        "import this page again",
    )


def _failure(name: str, exc: Exception) -> Problem:
    if isinstance(exc, InputError):
        return Problem(name, exc.line, f"error: {exc.message}", exc.hint)
    reason = getattr(exc, "strerror", None) or str(exc)
    return Problem(name, None, f"error: cannot read: {reason}", "check the path and permissions")
