"""Write a build into a staging folder, then swap it in for the old output.

Unchanged files are hard-linked from the previous output rather than written, so a warm
build touches only what changed and the old output is never modified in place. The swap is
two renames; if a build dies between them, the next build finds the previous output in its
``.old`` folder and puts it back, so a killed or failed build never leaves a broken site.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import UsageError


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)  # new or changed files
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


class StagedOutput:
    def __init__(self, final: Path) -> None:
        self.final = final
        self.stage = final.with_name(f".{final.name}.staging")
        self.old = final.with_name(f".{final.name}.old")
        self.report = WriteReport()
        self._seen: set[str] = set()
        self._dirs: set[Path] = set()

    def __enter__(self) -> StagedOutput:
        recover(self.final)
        shutil.rmtree(self.stage, ignore_errors=True)
        self.stage.mkdir(parents=True)
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is not None:
            shutil.rmtree(self.stage, ignore_errors=True)

    def unchanged(self, name: str) -> bool:
        """Link the previous build's copy of ``name``; False if there is none to reuse."""
        previous = self.final / name
        if not previous.is_file():
            return False
        self._link(previous, name)
        return True

    def write(self, name: str, data: bytes) -> None:
        previous = self.final / name
        try:
            if previous.stat().st_size == len(data) and previous.read_bytes() == data:
                self._link(previous, name)
                return
        except OSError:
            pass
        target = self._target(name)
        target.write_bytes(data)
        self.report.written.append(name)

    def adopt_tree(self, name: str) -> None:
        """Register the files a tool wrote straight into the stage under folder ``name``.

        Tools such as the search indexer write whole folders themselves; registering them keeps
        the report honest and stops :meth:`commit` from listing them as removed.
        """
        for path in sorted((self.stage / name).rglob("*")):
            if path.is_file():
                relative = path.relative_to(self.stage).as_posix()
                if relative in self._seen:
                    raise ValueError(f"two outputs want the same file {relative!r}")
                self._seen.add(relative)
                previous = self.final / relative
                if previous.is_file() and previous.read_bytes() == path.read_bytes():
                    self.report.unchanged += 1
                else:
                    self.report.written.append(relative)

    def _link(self, previous: Path, name: str) -> None:
        target = self._target(name)
        try:
            os.link(previous, target)
        except OSError:  # file systems without hard links
            shutil.copy2(previous, target)
        self.report.unchanged += 1

    def _target(self, name: str) -> Path:
        if name in self._seen:
            raise ValueError(f"two outputs want the same file {name!r}")
        self._seen.add(name)
        target = self.stage / name
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target

    def commit(self) -> WriteReport:
        if self.final.exists():
            self.report.removed = sorted(
                p.relative_to(self.final).as_posix()
                for p in self.final.rglob("*")
                if p.is_file() and p.relative_to(self.final).as_posix() not in self._seen
            )
            os.rename(self.final, self.old)
        os.rename(self.stage, self.final)
        shutil.rmtree(self.old, ignore_errors=True)
        return self.report


def recover(final: Path) -> None:
    """Undo a swap that a killed build left half done."""
    old = final.with_name(f".{final.name}.old")
    if old.exists():
        if final.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(old, final)


def check_output_folder(output: Path, site_root: Path) -> None:
    """Refuse output folders whose replacement would destroy something that isn't a build."""
    output, site_root = output.resolve(), site_root.resolve()
    home = Path.home().resolve()
    if output in (Path("/"), home, site_root) or output in site_root.parents:
        raise UsageError(
            f"refusing to use {output} as the output folder: it would be replaced "
            "by the built site; choose a new folder such as _site"
        )
    if (output / "content").exists() or (output / "site.yaml").exists():
        raise UsageError(
            f"refusing to use {output} as the output folder: it holds content/ or "
            "site.yaml, so it looks like a site, not a build"
        )
    if output.is_dir() and any(output.iterdir()) and not (output / ".nojekyll").exists():
        raise UsageError(
            f"refusing to replace {output}: it is not empty and was not made by "
            "sitegen (no .nojekyll); remove it or choose another output folder"
        )
