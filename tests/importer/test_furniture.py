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
        # A caption's credit in brackets, with a slash between name and outlet; file pictures.
        ("Fishing boats tied up at the quay in May. (Ana Ruiz/Harbour Times)", "caption"),
        ("Firefighters on the ridge above Marlow (File)", "caption"),
        ("Crews rest beside the fire engine. (File photo)", "caption"),
        # Comment forms under a post, and embedded posts' signatures and status links.
        ("Source link", "comments"),
        ("Leave A Reply", "comments"),
        ("Your email address will not be published.", "comments"),
        ("Required fields are marked *", "comments"),
        ("— Valdoro Fire Service (@valdorofire) March 3, 2024", "embed"),
        ("https://twitter.com/valdorofire/status/1700000000000000001", "embed"),
        ("https://x.com/marlowschools/status/1700000000000000002", "embed"),
        # A sidebar's story list: view count, stamp and headline run together.
        ("512Yesterday, 09:40Mayor resigns", "timestamp"),
        ("9812.03.2024, 22:05Council meets", "timestamp"),
        ("Today, 07:15Ferry late", "timestamp"),
        # What is left of a byline whose names were links; wire and desk credits; disclaimers.
        ("By", "credits"),
        ("and", "credits"),
        ("The Associated Press contributed to this report.", "credits"),
        ("by The Valdoro Post news desk", "credits"),
        ("(Writing by Nora Lindqvist Editing by Tom Lee)", "credits"),
        ("(nora.lindqvist@valdoropost.example)", "credits"),
        ("A crane lifts a container (Tom Lee / Port Authority)", "caption"),
        ("The views expressed in this column are those of the authors alone.", "legal"),
        # Promotions and a language switcher.
        ("🔥 Summer ferry passes are back", "promo"),
        ("Harbour Times Magazine – Latest Issue", "promo"),
        ("Get 40% Off your first year", "promo"),
        ("More coverage:", "promo"),
        ("ua en ru", "navigation"),
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
        # Near the comment-form, credit and caption patterns, but sentences.
        "Residents can leave a comment on the council's website until Friday.",
        "She emailed the board at clerk@marlow.example on Monday.",
        "And then the wind changed.",
        "The mayor shared the photo on social media (see below).",
        "Get well soon, the pupils wrote on the card.",
        # Each once matched a furniture pattern that was too loose.
        "By Friday the clinic was short of staff.",
        "312 responses on the bus consultation backed the new route, the council said.",
        "Comments are closed on the planning application until the inquiry ends, the clerk said.",
        "Voters will answer a single question on the ballot (yes/no)",
        "It is up to us",
        "Parents raised concerns about the latest issue.",
        "The views expressed in this report are shared by most residents, the survey found.",
        "Today, 12:00 is the deadline for objections",
    ],
)
def test_sentences_mentioning_furniture_words_are_not_furniture(line: str) -> None:
    assert category(line) is None
