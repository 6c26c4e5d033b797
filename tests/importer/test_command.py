"""End to end: ``python -m sitegen import …`` in a temporary folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitegen.content import frontmatter

# Copies of the project's two seed articles (../shared/seeds/), so the tests need nothing
# outside the repository.
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_000 = SEEDS / "000_03409695b2ff4963.txt"
SEED_001 = SEEDS / "001_098a3bc80ae4f80b.txt"
URL_000 = (
    "https://theheraldafrica.com/2022/05/29/"
    "russian-army-abandons-chernobyl-as-putin-repositions-troops-in-major-tactical-move/"
)
URL_001 = (
    "https://19fortyfive.com/2022/12/"
    "putins-ukraine-disaster-russian-military-might-be-leaving-annexed-territory/"
)
DEV = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "dev"


def sitegen(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitegen", "import", *args, "--into", "out"],
        cwd=cwd, input=stdin.decode() if stdin else None, capture_output=True, text=True,
    )  # fmt: skip


def meta(path: Path) -> dict:
    return frontmatter.split(path.read_text(encoding="utf-8")).meta


def test_seeds_with_overrides(tmp_path: Path) -> None:
    first = sitegen(tmp_path, str(SEED_000), "--date", "2022-03-31", "--url", URL_000)
    second = sitegen(tmp_path, str(SEED_001), "--url", URL_001)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    a = meta(tmp_path / "out" / "2022-03-31-russian-army-abandons-chernobyl.md")
    assert a["title"].startswith("Russian army abandons Chernobyl as Putin")
    assert (a["date"], a["source"], a.get("author")) == ("2022-03-31", "Daily Express", None)
    b = meta(tmp_path / "out" / "2022-12-putins-ukraine-disaster.md")
    assert (b["date"], b["source"], b["author"]) == ("2022-12", "19FortyFive", "Jack Buckby")
    assert "date" not in b.get("needs_review", [])


def test_seeds_without_overrides(tmp_path: Path) -> None:
    result = sitegen(tmp_path, str(SEED_000), str(SEED_001), "--json")
    report = {Path(r["input"]).name: r for r in json.loads(result.stdout)}
    a, b = report[SEED_000.name], report[SEED_001.name]
    # Its only year is a copyright footer's, which says when the page was served: no date.
    assert (a["date"], a["source"]) == (None, "Daily Express")
    assert "date" in a["needs_review"]
    assert b["date"] is None and b["path"].endswith("undated-putins-ukraine-disaster.md")
    assert b["author"] == "Jack Buckby"
    body = (tmp_path / b["path"]).read_text(encoding="utf-8")
    assert "## What is Russia Doing?" in body and "Advertisement" not in body


def test_json_shape_and_dry_run(tmp_path: Path) -> None:
    result = sitegen(tmp_path, str(DEV / "wire_port_strike.txt"), "--json", "--dry-run")
    assert result.returncode == 0
    [report] = json.loads(result.stdout)
    assert {"input", "path", "title", "date", "date_precision", "source", "author", "url",
            "needs_review", "duplicate_of", "removed_lines"} <= set(report)  # fmt: skip
    assert report["date_precision"] == "day"
    assert {"line": 3, "text": "By LENA VOGEL and MARCUS HALE"}.items() <= report["removed_lines"][
        1
    ].items()
    assert not (tmp_path / "out").exists()


def test_reimport_is_recognised_and_force_keeps_backup(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_bytes((DEV / "local_library.txt").read_bytes())
    assert sitegen(tmp_path, str(source)).returncode == 0
    [written] = (tmp_path / "out").glob("*.md")
    again = sitegen(tmp_path, str(source))
    assert again.returncode == 0
    assert f"already imported as {written.relative_to(tmp_path)}; --force" in again.stdout
    assert "0 imported, 0 need review, 1 already imported" in again.stdout
    forced = sitegen(tmp_path, str(source), "--force")
    assert forced.returncode == 0, forced.stderr
    assert written.with_name(written.name + ".bak").exists()
    assert [p.name for p in (tmp_path / "out").glob("*.md")] == [written.name]


def test_force_with_a_new_date_renames_the_same_article(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_bytes((DEV / "tabloid_heatwave.txt").read_bytes())
    assert sitegen(tmp_path, str(source)).returncode == 0
    [undated] = (tmp_path / "out").glob("*.md")
    assert undated.name.startswith("undated-")
    assert "already imported" in sitegen(tmp_path, str(source), "--date", "2023-07-14").stdout
    forced = sitegen(tmp_path, str(source), "--date", "2023-07-14", "--force")
    assert forced.returncode == 0, forced.stderr
    [dated] = (tmp_path / "out").glob("*.md")
    assert dated.name == "2023-07-14" + undated.name.removeprefix("undated")
    assert meta(dated)["date"] == "2023-07-14"
    backup = undated.with_name(undated.name + ".bak")
    assert "date" not in meta(backup) and f"kept as out/{backup.name}" in forced.stdout
    assert sitegen(tmp_path, str(source), "--date", "2023-07-14").stdout.startswith(
        f"{source}: already imported as out/{dated.name}"
    )


def test_an_authors_file_keeps_its_name_and_the_import_takes_the_next(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "2023-09-08-library-branch-to-reopen.md"
    target.write_text("---\ntitle: Mine\n---\n\nSomething else entirely.\n")
    result = sitegen(tmp_path, str(DEV / "local_library.txt"))
    assert result.returncode == 0, result.stderr
    assert target.read_text().startswith("---\ntitle: Mine")
    assert "→ out/2023-09-08-library-branch-to-reopen-2.md: “Library branch" in result.stdout


def test_one_line_per_page_then_a_summary(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("wire_port_strike.txt", "tabloid_heatwave.txt"):
        (pages / name).write_bytes((DEV / name).read_bytes())
    (pages / "again.txt").write_bytes((DEV / "wire_port_strike.txt").read_bytes())
    (pages / "empty.txt").write_bytes(b"")
    result = sitegen(tmp_path, "pages")
    assert result.returncode == 1  # the empty page; every other page was still handled
    assert result.stdout.splitlines() == [
        "pages/again.txt → out/2023-03-04-dockworkers-walk-out-at-europes.md: “Dockworkers walk "
        "out at Europe's busiest port over automation plans” · 2023-03-04 · The Associated Press",
        "pages/tabloid_heatwave.txt → out/undated-heatwave-warning-as-met-office.md: “Heatwave "
        "warning as Met Office says 34C possible within days” · no date found · no source found"
        " · needs review: date, source, author",
        "pages/wire_port_strike.txt: not imported: the same story as "
        "out/2023-03-04-dockworkers-walk-out-at-europes.md (similarity 1.00); "
        "--force imports it anyway",
        "2 imported, 1 needs review, 1 duplicate skipped, 1 failed; "
        "'sitegen review' lists what to check",
    ]
    assert result.stderr.startswith("pages/empty.txt: error: ")
    quiet = sitegen(tmp_path, "pages", "-q")
    assert quiet.stdout.splitlines() == [result.stdout.splitlines()[2]]
    assert quiet.stderr.startswith("pages/empty.txt: error: ") and "note:" not in quiet.stderr


def test_near_duplicate_reported_not_written(tmp_path: Path) -> None:
    original = (DEV / "wire_port_strike.txt").read_text(encoding="utf-8")
    copy = tmp_path / "republished.txt"
    copy.write_text(original.replace("Thousands of", "Several thousand") + "\nRead More\n")
    assert sitegen(tmp_path, str(DEV / "wire_port_strike.txt")).returncode == 0
    result = sitegen(tmp_path, str(copy), "--json")
    [report] = json.loads(result.stdout)
    assert report["duplicate_of"] and report["duplicate_of"].endswith(".md")
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_bad_inputs_reported_others_imported(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    good = str(DEV / "tabloid_heatwave.txt")
    result = sitegen(tmp_path, "empty.txt", "image.txt", "missing.txt", good)
    assert result.returncode == 1
    for name in ("empty.txt: error", "image.txt: error", "missing.txt: error"):
        assert name in result.stderr
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_cp1252_input_decoded_with_warning(tmp_path: Path) -> None:
    text = (DEV / "local_library.txt").read_text(encoding="utf-8").replace('"', "“", 1)
    (tmp_path / "old.txt").write_bytes(text.encode("cp1252"))
    result = sitegen(tmp_path, "old.txt")
    assert result.returncode == 0 and "warning" in result.stderr and "cp1252" in result.stderr
    [written] = (tmp_path / "out").glob("*.md")
    assert "“When we opened" in written.read_text(encoding="utf-8")


def test_stdin_and_usage_errors(tmp_path: Path) -> None:
    data = (DEV / "reuters_election.txt").read_bytes()
    result = sitegen(tmp_path, "-", "--source", "Reuters", stdin=data)
    assert result.returncode == 0, result.stderr
    [written] = (tmp_path / "out").glob("*.md")
    assert meta(written)["imported_from"] == "stdin"
    assert sitegen(tmp_path, "a.txt", "b.txt", "--url", "https://x.example").returncode == 2
    assert sitegen(tmp_path, "a.txt", "--date", "2022-13").returncode == 2


def test_folder_is_imported_recursively(tmp_path: Path) -> None:
    nested = tmp_path / "pages" / "more"
    nested.mkdir(parents=True)
    for name in ("bbc_flood.txt", "page_council_budget.html"):
        (nested / name).write_bytes((DEV / name).read_bytes())
    result = sitegen(tmp_path, "pages")
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.md"))) == 2
