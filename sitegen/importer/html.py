"""Saved web pages → blocks and declared meta data, via trafilatura (no hand-written scraping).

trafilatura's XML output keeps the structure we need (``<head>``, ``<list>``, ``<quote>``) and
its metadata reads ``og:site_name``, ``article:published_time``, author tags and JSON-LD. Date
extraction is limited to what the page declares: its "extensive search" guesses dates from
arbitrary text, which would invent a publication day.
"""

from __future__ import annotations

import re
import warnings
from xml.etree import ElementTree

from sitegen.dates import DateError, PartialDate
from sitegen.importer.blocks import Block
from sitegen.importer.decode import InputError
from sitegen.importer.metadata import Given

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000]))


def extract(html: str) -> tuple[list[Block], Given]:
    import trafilatura  # imported here: it takes a second to load and text input never needs it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trafilatura warns through logging and warnings alike
        xml = trafilatura.extract(
            html,
            output_format="xml",
            with_metadata=True,
            include_formatting=True,
            include_comments=False,
            include_images=False,
            include_tables=False,
            favor_recall=True,  # we remove leftover furniture ourselves; missing text is lost
            date_extraction_params=_DATE_PARAMS,
        )
    if not xml:
        raise InputError(
            "no article text found in this page",
            "save the page's text as a .txt file and import that instead",
        )
    root = ElementTree.fromstring(xml)
    main = root.find("main")
    blocks = list(_blocks(main)) if main is not None else []
    return blocks, _given(root.attrib)


def _blocks(main: ElementTree.Element) -> list[Block]:
    blocks: list[Block] = []
    for element in main:
        if element.tag == "head":
            level = int((element.get("rend") or "h2").lstrip("h") or 2)
            blocks.append(Block(_text(element), "heading", level=level))
        elif element.tag == "list":
            ordered = element.get("rend") == "ol"
            blocks.extend(
                Block(_text(item), "item", ordered=ordered) for item in element.iter("item")
            )
        elif element.tag == "quote":
            paragraphs = element.findall("p") or [element]
            blocks.extend(Block(_text(p), "quote") for p in paragraphs)
        else:
            blocks.append(Block(_text(element), "paragraph"))
    return [b for b in blocks if b.text]


def _text(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _given(attributes: dict[str, str]) -> Given:
    date = None
    if raw := attributes.get("date"):
        try:
            date = PartialDate.parse(raw)
        except DateError:
            date = None
    author = attributes.get("author") or None
    return Given(
        title=attributes.get("title") or None,
        date=date,
        source=attributes.get("sitename") or None,
        author=author.replace(";", ",") if author else None,
        url=attributes.get("source") or attributes.get("url") or None,
    )
