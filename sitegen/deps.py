"""The dependency map: which inputs each output was made from, as of the last build.

Every page declares the digests of its inputs (see :mod:`sitegen.render.pages`). A page
whose inputs all have the digests recorded last time, and whose file is still in the output,
is not rendered again. The map lives in ``.sitegen-cache/deps.marshal`` (written on each of
the preview server's rebuilds: ``marshal`` is several times quicker than ``json`` at it); a
missing, corrupt or foreign map (another sitegen or Python version) only means a full
render, never a wrong page.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen import __version__
from sitegen.hashing import value_digest
from sitegen.model import Deps, Page

if TYPE_CHECKING:
    from sitegen.memo import Memo


class DependencyMap:
    def __init__(self, path: Path, scope: str, memo: Memo) -> None:
        self.path = path
        self.memo = memo  # the last digest of each page's inputs, reused while they are equal
        self.scope = f"{__version__}:{scope}"  # a different version or output: start afresh
        self.previous: dict[str, str] = self._load()
        self.current: dict[str, str] = {}

    def _load(self) -> dict[str, str]:
        try:
            data = marshal.loads(self.path.read_bytes())
            if data.get("scope") == self.scope and isinstance(data.get("pages"), dict):
                return dict(data["pages"])
        except (OSError, ValueError, EOFError, TypeError, AttributeError):
            pass
        return {}

    def current_pages(self, pages: list[Page]) -> set[str]:
        """Record the pages' inputs; return the outputs whose existing file was made of them."""
        # In the order each page lists its inputs, which pages.py keeps deterministic.
        digests = self.memo.same_each({page.output: page.deps for page in pages}, _digest)
        self.current.update(digests)
        previous = self.previous
        return {output for output, digest in digests.items() if previous.get(output) == digest}

    def carry_over(self) -> None:
        """Take every output of the last build as made of current inputs, until
        :meth:`current_pages` says otherwise: for a rebuild that plans only the pages an edit
        can change (see sitegen.body_edits)."""
        self.current.update(self.previous)

    def invalidate(self) -> None:
        """Forget the saved map while the output is being swapped: a build killed between the
        swap and :meth:`save` must not pair the new files with the old map."""
        self.path.unlink(missing_ok=True)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_bytes(marshal.dumps({"scope": self.scope, "pages": self.current}))
        os.replace(temporary, self.path)
        self.previous = dict(self.current)


def _digest(deps: Deps) -> str:
    return value_digest(deps, 12)
