"""The review loop end to end: import a folder of pages, build, review, settle every item
(the pages are described in tests/review_site.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.review_site import (
    ARTICLES,
    COOLING,
    DATED,
    LINE_1,
    LINE_2,
    NO_TITLE,
    PASSING,
    UKRAINIAN,
    UNDATED,
    UNRELATED,
    edit_front_matter,
    imported,
    new_site,
    sitegen,
)


def items(site: Path) -> list[tuple[str, int, str, str]]:
    result = sitegen(site, "review", "--json")
    report = json.loads(result.stdout)
    assert result.returncode == (1 if report["items"] else 0), result.stderr
    return [(i["path"], i["line"], i["kind"], i["subject"]) for i in report["items"]]


def test_a_folder_of_pages_imports_builds_and_lists_what_to_check(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site")
    result = sitegen(site, "import", "pages")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == (
        "8 imported, 8 need review, 1 duplicate skipped; 'sitegen review' lists what to check"
    )
    assert (
        f"pages/no-headline.txt → {NO_TITLE}: no title found · 2022-03-09 · no source found · "
        "needs review: title, source"
    ) in lines
    assert (
        f"pages/no-date.txt → {UNDATED}: “Regulator asks for staff rotation at Chernobyl” · "
        "no date found · no source found · needs review: date, source"
    ) in lines
    assert f"pages/ukrainian.txt → {UKRAINIAN}: “Енергодар: на Запорізькій АЕС" in result.stdout
    assert f"pages/line-repaired-2.txt → {LINE_2}: “Power line repaired at the plant”" in (
        result.stdout
    )
    assert (
        f"pages/saved-again-cooling.txt: not imported: the same story as {COOLING} "
        "(similarity 1.00); --force imports it anyway"
    ) in lines

    # Importing the folder again changes nothing and says why, page by page.
    again = sitegen(site, "import", "pages")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1] == (
        "0 imported, 0 need review, 8 already imported, 1 duplicate skipped"
    )
    assert f"pages/no-date.txt: already imported as {UNDATED}; --force replaces it" in again.stdout

    # The date was found elsewhere: --force puts it in the same article, renamed.
    dated = sitegen(site, "import", "pages/no-date.txt", "--date", "2022-03-14", "--force")
    assert dated.returncode == 0, dated.stderr
    assert f"(replaces {UNDATED}, kept as {UNDATED}.bak)" in dated.stdout
    files = sorted(p.name for p in (site / ARTICLES).iterdir())
    assert files == sorted(
        [Path(n).name for n in (COOLING, NO_TITLE, UKRAINIAN, LINE_1, LINE_2, PASSING)]
        + [Path(UNRELATED).name, Path(DATED).name, Path(UNDATED).name + ".bak"]
    )

    built = sitegen(site, "build")
    assert built.returncode == 0, built.stderr
    assert built.stderr == (
        "1 article held back for review (no title yet): 'sitegen review' lists them\n"
    )
    assert built.stdout.startswith("built 7 articles, 2 topics, ")

    assert items(site) == [
        (COOLING, 6, "needs_review", "source"),
        (NO_TITLE, 5, "needs_review", "title"),
        (NO_TITLE, 5, "needs_review", "source"),
        (UKRAINIAN, 6, "needs_review", "source"),
        (DATED, 6, "needs_review", "source"),
        (LINE_1, 6, "needs_review", "source"),
        (LINE_2, 6, "needs_review", "source"),
        (PASSING, 6, "needs_review", "source"),
        (PASSING, 16, "single_mention", "zaporizhzhia-npp"),
        (UNRELATED, 6, "needs_review", "source"),
        (UNRELATED, 8, "no_topic", "topics"),
    ]
    listed = sitegen(site, "review")
    assert listed.returncode == 1
    assert listed.stdout.splitlines()[-1] == (
        "11 items need review in 8 articles (1 held back from the site)"
    )
    assert (
        f"{NO_TITLE}:5: no headline found: the article is held back from the site until it "
        "has one\n    edit: add 'title: <the headline as the page prints it>' to the front "
        "matter and delete 'title' from needs_review\n"
    ) in listed.stdout
    checked = sitegen(site, "check", "--no-build")
    assert checked.stdout.splitlines()[-1] == (
        "11 items need review in 8 articles (1 held back from the site): "
        "'sitegen review' lists them"
    )


def test_doing_each_edit_the_list_gives_clears_it(tmp_path: Path) -> None:
    site = imported(tmp_path / "site")
    for name in (COOLING, UKRAINIAN, DATED, LINE_1, LINE_2, PASSING, UNRELATED, NO_TITLE):
        edit_front_matter(site, name, done="source")  # no outlet named: just confirm
    edit_front_matter(site, NO_TITLE, title="Transformer replaced at Chernobyl", done="title")
    edit_front_matter(site, PASSING, exclude=["zaporizhzhia-npp"])
    # Taken off its one topic, the farmers' story is on none: the list says so next.
    assert items(site) == [(PASSING, 8, "no_topic", "topics"), (UNRELATED, 6, "no_topic", "topics")]
    for name in (PASSING, UNRELATED):
        edit_front_matter(site, name, topics=[])
    assert items(site) == []
    assert sitegen(site, "review").stdout == "nothing needs review\n"
    built = sitegen(site, "build")
    assert built.returncode == 0 and built.stderr == "", built.stderr
    assert built.stdout.startswith("built 8 articles, 2 topics, ")
    data = json.loads((site / "_site" / "briefing.json").read_text(encoding="utf-8"))
    farmers = next(a for a in data["articles"] if a["slug"] == "farmers-in-the-south-start")
    assert farmers["topics"] == []


PARTIES = """\
parties:
  - slug: ukraine
    name: Ukraine
    aliases: [Ukraine, Ukrainian]
  - slug: iaea
    name: IAEA
    aliases: [IAEA, inspectors]
"""


def test_speakers_no_party_names_are_listed_until_an_alias_names_them(tmp_path: Path) -> None:
    site = imported(tmp_path / "site")
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + PARTIES, encoding="utf-8")
    speakers = [
        (path, subject) for path, _, kind, subject in items(site) if kind == "unmatched_speaker"
    ]
    assert speakers == [(COOLING, "s-1"), (UKRAINIAN, "s-1"), (UNRELATED, "s-1")]
    listed = sitegen(site, "review").stdout
    parties_line = config.read_text(encoding="utf-8").splitlines().index("parties:") + 1
    assert (
        f"{UKRAINIAN}:10: speaker “the town council of Enerhodar” of the event 2022-03-12 in "
        "s-1 matched no party, so the event is claimed by no party: “Workers restored a backup "
        "power line to the Zaporizhzhia nuclear power plant.”\n"
        "    edit: add it to the aliases of the party it speaks for in "
        f"site.yaml:{parties_line} ('parties:'), e.g. 'aliases: [..., the town council of "
        "Enerhodar]'; a speaker of no side goes in a party with 'side: other'\n"
    ) in listed

    # Each edit as the list gives it: the operator and the council speak for Ukraine; the
    # city for no side, so it goes in a party of side "other".
    report = json.loads(sitegen(site, "review", "--json").stdout)
    aliases = {
        item["path"]: item["edit"].split("'aliases: [..., ", 1)[1].split("]'", 1)[0]
        for item in report["items"]
        if item["kind"] == "unmatched_speaker"
    }
    settled = PARTIES.replace(
        "[Ukraine, Ukrainian]", f"[Ukraine, Ukrainian, {aliases[COOLING]}, {aliases[UKRAINIAN]}]"
    ) + (
        f"  - slug: city-hall\n    name: City hall\n    side: other\n"
        f"    aliases: [{aliases[UNRELATED]}]\n"
    )
    config.write_text(
        config.read_text(encoding="utf-8").replace(PARTIES, settled), encoding="utf-8"
    )
    assert [kind for _, _, kind, _ in items(site) if kind == "unmatched_speaker"] == []
    built = sitegen(site, "build")
    assert built.returncode == 0, built.stderr
    data = json.loads((site / "_site" / "briefing.json").read_text(encoding="utf-8"))
    claims = {(e["claimed_by"], e["party"], e["side"]) for e in data["events"] if e["claimed_by"]}
    assert claims == {
        ("the plant's operator", "ukraine", "ukraine"),
        ("the town council of Enerhodar", "ukraine", "ukraine"),
        ("the city", "city-hall", "other"),
    }
