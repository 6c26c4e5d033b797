"""Hostile input and odd machines (issue 21): each case names the file (and line) at fault,
prints no traceback, exits with the status it should, and leaves on disk what it should.

Every command runs as a process under a memory limit (see ``run_sitegen``), so a regression
that expands an alias bomb or reads a huge input fails here instead of exhausting the machine.
"""

from __future__ import annotations

import errno
import json
import os
import random
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from sitegen import cli
from sitegen.serve.server import PreviewServer, ServedSite
from tests.reliability.harness import Outcome, good_site, run_sitegen
from tests.sites import GOOD_ARTICLE_PATH, SMALL_SITE, front, snapshot, write_files

FAILED = "build failed: 1 problem; the previous site was left as it was"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return good_site(tmp_path / "site")


def refused(site: Path, *lines: str, status: int = 1) -> None:
    """A build of ``site`` fails with exactly ``lines`` and leaves the live site as it was."""
    before = snapshot(site / "_site")
    outcome = run_sitegen("build", site, "-q")
    count = sum(1 for line in lines if not line.startswith("    "))
    tail = (
        f"build failed: {count} problem{'s' * (count != 1)}; the previous site was left as it was"
    )
    assert (outcome.status, outcome.stderr.splitlines()) == (status, [*lines, tail])
    assert snapshot(site / "_site") == before


# --- the output folder is sitegen's only when its marker says so -------------------------


def test_a_docs_folder_sitegen_did_not_make_is_refused_and_kept(tmp_path: Path, site: Path) -> None:
    docs = write_files(tmp_path / "docs", {"notes.txt": "my notes\n", ".nojekyll": ""})
    for _ in range(2):  # and again without the cache, as in the issue
        outcome = run_sitegen("build", site, "--output", docs)
        assert outcome.status == 2
        assert f"refusing to replace {docs}" in outcome.stderr
        assert ".nojekyll, notes.txt; move them away" in outcome.stderr
        assert snapshot(docs) == {"notes.txt": b"my notes\n", ".nojekyll": b""}
        assert not (tmp_path / ".docs.spare").exists()
        subprocess.run(["rm", "-rf", str(site / ".sitegen-cache")], check=True)


def test_a_site_built_before_the_marker_is_still_sitegen_s(site: Path) -> None:
    (site / "_site/.sitegen-output").unlink()  # as built by a sitegen without the marker
    (site / GOOD_ARTICLE_PATH).write_text(front())
    assert run_sitegen("build", site, "-q").status == 0  # the manifest lists every file
    assert (site / "_site/.sitegen-output").is_file()
    assert (site / "_site/articles/troops-leave-chernobyl/index.html").is_file()


def test_an_output_that_is_a_file_is_refused_before_anything_is_written(site: Path) -> None:
    config = (site / "site.yaml").read_bytes()
    outcome = run_sitegen("build", site, "--output", site / "site.yaml")
    assert outcome.status == 2
    assert f"refusing to use {site / 'site.yaml'} as the output folder: it is a file" in (
        outcome.stderr
    )
    assert (site / "site.yaml").read_bytes() == config
    assert not (site / ".site.yaml.spare").exists()


# --- symbolic links stay inside the site; walks detect loops -----------------------------


@pytest.mark.parametrize("where", ["static", "themes/mine/static"])
def test_a_link_to_a_secret_outside_the_site_is_refused(
    tmp_path: Path, site: Path, where: str
) -> None:
    secret = tmp_path / "id_rsa"
    secret.write_text("PRIVATE KEY\n")
    if where.startswith("themes"):
        write_files(site, {"themes/mine/theme.yaml": "extends: default\n",
                           "themes/mine/templates/.keep": ""})  # fmt: skip
        with (site / "site.yaml").open("a") as config:
            config.write("theme: mine\n")
    (site / where).mkdir(parents=True)
    (site / where / "key.txt").symlink_to(secret)
    refused(
        site,
        f"{where}/key.txt: a symbolic link to {secret}, outside the site",
        "    hint: copy what it should show into the site, or delete the link",
    )
    assert not any(b"PRIVATE KEY" in data for data in snapshot(site / "_site").values())


def test_two_links_to_the_parent_folder_are_a_loop_not_a_hang(site: Path) -> None:
    articles = site / "content/articles"
    (articles / "up").symlink_to("..")
    (articles / "again").symlink_to("..")
    outcome = run_sitegen("build", site, "-q", timeout=60)
    assert outcome.status == 1
    first = outcome.stderr.splitlines()[0]
    assert first.startswith(("content/articles/again: ", "content/articles/up: "))
    assert first.endswith("leads to a folder read already "
                          f"({site / 'content'}): links make a loop or repeat a folder")  # fmt: skip


def test_dangling_links_are_reported_and_md_in_any_case_is_read(site: Path) -> None:
    articles = site / "content/articles"
    (articles / "gone.md").symlink_to("deleted.md")
    refused(
        site,
        "content/articles/gone.md: a symbolic link to deleted.md, which does not exist",
        "    hint: restore the file it leads to, or delete the link",
    )
    (articles / "gone.md").unlink()
    (articles / "Upper.MD").write_text(front("Upper case"))
    (articles / "long.markdown").write_text(front("Long suffix"))
    assert run_sitegen("build", site, "-q").status == 0
    assert (site / "_site/articles/upper/index.html").is_file()
    assert (site / "_site/articles/long/index.html").is_file()


# --- deploy publishes only on its own branch ---------------------------------------------


def git(*args: str | Path, cwd: Path) -> str:
    result = subprocess.run(["git", *map(str, args)], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, site: Path) -> Path:
    (site / ".gitignore").write_text("_site/\n._site.spare/\n.sitegen-cache/\n")
    git("init", "-q", "--initial-branch=main", cwd=site)
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "add", ".", cwd=site)
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "src", cwd=site)
    git("init", "-q", "--bare", tmp_path / "origin.git", cwd=tmp_path)
    git("remote", "add", "origin", tmp_path / "origin.git", cwd=site)
    return site


def test_deploy_refuses_the_checked_out_branch(repo: Path) -> None:
    tip = git("rev-parse", "main", cwd=repo)
    outcome = run_sitegen("deploy", repo, "--branch", "main", cwd=repo)
    assert outcome.status == 1
    assert "branch 'main' is checked out" in outcome.stderr
    assert git("rev-parse", "main", cwd=repo) == tip
    assert git("status", "--porcelain", cwd=repo) == ""


def test_deploy_refuses_a_branch_it_did_not_publish(repo: Path) -> None:
    git("branch", "notes", cwd=repo)  # the sources, not a published site
    tip = git("rev-parse", "notes", cwd=repo)
    outcome = run_sitegen("deploy", repo, "--branch", "notes", cwd=repo)
    assert outcome.status == 1
    assert "branch 'notes' was not published by sitegen" in outcome.stderr
    assert git("rev-parse", "notes", cwd=repo) == tip
    for _ in range(2):  # its own branch it extends
        assert run_sitegen("deploy", repo, cwd=repo).status == 0
    assert git("rev-list", "--count", "gh-pages", cwd=repo) == "2"


# --- no content folder: no empty site ----------------------------------------------------


def test_a_missing_articles_folder_keeps_the_site(site: Path) -> None:
    (site / "content/articles").rename(site / "content/moved")
    refused(
        site,
        "content/articles: folder not found",
        "    hint: create it, or pass the site folder to sitegen",
    )


def test_an_unreadable_subfolder_is_an_error_not_a_silent_loss(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Root reads any folder, so the refusal is made by the operating system's stand-in.
    write_files(site, {"content/articles/2023/a.md": front("In a subfolder")})
    scandir = os.scandir

    def denied(path: str) -> object:
        if str(path).endswith("/2023"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    before = snapshot(site / "_site")
    assert cli.main(["build", str(site), "-q"]) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        "content/articles/2023: cannot read: Permission denied",
        "    hint: check its permissions (its files would be left out of the site)",
    ]
    assert snapshot(site / "_site") == before


# --- YAML: limits, and titles as written ------------------------------------------------

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_an_alias_bomb_in_front_matter_is_refused_quickly(site: Path) -> None:
    write_files(site, {"content/articles/bomb.md": front(extra=f"a: &a [lol, lol]\n{BOMB}")})
    outcome = run_sitegen("build", site, "-q", timeout=60)
    assert outcome.status == 1
    assert outcome.stderr.startswith("content/articles/bomb.md:8: aliases (*name) expand this")
    assert "allows 10,000 more than are written" in outcome.stderr
    assert len(outcome.stderr) < 1000


def test_an_alias_bomb_in_site_yaml_is_refused_quickly(site: Path) -> None:
    with (site / "site.yaml").open("a") as config:
        config.write(f"a: &a [lol, lol]\n{BOMB}")
    outcome = run_sitegen("build", site, "-q", timeout=60)
    assert outcome.status == 1
    assert outcome.stderr.startswith("site.yaml:11: aliases (*name) expand this YAML")


def test_yaml_over_the_size_limit_is_refused(site: Path) -> None:
    with (site / "site.yaml").open("a") as config:
        config.write("description: " + "x" * 4_100_000 + "\n")
    refused(
        site,
        "site.yaml: the YAML is 4.1 MB; sitegen reads at most 4 MB",
        "    hint: is it the file you meant? split it, or keep long texts in Markdown files",
    )


@pytest.mark.parametrize("title", ["No", "off", "12:30", "017", "3.10", "=", "<<"])
def test_titles_stay_as_written(site: Path, title: str) -> None:
    write_files(site, {"content/articles/odd.md": front(title, extra="slug: odd\n")})
    (site / "site.yaml").write_text(SMALL_SITE.replace("Reliability briefing", title))
    assert run_sitegen("build", site, "-q").status == 0
    data = json.loads((site / "_site/briefing.json").read_text())
    assert data["site"]["title"] == title
    assert {a["slug"]: a["title"] for a in data["articles"]}["odd"] == title


def test_nul_and_escape_from_yaml_escapes_are_refused_at_their_line(site: Path) -> None:
    write_files(
        site, {"content/articles/ctl.md": front('"Bad\\0title"', extra='source: "a\\eb"\n')}
    )
    refused(
        site,
        "content/articles/ctl.md:2: 'Bad\\x00title' holds the character U+0000 (NUL), which a "
        "web page or feed cannot show",
        "    hint: delete the escape sequence (such as \\x00 or \\e) that makes it",
    )


def test_an_escape_character_in_a_body_is_refused_at_its_line(site: Path) -> None:
    write_files(
        site, {"content/articles/ctl.md": front(body="Fine line.\n\nColour \x1b[31mred.\n")}
    )
    refused(
        site,
        "content/articles/ctl.md:7: the text holds the character U+001B (ESCAPE), which a web "
        "page or feed cannot show",
        "    hint: delete it (a stray control character from a copy or a conversion)",
    )


# --- same-date merging is bounded --------------------------------------------------------


@pytest.mark.slow
def test_sixteen_thousand_reports_of_one_day_build_with_a_warning(site: Path) -> None:
    rng = random.Random(5)
    words = [f"zz{a}{b}" for a in "abcd" for b in "abcdefghij"]  # few, so all are common
    sentences = [
        f"On 24 February 2022, {' '.join(rng.sample(words, 8))} q{i}x." for i in range(16_000)
    ]
    body = "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))
    write_files(site, {"content/articles/runaway.md": front("Runaway", body + "\n")})
    outcome = run_sitegen("build", site, "-q", timeout=300)
    assert outcome.status == 0
    first, hint = outcome.stderr.splitlines()
    assert first.startswith("chronology: 16,000 reports dated 2022-02-24, in words so common")
    assert (
        hint
        == "    hint: most come from the article 'runaway': is it one article, or a runaway paste?"
    )
    assert (site / "_site/articles/runaway/index.html").is_file()


# --- the cache is a cache ----------------------------------------------------------------


@pytest.mark.parametrize("damage", [b"not a database at all\n", b""])
def test_a_damaged_body_store_means_a_cold_build(site: Path, damage: bytes) -> None:
    page = site / "_site/articles/troops-leave-chernobyl/index.html"
    expected = page.read_bytes()
    page.unlink()  # to be made again from the body the store should hold
    for name in ("bodies.sqlite-wal", "bodies.sqlite-shm"):
        (site / ".sitegen-cache" / name).unlink(missing_ok=True)
    (site / ".sitegen-cache/bodies.sqlite").write_bytes(damage)
    outcome = run_sitegen("build", site, "-q")
    assert outcome.status == 0
    assert outcome.stderr.startswith(".sitegen-cache: the build cache was unreadable (")
    assert outcome.stderr.endswith("); built anew\n")
    assert page.read_bytes() == expected
    assert run_sitegen("build", site, "-q") == Outcome(0, "", "")  # the cache works again


# --- a full disk after the swap is told as it is -----------------------------------------


def test_a_cache_that_cannot_be_saved_says_the_new_site_is_in_place(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sitegen.build

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(site / ".sitegen-cache/x"))

    monkeypatch.setattr(sitegen.build, "save_cache", full)
    (site / "content/articles/new.md").write_text(front("A new report"))
    assert cli.main(["build", str(site), "-q"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{site}/.sitegen-cache/x: cannot write: No space left on device",
        "    hint: the disk is full: free some space and build again",
        f"the new site is in place in {site}/_site, but what the next build reuses could not "
        "be saved: the next build starts from scratch",
    ]
    assert (site / "_site/articles/new/index.html").is_file()  # it is the new site
    monkeypatch.undo()
    assert run_sitegen("build", site, "-q").status == 0


# --- site.yaml: aliases and base_url -----------------------------------------------------


@pytest.mark.parametrize(
    ("aliases", "line", "message"),
    [
        ("[[A, B]]", 9, "aliases should be phrases of text, got ['A', 'B']"),
        ('[Chornobyl, ""]', 9, "aliases has an empty phrase"),
        (
            "[Chernobyl Plant, CHORNOBYL]",
            9,
            "alias 'CHORNOBYL' of topic 'plant' is an alias of topic 'chernobyl' too",
        ),
    ],
)
def test_bad_aliases_are_refused_at_their_line(
    site: Path, aliases: str, line: int, message: str
) -> None:
    with (site / "site.yaml").open("a") as config:
        config.write(f"  - slug: plant\n    name: Plant\n    aliases: {aliases}\n")
    before = snapshot(site / "_site")
    outcome = run_sitegen("build", site, "-q")
    assert outcome.status == 1
    assert outcome.stderr.startswith(f"site.yaml:{line}: {message}\n    hint: ")
    assert snapshot(site / "_site") == before


@pytest.mark.parametrize(
    "url", ["https://example.org/b/?x=1", "https://example.org/b/#top", "//evil.example/b/"]
)
def test_a_base_url_with_a_query_fragment_or_host_is_refused(site: Path, url: str) -> None:
    with (site / "site.yaml").open("a") as config:
        config.write(f'base_url: "{url}"\n')
    outcome = run_sitegen("build", site, "-q")
    assert outcome.status == 1
    assert outcome.stderr.startswith(f"site.yaml:7: base_url {url!r} ")
    (site / "site.yaml").write_text((site / "site.yaml").read_text().rsplit("base_url", 1)[0])
    outcome = run_sitegen("build", site, "-q", "--base-url", url)
    assert (outcome.status, outcome.stderr.split(":")[0]) == (1, "--base-url")


# --- import: a size limit, legacy encodings ----------------------------------------------


def test_an_import_larger_than_the_build_accepts_is_refused_quickly(tmp_path: Path) -> None:
    text = tmp_path / "huge.txt"
    text.write_text("Headline\n\n" + "Officials said the plant was calm today.\n\n" * 120_000)
    page = tmp_path / "huge.html"
    page.write_text("<html><body><p>" + "Officials said it. " * 1_000_000 + "</p></body></html>")
    outcome = run_sitegen("import", text, page, "--into", tmp_path / "out", timeout=60)
    assert outcome.status == 1
    assert f"{text}: error: the input is 5.0 MB; article texts may be at most 4 MB" in (
        outcome.stderr
    )
    assert f"{page}: error: the input is 19.0 MB; saved pages may be at most 16 MB" in (
        outcome.stderr
    )
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_cyrillic_in_a_legacy_encoding_is_imported_as_written(
    tmp_path: Path, encoding: str
) -> None:
    story = (
        "Войска покинули станцию\n\nАвтор: Иван Петров\n\n"
        "Российские войска покинули территорию Чернобыльской станции, сообщили в агентстве. "
        "Персонал станции продолжает работу, уровень радиации в норме.\n"
    )
    source = tmp_path / "report.txt"
    source.write_bytes(story.encode(encoding))
    outcome = run_sitegen("import", source, "--into", tmp_path / "out", "--date", "2022-03-31")
    assert outcome.status == 0
    assert f"{source}:1: warning: not valid UTF-8; decoded as {encoding.replace('_', '-')}" in (
        outcome.stderr
    )
    [written] = (tmp_path / "out").glob("*.md")
    assert "Российские войска покинули территорию Чернобыльской станции" in written.read_text()


# --- the preview server, init ------------------------------------------------------------


def test_a_client_hanging_up_early_prints_no_traceback(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    output = write_files(tmp_path / "out", {"index.html": "<p>big</p>" * 2_000_000})
    server = PreviewServer(("127.0.0.1", 0), lambda: ServedSite(output, "/"), None)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for _ in range(5):
            client = socket.create_connection(server.server_address, timeout=10)
            client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            client.recv(100)
            client.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            client.close()  # a reset, mid-answer
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert "Traceback" not in capfd.readouterr().err


def test_init_onto_an_existing_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "briefing"
    target.write_text("an unrelated file\n")
    outcome = run_sitegen("init", target)
    assert outcome.status == 1
    assert f"not overwriting existing files in {target}: {target}" in outcome.stderr
    assert target.read_text() == "an unrelated file\n"
