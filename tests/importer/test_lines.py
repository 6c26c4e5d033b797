from sitegen.importer.blocks import from_text
from sitegen.importer.lines import classify

PAGE = """\
Mayor unveils plan to plant ten thousand trees

Mayor unveils plan to plant ten thousand trees

City News

The mayor announced on Monday a plan to plant ten thousand street trees over five years.

Park benches near the river

Residents relax near the river (Image: Getty)

Why Trees?

Officials said the trees would cool streets during summer heatwaves and soak up rainwater.

“Every street deserves shade,” the mayor said.

Ana Ruiz is the Gazette’s city hall reporter.
"""


def _actions(text: str, title: str) -> dict[str, str]:
    return {v.block.text: v.action for v in classify(from_text(text), title)}


def test_furniture_goes_and_sentences_stay() -> None:
    actions = _actions(PAGE, "Mayor unveils plan to plant ten thousand trees")
    dropped = {t for t, a in actions.items() if a == "drop"}
    assert dropped == {
        "Mayor unveils plan to plant ten thousand trees",
        "City News",
        "Park benches near the river",
        "Residents relax near the river (Image: Getty)",
        "Ana Ruiz is the Gazette’s city hall reporter.",
    }


def test_question_before_prose_becomes_a_subheading() -> None:
    verdicts = classify(from_text(PAGE), "Mayor unveils plan to plant ten thousand trees")
    kinds = {v.block.text: v.block.kind for v in verdicts}
    assert kinds["Why Trees?"] == "heading"
    assert kinds["“Every street deserves shade,” the mayor said."] == "paragraph"


def test_short_sentence_case_subheading_is_kept() -> None:
    text = (
        "Flood hits town centre\n\nWater rose quickly overnight and several streets closed.\n\n"
        "Warnings ignored\n\nResidents said they had warned the council about the wall for years."
    )
    actions = _actions(text, "Flood hits town centre")
    assert actions["Warnings ignored"] in ("keep", "review")


def test_every_verdict_explains_itself() -> None:
    for verdict in classify(from_text(PAGE), None):
        if verdict.action != "keep":
            assert verdict.reasons


def test_caption_printed_as_alt_text_and_again_with_its_credit_goes_both_times() -> None:
    text = """\
Ferry service resumes after the winter break

The first ferry of the season left Valdoro harbour on Tuesday with forty passengers aboard.

Fishing boats tied up at the quay.

Fishing boats tied up at the quay in May. (Ana Ruiz/Harbour Times)

The harbour master said bookings were well up on last year.

Crews repaint the ferry before the season (File)

A second boat will join the route in June, the operator said.
"""
    actions = _actions(text, "Ferry service resumes after the winter break")
    assert actions["Fishing boats tied up at the quay."] == "drop"
    assert actions["Fishing boats tied up at the quay in May. (Ana Ruiz/Harbour Times)"] == "drop"
    assert actions["Crews repaint the ferry before the season (File)"] == "drop"
    assert actions["The harbour master said bookings were well up on last year."] == "keep"


def test_line_printed_three_times_goes_every_time_but_a_repeated_sentence_keeps_one() -> None:
    text = """\
School board approves new term dates

Pupils at Marlow Primary line up for lunch

The Marlow school board voted on Wednesday to start the autumn term a week earlier.

Pupils at Marlow Primary line up for lunch

Parents had asked for a longer break at Easter, the chair said.

Pupils at Marlow Primary line up for lunch

The new dates take effect next year.

Parents had asked for a longer break at Easter, the chair said.
"""
    verdicts = classify(from_text(text), "School board approves new term dates")
    caption = [v.action for v in verdicts if v.block.text.startswith("Pupils at")]
    assert caption == ["drop", "drop", "drop"]  # the first copy too: a caption, not a sentence
    sentence = [v.action for v in verdicts if v.block.text.startswith("Parents had")]
    assert sentence == ["keep", "drop"]


def test_short_title_case_credit_under_a_caption_goes() -> None:
    text = """\
Harbour wall repairs finish early

Repairs to the harbour wall finished three weeks ahead of schedule, the council said on Monday.

Workers lay the last stones of the harbour wall (Image: Valdoro Post)

Valdoro Town Council

The work cost less than planned because the winter was mild.
"""
    actions = _actions(text, "Harbour wall repairs finish early")
    assert actions["Valdoro Town Council"] == "drop"
    assert actions["The work cost less than planned because the winter was mild."] == "keep"


WILDFIRE = """\
Wildfire forces evacuation of hill villages

Crews fought the fire above Marlow through Saturday night as winds picked up.

Three villages were told to leave their homes before dawn, officials said.

Ferry fares to rise for the second time this year on the island route

Water-bombing planes joined the effort on Sunday morning.

Firefighters said the wind had dropped by noon, and

the fire was contained by evening.

“We have never seen a fire move this fast across the ridge at night”

Residents gathered in the school hall.

Homes Saved On The Ridge Road

Most houses on the ridge road were saved by a change in the wind.

Officials will review the damage on Monday once the ground has cooled
"""


def test_another_storys_headline_between_paragraphs_goes() -> None:
    actions = _actions(WILDFIRE, "Wildfire forces evacuation of hill villages")
    assert (
        actions["Ferry fares to rise for the second time this year on the island route"] == "drop"
    )


def test_unpunctuated_lines_that_belong_to_the_story_stay() -> None:
    verdicts = classify(from_text(WILDFIRE), "Wildfire forces evacuation of hill villages")
    actions = {v.block.text: v.action for v in verdicts}
    # A line ending in a comma goes on below; the page's last line was cut short by the
    # scraper; a quotation and a Title Case sub-heading are the story's own.
    for text in (
        "Firefighters said the wind had dropped by noon, and",
        "“We have never seen a fire move this fast across the ridge at night”",
        "Homes Saved On The Ridge Road",
        "Officials will review the damage on Monday once the ground has cooled",
    ):
        assert actions[text] != "drop", text
    kinds = {v.block.text: v.block.kind for v in verdicts}
    assert kinds["Homes Saved On The Ridge Road"] == "heading"


def test_sentence_case_subheadings_and_list_items_are_not_another_storys_headline() -> None:
    text = (
        "Hill fire reaches the ridge road\n\n"
        "Crews worked through the night to stop the fire reaching the hill villages.\n\n"
        "How the fire reached the villages from the forest road\n\n"
        "The blaze jumped the road twice before the wind dropped in the early hours.\n\n"
        "The council agreed the following:\n\n"
        "- Three schools will close for repairs over the summer holidays this year\n"
        "- Buses will run from the car park\n\n"
        "Officials said the road would reopen once engineers had checked the bridge."
    )
    actions = _actions(text, "Hill fire reaches the ridge road")
    assert actions["How the fire reached the villages from the forest road"] != "drop"
    assert (
        actions["Three schools will close for repairs over the summer holidays this year"] != "drop"
    )
