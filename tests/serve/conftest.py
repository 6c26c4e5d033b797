"""Fixtures of the preview's browser tests: a running preview of the test module's ``site``
fixture, and a browser tab of its own context."""

from __future__ import annotations

import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions
from sitegen.serve.app import Preview

WAIT = 10_000  # ms; every expectation gives up after this


@pytest.fixture
def preview(site: Path) -> Iterator[Preview]:
    """``sitegen serve`` of ``site`` on a free port, built and answering."""
    preview = Preview(BuildOptions(site), "127.0.0.1", 0)
    assert preview.start()
    thread = threading.Thread(target=preview.serve_forever, daemon=True)
    thread.start()
    with urllib.request.urlopen(preview.url, timeout=5) as response:  # serving now
        assert response.status == 200
    yield preview
    preview.close()
    thread.join(5)


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A new browser context per test; more tabs can be opened from ``tab.context``."""
    context = browser.new_context()
    context.set_default_timeout(WAIT)
    yield context.new_page()
    context.close()
