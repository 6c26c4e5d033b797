"""Machine-readable outputs built in Python: Atom feed, sitemap, robots.txt.

ElementTree writes the XML, so every title and summary is escaped by the serializer rather
than by hand; URLs are absolute, from ``base_url``, as feed readers and crawlers need.
"""

from __future__ import annotations

import datetime as dt

from sitegen import __version__
from sitegen.model import Site

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 50


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom_feed(site: Site) -> bytes:
    config = site.config
    base = config.absolute_base
    articles = list(site.articles.values())[:FEED_SIZE]
    import xml.etree.ElementTree as ET  # here: a build that changed no card writes no feed

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = config.title
    if config.description:
        ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = config.description
    ET.SubElement(feed, f"{{{ATOM}}}id").text = base
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + "feed.xml")
    updated = max((a.date.start() for a in articles), default=dt.date(2000, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated)
    ET.SubElement(feed, f"{{{ATOM}}}generator", version=__version__).text = "sitegen"
    for article in articles:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = article.title
        ET.SubElement(entry, f"{{{ATOM}}}link", href=base + article.page)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = base + article.page
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(article.date.start())
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = (
            article.author or article.source or config.title
        )
        for slug in article.topics:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=slug, label=site.topics[slug].name)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = article.summary
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def sitemap(site: Site, pages: list[str]) -> bytes:
    base = site.config.absolute_base
    import xml.etree.ElementTree as ET  # here, as in atom_feed

    ET.register_namespace("", SITEMAP)
    urlset = ET.Element(f"{{{SITEMAP}}}urlset")
    modified = {a.page: a.date for a in site.articles.values()}
    for page in pages:
        url = ET.SubElement(urlset, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = base + page
        if page in modified and modified[page].precision == "day":
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = modified[page].iso()
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)


def robots(site: Site) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {site.config.absolute_base}sitemap.xml\n".encode()
