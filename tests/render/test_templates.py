"""Templates: compiled once per process, digests that follow every file a template uses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.errors import BuildError
from sitegen.render.templates import templates_for


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_unchanged_templates_are_compiled_once_and_an_edit_is_seen(tmp_path: Path) -> None:
    write(tmp_path, "base.html", "<main>{% block main %}{% endblock %}</main>")
    write(tmp_path, "page.html", '{% extends "base.html" %}{% block main %}{{ x }}{% endblock %}')
    first = templates_for([tmp_path])
    assert templates_for([tmp_path]) is first
    before = first.digest("page.html")
    write(tmp_path, "base.html", "<article>{% block main %}{% endblock %}</article>")
    os.utime(tmp_path / "base.html", ns=(1, 1))  # a different stamp even on a coarse clock
    second = templates_for([tmp_path])
    assert second is not first
    assert second.digest("page.html") != before  # the parent template changed
    assert second.render("page.html", {"x": "<b>"}) == "<article>&lt;b&gt;</article>"


def test_a_new_override_folder_file_is_seen(tmp_path: Path) -> None:
    theme, site = tmp_path / "theme", tmp_path / "site"
    theme.mkdir()
    site.mkdir()
    write(theme, "page.html", "theme")
    assert templates_for([site, theme]).render("page.html", {}) == "theme"
    write(site, "page.html", "site")
    assert templates_for([site, theme]).render("page.html", {}) == "site"


def test_load_all_compiles_ahead_and_leaves_errors_to_rendering(tmp_path: Path) -> None:
    write(tmp_path, "good.html", "{{ x }}")
    write(tmp_path, "broken.html", "{% if %}")
    (tmp_path / "notes.txt").write_text("not a template", encoding="utf-8")
    templates = templates_for([tmp_path])
    templates.load_all()
    cached = {name for _, name in templates.env.cache}  # type: ignore[union-attr]
    assert cached == {"good.html"}
    with pytest.raises(BuildError, match=r"broken\.html"):
        templates.render("broken.html", {})


def test_a_template_first_compiled_after_its_cache_folder_was_deleted(tmp_path: Path) -> None:
    import shutil

    from sitegen.render.templates import Templates

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "a.html").write_text("A {{ x }}")
    (folder / "b.html").write_text("B {{ x }}")
    compiled = tmp_path / "cache" / "templates"
    templates = Templates([folder], compiled=compiled)
    assert templates.render("a.html", {"x": 1}) == "A 1"
    shutil.rmtree(tmp_path / "cache")  # as a cold build made again in the same folder does
    assert templates.render("b.html", {"x": 2}) == "B 2"
    assert any(compiled.iterdir())
