"""``sitegen build`` on whole fixture sites, through the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import SITE_FILES
from tests.sites import article, snapshot


def sitegen(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


GOOD = {
    "content/articles/2022-03-31-leaving.md": article(
        "Troops leave Chernobyl",
        "2022-03-31",
        "Troops are leaving Chernobyl, officials said. They captured it on February 24.\n\n"
        "Fighting moves to the Donbas. See [[annexed]].\n",
        source="Daily Test",
        events=[{"date": "2022-02-24", "text": "Troops captured Chernobyl."}],
    ),
    "content/articles/annexed.md": article(
        "Annexed territory",
        "2022-12",
        "Troops may leave Luhansk. Officials gave no details.\n",
        author="A. Writer",
        summary="Troops may leave.",
    ),
}


def rendered(stdout: str) -> int:
    """How many pages the build summary says were rendered."""
    match = re.search(r"\((\d+)/\d+ pages rendered", stdout)
    assert match, stdout
    return int(match.group(1))


def written_pages(stdout: str) -> set[str]:
    """Files a verbose build wrote, without the search index (re-made whenever a page changes)."""
    names = {line.split()[-1] for line in stdout.splitlines() if line.startswith("  wrote ")}
    return {name for name in names if not name.startswith("pagefind/")}


def test_build_prints_summary_and_writes_pages(make_site: Callable[..., Path]) -> None:
    site = make_site(GOOD)
    result = sitegen("build", site)
    assert result.returncode == 0, result.stderr
    assert "built 2 articles, 2 topics," in result.stdout
    out = site / "_site"
    for name in (
        *SITE_FILES,
        "articles/leaving/index.html",
        "articles/annexed/index.html",
        "topics/chernobyl/index.html",
        "topics/donbas/index.html",
    ):
        assert (out / name).is_file(), name
    data = json.loads((out / "briefing.json").read_text())
    annexed = next(a for a in data["articles"] if a["slug"] == "annexed")
    assert (annexed["date"], annexed["date_precision"]) == ("2022-12", "month")
    assert annexed["mentions"] == {"donbas": 1}
    assert data["events"][0]["sources"][0]["article"] == "leaving"
    assert "December 2022" in (out / "articles/annexed/index.html").read_text()
    assert "1 December 2022" not in (out / "articles/annexed/index.html").read_text()


def test_second_build_renders_nothing_and_an_edit_renders_only_its_pages(
    make_site: Callable[..., Path],
) -> None:
    site = make_site(GOOD)
    assert sitegen("build", site).returncode == 0
    again = sitegen("build", site, "-v")
    assert rendered(again.stdout) == 0 and "0 files written" in again.stdout
    path = site / "content/articles/annexed.md"
    path.write_text(path.read_text().replace("gave no details", "gave few details"))
    edited = sitegen("build", site, "-v")
    written = written_pages(edited.stdout)
    # Rendered again: its page only. The topic page quotes the sentences naming the topic,
    # and the edited sentence does not name it.
    assert rendered(edited.stdout) == 1
    assert written == {"articles/annexed/index.html"}
    path.write_text(path.read_text().replace("Troops may leave Luhansk.", "Troops hold Luhansk."))
    edited = sitegen("build", site, "-v")
    written = written_pages(edited.stdout)
    # The lede changed: its page, the topic page quoting it and, as the lede is also a
    # "reported" event, the chronology (its year's page too), the situation report and the
    # data exports; nothing else.
    assert {"articles/annexed/index.html", "topics/donbas/index.html"} <= written
    assert written <= {
        "articles/annexed/index.html",
        "topics/donbas/index.html",
        "chronology/index.html",
        "chronology/2022/index.html",
        "report/index.html",
        "briefing.json",
        "chronology.json",
        "index.html",
    }


def test_deleted_article_disappears_everywhere(make_site: Callable[..., Path]) -> None:
    site = make_site(GOOD)
    assert sitegen("build", site).returncode == 0
    (site / "content/articles/annexed.md").unlink()
    (site / "content/articles/2022-03-31-leaving.md").write_text(
        GOOD["content/articles/2022-03-31-leaving.md"].replace(" See [[annexed]].", "")
    )
    result = sitegen("build", site, "-v")
    assert "removed articles/annexed/index.html" in result.stdout
    for page in (site / "_site").rglob("*.html"):
        assert "articles/annexed/" not in page.read_text(), page


def write_bad(make_site: Callable[..., Path], files: dict[str, str | bytes]) -> tuple[Path, str]:
    site = make_site(files)
    result = sitegen("build", site)
    assert result.returncode == 1, result.stdout + result.stderr
    return site, result.stderr


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"content/articles/a.md": "---\ntitle: A\n---\nx\n"},
            "missing required field 'date'",
        ),
        (
            {"content/articles/a.md": article("A", "2022", "x", topics=["chernobil"])},
            "unknown topic 'chernobil'\n    hint: did you mean 'chernobyl'?",
        ),
        (
            {"content/articles/a.md": article("A", "2022", "Line.\n\nSee [[nowhere]].\n")},
            "content/articles/a.md:7: wikilink [[nowhere]] leads nowhere",
        ),
    ],
)
# More cases, each with its exact output, in tests/reliability/test_bad_input.py.
def test_bad_input_is_reported_with_file_and_line(
    make_site: Callable[..., Path], files: dict[str, str | bytes], expected: str
) -> None:
    _, stderr = write_bad(make_site, files)
    assert expected in stderr
    assert "build failed" in stderr


def test_every_problem_is_listed_at_once(make_site: Callable[..., Path]) -> None:
    _, stderr = write_bad(
        make_site,
        {
            "content/articles/a.md": "---\ntitle: A\ndate: 2022-13\n---\n",
            "content/articles/b.md": "no front matter\n",
        },
    )
    assert "a.md:3" in stderr and "b.md:1: no front matter" in stderr
    assert "2 problems" in stderr


def test_failed_build_leaves_previous_site_intact(make_site: Callable[..., Path]) -> None:
    site = make_site(GOOD)
    assert sitegen("build", site).returncode == 0
    before = snapshot(site / "_site")
    (site / "content/articles/annexed.md").write_text("---\ntitle: [broken\n---\n")
    assert sitegen("build", site).returncode == 1
    assert snapshot(site / "_site") == before


def test_template_error_names_template_and_line(make_site: Callable[..., Path]) -> None:
    site = make_site(
        {
            **GOOD,
            "templates/article.html": "{% extends 'base.html' %}\n{% block main %}\n{{ article.title | nosuchfilter }}{% endblock %}\n",
        }
    )
    result = sitegen("build", site)
    assert result.returncode == 1
    assert (
        "templates/article.html:3: template syntax error: No filter named 'nosuchfilter'"
        in result.stderr
    )


def test_site_templates_override_the_theme(make_site: Callable[..., Path]) -> None:
    site = make_site(
        {
            **GOOD,
            "templates/404.html": "{% extends 'base.html' %}{% block main %}Gone!{% endblock %}",
        }
    )
    assert sitegen("build", site).returncode == 0
    assert "Gone!" in (site / "_site/404.html").read_text()


@pytest.mark.parametrize("output", [".", "..", "content", "/"])
def test_dangerous_output_folders_are_refused(make_site: Callable[..., Path], output: str) -> None:
    site = make_site(GOOD)
    result = sitegen("build", site, "--output", site / output if output != "/" else "/")
    assert result.returncode == 2
    assert "refusing" in result.stderr
    assert (site / "content/articles/annexed.md").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert sitegen("build", tmp_path).returncode == 2  # no site.yaml
    assert sitegen("build", "--nope").returncode == 2


def test_drafts_only_with_flag(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/articles/d.md": article("Draft", "2022", "x", draft=True)})
    assert sitegen("build", site).returncode == 0
    assert not (site / "_site/articles/d").exists()
    assert sitegen("build", site, "--drafts").returncode == 0
    assert (site / "_site/articles/d/index.html").exists()


def test_held_back_articles_are_said_even_when_quiet(make_site: Callable[..., Path]) -> None:
    undated = "---\ntitle: Untold\nneeds_review: [date]\n---\n\nNo date on the page.\n"
    site = make_site({**GOOD, "content/articles/undated-untold.md": undated})
    result = sitegen("build", site, "-q")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        "1 article held back for review (no date yet): 'sitegen review' lists them\n"
    )
    assert not (site / "_site" / "articles" / "untold").exists()
