"""Generate a deterministic synthetic briefing for benchmarks.

``python bench/corpus.py DIR --articles 1000`` writes ``DIR/site.yaml`` and
``DIR/content/articles/*.md``: ~700-word articles drawn from a fixed vocabulary with a seeded
random generator, each mentioning a few of 12 topics (by their aliases), dated across three
years at mixed precision, some with front-matter events and wikilinks to earlier articles.
The same arguments always give the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TOPICS = [
    ("chernobyl", "Chernobyl", ["Chernobyl", "Chornobyl"]),
    ("zaporizhzhia-npp", "Zaporizhzhia NPP", ["Zaporizhzhia nuclear power plant", "ZNPP"]),
    ("donbas", "Donbas", ["Donbas", "Luhansk", "Donetsk"]),
    ("kherson", "Kherson", ["Kherson"]),
    ("crimea", "Crimea", ["Crimea", "Crimean peninsula"]),
    ("kharkiv", "Kharkiv", ["Kharkiv"]),
    ("iaea", "IAEA", ["IAEA", "International Atomic Energy Agency"]),
    ("grain", "Grain corridor", ["grain corridor", "Black Sea grain deal"]),
    ("energy", "Energy grid", ["power grid", "energy infrastructure"]),
    ("belarus", "Belarus", ["Belarus", "Minsk"]),
    ("mariupol", "Mariupol", ["Mariupol", "Azovstal"]),
    ("sanctions", "Sanctions", ["sanctions", "export controls"]),
]
WORDS = (
    "officials",
    "said",
    "forces",
    "moved",
    "troops",
    "near",
    "the",
    "city",
    "while",
    "reports",
    "described",
    "heavy",
    "shelling",
    "overnight",
    "residents",
    "were",
    "evacuated",
    "and",
    "ministry",
    "confirmed",
    "that",
    "talks",
    "would",
    "continue",
    "analysts",
    "warned",
    "of",
    "further",
    "escalation",
    "as",
    "supplies",
    "ran",
    "low",
    "engineers",
    "restored",
    "power",
    "to",
    "several",
    "districts",
    "after",
    "inspectors",
    "arrived",
    "assess",
    "damage",
    "at",
    "facility",
    "government",
    "announced",
    "new",
    "measures",
    "protect",
    "civilians",
    "in",
    "region",
)


def sentence(rng: random.Random, topic_alias: str | None) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 24))
    if topic_alias:
        words.insert(rng.randint(1, len(words) - 1), topic_alias)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, index: int) -> tuple[str, str]:
    topics = rng.sample(TOPICS, k=rng.randint(1, 3))
    year = 2021 + index % 3
    month = 1 + (index * 7) % 12
    day = 1 + (index * 13) % 28
    precision = rng.random()
    date = f"{year}-{month:02d}" if precision < 0.15 else f"{year}-{month:02d}-{day:02d}"
    slug = f"report-{index:05d}"
    paragraphs = []
    for _ in range(rng.randint(8, 10)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            alias = rng.choice(rng.choice(topics)[2]) if rng.random() < 0.3 else None
            sentences.append(sentence(rng, alias))
        paragraphs.append(" ".join(sentences))
    if index > 10 and rng.random() < 0.2:
        paragraphs.append(f"See also [[report-{rng.randrange(index):05d}]].")
    events = ""
    if rng.random() < 0.3:
        events = (
            f"events:\n  - date: {year}-{month:02d}\n"
            f"    text: {topics[0][1]} situation changes, report {index}\n"
        )
    front = (
        f"---\ntitle: Report {index} on {topics[0][1]}\ndate: {date}\nsource: Wire {index % 17}\n"
        f"{events}---\n"
    )
    return slug, front + "\n\n".join(paragraphs) + "\n"


def site_yaml() -> str:
    lines = ["title: Benchmark briefing", "description: Synthetic corpus.", "topics:"]
    for slug, name, aliases in TOPICS:
        lines += [f"  - slug: {slug}", f"    name: {name}", f"    aliases: {aliases!r}"]
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    articles = folder / "content" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (folder / "site.yaml").write_text(site_yaml(), encoding="utf-8")
    for index in range(count):
        slug, text = article(rng, index)
        (articles / f"{slug}.md").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.folder, args.articles, args.seed)


if __name__ == "__main__":
    main()
