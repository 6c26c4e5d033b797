"""``sitegen deploy`` against a local bare repository."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.sites import BRIEFING_SITE, copy_site


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
    site = copy_site(BRIEFING_SITE, tmp_path / "site")
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
    site = copy_site(BRIEFING_SITE, tmp_path / "site")
    result = deploy(site)
    assert result.returncode == 1
    assert "not in a git repository" in result.stderr
    assert not (site / "_site").exists()  # refused before building


def test_no_remote(repo: Path) -> None:
    git("remote", "remove", "origin", cwd=repo)
    result = deploy(repo)
    assert result.returncode == 1
    assert "no remote 'origin'" in result.stderr


def test_deploy_builds_with_the_pages_address_of_a_github_remote(repo: Path) -> None:
    origin = repo.parent / "origin.git"
    # Fetched from GitHub as a clone of it would be, pushed to the local bare repository.
    git("remote", "set-url", "origin", "https://github.com/octo-org/briefing.git", cwd=repo)
    git("remote", "set-url", "--push", "origin", origin, cwd=repo)
    result = deploy(repo)
    assert result.returncode == 0, result.stderr
    base = "https://octo-org.github.io/briefing/"
    assert (
        f"base URL {base} (the GitHub Pages address of github.com/octo-org/briefing); "
        "site.yaml's base_url / was not used" in result.stdout
    )
    published = {
        name: git("show", f"gh-pages:{name}", cwd=origin)
        for name in ("robots.txt", "feed.xml", "404.html", "index.html")
    }
    assert f"Sitemap: {base}sitemap.xml" in published["robots.txt"]
    assert f"<id>{base}</id>" in published["feed.xml"]
    assert 'href="/briefing/assets/' in published["404.html"]
    assert f'<meta property="og:url" content="{base}">' in published["index.html"]
    # A second deploy extends the branch fetched from where it pushes, not from GitHub.
    git("branch", "-D", "gh-pages", cwd=repo)
    first = git("rev-parse", "gh-pages", cwd=origin)
    assert deploy(repo).returncode == 0
    assert git("rev-parse", "gh-pages^", cwd=origin) == first


def test_base_url_option_wins_over_the_pages_address(repo: Path) -> None:
    git("remote", "set-url", "origin", "git@github.com:octo-org/briefing.git", cwd=repo)
    git("remote", "set-url", "--push", "origin", repo.parent / "origin.git", cwd=repo)
    result = deploy(repo, "--base-url", "https://news.example.org/")
    assert result.returncode == 0, result.stderr
    assert "base URL https://news.example.org/ (from --base-url)" in result.stdout
    robots = git("show", "gh-pages:robots.txt", cwd=repo.parent / "origin.git")
    assert "Sitemap: https://news.example.org/sitemap.xml" in robots


def test_a_remote_off_github_keeps_site_yaml_and_warns_about_a_path(repo: Path) -> None:
    result = deploy(repo)
    assert result.returncode == 0, result.stderr
    assert "base URL / (site.yaml's base_url: the remote is not on github.com" in result.stdout
    assert "need the site's full address" in result.stderr
