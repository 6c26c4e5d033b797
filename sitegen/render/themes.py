"""Find a theme's folders: the site's own ``templates/`` first, then the theme and its parents.

A theme is a folder with ``templates/`` and ``static/`` and an optional ``theme.yaml`` whose
``extends:`` names a parent theme, so a theme can override a few templates of another. Themes
are looked up in the site's ``themes/`` folder, then among the themes shipped with sitegen.
"""

from __future__ import annotations

from pathlib import Path

from sitegen import yamlio
from sitegen.errors import UsageError
from sitegen.inputs import leads_inside


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
        folder = base / name
        if (folder / "templates").is_dir():
            # A theme in the site's themes/ stays inside the site: a link there to another
            # folder would publish whatever that folder's static/ holds.
            if base != builtin_themes() and not leads_inside(folder, [site_root]):
                raise UsageError(
                    f"theme folder {folder} is a symbolic link to {folder.resolve()}, outside "
                    "the site: copy the theme into the site's themes/ folder"
                )
            return folder
    return None


def _parent_name(folder: Path) -> str:
    meta = folder / "theme.yaml"
    if not meta.is_file():
        return ""
    where = f"{meta}: "
    try:
        if not leads_inside(meta, [folder]):
            raise UsageError(f"{where}a symbolic link out of the theme")
        data = yamlio.load(meta.read_bytes().decode("utf-8")) or {}
    except yamlio.YamlError as exc:
        line = f"{meta}:{exc.line}: " if exc.line else where
        raise UsageError(f"{line}{exc.described('invalid YAML: ')} ({exc.hint})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{where}cannot read it as UTF-8 text: {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{where}should be a mapping, e.g. 'extends: default'")
    return str(data.get("extends") or "")
