"""The bad-input suite: one fixture site per case, each with its exact expected behaviour.

Every case starts from a site that built cleanly, then adds (or replaces) the files of the
case and builds again through the command line (in process, templates strict). A case that
must fail states its exit status and the exact problem lines; the site built before must then
be left byte for byte. A case that must work states the pages it adds and what they show.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest

from sitegen import cli
from sitegen.build import BuildOptions
from sitegen.commands import build as build_command
from tests.helpers import parse_page
from tests.sites import SMALL_SITE, front, small_site, snapshot, write_files

GOOD_PAGES = {"index.html", "articles/troops-leave-chernobyl/index.html"}
YAML_HINT = "\n    hint: write YYYY-MM-DD, YYYY-MM or YYYY"
SLUG_HINT = "\n    hint: use lowercase letters, digits and hyphens only"


@dataclass(frozen=True)
class Case:
    files: dict[str, str | bytes]
    status: int
    problems: tuple[str, ...] = ()  # exact problem lines ({site} is the site folder)
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page → texts it shows
    check: Callable[[Path], None] | None = None  # further checks of the built output


def links_page(output: Path) -> None:
    page = parse_page(output / "articles/links/index.html")
    external = [link for link in page.links if link.startswith("https://example.com/")]
    assert len(external) == 10_000


def nested_page(output: Path) -> None:
    html = (output / "articles/nested/index.html").read_text(encoding="utf-8")
    body = html.split('<div class="body">', 1)[1].split("</article>", 1)[0]
    assert body.count("<blockquote>") == 19 and body.count("<ul>") == 9


def regex_mentions(output: Path) -> None:
    data = json.loads((output / "briefing.json").read_text(encoding="utf-8"))
    mentions = {a["slug"]: a["mentions"] for a in data["articles"]}
    # Each alias matched literally: "C++" once; "axb" is no "a.b", bare "ZNPP" no "(ZNPP)".
    assert mentions["regex"] == {"cpp": 1}


REGEX_SITE = """\
title: Regex aliases
search: false
topics:
  - slug: cpp
    name: Programming
    aliases: [C++, (ZNPP), a.b]
  - slug: plain
    name: Plain Topic
"""

CASES: dict[str, Case] = {
    "unterminated front matter": Case(
        {"content/articles/a.md": "---\ntitle: A\ndate: 2022-03-01\nBody.\n"},
        1,
        (
            "content/articles/a.md:1: front matter is not closed\n"
            "    hint: add a line '---' after the last front-matter field",
        ),
    ),
    "YAML syntax error: a list left open is reported where it opens": Case(
        {"content/articles/a.md": "---\ntitle: [A\ndate: 2022\n---\nx\n"},
        1,
        (
            "content/articles/a.md:2: front matter is not valid YAML: a [ list is not closed\n"
            "    hint: end the list opened here with ], its items separated by commas",
        ),
    ),
    "YAML syntax error: an unclosed quote is reported where it opens": Case(
        {"content/articles/a.md": front(extra='summary: "Troops left.\nsource: Wire\nauthor: A\n')},
        1,
        (
            "content/articles/a.md:4: front matter is not valid YAML: a quoted value is not "
            "closed\n"
            "    hint: close the quote opened here (a quote inside the text is written twice in "
            '\'single quotes\', or as \\" in "double quotes")',
        ),
    ),
    "YAML syntax error: a colon inside a value": Case(
        {"content/articles/a.md": front(extra="summary: Update: troops left\n")},
        1,
        (
            "content/articles/a.md:4: front matter is not valid YAML: mapping values are not "
            "allowed in this context\n"
            "    hint: if the value holds ': ', put the whole value in quotes; else indent this "
            "line like the fields above it",
        ),
    ),
    "tab indentation": Case(
        {"content/articles/a.md": front(extra="events:\n\t- date: 2022\n")},
        1,
        (
            "content/articles/a.md:5: front matter is not valid YAML: found character that "
            "cannot start any token (YAML indentation must use spaces, not tabs)\n"
            "    hint: indent with spaces, not tabs",
        ),
    ),
    "python tag refused by safe loading": Case(
        {
            "content/articles/a.md": front(
                extra="source: !!python/object/apply:os.system [touch PWNED]\n"
            )
        },
        1,
        (
            "content/articles/a.md:4: front matter is not valid YAML: could not determine a "
            "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'\n"
            "    hint: YAML tags (!!...) are not allowed: remove the tag, or put the value in "
            "quotes",
        ),
        check=lambda output: (not (output.parent / "PWNED").exists()) or pytest.fail("ran"),
    ),
    "duplicate key": Case(
        {"content/articles/a.md": front(extra="source: One\nsource: Two\n")},
        1,
        (
            "content/articles/a.md:5: front matter is not valid YAML: key 'source' appears "
            "twice\n    hint: keep one of them",
        ),
    ),
    "duplicate key in a nested mapping": Case(
        {
            "content/articles/a.md": front(
                extra="events:\n  - date: 2022\n    text: a\n    text: b\n"
            )
        },
        1,
        (
            "content/articles/a.md:7: front matter is not valid YAML: key 'text' appears twice\n"
            "    hint: keep one of them",
        ),
    ),
    "non-UTF-8 bytes": Case(
        {"content/articles/a.md": b"---\ntitle: A\ndate: 2022\n---\nCaf\xe9 in Chernobyl.\n"},
        1,
        (
            "content/articles/a.md:5: not valid UTF-8 (byte 0xe9)\n"
            "    hint: re-save the file as UTF-8 (sitegen import converts legacy encodings)",
        ),
    ),
    "empty file": Case(
        {"content/articles/a.md": ""},
        1,
        (
            "content/articles/a.md:1: no front matter\n    hint: start the file with a line "
            "'---', the YAML fields (title, date, ...), then '---'",
        ),
    ),
    "binary file named .md": Case(
        {"content/articles/a.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))},
        1,
        (
            "content/articles/a.md: this is a binary file, not Markdown text\n"
            "    hint: move it out of content/ or give it another extension",
        ),
    ),
    "20 MB article": Case(
        {"content/articles/a.md": front(body="Officials said Chernobyl is calm.\n" * 600_000)},
        1,
        (
            "content/articles/a.md: file is 20.4 MB; articles may be at most 4 MB\n"
            "    hint: is this one article? split it, or check what the import or paste put in it",
        ),
    ),
    "impossible date": Case(
        {"content/articles/a.md": front(date="2022-02-30")},
        1,
        (
            "content/articles/a.md:3: bad date: 2022-02-30 does not exist "
            "(February 2022 has no day 30)" + YAML_HINT,
        ),
    ),
    "year beyond 9999": Case(
        {"content/articles/a.md": front(date="10000-01-01")},
        1,
        (
            "content/articles/a.md:3: bad date: '10000-01-01' is not a date: "
            "write YYYY-MM-DD, YYYY-MM or YYYY" + YAML_HINT,
        ),
    ),
    "slug ../../etc/passwd": Case(
        {"content/articles/a.md": front(extra="slug: ../../etc/passwd\n")},
        1,
        ("content/articles/a.md:4: slug '../../etc/passwd' is not usable in a URL" + SLUG_HINT,),
    ),
    "slug with control characters": Case(
        {"content/articles/a.md": front(extra='slug: "a\\x07b\\nc"\n')},
        1,
        (
            "content/articles/a.md:4: 'a\\x07b\\nc' holds the character U+0007 (BELL), which "
            "a web page or feed cannot show\n    hint: delete the escape sequence (such as "
            "\\x00 or \\e) that makes it",
        ),
    ),
    "two articles with the same slug": Case(
        {
            "content/articles/a.md": front(extra="slug: same\n"),
            "content/articles/b.md": front(extra="slug: same\n"),
        },
        1,
        (
            "content/articles/b.md: slug 'same' is already used by content/articles/a.md\n"
            "    hint: give one of them another file name or a 'slug:' field",
        ),
    ),
    "site.yaml is a list": Case(
        {"site.yaml": "- title: A list\n- search: false\n"},
        1,
        (
            "site.yaml:1: site.yaml must be a mapping of options, not a list or a value\n"
            "    hint: write options as 'title: My briefing' lines",
        ),
    ),
    "misspelled site.yaml key": Case(
        {"site.yaml": SMALL_SITE + "home_lastest: 5\n"},
        1,
        ("site.yaml:7: unknown option 'home_lastest'\n    hint: did you mean 'home_latest'?",),
    ),
    "misspelled front-matter key": Case(
        {"content/articles/a.md": front(extra="sumary: Short.\n")},
        1,
        ("content/articles/a.md:4: unknown field 'sumary'\n    hint: did you mean 'summary'?",),
    ),
    "template syntax error": Case(
        {
            "templates/article.html": "{% extends 'base.html' %}\n{% block main %}\n"
            "{% if article %}\n{% endblock %}\n"
        },
        1,
        (
            "{site}/templates/article.html:4: template syntax error: Encountered unknown tag "
            "'endblock'. You probably made a nesting mistake. Jinja is expecting this tag, but "
            "currently looking for 'elif' or 'else' or 'endif'. The innermost block that needs "
            "to be closed is 'if'.\n    hint: fix the template",
        ),
    ),
    "template with an undefined variable": Case(
        {
            "templates/article.html": "{% extends 'base.html' %}\n{% block main %}\n"
            "{{ artcle.title }}\n{% endblock %}\n"
        },
        1,
        (
            "{site}/templates/article.html:3: template error while rendering "
            "articles/troops-leave-chernobyl/index.html: 'artcle' is undefined\n"
            "    hint: check the variable names the template uses",
        ),
    ),
    "BOM": Case(
        {"content/articles/bom.md": "\ufeff" + front(extra="slug: bom\n")},
        0,
        pages={"articles/bom/index.html": ("Officials visited Chernobyl.",)},
    ),
    "CRLF line ends": Case(
        {
            "content/articles/crlf.md": front(
                extra="slug: crlf\nevents:\n  - date: 2022-02-24\n    text: Troops took Chernobyl.\n",
                body="First line.\nSecond line about Chernobyl.\n\n[[nowhere]]\n",
            ).replace("\n", "\r\n")
        },
        1,
        (
            "content/articles/crlf.md:12: wikilink [[nowhere]] leads nowhere\n"
            "    hint: write [[article-slug]] or [[Topic name]] of an existing page",
        ),
    ),
    "CRLF and BOM together": Case(
        {
            "content/articles/crlf.md": "\ufeff"
            + front(
                extra="slug: crlf\nevents:\n  - date: 2022-02-24\n    text: Troops took Chernobyl.\n",
                body="First line.\nSecond line about Chernobyl.\n",
            ).replace("\n", "\r\n")
        },
        0,
        pages={
            "articles/crlf/index.html": ("First line. Second line about",),
            "chronology/index.html": ("Troops took Chernobyl.",),
        },
    ),
    "10,000 links in one article": Case(
        {
            "content/articles/links.md": front(
                extra="slug: links\n",
                body="".join(f"See [{i}](https://example.com/{i}). " for i in range(10_000)),
            )
        },
        0,
        pages={"articles/links/index.html": ()},
        check=links_page,
    ),
    "deeply nested lists and quotes": Case(
        {
            "content/articles/nested.md": front(
                extra="slug: nested\n",
                body="".join("  " * depth + "- item\n" for depth in range(9))
                + "\n"
                + "> " * 19
                + "deep quote\n\n"
                + "[a " * 3000  # nested link brackets, but no [[wikilink]]
                + "]" * 3000
                + "\n\n"
                + "*" * 5000
                + "\n",
            )
        },
        0,
        pages={"articles/nested/index.html": ("deep quote",)},
        check=nested_page,
    ),
    "lists nested beyond the parser's limit": Case(
        {
            "content/articles/nested.md": front(
                extra="slug: nested\n",
                body="".join("  " * depth + "- item\n" for depth in range(300)) + "\nLost text.\n",
            )
        },
        1,
        (
            "content/articles/nested.md:15: lists or quotes are nested too deeply: the text "
            "from here on would be lost\n    hint: flatten them: sitegen follows up to 9 "
            "levels of lists and 19 of quotes",
        ),
    ),
    "far-future date": Case(
        {"content/articles/future.md": front(extra="slug: future\n", date="9999-12-31")},
        0,
        pages={"articles/future/index.html": ("31 December 9999",)},
    ),
    "pre-1900 dates": Case(
        {
            "content/articles/old.md": front(
                extra="slug: old\nevents:\n  - date: 1066-10-14\n    text: A battle near Hastings.\n",
                date="1850-05-01",
            )
        },
        0,
        pages={
            "articles/old/index.html": ("1 May 1850",),
            "chronology/index.html": ("14 October 1066", "A battle near Hastings."),
        },
    ),
    "topic aliases with regex metacharacters": Case(
        {
            "site.yaml": REGEX_SITE,
            "content/articles/regex.md": front(
                extra="slug: regex\n", body="Builds in C++ failed. The axb and ZNPP lines held.\n"
            ),
        },
        0,
        pages={"topics/cpp/index.html": ("Programming",)},
        check=regex_mentions,
    ),
    "topic without aliases": Case(
        {
            "site.yaml": REGEX_SITE,
            "content/articles/plain.md": front(
                extra="slug: plain\n", body="A plain topic story.\n"
            ),
        },
        0,
        pages={"topics/plain/index.html": ("A plain topic story.",)},
    ),
}


def run_build(site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["build", str(site), "-q"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(
    name: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = CASES[name]
    monkeypatch.setattr(build_command, "BuildOptions", partial(BuildOptions, strict_templates=True))
    site = small_site(tmp_path / "site")
    assert run_build(site, capsys) == (0, "")
    output = site / "_site"
    before = snapshot(output)
    write_files(site, case.files)

    code, stderr = run_build(site, capsys)

    if case.status:
        count = len(case.problems)
        expected = [p.format(site=site) for p in case.problems] + [
            f"build failed: {count} problem{'s' * (count != 1)}; "
            "the previous site was left as it was"
        ]
        assert (code, stderr.splitlines()) == (case.status, "\n".join(expected).splitlines())
        assert snapshot(output) == before
    else:
        assert (code, stderr) == (0, "")
        built = snapshot(output)
        assert set(built) >= GOOD_PAGES
        for page, texts in case.pages.items():
            text = parse_page(output / page).text
            for expected_text in texts:
                assert expected_text in text, (page, expected_text)
    if case.check is not None:
        case.check(output)
