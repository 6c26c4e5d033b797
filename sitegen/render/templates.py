"""The Jinja environment: autoescaped, site templates over theme templates, compiled once.

Each template also has a digest covering its own source and every template it extends,
includes or imports, so the dependency map re-renders exactly the pages a template edit touches.

Parsing the templates to find those references, and compiling them, would cost a warm
``sitegen build`` more than the rest of it on a small site, so both are kept between
processes: the references in the build cache (by the template's source), the compiled code in
Jinja's own bytecode cache (``.sitegen-cache/templates/``, checked against the source).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitegen.dates import PartialDate
from sitegen.errors import BuildError, Problem, Problems
from sitegen.inputs import Walk
from sitegen.memo import Memo

if TYPE_CHECKING:
    import jinja2


class Templates:
    """The templates of some folders, the first folder holding a name winning.

    Jinja itself is imported when a template is first rendered or parsed: a warm build that
    renders no page only needs the digests, made from the template files and the references
    the build cache remembers (importing Jinja would be a good part of such a build).
    """

    def __init__(
        self, folders: list[Path], strict: bool = False, compiled: Path | None = None
    ) -> None:
        self.folders = [folder for folder in folders if folder.is_dir()]
        self.strict = strict
        self.compiled = compiled
        self._digests: dict[str, str] = {}

    @functools.cached_property
    def env(self) -> jinja2.Environment:
        import jinja2

        bytecode = None
        tolerant = _tolerant_bytecode_cache()
        if self.compiled is not None:
            self.compiled.mkdir(parents=True, exist_ok=True)
            bytecode = tolerant(str(self.compiled))
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(f) for f in self.folders]),
            bytecode_cache=bytecode,
            autoescape=True,
            undefined=jinja2.StrictUndefined if self.strict else jinja2.ChainableUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        env.filters["display"] = _display
        env.filters["iso"] = lambda d: d.iso() if isinstance(d, PartialDate) else ""
        return env

    def render(self, name: str, context: dict[str, Any], output: str = "") -> str:
        """Render one page; an error is a :class:`BuildError` naming the template file and
        line (the build stops at once: the same error would repeat on every page)."""
        import jinja2

        try:
            return self.env.get_template(name).render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise BuildError([syntax_problem(exc)]) from None
        except jinja2.TemplateError as exc:
            filename, line = _template_frame(exc)
            raise BuildError(
                [
                    Problem(
                        filename or name or "template",
                        line,
                        f"template error while rendering {output or name}: {exc}",
                        "check the variable names the template uses",
                    )
                ]
            ) from None

    def load_all(self) -> None:
        """Import Jinja and load every template now, not when the first page is rendered
        (the preview server's first rebuild would pay a fifth of a second for it). A broken
        template is left for that rendering to report."""
        import jinja2

        for name in self.env.list_templates(extensions=["html"]):
            with contextlib.suppress(jinja2.TemplateError):
                self.env.get_template(name)

    def exists(self, name: str) -> bool:
        return any(os.path.isfile(os.path.join(folder, name)) for folder in self.folders)

    def digest(self, name: str, known: Memo | None = None) -> str:
        """Hash of the template and all it pulls in (``extends``, ``include``, ``import``).
        ``known``: the templates each source refers to, as found by earlier builds."""
        if name not in self._digests:
            self._digests[name] = self._compute(name, set(), known)
        return self._digests[name]

    def _compute(self, name: str, seen: set[str], known: Memo | None) -> str:
        seen.add(name)
        source, filename = self._source(name)
        h = hashlib.sha256(f"{filename}\0{source}".encode())
        find = functools.partial(self._references, source, name, filename)
        references = known.get(h.hexdigest(), find) if known is not None else find()
        for ref in references:
            if ref not in seen:
                h.update(self._compute(ref, seen, known).encode())
        return h.hexdigest()[:16]

    def _source(self, name: str) -> tuple[str, str | None]:
        """The template's text and file. Plain names are looked up as Jinja's file loader
        does (the first folder that has the file); anything else is left to that loader,
        which also raises the error for a missing template."""
        pieces = name.split("/")
        if ".." not in pieces and "" not in pieces:
            for folder in self.folders:
                path = os.path.join(folder, *pieces)
                if os.path.isfile(path):
                    with open(path, encoding="utf-8") as handle:
                        return handle.read(), os.path.normpath(path)
        source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
        return source, filename

    def _references(self, source: str, name: str, filename: str | None) -> list[str]:
        import jinja2
        from jinja2 import meta

        try:
            tree = self.env.parse(source, name, filename)
        except jinja2.TemplateSyntaxError as exc:
            # Pages are planned (and their templates digested) before any is rendered, so a
            # broken template is first met here.
            raise BuildError([syntax_problem(exc)]) from None
        return sorted(r for r in meta.find_referenced_templates(tree) if r)

    def source_files(self) -> list[Path]:
        return [path for folder in self.folders for path in folder.rglob("*.html")]


Stamps = frozenset[tuple[str, int, int]]  # (file, modification time in ns, size)
_compiled: dict[tuple[tuple[str, ...], bool, Path | None], tuple[Stamps, Templates]] = {}
_KEPT = 8  # template sets kept per process (the preview server needs one)


def templates_for(
    folders: list[Path],
    allowed: Sequence[Path] = (),
    strict: bool = False,
    compiled: Path | None = None,
) -> Templates:
    """The templates of ``folders``, parsed and compiled once per process for as long as
    none of their files changes: the preview server builds again on every save, and
    compiling the theme again would be most of a small rebuild. ``allowed``: the folders
    their links may lead into (else the folders themselves); ``compiled``: a folder to keep
    compiled templates in for the next process."""
    key = (tuple(str(folder) for folder in folders), strict, compiled)
    stamps = _stamps(folders, allowed or folders)
    cached = _compiled.get(key)
    if cached is None or cached[0] != stamps:
        if len(_compiled) >= _KEPT:
            _compiled.clear()
        cached = _compiled[key] = (stamps, Templates(folders, strict, compiled))
    return cached[1]


def _stamps(folders: list[Path], allowed: Sequence[Path]) -> Stamps:
    """Every template file's stamp; raises :class:`BuildError` for a link leading out of
    ``allowed`` or a file that is no regular file (Jinja would read it, or wait on it)."""
    problems = Problems()
    walk = Walk(allowed, problems, allowed[0])
    found = set()
    for folder in folders:
        for path, info in walk.files(folder).items():
            found.add((path, info.st_mtime_ns, info.st_size))
    problems.raise_if_any()
    return frozenset(found)


def _tolerant_bytecode_cache() -> type:
    import jinja2

    class Tolerant(jinja2.FileSystemBytecodeCache):
        """Jinja's compiled templates on disk, where a damaged file is compiled again: the
        cache is a cache (Jinja would raise whatever reading a damaged pickle raises)."""

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            # A template compiled for the first time may come long after the cache folder
            # was made (the preview server keeps its templates while the site's cache is
            # deleted, or a cold build is made again in the same folder).
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)

    return Tolerant


def syntax_problem(exc: jinja2.TemplateSyntaxError) -> Problem:
    return Problem(
        exc.filename or exc.name or "template",
        exc.lineno,
        f"template syntax error: {exc.message}",
        "fix the template",
    )


def _template_frame(exc: BaseException) -> tuple[str, int | None]:
    """The template file and line in the traceback of a rendering error."""
    trace = exc.__traceback__
    found: tuple[str, int | None] = ("", None)
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def _display(value: object) -> str:
    return value.display() if isinstance(value, PartialDate) else str(value or "")
