"""Who says what: one own-words sentence per form of attribution, and the party it maps to."""

from __future__ import annotations

import pytest

from sitegen.config import PartyConfig
from sitegen.enrich.claims import attribute
from sitegen.enrich.parties import OUTLET, Attribution, Parties
from sitegen.model import Claim, Sentence

PARTIES = Parties(
    [
        PartyConfig("marovia", "Marovia", "marovia", ("Marovia", "Marovian", "Velk", "Tarsen")),
        PartyConfig("ostland", "Ostland", "ostland", ("Ostland", "Ostlander", "Brenna Coal")),
        PartyConfig("watch", "Dam Watch", "watch", ("Dam Watch", "Ilse Moran")),
    ]
)


def claim(*texts: str, at: int = -1) -> Claim | None:
    sentences = [Sentence(f"s-{i + 1}", text, 1) for i, text in enumerate(texts)]
    return attribute(sentences, at % len(sentences))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # speaker before the clause
        ("Marovia's water ministry said on Tuesday that the sluice was opened.",
         "Marovia's water ministry"),
        # speaker after the clause
        ("The sluice was opened on Tuesday, Marovia's water ministry said.",
         "Marovia's water ministry"),
        # inverted, with an appositive
        ("The sluice was opened on Tuesday, said Ilse Moran, head of Dam Watch.",
         "Ilse Moran, head of Dam Watch"),
        # appositive between speaker and verb
        ("Ilse Moran, the head of Dam Watch, told reporters the sluice was opened on Tuesday.",
         "Ilse Moran, the head of Dam Watch"),
        ("According to Brenna Coal, the conveyor stopped on Monday.", "Brenna Coal"),
        ("As reported by the Velk council, the conveyor stopped on Monday.", "the Velk council"),
        ("In a statement, the Velk council claimed the conveyor stopped on Monday.",
         "the Velk council"),
        ("Brenna Coal's statement said the conveyor stopped on Monday.", "Brenna Coal"),
        # relayed: the original speaker, not the outlet carrying it
        ("The Lakeside Courier reports that Ostland's army says the bridge fell on Friday.",
         "Ostland's army"),
        ("Ostland accused Marovia of flooding the valley on Friday.", "Ostland"),
        ("As reported by the Lakeside Courier, the toll was released by Velk's health office.",
         "Velk's health office"),
        ("The Ostland Atomic Agency said its crews left on Monday.", "The Ostland Atomic Agency"),
        # a characterisation is a claim too
        ("Ostland's foreign office described the blast on Monday as an accident.",
         "Ostland's foreign office"),
        ("Velk's mayor called the shelling on Friday a provocation.", "Velk's mayor"),
    ],
)  # fmt: skip
def test_speaker_forms(text: str, speaker: str) -> None:
    found = claim(text)
    assert found is not None and found.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The ferry sank on Monday.",
        "It was reported in May that the port reopened.",  # passive: the outlet's voice
        "The reported blast on Monday damaged a school.",  # an adjective, not a speaker
        "The mayor of Velk describes life under the blockade.",  # no claim without "as"
    ],
)
def test_the_outlets_own_voice(text: str) -> None:
    assert claim(text) is None
    assert PARTIES.attribution(None) == OUTLET == Attribution(None, "outlet", "outlet")


def test_a_pronoun_speaker_is_named_by_the_sentence_before() -> None:
    found = claim("Tarsen said the dam was sound.", "A pipe burst on Monday, he said.")
    assert found is not None and found.speaker == "Tarsen"
    assert PARTIES.attribution(found).party == "marovia"


def test_a_title_speaker_is_named_by_the_sentence_before() -> None:
    found = claim(
        "Ostland's energy ministry said it saw smoke.", "The ministry said it was a fire."
    )
    assert found is not None and found.speaker == "Ostland's energy ministry"


def test_the_country_is_the_one_the_sentence_names() -> None:
    found = claim("Ostland's northern dam lost power on Monday, the country's grid operator said.")
    assert found is not None and found.speaker == "Ostland's grid operator"
    assert PARTIES.attribution(found).party == "ostland"


def test_a_title_speaker_after_a_quotation_is_named_by_the_paragraph_before() -> None:
    sentences = [
        Sentence("s-1", "The news was shared by Velk's mayor, Pia Lund.", 1),
        Sentence("s-2", "“We lost the bridge on Monday,” the mayor wrote.", 3),
    ]
    found = attribute(sentences, 1)
    assert found is not None and found.speaker == "Velk's mayor"


def test_a_quotation_takes_the_speaker_that_introduces_it() -> None:
    found = claim("Brenna Coal said in a statement:", "“The conveyor stopped on Monday.”")
    assert found is not None and found.speaker == "Brenna Coal"


def test_a_denial_in_the_next_sentence_is_kept() -> None:
    found = claim(
        "Ostland said Marovian troops burned the depot on Sunday.",
        "Marovia denied it.",
        at=0,
    )
    assert found == Claim("Ostland", "says", ("Marovia",))
    denial = claim("Marovia denied the report on Monday.")
    assert denial is not None and denial.stance == "denies"


@pytest.mark.parametrize(
    ("speaker", "party", "side"),
    [
        ("Dam Watch chief Ilse Moran", "watch", "watch"),  # the first alias named decides
        ("a Marovian official", "marovia", "marovia"),
        ("the Ostlander foreign office", "ostland", "ostland"),
        ("a local fisherman", None, "other"),  # a speaker no party names
    ],
)
def test_speakers_map_to_parties_by_alias(speaker: str, party: str | None, side: str) -> None:
    assert PARTIES.named(speaker) == Attribution(speaker, party, side)


def test_an_author_sets_the_party() -> None:
    assert PARTIES.chosen(None, "ostland") == Attribution("Ostland", "ostland", "ostland")
    assert PARTIES.chosen("a ferryman", "outlet") == Attribution("a ferryman", "outlet", "outlet")
    assert PARTIES.chosen("Tarsen", None) == Attribution("Tarsen", "marovia", "marovia")


def test_a_hedged_sentence_takes_the_speaker_its_paragraph_names() -> None:
    # "reportedly" says the sentence relays someone's account: the next sentence names whose.
    found = claim(
        "Forty of the ferry's crew are reportedly still held in Velk.",
        "Even so, two groups were let go in May, says the harbour master of Ostland.",
        at=0,
    )
    assert found is not None and found.speaker == "the harbour master of Ostland"
    assert PARTIES.attribution(found).party == "ostland"
    # ... else the sentence before it does.
    found = claim(
        "The Velk council said the ferry was seized on Monday.",
        "Its crew were allegedly taken to the old port.",
    )
    assert found is not None and found.speaker == "The Velk council"


@pytest.mark.parametrize(
    "sentences",
    [
        # no hedge: the outlet tells it, and the speaker of the next sentence only that one
        [Sentence("s-1", "The ferry sank on Monday.", 1),
         Sentence("s-2", "Two sailors are missing, Ostland's coast guard said.", 1)],
        # hedged, but nobody in its paragraph is named: an unnamed source, the outlet's voice
        [Sentence("s-1", "The crew were reportedly moved on Sunday.", 1),
         Sentence("s-2", "Ostland's coast guard said the port was closed.", 3)],
        # a denial after it disputes it; it does not make the denier its speaker
        [Sentence("s-1", "Velk troops reportedly crossed the river on Friday.", 1),
         Sentence("s-2", "Marovia denied it.", 1)],
    ],
)  # fmt: skip
def test_a_neighbours_speaker_is_carried_only_to_a_hedged_sentence(
    sentences: list[Sentence],
) -> None:
    assert attribute(sentences, 0) is None


def test_a_speaker_no_party_names_takes_the_party_of_the_channel_relaying_them() -> None:
    # A party's own channel (the Velk Courier is Marovia's) relays its officials: an official
    # it names by title alone speaks for that party.
    relayed = (
        "As reported by the Velk Courier, the news was shared by the Minister of Rivers and "
        "Ports, Ana Roth."
    )
    found = claim(relayed)
    assert found == Claim("the Minister of Rivers and Ports", relayed_by="the Velk Courier")
    assert PARTIES.attribution(found) == Attribution(
        "the Minister of Rivers and Ports", "marovia", "marovia"
    )
    # ... and so does the quotation in which the same official is named by title again.
    quoted = claim(relayed, "“We reopened the locks today,” the minister said.")
    assert PARTIES.attribution(quoted).party == "marovia"
    # A speaker's own words decide first; a channel that is no party's gives none.
    own = claim("As reported by the Velk Courier, the toll was released by Ostland's army.")
    assert PARTIES.attribution(own).party == "ostland"
    other = claim("As reported by the Lakeside Courier, the news was shared by the mayor.")
    assert PARTIES.attribution(other) == Attribution("the mayor", None, "other")
    chained = claim("The Velk Courier reports that the mayor says the locks reopened.")
    assert chained == Claim("the mayor", relayed_by="The Velk Courier")


@pytest.mark.parametrize(
    ("sentences", "speaker"),
    [
        # "This was reported by X": the sentences before it are X's
        ([Sentence("s-1", "Two barges sank near Velk on Sunday.", 1),
          Sentence("s-2", "The news was confirmed by Ostland's coast guard.", 1)],
         "Ostland's coast guard"),
        # opening a paragraph, it speaks for the paragraph before
        ([Sentence("s-1", "Two barges sank near Velk on Sunday.", 1),
          Sentence("s-2", "Their crews swam ashore.", 1),
          Sentence("s-3", "This was reported by the Marovian river police.", 3)],
         "the Marovian river police"),
        ([Sentence("s-1", "A lock gate broke on Friday.", 1),
          Sentence("s-2", "Ostland's canal office reported this on its website.", 1)],
         "Ostland's canal office"),
        ([Sentence("s-1", "Two barges sank near Velk on Sunday.", 1),
          Sentence("s-2", "As the Lakeside Courier reported, the news was shared by Ostland's "
                          "coast guard.", 3)],
         "Ostland's coast guard"),
        # not about what came before: the outlet's voice
        ([Sentence("s-1", "A lock gate broke on Friday.", 1),
          Sentence("s-2", "Ostland's canal office said repairs would take a week.", 1)],
         None),
        # another speaker in between: what "this" covers is theirs, not the first sentence
        ([Sentence("s-1", "A lock gate broke on Friday.", 1),
          Sentence("s-2", "The mayor said nobody was hurt.", 1),
          Sentence("s-3", "This was reported by the Velk Courier.", 1)],
         None),
    ],
)  # fmt: skip
def test_a_sentence_that_refers_back_names_the_speaker_of_what_it_follows(
    sentences: list[Sentence], speaker: str | None
) -> None:
    found = attribute(sentences, 0)
    assert (found.speaker if found else None) == speaker
