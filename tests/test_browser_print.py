"""Printing in real Chromium: the situation report and the chronology as PDF."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

import pypdf
import pytest

from sitegen.build import BuildOptions, build
from tests.helpers import PageParser, serve_folder
from tests.sites import EXAMPLE_SITE, copy_site

pytestmark = pytest.mark.browser

BASE = "https://example.github.io/briefing/"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_site(EXAMPLE_SITE, tmp_path_factory.mktemp("print"), search=False)
    return build(BuildOptions(site, base_url=BASE, strict_templates=True)).output


def printed(page: Any, url: str) -> str:
    """The text of the page printed to PDF (ligatures such as "ﬁ" made letters again)."""
    page.goto(url)
    page.wait_for_load_state("load")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    return unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))


def joined(text: str) -> str:
    """``text`` without white space: a URL broken over two lines is whole again."""
    return "".join(text.split())


def test_the_report_prints_every_citation_as_an_absolute_url(example: Path, page: Any) -> None:
    report = (example / "report/index.html").read_text()
    cited = sorted({href for href in _hrefs(report) if href.startswith("../articles/")})
    assert cited, "the report cites no sentence"
    with serve_folder(example) as home:
        text = printed(page, home + "report/")
    assert "SITUATION REPORT" in text.upper() and "As of December 2022" in text
    for href in cited:
        assert BASE + href.removeprefix("../") in joined(text), href
    assert "../articles/" not in text
    # No navigation, search or footer on paper.
    for screen_only in ("Browse topics", "Skip to content", "Atom feed"):
        assert screen_only not in text


def test_the_chronology_prints_absolute_citations_and_no_filter(example: Path, page: Any) -> None:
    with serve_folder(example) as home:
        page.goto(home + "chronology/")
        page.wait_for_selector(".topic-filter button")  # chronology.js made its buttons
        text = printed(page, home + "chronology/")
    url = BASE + "articles/russian-army-abandons-chernobyl/#s-2"
    assert f"({url})" in joined(text)
    assert "Show only" not in text and "Timeline by topic" not in text
    assert "../articles/" not in text


def test_an_article_prints_its_original_report_url_once(example: Path, page: Any) -> None:
    with serve_folder(example) as home:
        text = printed(page, home + "articles/putins-ukraine-disaster/")
    original = "https://19fortyfive.com/2022/12/putins-ukraine-disaster-russian-military"
    assert joined(text).count(original) == 1


def _hrefs(html: str) -> list[str]:
    parser = PageParser()
    parser.feed(html)
    return parser.links
