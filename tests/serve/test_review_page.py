"""The review list in the preview without a browser: the banner, the /_review/ page, the
server's routes to them, and what a rebuild tells the pages."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sitegen.build import BuildOptions
from sitegen.review import KINDS, Item
from sitegen.serve.reload import Broadcaster
from sitegen.serve.review_page import PAGE, ReviewList, add_banner
from sitegen.serve.server import PreviewServer, ServedSite
from sitegen.serve.session import Session
from tests.serve.test_server import get, serve
from tests.sites import article

HELD = Item("content/articles/undated-a.md", 3, "needs_review", "date", "no date", "add it", "a")
SOURCE = Item(
    "content/articles/b.md", 4, "needs_review", "source", "no <outlet>", "add it", "b",
    "articles/b/",
)  # fmt: skip
ONCE = Item(
    "content/articles/b.md", 9, "single_mention", "donbas", "once", "confirm", "b", "articles/b/"
)
LISTED = ReviewList(
    (HELD, SOURCE, ONCE), "3 items need review", "T & Co", {"articles/b/": [SOURCE, ONCE]}
)


def test_the_banner_counts_links_and_names_what_this_article_needs() -> None:
    banner = LISTED.banner("articles/b/index.html", "/briefing/").decode()
    assert 'href="/briefing/_review/"' in banner
    assert "3 items need review · this article: source, donbas on one mention" in banner
    assert "this article" not in LISTED.banner("index.html", "/").decode()
    assert LISTED.banner(PAGE, "/") == b""  # the list does not link to itself
    assert ReviewList().banner("index.html", "/") == b""  # nothing open: no banner


def test_the_banner_names_every_kind_of_item() -> None:
    for kind in KINDS:
        item = Item("content/articles/b.md", 1, kind, "s-1", "what", "edit", "b", "articles/b/")
        listed = ReviewList((item,), "1 item needs review", "T", {"articles/b/": [item]})
        assert "· this article: " in listed.banner("articles/b/index.html", "/").decode()


def test_the_banner_goes_first_in_the_body() -> None:
    assert add_banner(b'<html><BODY class="x"><p>a</p>', b"<div>b</div>") == (
        b'<html><BODY class="x"><div>b</div><p>a</p>'
    )
    assert add_banner(b"<p>no body</p>", b"<div>b</div>") == b"<div>b</div><p>no body</p>"
    assert add_banner(b"<body>x", b"") == b"<body>x"


def test_the_page_lists_every_item_by_file_escaped() -> None:
    page = LISTED.page("/").decode()
    assert page.count('class="review-item"') == 3
    assert "<title>Review · T &amp; Co</title>" in page and "no &lt;outlet&gt;" in page
    held, published = page.split("<section>")[1:]
    assert "undated-a.md" in held and "held back from the site" in held
    assert 'href="/articles/b/">its page</a>' in published
    assert LISTED.version != ReviewList().version


@pytest.fixture
def listed(tmp_path: Path) -> Iterator[PreviewServer]:
    (tmp_path / "index.html").write_text("<html><body>home</body></html>")
    yield from serve(ServedSite(tmp_path, "/briefing/", LISTED), Broadcaster())


def test_the_server_answers_review_and_adds_the_banner(listed: PreviewServer) -> None:
    status, headers, body = get(listed, "/briefing/_review/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "What needs review" in body and 'id="sitegen-review"' not in body
    config = json.loads(body.split('data-sitegen-live="')[1].split('"')[0].replace("&quot;", '"'))
    assert config["files"] == [PAGE] and config["review"] == LISTED.version
    status, headers, _ = get(listed, "/briefing/_review")
    assert status == 301 and headers["Location"] == "/briefing/_review/"
    _, _, home = get(listed, "/briefing/")
    assert home.startswith('<html><body><div id="sitegen-review"')
    assert get(listed, "/_review/")[0] == 404  # only under the site's base path


def test_a_rebuild_tells_the_pages_when_the_list_changes(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/articles/a.md": article("A", "2022-03-01", "It rained.\n")})
    live = Broadcaster()
    session = Session(BuildOptions(site), live)
    stream = live.subscribe(None)
    assert session.build()
    first = json.loads(stream.get(1).decode().split("data: ")[1])
    assert PAGE in first["changed"] and first["review"] == session.site.review.version
    assert [item.kind for item in session.site.review.items] == ["no_topic"]
    path = site / "content" / "articles" / "a.md"
    path.write_text(article("A", "2022-03-01", "It rained on Donbas.\n"))
    assert session.build({path})
    fixed = json.loads(stream.get(1).decode().split("data: ")[1])
    assert PAGE in fixed["changed"] and session.site.review.items == ()
    path.write_text(article("A", "2022-03-01", "It rained on Donbas again.\n"))
    assert session.build({path})
    same = json.loads(stream.get(1).decode().split("data: ")[1])
    assert PAGE not in same["changed"] and same["review"] == fixed["review"]
