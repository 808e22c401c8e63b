"""What set EQ of unseen conversations found in the actions: a figure put right at the
play-back ("they pay 30% more, not 20%") was joined to the answer as a correction, and "40
shud be 50 sorry, fat thumbs" kept as a view of its own; "Hang on, before digital: the
barriers answer isn't right. Please make it: ..." at a later question was kept as the answer
to the question pending; and "the skills answer needs changing, it should say: ..." the day
after the goodbye was kept as a view."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionFallback
from actions.playback import ADDED, ValidateCorrectionForm
from bot.consultation import service
from bot.consultation.questions import message
from tests.actions.conftest import make_tracker, run, texts, validate_strategy_answer

ISLAND = "island:creative_digital:"
SKILLS, ROADS = "seabed:education_skills:views", "seabed:infrastructure:views"
STUDIO = [
    (f"{ISLAND}opportunities", "Our artists could build real-time sets for Pinewood."),
    (f"{ISLAND}barriers", "We lose our best artists to London studios that pay 20% more."),
    (f"{ISLAND}help", "A games art course with placements at local studios."),
]


def _business(sender: str, answers: list[tuple[str, str]]) -> dict[str, Any]:
    service.record_consent(sender, "rest", True)
    for key, text in answers:
        service.record_answer(sender, "rest", text, key, "q")
    return {"consent": True}


def _at_playback(sender: str, text: str) -> tuple[dict[str, Any], list[str]]:
    sent = CollectingDispatcher()
    tracker = make_tracker(sender, text, "inform", slots={"consent": True, "stage": "playback"})
    result = run(ValidateCorrectionForm().extract_theme_correction(sent, tracker, {}))
    return result, texts(sent)


def test_a_figure_put_right_at_the_play_back_takes_its_place(database_url: str) -> None:
    _business("eq1", STUDIO)
    text = "Nearly. The bit about London studios: they pay 30% more, not 20%."
    result, sent = _at_playback("eq1", text)
    assert result == {"theme_correction": ADDED}  # the play-back is shown again
    assert sent == [message("item_corrected", n=2)]
    answers = service.recorded_answers("eq1")
    assert len(answers) == 3
    assert answers[1].text == "We lose our best artists to London studios that pay 30% more."


def test_a_bare_figure_put_right_keeps_the_unit_and_is_no_view(database_url: str) -> None:
    _business(
        "eq2",
        [
            (SKILLS, "@btvlep cant get lads with their cisrs cards"),
            (ROADS, "@btvlep yard rent went up 40% this year and theres nowhere else local"),
        ],
    )
    result, sent = _at_playback("eq2", "@btvlep 40 shud be 50 sorry, fat thumbs")
    assert result == {"theme_correction": ADDED}
    assert message("view_added") not in sent
    answers = service.recorded_answers("eq2")
    assert len(answers) == 2 and "went up 50% this year" in answers[1].text


def test_a_figure_in_several_answers_is_read_as_before(database_url: str) -> None:
    _business(
        "eq3",
        [
            (SKILLS, "We lose 20% of apprentices every year."),
            (ROADS, "Rents went up 20% this year."),
        ],
    )
    _at_playback("eq3", "Nearly. The rents went up 30%, not 20%.")
    assert all("30%" not in a.text for a in service.recorded_answers("eq3")[:2])


def test_an_earlier_answer_reworded_at_a_later_question_takes_its_place(
    database_url: str,
) -> None:
    key = "island:high_performance_technology:"
    _business(
        "eq4",
        [
            (f"{key}opportunities", "F1 teams want simulators close to their factories."),
            (f"{key}barriers", "Motion platforms need engineers the teams hoover up."),
            (f"{key}help", "A mechatronics apprenticeship at the college."),
            ("seabed:entrepreneurialism:views", "No investor round here understands motorsport."),
        ],
    )
    text = (
        "Hang on, before digital: the barriers answer isn't right. Please make it: our unit's "
        "power supply can't run more than two rigs at once, and the upgrade quote is eighteen "
        "months out."
    )
    slots = {
        "consent": True,
        "pending_questions": ["seabed:digital_science:views"],
        "requested_slot": "seabed_answer",
    }
    result, sent = validate_strategy_answer("seabed_answer", "eq4", text, slots)
    assert result.get("seabed_answer") is None  # the digital question asked again
    assert sent == [message("earlier_changed", name="High performance technology")]
    answers = service.recorded_answers("eq4")
    assert len(answers) == 4
    assert answers[1].text.startswith("our unit's power supply")


def test_a_named_answer_changed_the_next_day_takes_its_place(
    database_url: str, domain: dict[str, Any]
) -> None:
    slots = _business(
        "eq5",
        [
            (SKILLS, "@btvlep cant get lads who can pack a house properly, nobody trains for it"),
            (ROADS, "@btvlep the m25 at chorleywood is a car park most mornings"),
        ],
    )
    text = (
        "@btvlep morning, its me from yesterday. the skills answer needs changing, it should "
        "say: we train our own packers now but they leave for the warehouses that pay more"
    )
    sent = CollectingDispatcher()
    tracker = make_tracker("eq5", text, "inform", slots={**slots, "stage": "closed"})
    run(ActionFallback().run(sent, tracker, domain))
    assert texts(sent) == [message("item_replaced", n=1)]
    answers = service.recorded_answers("eq5")
    assert len(answers) == 2 and answers[0].text.startswith("we train our own packers")


def test_a_figure_put_right_after_the_goodbye_is_no_view(
    database_url: str, domain: dict[str, Any]
) -> None:
    slots = _business("eq6", [(ROADS, "@btvlep yard rent went up 40% this year")])
    sent = CollectingDispatcher()
    tracker = make_tracker(
        "eq6", "@btvlep 40 shud be 50 sorry", "inform", slots={**slots, "stage": "closed"}
    )
    run(ActionFallback().run(sent, tracker, domain))
    assert texts(sent) == [message("item_corrected", n=1)]
    answers = service.recorded_answers("eq6")
    assert len(answers) == 1 and "up 50% this year" in answers[0].text
