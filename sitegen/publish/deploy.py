"""Commit a built site to a branch (gh-pages) and push it, as ghp-import does.

Only git plumbing is used: the output folder is added to a temporary index (``GIT_INDEX_FILE``)
with the output as the work tree, then ``write-tree``, ``commit-tree`` and ``update-ref``.
The user's working tree, index and checked-out branch are never touched. Each deploy is one
new commit whose parent is the branch's previous tip, so the branch keeps its history.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from sitegen.write.output import OUTPUT_MARKER

GIT_TIMEOUT = 300  # seconds; a push of a large site over a slow link


class DeployError(Exception):
    """Git refused: no repository, no remote, a rejected push. The message says what to do."""


def _git(
    *args: str, cwd: Path, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd,
            # Never wait for a password: a remote that wants one fails with git's message.
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})},
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
        )
    except FileNotFoundError:
        raise DeployError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise DeployError(f"git {args[0]} did not finish in {GIT_TIMEOUT} s") from None
    if check and result.returncode != 0:
        raise DeployError(f"git {args[0]} failed: {result.stderr.strip()}")
    return result


def git_dir(folder: Path) -> Path:
    result = _git("rev-parse", "--absolute-git-dir", cwd=folder, check=False)
    if result.returncode != 0:
        raise DeployError(
            f"{folder} is not in a git repository: run 'git init' and add a remote first"
        )
    return Path(result.stdout.strip())


def check_remote(folder: Path, remote: str) -> None:
    if _git("remote", "get-url", remote, cwd=folder, check=False).returncode != 0:
        raise DeployError(
            f"the repository has no remote {remote!r}: add one with "
            f"'git remote add {remote} URL', or pass --remote"
        )


def check_branch(folder: Path, branch: str) -> None:
    """Refuse a branch name git would not take, and a branch checked out in any work tree
    of the repository: publishing there would replace the source files' tip with the site
    (every source file would show as deleted)."""
    if _git("check-ref-format", "--branch", branch, cwd=folder, check=False).returncode != 0:
        raise DeployError(f"{branch!r} is not a branch name git accepts: pass another --branch")
    listing = _git("worktree", "list", "--porcelain", cwd=folder).stdout
    if f"branch refs/heads/{branch}" in listing.splitlines():
        raise DeployError(
            f"branch {branch!r} is checked out: it holds the site's sources, and publishing "
            "would replace them with the built site; publish on its own branch (the default, "
            "gh-pages)"
        )


def remote_url(folder: Path, remote: str, push: bool = False) -> str:
    """The URL ``remote`` fetches from (or, with ``push``, pushes to)."""
    flags = ("--push",) if push else ()
    return _git("remote", "get-url", *flags, remote, cwd=folder).stdout.strip()


def commit_tree(folder: Path, output: Path, branch: str, message: str, remote: str) -> str:
    """Commit ``output`` as the whole content of ``branch``; return the new commit's id.
    A branch that exists (here or on ``remote``) must be one sitegen published."""
    check_branch(folder, branch)
    gitdir = git_dir(folder)
    ref = f"refs/heads/{branch}"
    local = _tip(folder, ref)
    parent = local or _remote_tip(folder, remote, branch)
    if parent and not _published_by_sitegen(folder, parent):
        where = "" if local else f" on {remote}"
        raise DeployError(
            f"branch {branch!r}{where} was not published by sitegen (its tip has no "
            f"{OUTPUT_MARKER}), so deploying would replace what it holds; pass another "
            "--branch, or delete that branch if it is only an old copy of the site"
        )
    with tempfile.TemporaryDirectory(prefix="sitegen-deploy-") as temp:
        index = {"GIT_INDEX_FILE": str(Path(temp) / "index")}
        # --force: the user's ignore rules (e.g. a global *.log) must not drop built files.
        tree_args = (f"--git-dir={gitdir}", f"--work-tree={output}")
        _git(*tree_args, "add", "--all", "--force", ".", cwd=output, env=index)
        tree = _git(*tree_args, "write-tree", cwd=output, env=index).stdout.strip()
    parents = ["-p", parent] if parent else []
    commit = _git(
        "commit-tree", tree, *parents, "-m", message, cwd=folder, env=_identity(folder)
    ).stdout.strip()
    # The old value ("" = must not exist) makes the update fail if the branch moved meanwhile.
    _git("update-ref", "-m", "sitegen deploy", ref, commit, local, cwd=folder)
    return commit


# What sitegen deploy wrote as a commit message before sites held their marker.
_OLD_MESSAGE = re.compile(r"Deploy .+ with sitegen \S+(?: from [0-9a-f]+)?\n?")


def _published_by_sitegen(folder: Path, commit: str) -> bool:
    """Whether ``commit`` is a site sitegen built: its tree holds sitegen's output marker,
    or (published before there was one) it has deploy's own commit message."""
    if _git("cat-file", "-e", f"{commit}:{OUTPUT_MARKER}", cwd=folder, check=False).returncode == 0:
        return True
    message = _git("log", "-1", "--format=%B", commit, cwd=folder, check=False).stdout.strip()
    return _OLD_MESSAGE.fullmatch(message) is not None


def push(folder: Path, remote: str, branch: str) -> None:
    result = _git(
        "push", remote, f"refs/heads/{branch}:refs/heads/{branch}", cwd=folder, check=False
    )
    if result.returncode != 0:
        raise DeployError(
            f"pushing {branch} to {remote} was rejected:\n{result.stderr.strip()}\n"
            f"if the remote {branch} has commits this one lacks, run "
            f"'git fetch {remote} {branch}:{branch}' and deploy again"
        )


def _tip(folder: Path, ref: str) -> str:
    result = _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=folder, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def _remote_tip(folder: Path, remote: str, branch: str) -> str:
    """The remote branch's tip, so a fresh clone (as in CI) extends the published history.
    Fetched from where the deploy pushes, which may differ from where the remote fetches."""
    tracking = f"refs/remotes/{remote}/{branch}"
    source = remote_url(folder, remote, push=True)
    # Fails when the remote has no such branch yet: then the first deploy starts it.
    _git("fetch", "--quiet", source, f"+refs/heads/{branch}:{tracking}", cwd=folder, check=False)
    return _tip(folder, tracking)


def _identity(folder: Path) -> dict[str, str]:
    """A committer identity for machines where none is configured (CI runners)."""
    if _git("var", "GIT_COMMITTER_IDENT", cwd=folder, check=False).returncode == 0:
        return {}
    name, email = "sitegen", "sitegen@localhost"
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }


def source_commit(folder: Path) -> str:
    """The short id of the checked-out commit, for the deploy message ("" if none)."""
    result = _git("rev-parse", "--short", "HEAD", cwd=folder, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""
