"""The GitHub Actions workflow that builds a briefing and publishes it on GitHub Pages.

One template serves both the workflow ``sitegen init`` writes and this repository's own
(``.github/workflows/pages.yml``, which a test keeps equal to :func:`workflow` with
:data:`FROM_CHECKOUT`); they differ only in where pip gets sitegen.
"""

from __future__ import annotations

# This repository's workflow installs the sitegen it checked out.
FROM_CHECKOUT = """\
      - name: Install sitegen from this checkout
        run: pip install . "pagefind[bin]"
"""

# A briefing's workflow installs sitegen from SITEGEN_SPEC (set at the top of the workflow),
# as sitegen is not on PyPI, and a package of that name there would be someone else's.
_FROM_SPEC = """\
      - name: Install sitegen
        run: |
          if [ -z "$SITEGEN_SPEC" ]; then
            echo "::error::Set SITEGEN_SPEC in this workflow to where pip finds sitegen, e.g. git+https://github.com/OWNER/sitegen"
            exit 1
          fi
          pip install "$SITEGEN_SPEC" "pagefind[bin]"
"""
_SPEC_ENV = """
env:
  # Where pip gets sitegen: a Git URL (git+https://github.com/OWNER/sitegen@v0.1.0), a wheel's
  # URL or a path in this repository.
  SITEGEN_SPEC: "{spec}"
"""

_WORKFLOW = """\
# Build the briefing with sitegen and publish it on GitHub Pages.
# Once: in the repository's Settings → Pages, set "Source" to "GitHub Actions".
name: Publish on GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a running one finishes rather than leaving Pages half updated.
concurrency:
  group: pages
  cancel-in-progress: false
{env}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Find the Pages URL
        id: pages
        uses: actions/configure-pages@v5
{install}\
      - name: Build
        run: sitegen build --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - name: Check links
        run: sitegen check --no-build --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"""


def workflow(install: str, env: str = "") -> str:
    return _WORKFLOW.format(install=install, env=env)


def briefing_workflow(sitegen_spec: str = "") -> str:
    """The workflow for a new briefing, installing sitegen from ``sitegen_spec``."""
    if any(c in sitegen_spec for c in '"\\\n'):
        raise ValueError("the sitegen spec cannot contain quotes, backslashes or newlines")
    return workflow(_FROM_SPEC, _SPEC_ENV.format(spec=sitegen_spec))
