"""Twenty more hostile cases, past issue 21's list: what a careless editor, a malicious pull
request or an odd machine does. Each states the exit status, the file (and line) named, no
traceback, and what is kept on disk; the issue's closing note lists their verdicts."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import pytest

from tests.reliability.harness import good_site, run_sitegen
from tests.sites import GOOD_ARTICLE_PATH, front, snapshot, write_files


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return good_site(tmp_path / "site")


def fails(site: Path, *starts: str, status: int = 1) -> str:
    """Build ``site``: it fails with ``status``, its message starts with each of ``starts``
    (in order, one per problem), and the live site is as it was."""
    before = snapshot(site / "_site")
    outcome = run_sitegen("build", site, "-q", timeout=60)
    assert outcome.status == status, outcome.stderr
    problems = [line for line in outcome.stderr.splitlines() if not line.startswith("    ")]
    for expected, line in zip(starts, problems, strict=False):
        assert line.startswith(expected), (expected, outcome.stderr)
    assert snapshot(site / "_site") == before
    return outcome.stderr


def article(site: Path, text: str, name: str = "hostile.md") -> Path:
    return write_files(site, {f"content/articles/{name}": text}) / "content/articles" / name


# 1. A YAML alias that holds itself: a value that contains itself forever.
def test_an_alias_holding_itself_is_refused(site: Path) -> None:
    article(site, front(extra="tags: &t [news, *t]\n"))
    fails(site, "content/articles/hostile.md:4: an alias refers to the value that holds it")


# 2. YAML nested past the parser's depth, which a hand-written loop in a pull request makes.
def test_yaml_nested_too_deeply_is_refused(site: Path) -> None:
    article(site, front(extra="tags: " + "[" * 2000 + "]" * 2000 + "\n"))
    # Our limit, or (PyYAML 6.0.4 and later) libyaml's own nesting limit, which comes first.
    stderr = fails(site, "content/articles/hostile.md:4: ")
    assert "nested more than 100 levels deep" in stderr or "exceeded" in stderr, stderr


# 3. A named pipe where an article should be: reading it would wait for ever.
def test_a_named_pipe_among_the_articles_is_reported_not_read(site: Path) -> None:
    os.mkfifo(site / "content/articles/pipe.md")
    fails(site, "content/articles/pipe.md: not a regular file")


# 4. A named pipe as a template: Jinja would wait on it for ever.
def test_a_named_pipe_as_a_template_is_reported_not_read(site: Path) -> None:
    (site / "templates").mkdir()
    os.mkfifo(site / "templates/article.html")
    fails(site, "templates/article.html: not a regular file")


# 5. A template that is a link to a file outside: {% include %} would publish it.
def test_a_template_linking_outside_the_site_is_refused(tmp_path: Path, site: Path) -> None:
    secret = write_files(tmp_path, {"token.txt": "TOKEN=abc\n"}) / "token.txt"
    (site / "templates").mkdir()
    (site / "templates/token.html").symlink_to(secret)
    fails(site, f"templates/token.html: a symbolic link to {secret}, outside the site")


# 6. content/events.yaml as a link outside: its events would be published.
def test_a_curated_events_file_linking_outside_is_refused(tmp_path: Path, site: Path) -> None:
    elsewhere = write_files(tmp_path, {"events.yaml": "[]\n"}) / "events.yaml"
    (site / "content/events.yaml").symlink_to(elsewhere)
    fails(site, f"content/events.yaml: a symbolic link to {elsewhere}, outside the site")


# 7. The site's themes/<name> folder is itself a link out of the site.
def test_a_theme_folder_linking_outside_is_refused(tmp_path: Path, site: Path) -> None:
    theme = write_files(tmp_path, {"t/templates/.keep": "", "t/theme.yaml": "extends: default\n"})
    (site / "themes").mkdir()
    (site / "themes/t").symlink_to(theme / "t")
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "theme: t\n")
    stderr = fails(site, "sitegen: theme folder", status=2)
    assert "outside the site: copy the theme into the site's themes/ folder" in stderr


# 8. theme.yaml with a YAML error (a traceback before).
def test_a_broken_theme_yaml_is_a_message(site: Path) -> None:
    write_files(site, {"themes/t/templates/.keep": "", "themes/t/theme.yaml": "extends: [x\n"})
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "theme: t\n")
    # The list is reported where it opens, not where the text ends.
    fails(site, f"sitegen: {site}/themes/t/theme.yaml:1: invalid YAML: a [ list", status=2)


# 9. An output folder inside static/: the next build would publish the site inside itself.
def test_an_output_folder_inside_an_input_folder_is_refused(site: Path) -> None:
    outcome = run_sitegen("build", site, "--output", site / "static/out")
    assert outcome.status == 2
    assert "it is in the site's static/ folder, whose files are inputs" in outcome.stderr
    assert not (site / "static").exists()


# 10. A damaged compiled template in Jinja's cache (a MemoryError traceback before).
def test_a_damaged_compiled_template_is_compiled_again(site: Path) -> None:
    import jinja2.bccache

    for compiled in (site / ".sitegen-cache/templates").rglob("*.cache"):
        compiled.write_bytes(jinja2.bccache.bc_magic + b"\x80\x04\x95" + b"garbage" * 20)
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "description: New\n")
    assert run_sitegen("build", site, "-q").status == 0
    assert "New" in (site / "_site/index.html").read_text()


# 11. U+FFFF and a lone surrogate from YAML escapes: no feed can carry them.
@pytest.mark.parametrize("escape", ["\\uffff", "\\x0b"])
def test_characters_no_feed_can_carry_are_refused(site: Path, escape: str) -> None:
    article(site, front(f'"Odd {escape} title"'))
    fails(site, "content/articles/hostile.md:2: 'Odd ")


# 12. A page break (form feed) pasted from a PDF into a body.
def test_a_form_feed_in_a_body_is_refused_at_its_line(site: Path) -> None:
    article(site, front(body="Page one.\n\x0c\nPage two.\n"))
    fails(site, "content/articles/hostile.md:6: the text holds the character U+000C (FORM FEED)")


# 13. A cname with a newline: CNAME would name two hosts.
def test_a_cname_that_is_not_a_domain_is_refused(site: Path) -> None:
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + 'cname: "a.org\\nb.org"\n')
    fails(site, "site.yaml:7: cname 'a.org\\nb.org' is not a domain name")


# 14. home_latest below zero silently cut the home page's lists from the end.
def test_a_negative_home_latest_is_refused(site: Path) -> None:
    (site / "site.yaml").write_text((site / "site.yaml").read_text() + "home_latest: -3\n")
    fails(site, "site.yaml:7: home_latest should be 0 or more")


# 15. A slug longer than any folder name may be.
def test_a_slug_too_long_for_a_folder_name_is_refused_at_its_line(site: Path) -> None:
    article(site, front(extra="slug: " + "a" * 300 + "\n"))
    fails(site, "content/articles/hostile.md:4: slug 'aaaa")


# 16. "draft: yes" was YAML 1.1 for true; it is text now, so said rather than guessed.
def test_a_yes_no_flag_is_an_error_not_a_guess(site: Path) -> None:
    article(site, front(extra="draft: yes\n"))
    fails(site, "content/articles/hostile.md:4: draft should be true or false, got 'yes'")


# 17. A terminal that cannot show the build summary's arrow (an ASCII locale).
def test_an_ascii_terminal_gets_an_escaped_report(site: Path) -> None:
    config = (site / "site.yaml").read_text()
    (site / "site.yaml").write_text(config.replace("Reliability briefing", "Брифинг"))
    outcome = run_sitegen("build", site, env={"PYTHONIOENCODING": "ascii"})
    assert outcome.status == 0
    assert "\\u2192" in outcome.stdout


# 18. deploy with a branch name git would not take (it built the site, then failed).
def test_deploy_with_an_impossible_branch_name_fails_before_building(site: Path) -> None:
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    subprocess.run(["git", "-C", str(site), "remote", "add", "origin", str(site)], check=True)
    before = snapshot(site / "_site")
    outcome = run_sitegen("deploy", site, "--branch", "bad..name", cwd=site)
    assert outcome.status == 1
    assert "'bad..name' is not a branch name git accepts" in outcome.stderr
    assert snapshot(site / "_site") == before


# 19. Control characters in an imported text: the build would refuse the article.
def test_control_characters_in_an_import_are_removed_with_a_warning(tmp_path: Path) -> None:
    source = (
        write_files(
            tmp_path,
            {"raw.txt": b"Plant staff return\n\nStaff returned\x0c to the plant \x1b[1mtoday.\n"},
        )
        / "raw.txt"
    )
    site = good_site(tmp_path / "site")
    into = site / "content/articles"
    outcome = run_sitegen("import", source, "--into", into, "--date", "2022-04-01")
    assert outcome.status == 0
    assert f"{source}:3: warning: removed control characters such as U+000C" in outcome.stderr
    assert run_sitegen("build", site, "-q").status == 0


# 20. A file replaced by a link to a secret while the preview server runs.
def test_a_link_made_during_a_preview_is_checked_like_any_other(tmp_path: Path, site: Path) -> None:
    from sitegen.build import BuildOptions
    from sitegen.serve.session import Session

    session = Session(BuildOptions(site), live=None)
    assert session.build()
    secret = write_files(tmp_path, {"secret.md": "---\ntitle: Secret\ndate: 2022\n---\nKEY\n"})
    victim = site / GOOD_ARTICLE_PATH
    victim.unlink()
    victim.symlink_to(secret / "secret.md")
    done = threading.Event()
    outcomes: list[bool] = []
    thread = threading.Thread(target=lambda: (outcomes.append(session.build({victim})), done.set()))
    thread.start()
    thread.join(timeout=60)
    assert outcomes == [False]
    assert not any(b"KEY" in data for data in snapshot(site / "_site").values())
