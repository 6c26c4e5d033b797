import pytest

from sitegen.config import TopicConfig
from sitegen.text.mentions import MentionMatcher

TOPICS = [
    TopicConfig("chernobyl", "Chernobyl", aliases=("Chernobyl", "Chornobyl")),
    TopicConfig(
        "zaporizhzhia-npp",
        "Zaporizhzhia NPP",
        aliases=("Zaporizhzhia nuclear power plant", "Zaporizhzhia NPP", "ZNPP"),
        exclude=("Zaporizhzhia Oblast", "Zaporizhzhia region"),
    ),
    TopicConfig("region", "Zaporizhzhia", aliases=("Zaporizhzhia",)),
    TopicConfig("cpp", "C++", aliases=("C++", "(ZNPP)", "a.b")),
]


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.topic) for m in MentionMatcher(TOPICS).finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Chernobyl's reactor",
        "Chernobyl’s reactor",
        "CHERNOBYL troops",
        "near chornobyl.",
        "(Chernobyl)",
    ],
)
def test_whole_word_case_insensitive_with_possessives(text: str) -> None:
    assert [topic for _, topic in found(text)] == ["chernobyl"]


def test_not_inside_other_words() -> None:
    assert found("Chernobyls Chernobylsky xChernobyl") == []


def test_longest_alias_wins_and_separators_vary() -> None:
    text = "the Zaporizhzhia nuclear\npower plant and the Zaporizhzhia-NPP and Zaporizhzhia  NPP"
    assert [t for _, t in found(text)] == ["zaporizhzhia-npp"] * 3


def test_exclusions_swallow_region_mentions() -> None:
    assert found("shelling in Zaporizhzhia Oblast and the Zaporizhzhia region") == []
    assert found("southern Zaporizhzhia") == [("Zaporizhzhia", "region")]


def test_regex_metacharacters_in_aliases_are_literal() -> None:
    assert [t for _, t in found("written in C++ and (ZNPP) and a.b")] == ["cpp", "cpp", "cpp"]
    assert found("axb") == []


def test_no_topics_matches_nothing() -> None:
    assert list(MentionMatcher([]).finditer("Chernobyl")) == []


def test_offsets_stay_right_where_lowercasing_lengthens_a_character() -> None:
    # "İ".lower() is two characters; the mention after it must still be found in place.
    text = "İstanbul talks on ZNPP"
    assert found(text) == [("ZNPP", "zaporizhzhia-npp")]


def test_a_phrase_named_twice_belongs_to_the_first_topic() -> None:
    topics = [
        TopicConfig("first", "First", aliases=("Energodar",)),
        TopicConfig("second", "Second", aliases=("energodar", "Enerhodar")),
    ]
    mentions = MentionMatcher(topics).finditer("ENERGODAR, also Enerhodar")
    assert [m.topic for m in mentions] == ["first", "second"]


def test_a_shorter_alias_does_not_match_inside_a_longer_word() -> None:
    topics = [TopicConfig("c", "Crimea", aliases=("Crimea", "Crimean peninsula"))]
    mentions = MentionMatcher(topics).finditer("Crimean troops; the Crimean  peninsula; Crimea.")
    assert [(m.start, m.end) for m in mentions] == [(20, 38), (40, 46)]


@pytest.mark.parametrize(
    "text",
    [
        "Chernobyl's reactor, then (Chornobyl) and ZNPP-run sites",
        "Chernobyls Chernobylsky xChernobyl _Chernobyl 1Chernobyl",
        "Zaporizhzhia Oblast, the Zaporizhzhia\nnuclear power plant and Zaporizhzhia-NPP",
        "éChernobyl ÄZNPP ünd Chornobyl",
    ],
)
def test_aliases_starting_with_letters_match_the_same_words(text: str) -> None:
    """Such aliases take a quicker pattern (``\\b``): it must find exactly what the general
    one (``(?<!\\w)``, needed for an alias such as "(ZNPP)") finds."""
    words_only = TOPICS[:3]  # every alias starts with a letter
    quick = [(m.start, m.end, m.topic) for m in MentionMatcher(words_only).finditer(text)]
    general = [
        (m.start, m.end, m.topic)
        for m in MentionMatcher(TOPICS).finditer(text)
        if m.topic in {t.slug for t in words_only}
    ]
    assert quick == general
    assert MentionMatcher(words_only)._pattern.pattern.startswith(r"\b")
    assert MentionMatcher(TOPICS)._pattern.pattern.startswith(r"(?<!\w)")
