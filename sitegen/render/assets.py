"""Static files: theme ``static/`` folders (parent themes first) and the site's own ``static/``.

Stylesheets and scripts get a content hash in their name (``style.3f2a1b4c.css``) so they can
be cached forever and a changed file is never served stale; other files keep their names.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.inputs import Walk

FINGERPRINTED = (".css", ".js")
_DIGITS = 10
_FINGERPRINTED_NAME = re.compile(rf"assets/.+\.[0-9a-f]{{{_DIGITS}}}(\.css|\.js)")


def is_fingerprinted(output: str) -> bool:
    """Whether an output path names a fingerprinted file, whose bytes never change."""
    return _FINGERPRINTED_NAME.fullmatch(output) is not None


@dataclass(frozen=True)
class Asset:
    output: str  # path under the output folder
    data: bytes


def collect_assets(static_folders: list[Path], walk: Walk) -> tuple[dict[str, str], list[Asset]]:
    """Return ``{logical name: output path}`` for templates, and the files to write.

    ``static_folders`` go from most general to most specific: a later file of the same name
    replaces an earlier one. ``walk`` says where links may lead, and collects the problems.
    """
    files: dict[str, Path] = {}
    for folder in static_folders:
        found = walk.files(folder, wanted=_published)
        for name in sorted(found):
            path = Path(name)
            files[path.relative_to(folder).as_posix()] = path
    names: dict[str, str] = {}
    assets: list[Asset] = []
    for name, path in sorted(files.items()):
        data = path.read_bytes()
        output = f"assets/{name}"
        if path.suffix in FINGERPRINTED:
            digest = hashlib.sha256(data).hexdigest()[:_DIGITS]
            output = f"assets/{name.removesuffix(path.suffix)}.{digest}{path.suffix}"
        names[name] = output
        assets.append(Asset(output, data))
    return names, assets


def _published(name: str) -> bool:
    """Hidden files (an editor's, a system's) are not published; hidden folders are
    (``.well-known/``)."""
    return not name.startswith(".")
