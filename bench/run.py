"""Benchmark sitegen against Hugo and Pelican on the same synthetic articles.

    python bench/run.py                   # 1,000 and 10,000 articles
    python bench/run.py --sizes 1000 10000 50000 --repeat 3

For each size it generates the corpus (``bench/corpus.py``), then times, as whole processes,
median of ``--repeat`` runs:

* sitegen cold (no output, no cache), warm (second build, nothing changed), the first edit
  after the cold build, and a later edit (one article's body changed, then ``sitegen
  build``), search indexing off so that all three tools do the same work;
* Hugo (Debian package ``hugo``) and Pelican (PyPI, installed into ``bench/.venv-pelican``)
  cold builds of the same articles, converted to their front-matter formats.

Peak memory is the largest proportional set size (PSS) summed over the whole process tree
(sitegen forks workers that share pages with it), sampled every 100 ms from /proc. Missing
Hugo or Pelican is reported, not fatal.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from calibrate import machine_seconds  # noqa: E402
from corpus import generate  # noqa: E402

import sitegen  # noqa: E402

PELICAN_VENV = HERE / ".venv-pelican"


@dataclass
class Run:
    seconds: float
    peak_mib: float


def tree_pss_kib(pid: int) -> int:
    """Proportional set size of a process and all its descendants, in KiB.

    PSS, not RSS: forked workers share most of their pages with the parent (copy-on-write),
    and summing RSS would count those pages once per process. PSS splits each shared page
    between the processes sharing it, so the sum is the memory the build really occupies.
    """
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, AttributeError):
            continue
    return total


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_pss_kib(process.pid))
            time.sleep(0.1)  # reading smaps_rollup stalls the process: not too often

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors.decode()[-2000:]}")
    return Run(elapsed, peak / 1024)


def median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs), statistics.median(r.peak_mib for r in runs)
    )


def sitegen_runs(site: Path, repeat: int) -> dict[str, Run]:
    command = [sys.executable, "-m", "sitegen", "build", "-q", str(site)]
    article = sorted((site / "content" / "articles").glob("*.md"))[
        len(os.listdir(site / "content" / "articles")) // 2
    ]
    original = article.read_text(encoding="utf-8")
    cold, warm, first, edit = [], [], [], []
    for attempt in range(repeat):
        for leftover in ("_site", "._site.spare", ".sitegen-cache"):
            shutil.rmtree(site / leftover, ignore_errors=True)
        cold.append(timed(command, site))
        warm.append(timed(command, site))
        # The first change after a cold build also fills the spare output tree (hard links
        # to every unchanged file); later changes find it filled. Both are measured.
        article.write_text(original + f"\nAn added sentence, edit {attempt}.\n", encoding="utf-8")
        first.append(timed(command, site))
        article.write_text(original + f"\nAnother sentence, edit {attempt}.\n", encoding="utf-8")
        edit.append(timed(command, site))
    article.write_text(original, encoding="utf-8")
    return {
        "sitegen cold": median(cold),
        "sitegen warm": median(warm),
        "sitegen first edit after cold": median(first),
        "sitegen one edit": median(edit),
    }


def hugo_site(site: Path, target: Path) -> None:
    """The corpus as a Hugo site: full dates (Hugo has no month precision) and a topics taxonomy."""
    content = target / "content" / "articles"
    content.mkdir(parents=True)
    (target / "hugo.yaml").write_text(
        "baseURL: https://example.org/\ntitle: Benchmark\ntaxonomies:\n  topic: topics\n"
        "disableKinds: [RSS]\n",
        encoding="utf-8",
    )
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True)
    base = '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>'
    (layouts / "baseof.html").write_text(base, encoding="utf-8")
    (layouts / "single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}'
        '{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}'
        '{{ range first 5 (.Site.RegularPages.Related .) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}',
        encoding="utf-8",
    )
    (layouts / "list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}{{ end }}{{ end }}',
        encoding="utf-8",
    )
    for path in (site / "content" / "articles").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^date: (\d{4}-\d{2})$", r"date: \1-01", text, flags=re.M)
        text = text.replace("\nsource:", "\ntopics: [" + _topics(text) + "]\nsource:", 1)
        (content / path.name).write_text(text, encoding="utf-8")


def _topics(text: str) -> str:
    title = re.search(r"^title: Report \d+ on (.+)$", text, flags=re.M)
    return title.group(1) if title else ""


def pelican_site(site: Path, target: Path) -> None:
    """The corpus in Pelican's Markdown metadata format."""
    content = target / "content"
    content.mkdir(parents=True)
    (target / "pelicanconf.py").write_text(
        "SITENAME = 'Benchmark'\nPATH = 'content'\nTIMEZONE = 'UTC'\nFEED_ALL_ATOM = None\n"
        "CATEGORY_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n"
        "RELATIVE_URLS = True\nDEFAULT_PAGINATION = False\n",
        encoding="utf-8",
    )
    for path in (site / "content" / "articles").glob("*.md"):
        front, body = path.read_text(encoding="utf-8").split("---\n", 2)[1:]
        title = re.search(r"^title: (.+)$", front, flags=re.M).group(1)  # type: ignore[union-attr]
        date = re.search(r"^date: (.+)$", front, flags=re.M).group(1)  # type: ignore[union-attr]
        date = date if len(date) == 10 else date + "-01"
        meta = f"Title: {title}\nDate: {date}\nTags: {_topics(path.read_text())}\nSlug: {path.stem}\n\n"
        (content / path.name).write_text(meta + body, encoding="utf-8")


def pelican_command() -> list[str] | None:
    executable = PELICAN_VENV / "bin" / "pelican"
    if not executable.exists():
        try:
            subprocess.run([sys.executable, "-m", "venv", str(PELICAN_VENV)], check=True)
            subprocess.run(
                [str(PELICAN_VENV / "bin" / "pip"), "install", "-q", "pelican[markdown]==4.12.0"],
                check=True,
            )
        except subprocess.CalledProcessError:
            return None
    return [str(executable)]


def compile_sitegen() -> None:
    """Byte-compile sitegen as ``pip install`` does (Pelican's venv install is compiled too):
    run from a checkout with PYTHONDONTWRITEBYTECODE set, as on this machine, every process
    would compile every module again, a tenth of a second a build that users never pay."""
    compileall.compile_dir(str(Path(sitegen.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description="sitegen vs Hugo vs Pelican")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-peers", action="store_true", help="time sitegen only")
    args = parser.parse_args()
    compile_sitegen()
    pelican = None if args.no_peers else pelican_command()
    hugo = None if args.no_peers else shutil.which("hugo")
    rows: list[tuple[int, str, Run]] = []
    print(f"machine calibration (bench/calibrate.py): {machine_seconds():.3f} s")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"sitegen-bench-{size}-") as folder:
            root = Path(folder)
            site = generate(root / "sitegen", size)
            with (site / "site.yaml").open("a", encoding="utf-8") as config:
                config.write("search: false\n")
            results = sitegen_runs(site, args.repeat)
            if hugo:
                hugo_site(site, root / "hugo")
                runs = []
                for _ in range(args.repeat):
                    shutil.rmtree(root / "hugo" / "public", ignore_errors=True)
                    runs.append(timed([hugo, "--quiet"], root / "hugo"))
                results["Hugo cold"] = median(runs)
            if pelican:
                pelican_site(site, root / "pelican")
                runs = []
                for _ in range(max(1, args.repeat if size <= 10000 else 1)):
                    shutil.rmtree(root / "pelican" / "output", ignore_errors=True)
                    runs.append(
                        timed([*pelican, "content", "-s", "pelicanconf.py", "-q"], root / "pelican")
                    )
                results["Pelican cold"] = median(runs)
            rows.extend((size, name, run) for name, run in results.items())
            print_table(rows)
            print(f"machine calibration after these rows: {machine_seconds():.3f} s")


def print_table(rows: list[tuple[int, str, Run]]) -> None:
    by_size: dict[int, dict[str, Run]] = {}
    for size, name, run in rows:
        by_size.setdefault(size, {})[name] = run
    print("\n| articles | build | seconds | peak MiB (PSS) | vs sitegen cold |")
    print("|---:|---|---:|---:|---:|")
    for size, results in by_size.items():
        cold = results["sitegen cold"].seconds
        for name, run in results.items():
            print(
                f"| {size:,} | {name} | {run.seconds:.2f} | {run.peak_mib:.0f} | {run.seconds / cold:.2f}× |"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
