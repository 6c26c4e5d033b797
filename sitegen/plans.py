"""What a build renders, and which way it was chosen: the plans the build chooses between.

* ``full``: load, enrich and plan the whole site, and render every page (nothing from an
  earlier build says which pages are current);
* ``incremental``: the same whole-site model, but the dependency map of the last build says
  which pages are current, and only the others are rendered;
* ``body-edit``: the preview server's short path (:mod:`sitegen.body_edits`): the last
  build's model with edited article bodies swapped in, and only those articles' pages planned.

Every build's result says which plan ran and, when it was not the body-edit path, why not
(:class:`sitegen.build.BuildResult`); ``sitegen build -v`` and the preview server print it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitegen.model import Page, Site
from sitegen.render.assets import Asset
from sitegen.render.digests import Digests
from sitegen.render.templates import Templates

BuildPath = Literal["full", "incremental", "body-edit"]


@dataclass
class Plan:
    """What a build renders: the site, and its pages (all of them, unless ``partial``)."""

    site: Site
    templates: Templates
    digests: Digests
    asset_names: dict[str, str]
    assets: list[Asset]  # to write (none after edits: the last build wrote them)
    pages: list[Page]
    output: Path
    total: int  # pages the site has
    partial: bool = False  # ``pages`` are those an edit changed; the rest stay as they are


@dataclass
class LastBuild:
    """What a successful build made of the site, which the output now holds: what the
    body-edit path starts from."""

    options: tuple[object, ...]  # see sitegen.options.options_key
    site: Site
    digests: Digests
    templates: Templates
    asset_names: dict[str, str]  # logical asset name → output name
    output: Path
    pages: int  # pages planned


@dataclass(frozen=True)
class Declined:
    """Why the body-edit path does not apply to a rebuild: the full model is made instead."""

    reason: str
