import pytest

from sitegen.importer.furniture import category


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Crowds gathered on Sunday (Image: Getty)", "caption"),
        ("Image source, Getty Images", "caption"),
        ("Smoke over the hills. Photograph: Ana Ruiz/Reuters", "caption"),
        ("Invalid email", "newsletter"),
        ("Sign up for our free politics newsletter", "newsletter"),
        ("READ MORE: Something else happened", "promo"),
        ("Mayor resigns after row [INSIGHT]", "promo"),
        ("Advertisement", "advert"),
        ("Hi, what are you looking for?", "navigation"),
        ("Share on Facebook", "navigation"),
        ("Published 3 hours ago", "timestamp"),
        ("Copyright 2023 The Associated Press. All rights reserved.", "legal"),
        ("Reporting by Ana Ruiz; Editing by Tom Lee", "credits"),
        ("Written By", "credits"),
    ],
)
def test_furniture_vocabulary(line: str, kind: str) -> None:
    assert category(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Residents can sign up for flood alerts on the council's website, officials said.",
        "The photograph was taken minutes before the bridge collapsed.",
        "The band sued over copyright infringement last year.",
        "Related payments will be made in March, the ministry said.",
        "“Read more books,” the teacher told the class.",
    ],
)
def test_sentences_mentioning_furniture_words_are_not_furniture(line: str) -> None:
    assert category(line) is None
