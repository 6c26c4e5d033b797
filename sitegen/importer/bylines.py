"""Who wrote an article and for which outlet, read from bylines, author boxes and copyright lines."""

from __future__ import annotations

import re

_NAME_WORD = r"[A-Z][\w'’.\-]*"  # names are capitalised: keeps "By the time …" out
_NAME = rf"{_NAME_WORD}(?:\s+(?:de |van |von |da |del |la |le )?{_NAME_WORD}){{1,3}}"
_BYLINE = re.compile(
    rf"^(?i:by|words by|written by|story by):?\s+(?P<name>{_NAME}(?:(?:\s*,\s*{_NAME})*\s+(?:and|&)\s+{_NAME})?)"
    r"(?P<rest>.*)$"
)
# "Nora Lindqvist in Valdoro": a byline without "By", trusted only in the page header.
_PLACED = re.compile(rf"^(?P<name>{_NAME}) in (?:[A-Z][\w'’\-]+)(?: [A-Z][\w'’\-]+)?$")
_ROLE = (
    r"(?i:editor|reporter|correspondent|writer|journalist|contributor|columnist|author|"
    r"analyst|producer|fellow|critic)"
)
# "Jack Buckby is 19FortyFive’s Breaking News Editor." / "Ana Ruiz is a staff reporter at …"
_BIO = re.compile(
    rf"^(?P<name>{_NAME})\s+is\s+(?:a|an|the|(?P<outlet>[\w.\-]+)['’]s)\b[^.]{{0,80}}\b{_ROLE}",
)
_TRADEMARK = re.compile(r"[“\"](?P<name>[^”\"]{2,60})[”\"] is a registered trademark", re.I)
_OWNER = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?\d{4},?\s+(?P<name>[^.|]{2,80})"
    # "Copyright The Financial Ledger Limited 2024": the year after the name.
    r"|copyright\s+(?:©\s*)?(?P<before>[A-Z][^.|©\d]{1,80}?)\s+\d{4}\b",
    re.I,
)
_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(?:ltd|limited|inc|llc|plc|gmbh|co|corp|or its affiliated companies|"
    r"all rights reserved)\.?\s*$",
    re.I,
)
_AGENCIES = {"AP": "The Associated Press", "Reuters": "Reuters", "AFP": "AFP"}
_WIRE_DATELINE = re.compile(r"^[^\n(]{2,60}\((?P<agency>AP|Reuters|AFP)\)\s*[—–-]")


def byline_author(text: str) -> str | None:
    """ "By Ana Ruiz", "By ANA RUIZ and TOM LEE, Associated Press" → the name(s)."""
    match = _BYLINE.match(text.strip())
    if not match or len(text.split()) > 16:
        return None
    rest = match.group("rest").strip()
    # Anything after the names must be an affiliation or a date, not the rest of a sentence.
    if rest and not re.match(r"^(?:[,|—–-]|\bfor\b|\bin\b|\bat\b)", rest):
        return None
    return _tidy_name(match.group("name"))


def placed_byline(text: str) -> str | None:
    match = _PLACED.match(text.strip())
    return _tidy_name(match.group("name")) if match else None


def bio_author(text: str) -> tuple[str, str | None] | None:
    """An author biography's subject and, when named, the outlet they work for."""
    match = _BIO.match(text.strip())
    if not match:
        return None
    return _tidy_name(match.group("name")), match.group("outlet")


def copyright_owner(text: str) -> str | None:
    """The outlet named on a copyright line, preferring its trademark over its company name."""
    if trademark := _TRADEMARK.search(text):
        return trademark.group("name").strip()
    if owner := _OWNER.search(text):
        name = (owner.group("name") or owner.group("before")).strip()
        while (trimmed := _LEGAL_SUFFIX.sub("", name)) != name:
            name = trimmed
        return name.strip(" ,") or None
    return None


def wire_agency(text: str) -> str | None:
    """ "NAIROBI, Kenya (AP) — …" → "The Associated Press"."""
    match = _WIRE_DATELINE.match(text)
    return _AGENCIES[match.group("agency")] if match else None


def _tidy_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,")
    # Wire bylines shout ("By JANE DOE"); names are written in their usual case elsewhere.
    if re.sub(r"\band\b", "", name).isupper():
        name = " ".join(word if word == "and" else word.title() for word in name.split())
    return name
