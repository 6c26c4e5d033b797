from pathlib import Path

from sitegen.config import SiteConfig, load_config
from sitegen.errors import Problems


def load(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    problems = Problems()
    config = load_config(tmp_path, problems)
    return config, [str(p) for p in problems.items]


def test_defaults_and_topics(tmp_path: Path) -> None:
    config, problems = load(
        tmp_path, "title: T\ntopics:\n  - slug: a-b\n    name: A B\n    aliases: [A, B]\n"
    )
    assert problems == []
    assert config.base_url == "/" and config.output == "_site" and config.language == "en"
    assert not config.markdown.allow_html and config.markdown.link_mentions == "first"
    assert config.topics[0].aliases == ("A", "B")


def test_topic_without_aliases_is_found_by_its_name(tmp_path: Path) -> None:
    config, _ = load(tmp_path, "topics:\n  - slug: kyiv\n    name: Kyiv\n")
    assert config.topics[0].aliases == ("Kyiv",)


def test_misspelled_key_gets_a_suggestion_and_its_line(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "title: T\nbase_ulr: /x/\n")
    assert problems == [
        "site.yaml:2: unknown option 'base_ulr'\n    hint: did you mean 'base_url'?"
    ]


def test_wrong_types_and_values_are_reported(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path,
        "title: T\nsearch: maybe\nmarkdown:\n  link_mentions: some\n"
        "topics:\n  - slug: Bad Slug\n    name: x\n",
    )
    text = "\n".join(problems)
    assert "site.yaml:2: search should be true or false" in text
    assert "site.yaml:4: link_mentions is 'some'" in text
    assert "site.yaml:6: topic slug 'Bad Slug' is not a slug" in text


def test_site_yaml_that_is_a_list(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "- title: T\n")
    assert problems[0].startswith("site.yaml:1: site.yaml must be a mapping")


def test_base_path_from_base_url(tmp_path: Path) -> None:
    config, _ = load(tmp_path, "base_url: https://example.github.io/briefing\n")
    assert config.base_path == "/briefing/"
    assert config.absolute_base == "https://example.github.io/briefing/"


def test_parties_with_their_sides_and_aliases(tmp_path: Path) -> None:
    config, problems = load(
        tmp_path,
        "parties:\n"
        "  - {slug: ostland, name: Ostland, aliases: [Ostland, Ostlander]}\n"
        "  - {slug: ostland-army, name: Ostland's army, side: ostland}\n",
    )
    assert not problems
    assert isinstance(config, SiteConfig)
    army = config.parties[1]
    assert (config.parties[0].side, army.side, army.aliases) == (
        "ostland",
        "ostland",
        ("Ostland's army",),
    )
    assert config.party("ostland-army") is army and config.party("outlet") is None
    assert army.page == "parties/ostland-army/"


def test_a_party_may_not_take_a_reserved_name_or_a_bad_side(tmp_path: Path) -> None:
    config, problems = load(
        tmp_path,
        "parties:\n"
        "  - {slug: outlet}\n"
        "  - {slug: ostland, side: outlet}\n"
        "  - {slug: vell, side: Vell Town}\n"
        "  - {slug: velk}\n"
        "  - {slug: velk}\n",
    )
    assert [p.split("\n")[0] for p in problems] == [
        "site.yaml:2: party 'outlet' (side 'outlet') takes a reserved name",
        "site.yaml:3: party 'ostland' (side 'outlet') takes a reserved name",
        "site.yaml:4: party side 'Vell Town' is not a slug",
        "site.yaml:6: party slug 'velk' is defined twice",
    ]
    assert isinstance(config, SiteConfig) and [p.slug for p in config.parties] == ["velk"]
