"""Faults: builds killed at random points, a full disk, a blocked output folder, files changing
under a rebuild, Ctrl-C during import. The published site must never be left damaged."""

from __future__ import annotations

import os
import random
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sitegen.build import BuildOptions
from sitegen.serve.session import Session
from tests.conftest import REPO
from tests.sites import GOOD_ARTICLE, GOOD_ARTICLE_PATH, copy_site, small_site, snapshot

sys.path.insert(0, str(REPO / "bench"))
from corpus import generate

KILL_TRIALS = 20
WORDS = (
    "officials troops plant reactor shelling power line staff inspectors agency said "
    "confirmed reported warned moved near after during the a of and in on with"
)
SEED = 7


def sitegen(*args: str | Path, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sitegen", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        **popen,  # type: ignore[arg-type]
    )


def finish(*args: str | Path, **popen: object) -> tuple[int, str]:
    process = sitegen(*args, **popen)
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr


def clean_build(site: Path, into: Path) -> dict[str, bytes]:
    """The tree a first build of ``site``'s current inputs makes, in a fresh folder."""
    fresh = into / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    copy_site(site, fresh)
    assert finish("build", fresh, "-q") == (0, "")
    return snapshot(fresh / "_site")


@pytest.mark.slow
def test_kill_9_at_random_points_leaves_the_previous_site(tmp_path: Path) -> None:
    site = generate(tmp_path / "site", 300)
    with (site / "site.yaml").open("a", encoding="utf-8") as stream:
        stream.write("search: false\n")
    assert finish("build", site, "-q") == (0, "")
    articles = sorted((site / "content/articles").glob("*.md"))
    rng = random.Random(SEED)
    killed = completed = 0

    def change(trial: int) -> None:
        # A new site title changes every page, so the build renders and writes them all.
        config = (site / "site.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
        (site / "site.yaml").write_text(f"title: Trial {trial}\n{config}", encoding="utf-8")
        edited = rng.choice(articles)
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nTrial {trial}.\n")

    # Kill times are drawn over this machine's build time, a little past its end, so most
    # land inside the build and some after the swap, however fast the build is.
    change(-1)
    started = time.perf_counter()
    assert finish("build", site, "-q") == (0, "")
    duration = time.perf_counter() - started
    live = snapshot(site / "_site")
    for trial in range(KILL_TRIALS):
        change(trial)
        process = sitegen("build", site, "-q")
        time.sleep(rng.uniform(0.05, 1.15 * duration))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        now = snapshot(site / "_site")
        if process.returncode == -signal.SIGKILL and now == live:
            killed += 1
        else:  # finished, or killed after its atomic swap: then it is the whole new site
            assert now == clean_build(site, tmp_path), f"trial {trial}: live site damaged"
            completed += 1
            live = now
        if trial % 5 == 4:  # the next build after a kill makes exactly a clean build's site
            assert finish("build", site, "-q") == (0, "")
            live = snapshot(site / "_site")
            assert live == clean_build(site, tmp_path), f"trial {trial}: next build differs"
    print(f"\nkill -9 trials: {killed} killed before the swap, {completed} after; all intact")
    assert killed >= KILL_TRIALS // 2  # the delays must mostly land inside the build


@pytest.fixture
def built_site(tmp_path: Path) -> Path:
    site = small_site(tmp_path / "site")
    assert finish("build", site, "-q") == (0, "")
    article = site / GOOD_ARTICLE_PATH
    article.write_text(GOOD_ARTICLE.replace("officials said", "officials confirmed"))
    return site


def small_files_only() -> None:
    """In the child: files may not grow past 2 kB, as on a disk that is full.

    RLIMIT_FSIZE makes ``write()`` fail with EFBIG (the signal it also sends is ignored), on
    the same code path as ENOSPC, without needing a tiny file system or root.
    """
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


def test_full_disk_is_a_clear_error_and_the_site_is_kept(built_site: Path) -> None:
    before = snapshot(built_site / "_site")
    status, stderr = finish("build", built_site, preexec_fn=small_files_only)
    first, hint, last = stderr.splitlines()
    assert status == 1
    assert first.startswith(f"{built_site}/._site.spare/") and first.endswith(
        ": cannot write: File too large"
    )
    assert (
        hint
        == "    hint: the file is larger than this system allows: free space or raise the limit"
    )
    assert last == "build failed: 1 problem; the previous site was left as it was"
    assert snapshot(built_site / "_site") == before
    assert finish("build", built_site, "-q") == (0, "")
    assert snapshot(built_site / "_site") == clean_build(built_site, built_site.parent)


def test_output_folder_blocked_by_a_file_is_a_clear_error(built_site: Path) -> None:
    blocker = built_site.parent / "blocker"
    blocker.write_text("a file where a folder should be")
    status, stderr = finish("build", built_site, "--output", blocker / "out")
    assert (status, stderr.splitlines()) == (
        1,
        [
            f"{blocker}/.out.spare: cannot write: Not a directory",
            "    hint: a file stands where a folder is needed: move it away or use --output",
            "build failed: 1 problem; the previous site was left as it was",
        ],
    )


def test_read_only_output_folder_is_a_clear_error(built_site: Path) -> None:
    before = snapshot(built_site / "_site")
    if os.geteuid() == 0:
        # Root writes into a chmod-ed folder anyway; a read-only bind mount of the site folder
        # (in a private mount namespace) stops root too.
        site = shlex.quote(str(built_site))
        command = f"mount --bind {site} {site} && mount -o remount,ro,bind {site} && exec "
        command += shlex.join([sys.executable, "-m", "sitegen", "build", str(built_site)])
        result = subprocess.run(["unshare", "-m", "sh", "-c", command], capture_output=True,
                                text=True, cwd=REPO, timeout=120)  # fmt: skip
        status, stderr, expected = result.returncode, result.stderr, _READ_ONLY_ROOT
    else:
        built_site.chmod(0o555)  # the swap renames folders inside the site folder
        try:
            status, stderr = finish("build", built_site)
        finally:
            built_site.chmod(0o755)
        expected = _READ_ONLY_USER
    assert status == 1, stderr
    assert expected in stderr
    assert snapshot(built_site / "_site") == before


_READ_ONLY_ROOT = ": cannot write: Read-only file system\n    hint: the file system is read-only"
_READ_ONLY_USER = ": cannot write: Permission denied\n    hint: no permission to write there"


def test_rebuilds_survive_articles_deleted_or_half_written(built_site: Path) -> None:
    session = Session(BuildOptions(built_site), live=None)
    assert session.build()
    victim = built_site / "content/articles/victim.md"
    text = GOOD_ARTICLE.replace("Troops leave", "Victim story") + "More text. " * 500
    stop = threading.Event()

    def vandal() -> None:
        rng = random.Random(SEED)
        while not stop.is_set():
            cut = rng.randrange(len(text))
            victim.write_text(text[:cut])  # half written
            time.sleep(rng.uniform(0, 0.01))
            victim.unlink(missing_ok=True)  # deleted
            time.sleep(rng.uniform(0, 0.01))

    thread = threading.Thread(target=vandal)
    thread.start()
    try:
        outcomes = [session.build({victim}) for _ in range(30)]  # raises if a rebuild crashes
    finally:
        stop.set()
        thread.join()
    victim.write_text(text)
    assert session.build({victim})
    assert (built_site / "_site/articles/victim/index.html").is_file()
    print(f"\nrebuilds under a vandal: {outcomes.count(True)} ok, {outcomes.count(False)} reported")


@pytest.mark.slow
def test_ctrl_c_during_import_leaves_no_partial_article(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    rng = random.Random(SEED)
    words = WORDS.split()
    for index in range(150):  # distinct texts: near-duplicates would not be imported
        body = "\n\n".join(" ".join(rng.choices(words, k=14)).capitalize() + "." for _ in range(30))
        (inputs / f"report-{index:03}.txt").write_text(
            f"Report number {index} on the plant\n\nBy Jane Doe\n\n{body}\n"
        )
    reference = tmp_path / "reference"
    assert finish("import", inputs, "--into", reference)[0] == 0
    expected = snapshot(reference)
    assert len(expected) == 150
    partial = 0
    for trial in range(8):
        into = tmp_path / f"into{trial}"
        process = sitegen("import", inputs, "--into", into)
        time.sleep(rng.uniform(0.3, 1.5))
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)
        written = sorted(into.iterdir()) if into.exists() else []
        assert {p.name for p in written} <= set(expected), f"trial {trial}"
        for path in written:  # every file there is a whole article
            assert path.read_bytes() == expected[path.name], f"trial {trial}: {path.name}"
        partial += 0 < len(written) < len(expected)
    print(f"\nCtrl-C during import: {partial} of 8 runs stopped part way; no partial file")
    assert partial >= 4  # the interrupts must land while articles are being written
