"""The build engine as a whole: one build at a time per site."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from sitegen.build import BuildOptions, BuildResult, build, output_lock
from tests.sites import article

FILES = {
    "content/articles/one.md": article("One", "2022-03-01", "Inspectors reached Chernobyl.\n"),
    "content/articles/two.md": article("Two", "2022-03-02", "Shelling near Zaporizhzhia.\n"),
}


def test_a_build_waits_while_another_holds_the_output(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES)
    results: list[BuildResult] = []
    worker = threading.Thread(target=lambda: results.append(build(BuildOptions(site))))
    with output_lock(site):
        worker.start()
        worker.join(0.5)
        assert worker.is_alive() and not (site / "_site").exists()
    worker.join(60)
    assert len(results) == 1 and (site / "_site" / "articles" / "one" / "index.html").is_file()


def test_builds_at_the_same_time_leave_a_whole_site(make_site: Callable[..., Path]) -> None:
    site = make_site(FILES)
    build(BuildOptions(site))
    (site / "content" / "articles" / "one.md").write_text(
        article("One, revised", "2022-03-01", "Inspectors left Chernobyl.\n"), encoding="utf-8"
    )
    errors: list[BaseException] = []

    def again() -> None:
        try:
            build(BuildOptions(site))
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    workers = [threading.Thread(target=again) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert errors == []
    final = build(BuildOptions(site))
    assert final.report.written == [] and final.report.removed == []
    page = (site / "_site" / "articles" / "one" / "index.html").read_text(encoding="utf-8")
    assert "Inspectors left Chernobyl" in page
