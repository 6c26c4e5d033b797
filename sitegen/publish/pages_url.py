"""Which base URL a deploy builds with: the address GitHub Pages will serve the site at.

A repository ``github.com/OWNER/REPO`` is published at ``https://OWNER.github.io/REPO/``, one
named ``OWNER.github.io`` at ``https://OWNER.github.io/``, and one with a custom domain
(``cname`` in site.yaml) at that domain. ``sitegen deploy`` builds with that address unless
``--base-url`` names another, and says which it used and why (:class:`BaseUrlChoice`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The forms of a GitHub remote: https (with or without credentials), scp-like ssh, ssh://
# and git:// URLs; REPO may end in ".git" or "/".
_GITHUB = re.compile(
    r"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com(?::\d+)?/"
    r"|git://github\.com/)(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/"
    r"(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$",
    re.IGNORECASE,
)
DEFAULT_BASE_URL = "/"


@dataclass(frozen=True)
class PagesAddress:
    url: str  # ends in "/"
    reason: str  # where it comes from, as a message says it


def pages_address(remote_url: str, cname: str = "") -> PagesAddress | None:
    """Where GitHub Pages serves the site of the repository at ``remote_url``; None when
    that is not a GitHub repository and there is no custom domain."""
    if cname.strip():
        host = cname.strip().removeprefix("https://").removeprefix("http://").strip("/")
        return PagesAddress(f"https://{host}/", f"the custom domain in site.yaml's cname: {host}")
    match = _GITHUB.match(remote_url.strip())
    if match is None:
        return None
    owner, repo = match["owner"], match["repo"]
    where = f"the GitHub Pages address of github.com/{owner}/{repo}"
    user_site = f"{owner.lower()}.github.io"
    if repo.lower() == user_site:
        return PagesAddress(f"https://{user_site}/", where)
    return PagesAddress(f"https://{user_site}/{repo}/", where)


@dataclass(frozen=True)
class BaseUrlChoice:
    """The base URL a deploy builds with, and why."""

    url: str
    reason: str
    configured: str  # site.yaml's base_url ("/" when it has none)

    @property
    def disagrees(self) -> bool:
        return _normal(self.url) != _normal(self.configured)

    def message(self) -> str:
        """One line for the deploy's output; it names site.yaml's value when not used."""
        line = f"base URL {self.url} ({self.reason})"
        if self.disagrees:
            line += (
                f"; site.yaml's base_url {self.configured} was not used"
                " (pass --base-url to choose another)"
            )
        return line

    @property
    def absolute(self) -> bool:
        return self.url.startswith(("http://", "https://"))


def choose_base_url(
    given: str | None, configured: str, remote_url: str, cname: str = ""
) -> BaseUrlChoice:
    """``--base-url`` if ``given``, else the Pages address of ``remote_url``, else site.yaml's."""
    if given is not None:
        return BaseUrlChoice(given, "from --base-url", configured)
    address = pages_address(remote_url, cname)
    if address is not None:
        return BaseUrlChoice(address.url, address.reason, configured)
    reason = "site.yaml's base_url: the remote is not on github.com and site.yaml has no cname"
    return BaseUrlChoice(configured, reason, configured)


def _normal(url: str) -> str:
    return url if url.endswith("/") else url + "/"
