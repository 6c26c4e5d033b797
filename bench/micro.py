"""The small measurements behind sitegen's choices of one way over another, again.

    python bench/micro.py            # every case
    python bench/micro.py mentions date-scanner

The code says *why* it does something one way ("a named tuple: quicker to make and pack than
a dataclass"); docs/performance.md keeps the numbers, measured when the choice was made, and
names the case of this script that measures each again. A case times both ways in this
process, best of nine runs with the two ways taking turns, and prints the two times and their
ratio; ``imports`` times each lazy import in a fresh interpreter instead. Absolute times vary
with the machine and its load (see bench/calibrate.py); the ratios are what the choices rest
on, and they too move with the load: run a case twice before trusting it.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import marshal
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import TOPICS, generate  # noqa: E402

from sitegen.dates import PartialDate  # noqa: E402
from sitegen.enrich import dategrammar, mentions  # noqa: E402
from sitegen.hashing import value_digest  # noqa: E402
from sitegen.model import Citation, Event, Sentence  # noqa: E402

ROUNDS = 9


def timed(work: Callable[[], object], repeat: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        work()
    return time.perf_counter() - started


def best(work: Callable[[], object], repeat: int = 1) -> float:
    return min(timed(work, repeat) for _ in range(ROUNDS))


def both(chosen: Callable[[], object], other: Callable[[], object], n: int) -> tuple[float, float]:
    """The best of ROUNDS runs of each way, the two ways taking turns (a machine shared with
    other work slows both alike)."""
    ours, theirs = [], []
    for _ in range(ROUNDS):
        ours.append(timed(chosen, n))
        theirs.append(timed(other, n))
    return min(ours), min(theirs)


def compare(label: str, chosen: Callable[[], object], other: Callable[[], object], n: int) -> None:
    """Print both ways' times for ``n`` runs and how many times quicker the chosen one is."""
    ours, theirs = both(chosen, other, n)
    print(f"  {label:<58} {ours * 1e3:8.2f} ms  vs {theirs * 1e3:8.2f} ms  ({theirs / ours:.1f}×)")


def corpus_paragraphs(count: int = 300) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="sitegen-micro-") as folder:
        site = generate(Path(folder), count)
        texts = [p.read_text().split("---\n", 2)[2] for p in (site / "content/articles").iterdir()]
    return [para for text in texts for para in text.split("\n\n") if para.strip()]


@dataclasses.dataclass(frozen=True)
class SentenceRecord:
    """Sentence's fields as a frozen dataclass: the other way to make a value nothing may
    change (a mutable dataclass is about as quick to make as the named tuple)."""

    anchor: str
    text: str
    line: int
    topics: tuple[str, ...] = ()


def case_sentence() -> None:
    """As the renderer makes them (``Sentence(...)``) and BodyContent packs and unpacks them."""
    fields = [(f"s-{n}", f"Sentence number {n} of a body.", n, ("chernobyl",)) for n in range(36)]
    tuples = [Sentence(*f) for f in fields]
    records = [SentenceRecord(*f) for f in fields]
    packed = marshal.dumps(fields)
    compare(
        "make 36 sentences: NamedTuple / frozen dataclass",
        lambda: [Sentence(a, t, n, c) for a, t, n, c in fields],
        lambda: [SentenceRecord(a, t, n, c) for a, t, n, c in fields],
        1000,
    )
    compare(
        "pack them for the body store",
        lambda: marshal.dumps(list(map(tuple, tuples))),
        lambda: marshal.dumps([(s.anchor, s.text, s.line, s.topics) for s in records]),
        1000,
    )
    compare(
        "unpack them",
        lambda: list(map(Sentence._make, marshal.loads(packed))),
        lambda: [SentenceRecord(*f) for f in marshal.loads(packed)],
        1000,
    )


def case_event_copy() -> None:
    citation = Citation("a-report", "Troops left the plant.", "s-3")
    event = Event(
        "2022-03-31-troops", PartialDate(2022, 3, 31), "Troops left.", ["chernobyl"], [citation]
    )
    compare(
        "Event.copy / dataclasses.replace, 10,000 events",
        event.copy,
        lambda: dataclasses.replace(event),
        10_000,
    )


def part_by_part(value: tuple[object, ...]) -> str:
    """How digests were made before value_digest: each part's repr hashed in turn."""
    h = hashlib.blake2b(digest_size=8)
    for part in value:
        h.update(repr(part).encode())
        h.update(b"\0")
    return h.hexdigest()


def case_value_digest() -> None:
    card = (
        "troops-leave-the-plant",
        "Troops leave the plant",
        (2022, 3, 31),
        "Troops began leaving the plant on Thursday, officials said.",
        "Daily Test",
        "Jane Doe",
        "https://example.com/troops-leave-the-plant",
        ("chernobyl", "donbas"),
        {"chernobyl": 3, "donbas": 1},
    )
    compare(
        "value_digest / each part hashed in turn, 10,000 cards",
        lambda: value_digest(card),
        lambda: part_by_part(card),
        10_000,
    )


def case_manifest() -> None:
    manifest = {f"articles/report-{n}/index.html": f"{n:016x}" for n in range(10_000)}
    compare(
        "marshal.dumps / json.dumps, a 10,000-page manifest",
        lambda: marshal.dumps(manifest),
        lambda: json.dumps(manifest),
        10,
    )


def case_access() -> None:
    with tempfile.TemporaryDirectory(prefix="sitegen-micro-") as folder:
        names = [f"{folder}/page-{n}.html" for n in range(2_000)]
        for name in names:
            Path(name).write_bytes(b"")
        compare(
            "os.access(F_OK) / os.path.isfile, 2,000 files",
            lambda: [os.access(name, os.F_OK) for name in names],
            lambda: [os.path.isfile(name) for name in names],
            10,
        )


@dataclasses.dataclass
class Topic:
    slug: str
    aliases: tuple[str, ...]
    exclude: tuple[str, ...] = ()


def case_mentions() -> None:
    paragraphs = corpus_paragraphs()
    matcher = mentions.MentionMatcher([Topic(slug, tuple(a)) for slug, _, a in TOPICS])
    aliases = sorted((a.lower() for _, _, names in TOPICS for a in names), key=len, reverse=True)
    alternation = re.compile(r"\b(?:" + "|".join(map(re.escape, aliases)) + r")\b", re.I)
    compare(
        f"trie regex / alternation of aliases (IGNORECASE), {len(paragraphs)} paragraphs",
        lambda: [list(matcher.finditer(p)) for p in paragraphs],
        lambda: [list(alternation.finditer(p)) for p in paragraphs],
        1,
    )
    pattern = matcher._pattern
    assert pattern is not None and pattern.pattern.startswith(r"\b")
    lookbehind = re.compile(r"(?<!\w)" + pattern.pattern.removeprefix(r"\b"))
    lowered = [p.lower() for p in paragraphs]
    compare(
        r"trie regex starting \b / (?<!\w)",
        lambda: [list(pattern.finditer(p)) for p in lowered],
        lambda: [list(lookbehind.finditer(p)) for p in lowered],
        1,
    )


def case_date_scanner() -> None:
    sentences = [s for p in corpus_paragraphs(100) for s in re.split(r"(?<=\.)\s+", p)]
    sentences += [
        "On 24 February 2022, troops crossed the border near Kharkiv, officials said.",
        "The plant lost power on March 4 and again on Friday, the agency reported.",
    ] * 100
    anchored = dategrammar._SCANNER
    everywhere = re.compile("|".join(f"(?P<{n}>{p})" for n, p in dategrammar._ANCHORED.items()))
    per = len(sentences)
    ours, theirs = both(
        lambda: [list(anchored.finditer(s)) for s in sentences],
        lambda: [list(everywhere.finditer(s)) for s in sentences],
        1,
    )
    print(
        f"  {'anchored scanner / every alternative at every position':<58} "
        f"{ours / per * 1e6:8.1f} µs vs {theirs / per * 1e6:8.1f} µs a sentence "
        f"({theirs / ours:.1f}×)"
    )


def case_imports() -> None:
    """Each lazily imported module, in a fresh interpreter that has imported sitegen.cli."""
    for module in ("yaml", "jinja2", "markdown_it", "subprocess", "tempfile"):
        code = (
            "import time, sitegen.cli; started = time.perf_counter(); "
            f"import {module}; print(time.perf_counter() - started)"
        )
        runs = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(ROUNDS)
        ]
        print(f"  import {module:<51} {min(runs) * 1e3:8.2f} ms")


def _nothing(item: int) -> int:
    return item


def case_fork() -> None:
    def pool() -> None:
        with multiprocessing.get_context("fork").Pool(2) as workers:
            workers.map(_nothing, range(2))

    took = best(pool)
    print(f"  {'a pool of 2 forked workers, started, used once, ended':<58} {took * 1e3:8.2f} ms")


CASES: dict[str, Callable[[], None]] = {
    "sentence": case_sentence,
    "event-copy": case_event_copy,
    "value-digest": case_value_digest,
    "manifest": case_manifest,
    "access": case_access,
    "mentions": case_mentions,
    "date-scanner": case_date_scanner,
    "imports": case_imports,
    "fork": case_fork,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", metavar="CASE", help=", ".join(CASES))
    chosen = parser.parse_args().cases or list(CASES)
    unknown = [name for name in chosen if name not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; the cases are {', '.join(CASES)}")
    for name in chosen:
        print(f"{name}:")
        CASES[name]()


if __name__ == "__main__":
    main()
