"""The site's input folders, walked safely: what a build reads stays inside the site.

A symbolic link is followed only where it leads inside the folders allowed (the site, or the
theme that holds it); a link leading anywhere else (``/etc/passwd``, a key file,
``/proc/self/environ``) is refused with its path, so no pull request can publish a secret by
adding one. Folders are entered once each (by device and inode), so links making a loop are
reported instead of walked for ever; a dangling link, a named pipe or a device in place of a
file is reported too, never read (reading a pipe would wait for ever).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from sitegen.errors import Problems

# The site folder's input folders (besides site.yaml); the preview server watches them.
INPUT_FOLDERS = ("content", "templates", "static", "themes")


def _everything(name: str) -> bool:
    return True


def leads_inside(path: str | Path, folders: Sequence[str | Path]) -> bool:
    """Whether ``path``, its links resolved, is one of ``folders`` or inside one."""
    real = os.path.realpath(path)
    for folder in folders:
        root = os.path.realpath(folder)
        if real == root or real.startswith(root.rstrip("/") + "/"):
            return True
    return False


class Walk:
    """Files under folders, checked against the folders they may lead into (``allowed``);
    problems are added to ``problems``, naming paths relative to ``shown_from``."""

    def __init__(self, allowed: Sequence[Path], problems: Problems, shown_from: Path) -> None:
        self.roots = [os.path.realpath(folder) for folder in allowed]  # resolved once
        self.problems = problems
        self.prefix = str(shown_from).rstrip("/") + "/"

    def shown(self, path: str) -> str:
        return path[len(self.prefix) :] if path.startswith(self.prefix) else path

    def refuse_link(self, path: str | Path) -> bool:
        """Report ``path`` if it is a link leading outside the allowed folders; True then."""
        if leads_inside(path, self.roots):
            return False
        self.problems.add(
            self.shown(str(path)),
            None,
            f"a symbolic link to {os.path.realpath(path)}, outside the site",
            "copy what it should show into the site, or delete the link",
        )
        return True

    def files(
        self,
        folder: Path,
        keep: Callable[[str], bool] = _everything,
        wanted: Callable[[str], bool] = _everything,
        required: bool = False,
    ) -> dict[str, os.stat_result]:
        """The regular files under ``folder`` whose name is ``wanted``, with their stat, in
        no particular order; names not to ``keep`` are passed over, folders included. A
        missing ``folder`` is a problem if it is ``required``."""
        found: dict[str, os.stat_result] = {}
        try:
            top = os.stat(folder)
        except FileNotFoundError:
            if required:
                self.problems.add(
                    self.shown(str(folder)),
                    None,
                    "folder not found",
                    "create it, or pass the site folder to sitegen",
                )
            return found
        except OSError as exc:
            self._cannot_read(str(folder), exc)
            return found
        if not stat.S_ISDIR(top.st_mode) or self.refuse_link(folder):
            if required and stat.S_ISREG(top.st_mode):
                self.problems.add(self.shown(str(folder)), None, "is a file, not a folder")
            return found
        seen = {(top.st_dev, top.st_ino)}
        folders = [str(folder)]
        while folders:
            current = folders.pop()
            try:
                entries = list(os.scandir(current))
            except FileNotFoundError:  # deleted while we looked
                continue
            except OSError as exc:
                self._cannot_read(current, exc)
                continue
            for entry in entries:
                if keep(entry.name):
                    self._entry(entry, wanted, seen, folders, found)
        return found

    def _entry(
        self,
        entry: os.DirEntry[str],
        wanted: Callable[[str], bool],
        seen: set[tuple[int, int]],
        folders: list[str],
        found: dict[str, os.stat_result],
    ) -> None:
        link = entry.is_symlink()  # from the folder listing: no system call
        if link and self.refuse_link(entry.path):
            return
        try:
            if entry.is_dir():  # following a link
                info = entry.stat()
                if (info.st_dev, info.st_ino) in seen:
                    self.problems.add(
                        self.shown(entry.path),
                        None,
                        f"leads to a folder read already ({os.path.realpath(entry.path)}): "
                        "links make a loop or repeat a folder",
                        "delete the link",
                    )
                    return
                seen.add((info.st_dev, info.st_ino))
                folders.append(entry.path)
            elif wanted(entry.name):
                info = entry.stat()
                if stat.S_ISREG(info.st_mode):
                    found[entry.path] = info
                else:
                    self.problems.add(
                        self.shown(entry.path),
                        None,
                        "not a regular file (a named pipe, socket or device), so not read",
                        "delete it, or move it out of the site",
                    )
        except FileNotFoundError:
            if link and wanted(entry.name):
                self.problems.add(
                    self.shown(entry.path),
                    None,
                    f"a symbolic link to {os.readlink(entry.path)}, which does not exist",
                    "restore the file it leads to, or delete the link",
                )
            # else deleted since the folder was listed
        except OSError as exc:
            self._cannot_read(entry.path, exc)

    def _cannot_read(self, path: str, exc: OSError) -> None:
        self.problems.add(
            self.shown(path),
            None,
            f"cannot read: {exc.strerror or exc}",
            "check its permissions (its files would be left out of the site)",
        )
