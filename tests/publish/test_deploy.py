"""``sitegen deploy`` against a local bare repository."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.publish.conftest import FIXTURE_SITE, copy_site


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=120)


def git(*args: str | Path, cwd: Path) -> str:
    result = run("git", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def deploy(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "sitegen", "deploy", site, *args, cwd=site)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A site in a git repository with one commit and a bare ``origin``."""
    site = copy_site(FIXTURE_SITE, tmp_path / "site")
    (site / ".gitignore").write_text("_site/\n.sitegen-cache/\n")
    git("init", "--quiet", "--initial-branch=main", cwd=site)
    git("config", "user.name", "Test", cwd=site)
    git("config", "user.email", "test@example.org", cwd=site)
    git("add", ".", cwd=site)
    git("commit", "--quiet", "-m", "content", cwd=site)
    git("init", "--quiet", "--bare", tmp_path / "origin.git", cwd=tmp_path)
    git("remote", "add", "origin", tmp_path / "origin.git", cwd=site)
    return site


def published_files(origin: Path, ref: str = "gh-pages") -> set[str]:
    return set(git("ls-tree", "-r", "--name-only", ref, cwd=origin).splitlines())


def test_deploy_publishes_exactly_the_built_site(repo: Path) -> None:
    status_before = git("status", "--porcelain", cwd=repo)
    result = deploy(repo, "--message", "first")
    assert result.returncode == 0, result.stderr
    origin = repo.parent / "origin.git"
    built = {p.relative_to(repo / "_site").as_posix() for p in (repo / "_site").rglob("*")}
    assert published_files(origin) == {n for n in built if (repo / "_site" / n).is_file()}
    assert ".nojekyll" in published_files(origin)
    assert git("log", "--format=%s", "gh-pages", cwd=origin) == "first"
    # The user's branch, index and working tree are untouched.
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=repo) == "main"
    assert git("status", "--porcelain", cwd=repo) == status_before
    assert git("rev-list", "--count", "main", cwd=repo) == "1"


def test_second_deploy_adds_a_commit_on_top(repo: Path) -> None:
    assert deploy(repo).returncode == 0
    origin = repo.parent / "origin.git"
    first = git("rev-parse", "gh-pages", cwd=origin)
    (repo / "site.yaml").write_text((repo / "site.yaml").read_text() + "cname: news.example.org\n")
    result = deploy(repo)
    assert result.returncode == 0, result.stderr
    assert git("rev-parse", "gh-pages^", cwd=origin) == first
    assert "CNAME" in published_files(origin)
    message = git("log", "-1", "--format=%s", "gh-pages", cwd=origin)
    assert message.startswith("Deploy Nuclear sites under occupation with sitegen ")
    assert message.endswith(f"from {git('rev-parse', '--short', 'main', cwd=repo)}")


def test_fresh_clone_extends_the_published_history(repo: Path, tmp_path: Path) -> None:
    assert deploy(repo).returncode == 0
    origin = repo.parent / "origin.git"
    first = git("rev-parse", "gh-pages", cwd=origin)
    git("push", "--quiet", "origin", "main", cwd=repo)
    clone = tmp_path / "clone"
    git("clone", "--quiet", "--branch", "main", origin, clone, cwd=tmp_path)
    result = deploy(clone)
    assert result.returncode == 0, result.stderr
    assert git("rev-parse", "gh-pages^", cwd=origin) == first


def test_rejected_push_is_reported(repo: Path, tmp_path: Path) -> None:
    assert deploy(repo).returncode == 0
    origin = repo.parent / "origin.git"
    # Someone else's gh-pages commit the local branch lacks.
    other = git(
        "commit-tree", "-m", "other", git("rev-parse", "gh-pages^{tree}", cwd=origin), cwd=origin
    )
    git("update-ref", "refs/heads/gh-pages", other, cwd=origin)
    result = deploy(repo)
    assert result.returncode == 1
    assert "was rejected" in result.stderr


def test_no_repository(tmp_path: Path) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "site")
    result = deploy(site)
    assert result.returncode == 1
    assert "not in a git repository" in result.stderr
    assert not (site / "_site").exists()  # refused before building


def test_no_remote(repo: Path) -> None:
    git("remote", "remove", "origin", cwd=repo)
    result = deploy(repo)
    assert result.returncode == 1
    assert "no remote 'origin'" in result.stderr
