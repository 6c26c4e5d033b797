"""What a build tells the author: its summary line, the plan it ran, its problems, and the
articles and dates it left out. Shared by ``sitegen build`` and the preview server's log."""

from __future__ import annotations

import sys

from sitegen.build import BuildResult
from sitegen.errors import BuildError
from sitegen.model import Site


def print_problems(error: BuildError) -> None:
    count = len(error.problems)
    for problem in error.problems:
        print(problem, file=sys.stderr)
    print(
        f"build failed: {count} problem{'s' * (count != 1)}; the previous site was left as it was",
        file=sys.stderr,
    )


def summary(result: BuildResult) -> str:
    site, report = result.site, result.report
    return (
        f"built {len(site.articles)} articles, {len(site.topics)} topics, {event_counts(site)}"
        f" → {result.output} ({result.rendered}/{result.pages} pages rendered, "
        f"{len(report.written)} files written, {report.unchanged} unchanged, "
        f"{len(report.removed)} removed) in {result.seconds:.2f} s"
    )


def plan_line(result: BuildResult) -> str:
    """Which plan the build ran (see sitegen.plans), and why it was not the body-edit path."""
    return f"  plan: {result.path}" + (f" ({result.reason})" if result.reason else "")


def held_back(site: Site) -> str:
    """The line saying which articles the build left out, or "" when it left out none."""
    count = len(site.held_back)
    if not count:
        return ""
    missing = sorted({name for article in site.held_back for name in article.missing})
    return (
        f"{count} article{'s' * (count != 1)} held back for review (no {' or '.join(missing)}"
        " yet): 'sitegen review' lists them"
    )


def event_counts(site: Site) -> str:
    """Where the chronology came from: "5 events (3 extracted, 2 from front matter, 1 merged)"."""
    report = site.chronology
    parts = [f"{report.extracted} extracted", f"{report.front_matter} from front matter"]
    if report.curated:
        parts.append(f"{report.curated} curated")
    parts.append(f"{report.merged} merged")
    count = len(site.events)
    return f"{count} event{'s' * (count != 1)} ({', '.join(parts)})"


def unresolved_dates(site: Site) -> list[str]:
    """One line per date expression left out of the chronology, for ``--verbose``."""
    report = site.chronology
    return [
        f"  {kind} {u.path}:{u.line} ({u.anchor}): {u.expression!r}: {u.reason}"
        for kind, items in (("unresolved date", report.unresolved),
                            ("background date", report.background))
        for u in items
    ]  # fmt: skip
