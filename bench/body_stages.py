"""Where a body's rendering time goes, without a profiler's distortion.

    python bench/body_stages.py              # the 1,000-article benchmark corpus
    python bench/body_stages.py --size 10000
    python bench/body_stages.py --dense-dates  # extraction from sentences full of dates

cProfile multiplies the cost of code made of many small Python calls (ours) several times
more than that of larger ones, so ``bench/cold_profile.py`` shows the body stages' order but
not their sizes. This times each stage over every body of the corpus, in one process, best
of three: markdown-it alone (CommonMark, no plugins), our renderer (markdown-it with our
rules: sentences, mentions, links, wikilinks, and packing the sentences for the body store),
of which the packing alone, and event extraction from the rendered sentences (with the
sentences front-matter events cite), as a build worker does it.

``--dense-dates`` times event extraction alone on the chronology tests' development cases
(tests/fixtures/chronology/dev.yaml, written for the tests): news sentences denser with dates
than the corpus's, as one body, per sentence and for 1,000 articles of 36 sentences (a
700-word article). The aim is well under 10 s for those 1,000 articles (docs/performance.md).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import generate  # noqa: E402

from sitegen.build import BuildOptions, load_site  # noqa: E402
from sitegen.cache import BuildCache  # noqa: E402
from sitegen.content.articles import read_body  # noqa: E402
from sitegen.dates import PartialDate  # noqa: E402
from sitegen.enrich.bodies import body_context  # noqa: E402
from sitegen.enrich.extract import extract, prepare  # noqa: E402
from sitegen.errors import Problems  # noqa: E402
from sitegen.markdown import make_renderer  # noqa: E402
from sitegen.model import BodyContent, Sentence  # noqa: E402

DEV_CASES = HERE.parent / "tests" / "fixtures" / "chronology" / "dev.yaml"
SENTENCES_PER_ARTICLE = 36  # a 700-word article of the corpus


def best_of(rounds: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def dense_dates() -> None:
    from sitegen.enrich.dateeval import load_cases

    cases = load_cases(DEV_CASES)
    body = [Sentence(f"s-{n}", case.sentence, n) for n, case in enumerate(cases, 1)]
    prepare()
    extract(body, PartialDate(2023, 6, 15))  # warm: the first call compiles the grammar
    took = best_of(3, lambda: extract(body, PartialDate(2023, 6, 15))) / len(body)
    per_thousand = took * SENTENCES_PER_ARTICLE * 1000
    print(f"{len(body)} date-dense sentences (tests/fixtures/chronology/dev.yaml), best of 3:")
    print(f"  event extraction  {took * 1e6:6.0f} µs a sentence")
    print(f"  1,000 articles of {SENTENCES_PER_ARTICLE} such sentences  {per_thousand:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument(
        "--dense-dates", action="store_true", help="time extraction on date-dense sentences only"
    )
    args = parser.parse_args()
    if args.dense_dates:
        dense_dates()
        return
    with tempfile.TemporaryDirectory(prefix="sitegen-bodies-") as folder:
        site = load_site(BuildOptions(generate(Path(folder), args.size)), Problems(), BuildCache())
        bodies = [(article, read_body(article)) for article in site.articles.values()]
    context = body_context(site)
    render = make_renderer(site.config.markdown.allow_html)
    prepare()
    rendered = [render(text, article.body_line, context) for article, text in bodies]
    plain = MarkdownIt("commonmark")
    gc.disable()  # as in a build (see sitegen.build.rare_collections)
    stages = {
        "markdown-it alone": lambda: [plain.render(text) for _, text in bodies],
        "our renderer (markdown-it and our rules)": lambda: [
            render(text, article.body_line, context) for article, text in bodies
        ],
        "  of which packing the sentences": lambda: [
            BodyContent.of(result.content.html, result.content.sentences) for result in rendered
        ],
        "event extraction": lambda: [
            extract(result.content.sentences, article.date, article.event_specs)
            for (article, _), result in zip(bodies, rendered, strict=True)
        ],
    }
    print(f"{len(bodies)} bodies, best of 3, one process:")
    for label, work in stages.items():
        print(f"  {label:<42} {best_of(3, work):6.3f} s")


if __name__ == "__main__":
    main()
