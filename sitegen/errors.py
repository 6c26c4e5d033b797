"""Problems found in a site's input, reported as ``path:line: message`` with a hint.

Every stage appends to one :class:`Problems` list instead of raising on the first error, so an
author sees all that is wrong with the site in one build.
"""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path | str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        text = f"{where}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path | str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(path, line, message, hint))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise BuildError(list(self.items))


class BuildError(Exception):
    """The site cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self) -> tuple[type[BuildError], tuple[list[Problem]]]:
        # Raised in a build worker process, it travels back pickled, problems and all.
        return (BuildError, (self.problems,))


class SiteInPlace(OSError):
    """The new site is in place, but saving what the next build starts from (the build
    cache, the dependency map, the output manifest) failed: a full disk, say. The next build
    starts from scratch; the site it left is whole."""

    def __init__(self, error: OSError, output: Path) -> None:
        super().__init__(error.errno, error.strerror, error.filename)
        self.output = output


class UsageError(Exception):
    """The command line or the site folder itself is unusable (exit status 2)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known word, or "" when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


_OS_HINTS = {
    errno.ENOSPC: "the disk is full: free some space and build again",
    errno.EDQUOT: "the disk quota is used up: free some space and build again",
    errno.EFBIG: "the file is larger than this system allows: free space or raise the limit",
    errno.EROFS: "the file system is read-only: choose another output folder (--output)",
    errno.EACCES: "no permission to write there: fix the permissions or use --output",
    errno.EPERM: "no permission to write there: fix the permissions or use --output",
    errno.ENOTDIR: "a file stands where a folder is needed: move it away or use --output",
}


def os_problem(exc: OSError) -> Problem:
    """An operating-system failure (a full disk, a read-only folder) as a reported problem."""
    return Problem(
        exc.filename or "output",
        None,
        f"cannot write: {exc.strerror or exc}",
        _OS_HINTS.get(exc.errno or 0, "check the disk and the output folder"),
    )
