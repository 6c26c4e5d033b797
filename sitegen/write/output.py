"""Write a build without ever modifying the live output: two trees, exchanged atomically.

The output folder (``_site``) is the live tree. Beside it, ``._site.spare`` holds the site as
it was one build earlier. A build brings the spare tree up to date (writing the files that
changed, hard-linking the ones the live tree already has right, deleting the ones that went)
and then exchanges the two folders in one atomic ``renameat2(RENAME_EXCHANGE)`` call. So:

* a failed or killed build never touches the live site;
* a warm build touches only what changed since the spare's version, never the whole tree
  (on this kind of disk, creating or deleting a large site's folders is slow);
* a build that changes nothing does not swap at all.

A manifest of every file's content hash, per tree, lives in the build cache, in ``marshal``
format: the preview server writes it on every rebuild, and for a large site ``json`` takes
several times as long (docs/performance.md). A marker file
says the spare tree is being modified, so a build killed half way makes the next one
rebuild the spare from scratch rather than trust it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import SiteInPlace, UsageError
from sitegen.inputs import INPUT_FOLDERS
from sitegen.layout import CACHE_DIR


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)  # new or changed files
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=12).hexdigest()


class StagedOutput:
    def __init__(self, final: Path, manifest: Path) -> None:
        self.final = final
        self.stage = final.with_name(f".{final.name}.spare")
        self._manifest_path = manifest
        self.report = WriteReport()
        self._live: dict[str, str] = {}  # file → digest, as the live tree holds them
        self._spare: dict[str, str] = {}  # the same for the spare tree
        self._next: dict[str, str] = {}  # the tree being built
        self._dirs: set[Path] = set()
        self._spare_touched = False  # whether this build wrote anything into the spare tree
        self._swapped = False  # the trees were exchanged: the manifests before it are wrong

    def __enter__(self) -> StagedOutput:
        recover(self.final)
        live, spare = self._load_manifests()
        self._live = live if self.final.is_dir() else {}
        if spare is None or not self.stage.is_dir():
            shutil.rmtree(self.stage, ignore_errors=True)
            spare = {}
        self.stage.mkdir(parents=True, exist_ok=True)
        self._spare = spare
        # The spare is about to change: distrust it until commit.
        self._spare_marker.parent.mkdir(parents=True, exist_ok=True)
        self._spare_marker.touch()
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is not None and not self._swapped:
            # The spare tree now holds exactly what was written so far: remember that, so the
            # next build can reuse it instead of starting again. (Only a help: on a full
            # disk, the next build starts afresh instead, and the error is the one to tell.)
            with contextlib.suppress(OSError):
                self._save_manifests(self._live, self._spare)

    def _live_holds(self, name: str, digest: str | None) -> bool:
        """Whether the live tree has ``name`` with ``digest``. A file the manifest lists but
        someone deleted is forgotten, so that this build swaps in a tree that has it."""
        if digest is None or self._live.get(name) != digest:
            return False
        # access(), not isfile(): no stat result to build, so quicker, and this runs for
        # every current page of every preview rebuild.
        if os.access(f"{self.final}/{name}", os.F_OK):
            return True
        del self._live[name]
        return False

    def keep_unchanged(self, names: Iterable[str]) -> set[str]:
        """Keep each of ``names`` as the live tree has it; return those it has (the others
        must be written)."""
        kept: set[str] = set()
        for name in names:
            digest = self._live.get(name)
            if digest is not None and name not in self._next and self._live_holds(name, digest):
                self._next[name] = digest
                kept.add(name)
        self.report.unchanged += len(kept)
        return kept

    def keep_tree(self, name: str) -> bool:
        """Keep every file the live tree has under the folder ``name`` (a tool's output, such
        as the search index), as the manifest lists them; False if it lists none.

        Unlike :meth:`unchanged`, this does not check that each file is still there: a
        large site's search index has a file per page, and looking at each would cost more
        than the rest of a preview rebuild. The folder's files are sitegen's own output."""
        prefix = f"{name}/"
        return self._keep_live(lambda n: n.startswith(prefix))

    def keep_rest(self) -> None:
        """Keep every file of the live tree not written or kept yet, unchecked as in
        :meth:`keep_tree`: for a rebuild that knows which few outputs an edit can change
        (see sitegen.body_edits)."""
        self._keep_live(lambda _: True)

    def _keep_live(self, wanted: Callable[[str], bool]) -> bool:
        """Keep the live tree's ``wanted`` files; whether it has any (kept now or before)."""
        listed = [name for name in self._live if wanted(name)]
        kept = {name: self._live[name] for name in listed if name not in self._next}
        self._next.update(kept)
        self.report.unchanged += len(kept)
        return bool(listed)

    def write(self, name: str, data: bytes) -> None:
        self.record(name, self.prepare(name, data))

    def prepare(self, name: str, data: bytes) -> str:
        """Put ``data`` in the spare tree unless it is there already; return its digest.

        Safe to call from a worker process: it only writes ``name`` in the spare tree and reads
        the manifests. The caller then passes the digest to :meth:`record`.
        """
        digest = _digest(data)
        if self._spare.get(name) != digest:
            target = self.stage / name
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            _write_bytes(temporary, data, target)
            os.replace(temporary, target)
        return digest

    def record(self, name: str, digest: str) -> None:
        if name in self._next:
            raise ValueError(f"two outputs want the same file {name!r}")
        self._spare_touched |= self._spare.get(name) != digest
        self._next[name] = self._spare[name] = digest
        if self._live_holds(name, digest):
            self.report.unchanged += 1
        else:
            self.report.written.append(name)

    def adopt_tree(self, name: str) -> None:
        """Register the files a tool (the search indexer) wrote straight into the spare tree."""
        for path in sorted((self.stage / name).rglob("*")):
            if path.is_file():
                relative = path.relative_to(self.stage).as_posix()
                digest = _digest(path.read_bytes())
                self._spare[relative] = self._next[relative] = digest
                self._spare_touched = True
                if self._live.get(relative) == digest:
                    self.report.unchanged += 1
                else:
                    self.report.written.append(relative)

    def html_changed(self) -> bool:
        """Whether any page differs from the live tree (added, changed or removed)."""
        pages = {n: d for n, d in self._next.items() if n.endswith(".html")}
        return pages != {n: d for n, d in self._live.items() if n.endswith(".html")}

    def complete(self) -> None:
        """Make the spare tree a full copy of the next site: link what the live tree has right,
        delete what the next site no longer has. After this, tools may read ``stage``; files
        they add are registered with :meth:`adopt_tree`. Calling it again is cheap."""
        for name, digest in self._next.items():
            if self._spare.get(name) != digest:
                target = self._target(name)
                target.unlink(missing_ok=True)
                try:
                    os.link(self.final / name, target)
                except OSError:  # a file system without hard links
                    shutil.copy2(self.final / name, target)
                self._spare[name] = digest
                self._spare_touched = True
        for name in sorted(set(self._spare) - set(self._next)):
            (self.stage / name).unlink(missing_ok=True)
            del self._spare[name]
            self._spare_touched = True
            _prune_empty_parents(self.stage / name, self.stage)

    def mirror_live(self) -> None:
        """Make the spare tree a copy of the live one (hard links), without a build: the
        next build then writes only the files it changes. After a cold build the spare tree
        is empty, and the next build would fill it itself (seconds for a large site); the
        preview server does it here while it waits for the first save."""
        self._next = dict(self._live)
        self.complete()
        self._save_manifests(self._live, self._spare)

    def commit(self) -> WriteReport:
        self.report.removed = sorted(set(self._live) - set(self._next))
        if self._next == self._live and self.final.is_dir():
            # Nothing changed: no swap. The spare may have been brought closer to this version
            # on the way; record how far, unless it was not touched at all.
            if self._spare_touched:
                self._save_manifests(self._live, self._spare)
            else:
                self._spare_marker.unlink(missing_ok=True)
            return self.report
        self.complete()
        # Until the manifest is saved again, no build may trust either tree: a failure
        # after the swap must not leave a manifest describing the trees before it.
        self._manifest_path.unlink(missing_ok=True)
        if self.final.is_dir():
            exchange(self.stage, self.final)
            spare: dict[str, str] | None = self._live
        else:
            os.rename(self.stage, self.final)
            spare = None
        self._swapped = True
        try:
            self._save_manifests(self._next, spare)
        except OSError as exc:
            raise SiteInPlace(exc, self.final) from None
        return self.report

    def _target(self, name: str) -> Path:
        target = self.stage / name
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target

    @property
    def _spare_marker(self) -> Path:
        return self._manifest_path.with_suffix(".spare-changing")

    def _load_manifests(self) -> tuple[dict[str, str], dict[str, str] | None]:
        try:
            data = marshal.loads(self._manifest_path.read_bytes())
            if data.get("output") == str(self.final):
                spare = None if self._spare_marker.exists() else data["spare"]
                return dict(data["live"]), spare
        except (OSError, ValueError, EOFError, KeyError, TypeError, AttributeError):
            pass  # missing or unreadable: every file is written again
        return {}, None

    def _save_manifests(self, live: dict[str, str], spare: dict[str, str] | None) -> None:
        self._manifest_path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._manifest_path.with_suffix(".tmp")
        data = {"output": str(self.final), "live": live, "spare": spare}
        _write_bytes(temporary, marshal.dumps(data), self._manifest_path)
        os.replace(temporary, self._manifest_path)
        self._spare_marker.unlink(missing_ok=True)  # the spare is as the manifest says


def _write_bytes(path: Path, data: bytes, shown: Path) -> None:
    """Write ``data`` to ``path``; a failure names ``shown`` (the file being replaced), which
    an error raised by ``write()`` itself (a full disk) would otherwise not name at all."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        exc.filename = str(shown)
        raise


def _prune_empty_parents(path: Path, root: Path) -> None:
    parent = path.parent
    while parent != root:
        try:
            parent.rmdir()
        except OSError:
            return
        parent = parent.parent


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> None:
    """Swap two folders atomically (Linux ``renameat2``), else with three quick renames."""
    renameat2 = _renameat2()
    if renameat2 is not None:
        result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        if result == 0:
            return
    middle = b.with_name(f".{b.name}.swap")
    os.rename(b, middle)
    os.rename(a, b)
    os.rename(middle, a)


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    # Looked up once: a ctypes library object is a reference cycle, which the preview
    # server, freezing what its rebuilds leave (see Session.build), would never free.
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: a build that changes nothing swaps nothing

    return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)


def recover(final: Path) -> None:
    """Finish a three-rename exchange that a killed build left half done."""
    middle = final.with_name(f".{final.name}.swap")
    spare = final.with_name(f".{final.name}.spare")
    if not middle.exists():
        return
    if final.exists():  # killed after the second rename: only the old tree is left to park
        shutil.rmtree(spare, ignore_errors=True)
        os.rename(middle, spare)
    else:  # killed after the first rename: the previous site goes back
        os.rename(middle, final)


# Sitegen's own mark on an output folder: a folder holding it is a site sitegen built, and
# every build may replace all it holds. Nothing else is proof (".nojekyll" is in many a
# GitHub Pages "docs/" folder an author keeps by hand).
OUTPUT_MARKER = ".sitegen-output"
MARKER_TEXT = b"This folder is a site built by sitegen: every build replaces all it holds.\n"
# The site folder's inputs: an output folder among or inside them would be read back as input.
SITE_INPUTS = (*INPUT_FOLDERS, CACHE_DIR)
_NAMED = 5  # foreign files an error names


def check_output_folder(output: Path, site_root: Path, manifest: Path) -> None:
    """Refuse output folders whose replacement would destroy something that isn't a build:
    the site itself or a folder above it, one of its inputs, a file, or a folder holding
    files that sitegen's marker (or, for a folder built before there was one, the manifest
    of what sitegen wrote there) does not vouch for."""
    output, site_root = output.resolve(), site_root.resolve()
    home = Path.home().resolve()
    if output in (Path("/"), home, site_root) or output in site_root.parents:
        raise UsageError(
            f"refusing to use {output} as the output folder: it would be replaced "
            "by the built site; choose a new folder such as _site"
        )
    for name in SITE_INPUTS:
        if output.is_relative_to(site_root / name):
            raise UsageError(
                f"refusing to use {output} as the output folder: it is in the site's "
                f"{name}/ folder, whose files are inputs; choose a new folder such as _site"
            )
    if (output / "content").exists() or (output / "site.yaml").exists():
        raise UsageError(
            f"refusing to use {output} as the output folder: it holds content/ or "
            "site.yaml, so it looks like a site, not a build"
        )
    if output.exists() and not output.is_dir():
        raise UsageError(
            f"refusing to use {output} as the output folder: it is a file; "
            "choose a folder such as _site"
        )
    if not output.is_dir() or (output / OUTPUT_MARKER).is_file():
        return
    foreign = _files(output) - (live_files(manifest, output) or set())
    if foreign:
        names = sorted(foreign)
        more = f" and {len(names) - _NAMED} more" if len(names) > _NAMED else ""
        raise UsageError(
            f"refusing to replace {output}: sitegen did not make it (it has no "
            f"{OUTPUT_MARKER}), and it holds {', '.join(names[:_NAMED])}{more}; move them "
            "away, or choose another output folder"
        )


def _files(folder: Path) -> set[str]:
    """Relative paths of the files under ``folder`` (symbolic links not followed)."""
    found: set[str] = set()
    for directory, _, names in os.walk(folder):
        base = Path(directory).relative_to(folder)
        found.update((base / name).as_posix() for name in names)
    return found


def live_files(manifest: Path, output: Path) -> set[str] | None:
    """The files the manifest says the last build put in ``output``; None if it says nothing
    of that folder."""
    try:
        data = marshal.loads(manifest.read_bytes())
        if data.get("output") == str(output):
            return set(data["live"])
    except (OSError, ValueError, EOFError, KeyError, TypeError, AttributeError):
        pass
    return None
