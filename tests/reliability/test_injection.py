"""Hostile strings from sources are inert everywhere the site shows them.

The same site is built twice: with plain strings, and with hostile ones in the same places
(title, summary, source, author, URL, topic name, aliases, body). Parsers then read every
output: each HTML page must have exactly the elements and attribute names of its plain twin
(so no string opened a tag or an attribute), no script or event handler of its own and no
``javascript:``/``data:`` link; JSON, the Atom feed and the sitemap must parse and give the
hostile strings back unchanged, as text.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitegen.build import BuildOptions, build
from tests.sites import article, write_files

PLAIN = {
    "title": "Plain title",
    "summary": "Plain summary.",
    "source": "Plain source",
    "author": "Plain author",
    "url": "https://example.com/plain",
    "topic": "Plain topic",
    "alias": "Plainalias",
    "link": "file:///plain",  # refused like the hostile one: both bodies keep it as text
}
HOSTILE = {
    "title": '<script>alert(1)</script>"onmouseover="alert(2)',
    "summary": "</script><script>alert(3)</script> ]]> <!-- &amp; \u2028",
    "source": "<img src=x onerror=alert(4)>",
    "author": "' onfocus='alert(5)",
    "url": 'https://example.com/"onmouseover="alert(6)"/</script>?a=1&b=]]>',
    "topic": "<b>Bold</b>",
    "alias": '"onmouseover=',
    "link": "javascript:alert(7)",
}
FORBIDDEN_SCHEMES = ("javascript", "data", "vbscript")
NS = {"atom": "http://www.w3.org/2005/Atom", "sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def injection_site(root: Path, values: dict[str, str]) -> Path:
    """The one-article site of this test, with ``values`` in every place a source's string
    shows (not the make_site fixture: two sites, one module-scoped build each)."""
    site_yaml = (
        "title: Injection\nbase_url: https://example.org/b/\nsearch: false\ntopics:\n"
        f"  - slug: hostile\n    name: {json.dumps(values['topic'])}\n"
        f"    aliases: [{json.dumps(values['alias'])}]\n"
    )
    body = (
        f"First sentence names {values['alias']} here.\n\n"
        f"A [link]({values['link']}) and a [data link](data:text/html,<script>alert(8)</script>).\n"
    )
    meta = {k: values[k] for k in ("summary", "source", "author", "url")}
    text = article(values["title"], "2022-03-01", body, slug="story", **meta)
    return write_files(root, {"site.yaml": site_yaml, "content/articles/story.md": text})


class Structure(HTMLParser):
    """Start tags with their attribute names, and every attribute value that holds a URL."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple[str, tuple[str, ...]]] = []
        self.urls: list[str] = []
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shape.append((tag, tuple(sorted(name for name, _ in attrs))))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.urls.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> Structure:
    parser = Structure()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    built = []
    for name, values in (("plain", PLAIN), ("hostile", HOSTILE)):
        site = injection_site(tmp_path_factory.mktemp(name), values)
        built.append(build(BuildOptions(site, strict_templates=True)).output)
    return built[0], built[1]


def html_pages(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))


def test_html_pages_have_the_plain_structure(outputs: tuple[Path, Path]) -> None:
    plain, hostile = outputs
    assert html_pages(hostile) == html_pages(plain)
    for name in html_pages(hostile):
        page = parse(hostile / name)
        assert page.shape == parse(plain / name).shape, name
        assert page.handlers == [], name
        schemes = {urlsplit(url.strip()).scheme.lower() for url in page.urls}
        assert not schemes & set(FORBIDDEN_SCHEMES), (name, schemes)


def test_hostile_strings_show_as_text(outputs: tuple[Path, Path]) -> None:
    _, hostile = outputs
    text = "".join(parse(hostile / "articles/story/index.html").text)
    for key in ("title", "source", "author"):
        assert HOSTILE[key] in text, key
    assert "javascript:alert(7)" in text  # the refused link stays visible as text


def test_json_export_returns_the_strings(outputs: tuple[Path, Path]) -> None:
    _, hostile = outputs
    raw = (hostile / "briefing.json").read_text(encoding="utf-8")
    story = json.loads(raw)["articles"][0]
    assert (story["title"], story["source"], story["url"]) == (
        HOSTILE["title"],
        HOSTILE["source"],
        HOSTILE["url"],
    )


def test_atom_feed_parses_and_returns_the_strings(outputs: tuple[Path, Path]) -> None:
    _, hostile = outputs
    feed = ET.parse(hostile / "feed.xml").getroot()
    entry = feed.find("atom:entry", NS)
    assert entry is not None
    assert entry.findtext("atom:title", namespaces=NS) == HOSTILE["title"]
    summary = entry.findtext("atom:summary", namespaces=NS) or ""
    assert summary.split() == HOSTILE["summary"].split()
    hrefs = [link.get("href", "") for link in feed.iter(f"{{{NS['atom']}}}link")]
    assert all(urlsplit(h).scheme in ("http", "https") for h in hrefs), hrefs


def test_sitemap_parses_and_stays_on_the_site(outputs: tuple[Path, Path]) -> None:
    _, hostile = outputs
    root = ET.parse(hostile / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in root.iter(f"{{{NS['sm']}}}loc")]
    assert locs and all(loc.startswith("https://example.org/b/") for loc in locs)
