"""Check every link, anchor and asset of a built site, as a browser would resolve them.

Each HTML file is parsed once (``html.parser``) for its ids and its references. A reference
is resolved against the URL the page is served at (under the site's base path), so the check
catches links that work on ``/`` but break under a GitHub Pages subpath. ``404.html`` is
served at any depth, so relative references there are broken too; root-absolute ones
elsewhere are only warned about, as they break viewing the site from ``file://``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from sitegen.config import SiteConfig
from sitegen.errors import Problem

# (tag, attribute) pairs that reference another file; srcset holds a list of candidates.
_LINKS = {("a", "href"), ("area", "href"), ("form", "action")}
_ASSETS = {
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
}
_IGNORED_SCHEMES = ("mailto", "tel", "javascript", "data", "blob", "about")
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class Reference:
    page: str  # output path of the page holding it, e.g. "articles/x/index.html"
    line: int
    url: str
    asset: bool  # a stylesheet, script or image rather than a link to follow


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0  # references checked, external ones included
    broken: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    external: dict[str, list[Reference]] = field(default_factory=dict)  # URL → where used


class _PageParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.parsed = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.parsed.ids.add(value)
            key = (tag, name)
            if key == ("link", "href") and self._is_hint(attrs):
                continue
            if key in _LINKS or key in _ASSETS:
                urls = _srcset(value) if name == "srcset" else [value.strip()]
                self.parsed.references.extend(
                    Reference(self.page, line, url, key in _ASSETS) for url in urls
                )

    @staticmethod
    def _is_hint(attrs: list[tuple[str, str | None]]) -> bool:
        """``<link rel=canonical|alternate>`` names a URL, it is not loaded with the page."""
        rel = dict(attrs).get("rel") or ""
        return bool({"canonical", "alternate", "preconnect", "dns-prefetch"} & set(rel.split()))


def _srcset(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


def parse_page(path: Path, page: str) -> ParsedPage:
    parser = _PageParser(page)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.parsed


def check_links(output: Path, config: SiteConfig) -> LinkReport:
    """Check the site in ``output`` as served under ``config.base_path``."""
    pages = {
        p.relative_to(output).as_posix(): p
        for p in sorted(output.rglob("*.html"))
        if p.relative_to(output).parts[0] != "pagefind"  # the search bundle's own files
    }
    parsed = {name: parse_page(path, name) for name, path in pages.items()}
    report = LinkReport(pages=len(parsed))
    for name, page in parsed.items():
        for ref in page.references:
            report.links += 1
            if _is_external(ref.url, config):
                report.external.setdefault(ref.url, []).append(ref)
                continue
            for problem, fatal in _check(ref, config.base_path + name, output, parsed, config):
                (report.broken if fatal else report.warnings).append(problem)
    return report


def _check(
    ref: Reference, page_url: str, output: Path, parsed: dict[str, ParsedPage], config: SiteConfig
) -> Iterator[tuple[Problem, bool]]:
    """Problems with one internal reference: (problem, True) when broken, (problem, False) to warn."""
    url, what = ref.url, "asset" if ref.asset else "link"
    if urlsplit(url).scheme.lower() in _IGNORED_SCHEMES:
        return
    if _in_site(url, config):  # an absolute URL into the site: check the page it names
        url = config.base_path + url.removeprefix(config.absolute_base)
    elif ref.page == NOT_FOUND_PAGE and not url.startswith(("/", "#")):
        yield _problem(ref, f"relative {what} {url!r} in 404.html", _HINT_404), True
        return
    elif url.startswith("/") and ref.page != NOT_FOUND_PAGE:
        yield (
            _problem(ref, f"root-absolute {what} {url!r} breaks file:// viewing", _HINT_ABS),
            False,
        )
    resolved = urlsplit(urljoin(page_url, url))
    path = unquote(resolved.path)
    if not path.startswith(config.base_path):
        yield _problem(ref, f"{what} {url!r} leads outside the site ({config.base_path})"), True
        return
    target = _target_file(output, path.removeprefix(config.base_path))
    if target is None:
        yield _problem(ref, f"broken {what} {url!r}: nothing at {path}"), True
    elif resolved.fragment and target.endswith(".html"):
        fragment = unquote(resolved.fragment)
        if fragment not in parsed[target].ids and fragment != "top":
            yield _problem(ref, f"broken anchor {url!r}: {target} has no id {fragment!r}"), True


def _target_file(output: Path, relative: str) -> str | None:
    """The output file a site path is served from (as GitHub Pages would), or None."""
    if relative == "" or relative.endswith("/"):
        candidates = [f"{relative}index.html"]
    else:  # GitHub Pages serves /x from x, redirects it to x/ for a folder, or serves x.html
        candidates = [relative, f"{relative}/index.html", f"{relative}.html"]
    return next((c for c in candidates if (output / c).is_file()), None)


def _in_site(url: str, config: SiteConfig) -> bool:
    return config.absolute_base.startswith("http") and url.startswith(config.absolute_base)


def _is_external(url: str, config: SiteConfig) -> bool:
    absolute = urlsplit(url).scheme.lower() in ("http", "https") or url.startswith("//")
    return absolute and not _in_site(url, config)


def _problem(ref: Reference, message: str, hint: str = "") -> Problem:
    return Problem(ref.page, ref.line, message, hint)


_HINT_404 = "404.html is served at any depth: start its links with the base path ({{ root }})"
_HINT_ABS = "use a relative link ({{ root }}...) so the site also works opened from disk"
