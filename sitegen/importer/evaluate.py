"""Measure the importer on a set of pages with known answers (``*.expected.yaml`` beside each).

An expected file gives ``title``, ``author``, ``source``, ``date`` (null when the page does not
say), ``furniture`` (lines that must go) and, for HTML pages, ``keep`` (sentences that must
stay). For text pages every line that is neither furniture nor the headline must stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitegen.importer import blocks, lexical, pipeline
from sitegen.importer.metadata import Given

FIELDS = ("title", "author", "source", "date")
_MARKER = re.compile(r"^(?:#{1,6} |- |\d+\. |> )")


@dataclass
class CaseScore:
    name: str
    must_keep: int = 0
    kept: int = 0
    furniture: int = 0
    removed: int = 0
    lost: list[str] = field(default_factory=list)  # real sentences missing from the body
    left: list[str] = field(default_factory=list)  # furniture still in the body
    fields: dict[str, bool] = field(default_factory=dict)
    wrong: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field: (expected, got)


def cases(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for expected in sorted(folder.glob("*.expected.yaml")):
        stem = expected.name.removesuffix(".expected.yaml")
        source = next(p for p in folder.iterdir() if p.stem == stem and p.suffix != ".yaml")
        found.append((source, yaml.safe_load(expected.read_text(encoding="utf-8"))))
    return found


def score(source: Path, expected: dict[str, Any]) -> CaseScore:
    article = pipeline.build(source.read_bytes(), source.name, Given())
    units = _units(article.body)
    result = CaseScore(source.stem)
    furniture = [lexical.normalise(t) for t in expected.get("furniture") or []]
    for text in furniture:
        result.furniture += 1
        present = text in units or (len(text) >= 25 and any(text in u for u in units))
        result.removed += not present
        if present:
            result.left.append(text)
    title = lexical.normalise(expected.get("title") or "")
    for text in _must_keep(source, expected, set(furniture) | {title}):
        result.must_keep += 1
        result.kept += text in units
        if text not in units:
            result.lost.append(text)
    meta = article.meta
    got = {"title": meta.title, "author": meta.author, "source": meta.source,
           "date": meta.date.iso() if meta.date else None}  # fmt: skip
    for name in FIELDS:
        want = expected.get(name)
        right = _same(want, got[name])
        result.fields[name] = right
        if not right:
            result.wrong[name] = (want, got[name])
    return result


def table(scores: list[CaseScore], label: str) -> str:
    rows = [f"{label:28} {'kept':>9} {'removed':>9}  " + " ".join(f"{f:>6}" for f in FIELDS)]
    for s in scores:
        marks = " ".join(f"{'ok' if s.fields[f] else 'WRONG':>6}" for f in FIELDS)
        rows.append(
            f"{s.name:28} {s.kept:>4}/{s.must_keep:<4} {s.removed:>4}/{s.furniture:<4}  {marks}"
        )
    kept, must = sum(s.kept for s in scores), sum(s.must_keep for s in scores)
    removed, furniture = sum(s.removed for s in scores), sum(s.furniture for s in scores)
    right = " ".join(f"{sum(s.fields[f] for s in scores):>3}/{len(scores):<2}" for f in FIELDS)
    rows.append(
        f"{'TOTAL':28} {100 * kept / max(must, 1):>8.1f}% {100 * removed / max(furniture, 1):>8.1f}%  "
        + right
    )
    for s in scores:
        rows += [f"  {s.name}: lost {t!r}" for t in s.lost]
        rows += [f"  {s.name}: left {t!r}" for t in s.left]
        rows += [f"  {s.name}: {f} expected {w!r}, got {g!r}" for f, (w, g) in s.wrong.items()]
    return "\n".join(rows)


def _must_keep(source: Path, expected: dict[str, Any], excluded: set[str]) -> list[str]:
    if "keep" in expected:
        return [lexical.normalise(t) for t in expected["keep"]]
    lines = blocks.from_text(source.read_text(encoding="utf-8"))
    texts = (lexical.normalise(b.text) for b in lines)
    return [t for t in texts if t not in excluded]


def _units(body: str) -> set[str]:
    units = set()
    for line in re.split(r"\n+", body):
        text = _MARKER.sub("", line.strip())
        units.add(lexical.normalise(re.sub(r"\\(.)", r"\1", text)))
    return units


def _same(want: Any, got: Any) -> bool:
    if want is None or got is None:
        return want is None and got is None
    return lexical.normalise(str(want)) == lexical.normalise(str(got))
