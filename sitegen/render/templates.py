"""The Jinja environment: autoescaped, site templates over theme templates, compiled once.

Each template also has a digest covering its own source and every template it extends,
includes or imports, so the dependency map re-renders exactly the pages a template edit touches.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from sitegen.dates import PartialDate
from sitegen.errors import BuildError, Problem


class Templates:
    def __init__(self, folders: list[Path], strict: bool = False) -> None:
        self.folders = [folder for folder in folders if folder.is_dir()]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(f) for f in self.folders]),
            autoescape=True,
            undefined=jinja2.StrictUndefined if strict else jinja2.ChainableUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.env.filters["display"] = _display
        self.env.filters["iso"] = lambda d: d.iso() if isinstance(d, PartialDate) else ""
        self._digests: dict[str, str] = {}

    def render(self, name: str, context: dict[str, Any]) -> str:
        return self.env.get_template(name).render(context)

    def digest(self, name: str) -> str:
        """Hash of the template and all it pulls in (``extends``, ``include``, ``import``)."""
        if name not in self._digests:
            self._digests[name] = self._compute(name, set())
        return self._digests[name]

    def _compute(self, name: str, seen: set[str]) -> str:
        seen.add(name)
        source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
        h = hashlib.sha256(f"{filename}\0{source}".encode())
        try:
            tree = self.env.parse(source, name, filename)
        except jinja2.TemplateSyntaxError as exc:
            # Pages are planned (and their templates digested) before any is rendered, so a
            # broken template is first met here.
            raise BuildError([syntax_problem(exc)]) from None
        for ref in sorted(r for r in meta.find_referenced_templates(tree) if r):
            if ref not in seen:
                h.update(self._compute(ref, seen).encode())
        return h.hexdigest()[:16]

    def source_files(self) -> list[Path]:
        return [path for folder in self.folders for path in folder.rglob("*.html")]


def syntax_problem(exc: jinja2.TemplateSyntaxError) -> Problem:
    return Problem(
        exc.filename or exc.name or "template",
        exc.lineno,
        f"template syntax error: {exc.message}",
        "fix the template",
    )


def _display(value: object) -> str:
    return value.display() if isinstance(value, PartialDate) else str(value or "")
