"""What an existing output was built with, read from the output itself."""

from __future__ import annotations

import json
from pathlib import Path


def built_base_url(output: Path) -> str | None:
    """The base URL the site in ``output`` was built with (``briefing.json`` records it), or
    None when there is no built site there to tell."""
    try:
        data = json.loads((output / "briefing.json").read_bytes())
        base_url = data["site"]["base_url"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return base_url if isinstance(base_url, str) else None
