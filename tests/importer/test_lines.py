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
