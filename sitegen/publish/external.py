"""Fetch external links (``sitegen check --external``): HEAD first, GET where HEAD is refused.

Requests run a few at a time with a short timeout, so one slow server cannot stall the
check; a failure is a warning, since other people's sites break without the author's fault.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from sitegen import __version__

TIMEOUT = 5.0  # seconds per request
WORKERS = 8
_HEADERS = {"User-Agent": f"sitegen/{__version__} link checker"}


def fetch_status(url: str, timeout: float = TIMEOUT) -> str | None:
    """None when ``url`` answers, else why not (status code or error)."""
    reason = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=_HEADERS)
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as exc:
            reason = f"HTTP {exc.code}"  # some servers refuse HEAD: try GET before giving up
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return str(getattr(exc, "reason", exc))
    return reason


def failing_urls(urls: Iterable[str], timeout: float = TIMEOUT) -> dict[str, str]:
    """``{url: reason}`` for each URL that does not answer."""
    unique = sorted(set(urls))
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = pool.map(lambda url: fetch_status(url, timeout), unique)
        return {url: reason for url, reason in zip(unique, results, strict=True) if reason}
