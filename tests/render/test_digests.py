"""The digests' declaration: which of them an edit to article bodies alone can change."""

from __future__ import annotations

from functools import cached_property

from sitegen.render.digests import BODY_BLIND, BODY_SEEING, Digests


def test_every_digest_says_whether_bodies_change_it() -> None:
    """The body-edit path keeps the digests of BODY_BLIND from the last build: a digest
    named in neither list would be carried over, or dropped, without anyone deciding."""
    digests = {name for name, value in vars(Digests).items() if isinstance(value, cached_property)}
    assert set(BODY_BLIND) | set(BODY_SEEING) == digests
    assert not set(BODY_BLIND) & set(BODY_SEEING)
