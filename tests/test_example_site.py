"""The example briefing (site.yaml + content/ at the top of the repository), built end to end."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from tests.helpers import SITE_FILES, parse_page, resolve
from tests.sites import EXAMPLE_SITE, copy_site

CHERNOBYL = "articles/russian-army-abandons-chernobyl/index.html"
ZNPP = "articles/putins-ukraine-disaster/index.html"
FURNITURE = [
    "Invalid email",
    "Sign up for our news briefing",
    "We use your sign-up",
    "READ MORE",
    "(Image:",
    "Image Credit",
    "[SPOTLIGHT]",
    "Footage shows destroyed animal shelters",
    "Advertisement",
    "Hi, what are you looking for",
    "Connect with us",
    "Written By",
    "counter-extremism researcher",
    "IPSO Regulated",
    "All rights reserved",
    "Smart Bombs",
    "View of Chernobyl nuclear power plant",
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_site(EXAMPLE_SITE, tmp_path_factory.mktemp("example"))
    result = build(
        BuildOptions(site, base_url="https://example.github.io/briefing/", strict_templates=True)
    )
    assert len(result.site.articles) == 2
    return result.output


def test_every_page_exists(output: Path) -> None:
    for name in [
        *SITE_FILES,
        CHERNOBYL,
        ZNPP,
        "topics/chernobyl/index.html",
        "topics/zaporizhzhia-npp/index.html",
        "topics/donbas/index.html",
    ]:
        assert (output / name).is_file(), name


def test_no_page_furniture_and_every_real_sentence(output: Path) -> None:
    pages = parse_page(output / CHERNOBYL).text + parse_page(output / ZNPP).text
    for furniture in FURNITURE:
        assert furniture not in pages, furniture
    for sentence in [
        "RUSSIAN troops are leaving the Chernobyl nuclear power station",
        "We think that they are leaving. I can’t tell you that they’re all gone.",
        "the liberation of Donbas.",
        "What is Russia Doing?",
        "Ukraine Calls On Russia to Withdraw From Zaporizhzhia Nuclear Plant",
        "has to be protected and to achieve that Russia has to withdraw its heavy weapons",
    ]:
        assert sentence in pages, sentence


def test_all_internal_links_and_anchors_resolve(output: Path) -> None:
    pages = [p for p in output.rglob("*.html") if p.name != "404.html"]
    assert len(pages) >= 9
    for page in pages:
        parsed = parse_page(page)
        for href in parsed.links + parsed.assets:
            target = resolve(output, page, href)
            if target is None:
                assert href.startswith("https://"), (page, href)
                continue
            path, fragment = target
            assert path.is_file(), (page, href)
            if fragment:
                assert fragment in parse_page(path).ids, (page, href)


def test_cross_links_go_both_ways(output: Path) -> None:
    article = parse_page(output / CHERNOBYL)
    assert "../../topics/chernobyl/" in article.links
    assert "../../topics/donbas/" in article.links
    topic = parse_page(output / "topics/chernobyl/index.html")
    assert "../../articles/russian-army-abandons-chernobyl/" in topic.links
    assert any(
        link.startswith("../../articles/russian-army-abandons-chernobyl/#s-")
        for link in topic.links
    )
    home = parse_page(output / "index.html")
    for target in [
        "topics/chernobyl/",
        "topics/zaporizhzhia-npp/",
        "topics/donbas/",
        "chronology/",
    ]:
        assert target in home.links


def test_region_mentions_do_not_tag_the_power_plant(output: Path) -> None:
    data = json.loads((output / "briefing.json").read_text())
    articles = {a["slug"]: a for a in data["articles"]}
    # Named as the plant four times; "southern Zaporizhzhia" and "Zaporizhzhia Oblast" are not.
    assert articles["putins-ukraine-disaster"]["mentions"] == {"zaporizhzhia-npp": 4}
    assert articles["russian-army-abandons-chernobyl"]["topics"][0] == "chernobyl"
    quotes = parse_page(output / "topics/zaporizhzhia-npp/index.html").text
    assert "Zaporizhzhia Oblast as they attempt to withdraw" not in quotes


def test_dates_keep_their_precision(output: Path) -> None:
    page = parse_page(output / ZNPP).text
    assert "December 2022" in page and "1 December 2022" not in page
    data = json.loads((output / "briefing.json").read_text())
    dates = {a["slug"]: (a["date"], a["date_precision"]) for a in data["articles"]}
    assert dates == {
        "russian-army-abandons-chernobyl": ("2022-03-31", "day"),
        "putins-ukraine-disaster": ("2022-12", "month"),
    }
    events = {e["date"]: e for e in data["events"]}
    assert events["2022-02-24"]["topics"] == ["chernobyl"]
    assert events["2022-09"]["precision"] == "month"
    chronology = parse_page(output / "chronology/index.html").text
    assert "24 February 2022" in chronology and "September 2022" in chronology


def test_feed_and_sitemap_use_absolute_urls(output: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(output / "feed.xml").getroot()
    links = [e.get("href") for e in feed.iter(f"{atom}link")]
    assert "https://example.github.io/briefing/articles/putins-ukraine-disaster/" in links
    titles = [e.text for e in feed.iter(f"{atom}title")]
    assert (
        "Putin’s Ukraine Disaster: Russian Military Might Be Leaving ‘Annexed’ Territory" in titles
    )
    sitemap = ET.parse(output / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.github.io/briefing/topics/donbas/" in locs
    assert all(loc.startswith("https://example.github.io/briefing/") for loc in locs)


def test_404_page_links_from_the_base_path(output: Path) -> None:
    page = parse_page(output / "404.html")
    assert all(a.startswith("/briefing/") for a in page.assets)
    assert "/briefing/chronology/" in page.links


class HeadParser(HTMLParser):
    """The link-preview tags (``<meta property|name=... content=...>``) and the icon."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.icon = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "meta" and "content" in found:
            self.meta.setdefault(found.get("property") or found.get("name", ""), found["content"])
        if tag == "link" and found.get("rel") == "icon":
            self.icon = found["href"]


def head_of(path: Path) -> HeadParser:
    parser = HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_has_link_previews_and_an_icon(output: Path) -> None:
    base = "https://example.github.io/briefing/"
    for page in output.rglob("*.html"):
        name = page.relative_to(output).as_posix()
        if name.startswith("pagefind/"):
            continue
        head = head_of(page)
        assert head.meta["og:site_name"] == "Nuclear sites under occupation", name
        assert head.meta["og:title"] and head.meta["twitter:title"], name
        assert head.meta["og:description"] and head.meta["twitter:card"] == "summary", name
        if name != "404.html":
            assert head.meta["og:url"] == base + name.removesuffix("index.html"), name
        icon = resolve(output, page, head.icon) if name != "404.html" else None
        assert name == "404.html" or (icon and icon[0].name == "favicon.svg"), name
        assert icon is None or icon[0].read_text().startswith("<svg"), name
    article = head_of(output / CHERNOBYL).meta
    assert (article["og:type"], article["article:published_time"]) == ("article", "2022-03-31")
    assert article["og:title"].startswith("Russian army abandons Chernobyl")
    assert head_of(output / "topics/donbas/index.html").meta["og:title"] == "Donbas"
    assert head_of(output / "index.html").meta["og:type"] == "website"


def test_home_page_says_as_of_when_and_links_the_report(output: Path) -> None:
    home = parse_page(output / "index.html")
    assert "As of December 2022" in home.text and "the date of the latest report" in home.text
    assert "report/" in home.links
    report = parse_page(output / "report/index.html").text
    assert "As of December 2022" in report
