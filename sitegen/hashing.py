"""Short stable digests of strings: cache keys and the digests pages depend on."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def digest(parts: Iterable[str]) -> str:
    """A digest of ``parts`` in order; the separator keeps ``["ab", "c"]`` from ``["a", "bc"]``.

    Stable across processes and Python versions (unlike ``hash()``), so it can key what is
    stored between builds.
    """
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


def value_digest(value: object, size: int = 8) -> str:
    """A digest of a value made of strings, numbers, tuples, lists and dicts (insertion
    order counts). One ``repr`` separates and quotes the parts, so distinct values never
    collide, for less than hashing the parts one by one costs (docs/performance.md)."""
    return hashlib.blake2b(repr(value).encode(), digest_size=size).hexdigest()
