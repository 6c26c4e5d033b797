"""Find a theme's folders: the site's own ``templates/`` first, then the theme and its parents.

A theme is a folder with ``templates/`` and ``static/`` and an optional ``theme.yaml`` whose
``extends:`` names a parent theme, so a theme can override a few templates of another. Themes
are looked up in the site's ``themes/`` folder, then among the themes shipped with sitegen.
"""

from __future__ import annotations

from pathlib import Path

from sitegen import yamlio
from sitegen.errors import UsageError


def builtin_themes() -> Path:
    # Inside an installed wheel the themes are package data at ``sitegen/themes``; in a source
    # checkout (or an editable install) they sit at the repository's top level.
    package = Path(__file__).resolve().parents[1]
    packaged = package / "themes"
    return packaged if packaged.is_dir() else package.parent / "themes"


def theme_chain(site_root: Path, name: str) -> list[Path]:
    """Theme folders from the most specific to the most general."""
    chain: list[Path] = []
    while name:
        folder = _find(site_root, name)
        if folder is None:
            raise UsageError(
                f"theme {name!r} not found in {site_root / 'themes'} "
                f"or among the built-in themes ({builtin_themes()})"
            )
        if folder in chain:
            raise UsageError(f"theme {name!r} extends itself (through {chain[-1].name})")
        chain.append(folder)
        name = _parent_name(folder)
    return chain


def _find(site_root: Path, name: str) -> Path | None:
    for base in (site_root / "themes", builtin_themes()):
        if (base / name / "templates").is_dir():
            return base / name
    return None


def _parent_name(folder: Path) -> str:
    meta = folder / "theme.yaml"
    if not meta.is_file():
        return ""
    data = yamlio.load(meta.read_text(encoding="utf-8")) or {}
    return str(data.get("extends") or "") if isinstance(data, dict) else ""
