"""The review fixture site (``REVIEW_SITE``, tests/fixtures/review): pages written for the
review-loop tests, imported into a fresh site, and the front-matter edits an author makes to
settle its items.

The pages cover a page without a headline, one without a date, a non-Latin headline, two
pages with the same headline, the same page saved twice, a topic mentioned once in passing
and a page about none of the topics.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from sitegen.content import frontmatter
from tests.sites import REVIEW_SITE, copy_site

ARTICLES = "content/articles"
COOLING = f"{ARTICLES}/2022-03-03-engineers-reconnect-cooling-pumps.md"
NO_TITLE = f"{ARTICLES}/2022-03-09-crews-at-the-chernobyl-site.md"
UKRAINIAN = f"{ARTICLES}/2022-03-12-energodar-na-zaporizkiy-aes-vidnovili.md"
LINE_1 = f"{ARTICLES}/2022-03-15-power-line-repaired.md"
LINE_2 = f"{ARTICLES}/2022-03-28-power-line-repaired-2.md"
PASSING = f"{ARTICLES}/2022-04-02-farmers-in-the-south-start.md"
UNRELATED = f"{ARTICLES}/2022-04-04-city-library-extends-its-opening.md"
UNDATED = f"{ARTICLES}/undated-regulator-asks-for-staff-rotation.md"
DATED = f"{ARTICLES}/2022-03-14-regulator-asks-for-staff-rotation.md"


def sitegen(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args],
        cwd=site, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def new_site(folder: Path) -> Path:
    """The review fixture's site.yaml and a copy of its pages beside it, nothing imported."""
    return copy_site(REVIEW_SITE, folder, folders=("pages",))


def imported(folder: Path) -> Path:
    """A site after ``sitegen import pages``, then the undated page again with its date."""
    site = new_site(folder)
    first = sitegen(site, "import", "pages")
    assert first.returncode == 0, first.stderr
    dated = sitegen(site, "import", "pages/no-date.txt", "--date", "2022-03-14", "--force")
    assert dated.returncode == 0, dated.stderr
    return site


def edit_front_matter(site: Path, name: str, **changes: object) -> None:
    """Apply an edit the review list gives: set fields, or drop them (value None), and take
    ``done`` (a field name) out of needs_review."""
    path = site / name
    document = frontmatter.split(path.read_text(encoding="utf-8"))
    meta = dict(document.meta)
    done = changes.pop("done", None)
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    if done:
        meta["needs_review"] = [f for f in meta.get("needs_review", []) if f != done]
        if not meta["needs_review"]:
            del meta["needs_review"]
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    path.write_text(f"---\n{header}---\n{document.body}", encoding="utf-8")
