"""The address GitHub Pages serves a repository's site at, and the base URL a deploy uses."""

from __future__ import annotations

import pytest

from sitegen.publish.pages_url import choose_base_url, pages_address

PROJECT = "https://octo-org.github.io/briefing/"


@pytest.mark.parametrize(
    "remote",
    [
        "https://github.com/Octo-Org/briefing.git",
        "https://github.com/Octo-Org/briefing",
        "https://token@github.com/Octo-Org/briefing.git",
        "git@github.com:Octo-Org/briefing.git",
        "ssh://git@github.com/Octo-Org/briefing.git",
        "ssh://git@github.com:22/Octo-Org/briefing/",
    ],
)
def test_a_project_repository_is_served_under_its_name(remote: str) -> None:
    address = pages_address(remote)
    assert address is not None
    assert address.url.lower() == PROJECT
    assert "github.com/Octo-Org/briefing" in address.reason


def test_a_user_site_repository_is_served_at_the_root() -> None:
    address = pages_address("git@github.com:octo-org/Octo-Org.github.io.git")
    assert address is not None and address.url == "https://octo-org.github.io/"


def test_a_custom_domain_wins() -> None:
    address = pages_address("https://github.com/octo-org/briefing.git", "news.example.org")
    assert address is not None and address.url == "https://news.example.org/"
    assert "cname" in address.reason


@pytest.mark.parametrize(
    "remote", ["/srv/git/briefing.git", "https://gitlab.com/o/r.git", "https://github.com/o"]
)
def test_other_remotes_have_no_pages_address(remote: str) -> None:
    assert pages_address(remote) is None


def test_the_choice_names_what_it_used_and_why() -> None:
    github = "https://github.com/octo-org/briefing.git"
    derived = choose_base_url(None, "/", github)
    assert derived.url == PROJECT and derived.disagrees
    assert derived.message() == (
        f"base URL {PROJECT} (the GitHub Pages address of github.com/octo-org/briefing); "
        "site.yaml's base_url / was not used (pass --base-url to choose another)"
    )
    same = choose_base_url(None, PROJECT.rstrip("/"), github)
    assert not same.disagrees and "not used" not in same.message()
    given = choose_base_url("https://elsewhere.example/b/", "/", github)
    assert given.url == "https://elsewhere.example/b/" and "--base-url" in given.reason
    kept = choose_base_url(None, "https://mirror.example/", "/srv/git/b.git")
    assert kept.url == "https://mirror.example/" and kept.absolute and not kept.disagrees
    assert not choose_base_url(None, "/", "/srv/git/b.git").absolute
