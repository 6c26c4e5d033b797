"""``sitegen check``: broken links, anchors and assets, external links, content warnings."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.config import load_config
from sitegen.errors import Problems
from sitegen.publish.linkcheck import check_links
from tests.publish.conftest import BASE_URL
from tests.sites import BRIEFING_SITE, copy_site


def sitegen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def output(fixture_output: Path, tmp_path: Path) -> Path:
    """A private copy of the built fixture site, to break."""
    copy = tmp_path / "_site"
    shutil.copytree(fixture_output, copy)
    return copy


def report_for(output: Path):  # type: ignore[no-untyped-def]
    config = load_config(BRIEFING_SITE, Problems(), {"base_url": BASE_URL})
    return check_links(output, config)


def add_to(page: Path, html: str) -> None:
    page.write_text(page.read_text().replace("</main>", html + "</main>"))


def test_built_site_has_no_broken_links(output: Path) -> None:
    report = report_for(output)
    assert report.broken == [] and report.warnings == []
    assert report.pages == 14 and report.links > 100  # report/ and chronology/2022/ too
    assert list(report.external) == ["https://example.org/chernobyl-withdrawal"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="../../articles/nope/">x</a>', "broken link '../../articles/nope/'"),
        ('<a href="../../articles/grid-update/#s-99">x</a>', "has no id 's-99'"),
        ('<a href="#2022-01-01-no-such-event">x</a>', "has no id '2022-01-01-no-such-event'"),
        ('<img src="../../assets/missing.png" alt="">', "broken asset"),
        ('<img srcset="../../assets/a.png 1x, ../../feed.xml 2x" alt="">', "a.png"),
        ('<a href="../../../../elsewhere/">x</a>', "leads outside the site"),
        ('<a href="https://example.github.io/briefing/nope/">x</a>', "broken link"),
    ],
)
def test_broken_references_are_found(output: Path, html: str, expected: str) -> None:
    page = output / "articles" / "donbas-offensive" / "index.html"
    add_to(page, html)
    broken = [str(p) for p in report_for(output).broken]
    assert len(broken) == 1 and expected in broken[0], broken
    assert broken[0].startswith("articles/donbas-offensive/index.html:")


def test_existing_sentence_and_event_anchors_pass(output: Path) -> None:
    page = output / "articles" / "donbas-offensive" / "index.html"
    event = "2022-03-04-russian-forces-take-the-zaporizhzhia-nuclear"
    add_to(
        page, f'<a href="../shelling-near-zaporizhzhia/#s-2">x</a><a href="../../#{event}">y</a>'
    )
    assert (output / "index.html").read_text().count(f'id="{event}"') == 1
    assert report_for(output).broken == []


def test_relative_links_in_404_page_are_broken(output: Path) -> None:
    add_to(output / "404.html", '<a href="topics/">x</a>')
    (broken,) = report_for(output).broken
    assert "relative link 'topics/' in 404.html" in str(broken)


def test_root_absolute_links_are_warned_about(output: Path) -> None:
    add_to(output / "topics" / "index.html", '<a href="/briefing/articles/">x</a>')
    report = report_for(output)
    assert report.broken == []
    (warning,) = report.warnings
    assert "breaks file:// viewing" in str(warning)


def test_check_command_summary_and_exit_status(tmp_path: Path) -> None:
    site = copy_site(BRIEFING_SITE, tmp_path / "site")
    good = sitegen("check", site, "--base-url", BASE_URL)
    assert good.returncode == 0, good.stderr
    summary, review = good.stdout.strip().splitlines()[-2:]
    assert summary.startswith("checked 14 pages, ") and summary.endswith(": 0 broken, 1 warnings")
    assert review == "nothing needs review"
    assert "https://example.org/chernobyl-withdrawal" in good.stdout
    # The one content warning: the grid update has no summary.
    assert "2022-06-01-grid-update.md: warning: no summary in front matter" in good.stdout
    page = site / "_site" / "articles" / "grid-update" / "index.html"
    add_to(page, '<a href="../nope/">x</a>')
    bad = sitegen("check", site, "--no-build", "--base-url", BASE_URL)
    assert bad.returncode == 1
    assert bad.stdout.strip().splitlines()[-2].endswith(": 1 broken, 1 warnings")


def test_no_build_without_output_is_a_usage_error(tmp_path: Path) -> None:
    site = copy_site(BRIEFING_SITE, tmp_path / "site")
    result = sitegen("check", site, "--no-build")
    assert result.returncode == 2 and "holds no built site" in result.stderr


def test_check_keeps_the_base_url_the_site_was_built_with(tmp_path: Path) -> None:
    site = copy_site(BRIEFING_SITE, tmp_path / "site")
    assert sitegen("build", site, "--base-url", BASE_URL).returncode == 0
    robots = site / "_site" / "robots.txt"
    checked = sitegen("check", site)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith(f"checking with base URL {BASE_URL}, which the output")
    assert "site.yaml's is /" in checked.stdout
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots.read_text()  # not rebuilt with /
    # Another base URL than the output's: built with it when asked...
    other = "https://news.example.org/"
    assert sitegen("check", site, "--base-url", other).returncode == 0
    assert f"Sitemap: {other}sitemap.xml" in robots.read_text()
    # ...and refused for checking the output as it is.
    refused = sitegen("check", site, "--no-build", "--base-url", BASE_URL)
    assert refused.returncode == 2
    assert f"was built with base URL {other}, not {BASE_URL}" in refused.stderr
