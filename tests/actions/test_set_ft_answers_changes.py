"""What set FT of unseen conversations (changes of mind during the consultation) found in
the strategy and close actions: "actually scratch that, mobility fits us better" at the High
performance question, "Can you add space as well before I carry on? I forgot that side" and
"Actually add environment too, the solar side is half our work" were kept as answers; after
"oops not housing, i meant digital" the "forgot to say on that one" that followed was kept as
the skills answer; "sorry, on that one i meant the small thruster firms" became the barriers
answer; "oh on the last one, also an apprenticeship ..." at the seabed choice chose skills;
"can you scrap that last answer? My business partner would not want ..." became the next
answer; "Number 2 can go, ..." at the play-back was kept as one more view; and a yes to the
follow-up email after the goodbye was told the consultation had finished, and the address
after it lost."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.consultation import ValidateStrategyForm
from actions.faq import ActionResume
from actions.playback import ADDED, ValidateCorrectionForm
from bot.consultation import service
from bot.consultation.questions import message, question_queue, theme_names
from tests.actions.conftest import (
    make_tracker,
    run,
    stored_business,
    texts,
    validate_strategy_answer,
)

HPT, IM, SPACE = "high_performance_technology", "intelligent_mobility", "space"
SKILLS, ENV, DIGITAL = "education_skills", "environment_quality_of_life", "digital_science"


def _started(sender: str, answers: tuple[tuple[str, str], ...] = ()) -> None:
    service.record_consent(sender, "rest", True)
    for key, text in answers:
        service.record_answer(sender, "rest", text, key, "q")


def _answers(sender: str) -> list[tuple[str, str]]:
    return [(a.question_key, a.text) for a in service.recorded_answers(sender)]


def test_an_island_that_fits_better_is_swapped_at_its_first_question(database_url: str) -> None:
    _started("ft1")
    text = (
        "@btvlep actually scratch that, mobility fits us better. its batteries for cargo bikes "
        "and ebikes, nothing to do with racing"
    )
    slots = {"islands": [HPT], "pending_questions": question_queue([HPT])}
    result, sent = validate_strategy_answer("island_answer", "ft1", text, slots)
    assert result == {
        "islands": [IM],
        "pending_questions": question_queue([IM]),
        "island_answer": None,
    }
    assert sent == [message("chosen", names=theme_names([IM]))]
    assert _answers("ft1") == []  # nothing kept for High performance


def test_an_island_added_with_why_asks_the_pending_question_again(database_url: str) -> None:
    hpt = question_queue([HPT])
    _started("ft2", ((hpt[0], "The teams at Silverstone want parts anodised in 48 hours"),))
    text = "Can you add space as well before I carry on? I forgot that side"
    slots = {"islands": [HPT], "pending_questions": hpt[1:]}
    result, sent = validate_strategy_answer("island_answer", "ft2", text, slots)
    assert result == {
        "islands": [HPT, SPACE],
        "pending_questions": [*hpt[1:], *question_queue([SPACE])],
        "island_answer": None,
    }
    assert sent == [message("chosen", names=theme_names([SPACE]))]
    assert len(_answers("ft2")) == 1


def test_a_driver_added_with_why_comes_after_the_pending_one(database_url: str) -> None:
    _started("ft3")
    skills, env = question_queue([SKILLS]), question_queue([ENV])
    text = "Actually add environment too, the solar side is half our work"
    result, sent = validate_strategy_answer(
        "seabed_answer", "ft3", text, {"seabed": [SKILLS], "pending_questions": skills}
    )
    assert result == {
        "seabed": [SKILLS, ENV],
        "pending_questions": [*skills, *env],
        "seabed_answer": None,
    }
    assert _answers("ft3") == []


def test_forgot_to_say_after_a_swapped_driver_joins_the_swapped_in_answer(
    database_url: str,
) -> None:
    _started("ft4")
    housing = "housing_growth"
    slots = {"seabed": [housing, SKILLS], "pending_questions": question_queue([housing, SKILLS])}
    swap = "@btvlep oops not housing, i meant digital. skills is right"
    swapped, _ = validate_strategy_answer("seabed_answer", "ft4", swap, slots)
    assert swapped["pending_questions"] == question_queue([DIGITAL, SKILLS])
    # the choice in the order its questions come, so the digital answer is the last one
    assert swapped["seabed"] == [DIGITAL, SKILLS]
    first = "machine translation has taken all the easy work, clients think deepl is free"
    service.record_answer("ft4", "rest", first, question_queue([DIGITAL])[0], "q")
    text = (
        "@btvlep forgot to say on that one, theres no help to pay for the ai tools, a licence "
        "is 9k a year and the bank wont lend for software"
    )
    at_skills = {"seabed": swapped["seabed"], "pending_questions": question_queue([SKILLS])}
    result, sent = validate_strategy_answer("seabed_answer", "ft4", text, at_skills)
    assert result == {"seabed_answer": None}  # the skills question asked again
    assert sent == [message("added_to_last")]
    [(key, said)] = _answers("ft4")
    assert key == question_queue([DIGITAL])[0] and "deepl" in said and "9k a year" in said


def test_a_detail_put_right_on_that_one_corrects_the_last_answer(database_url: str) -> None:
    space = question_queue([SPACE])
    first = "the rocket engine firms at westcott keep adding test stands"
    _started("ft5", ((space[0], first),))
    text = (
        "@btvlep sorry, on that one i meant the small thruster firms at westcott, not the big "
        "engine test lot"
    )
    slots = {"islands": [SPACE], "pending_questions": space[1:]}
    result, sent = validate_strategy_answer("island_answer", "ft5", text, slots)
    assert result == {"island_answer": None}
    assert sent == [message("corrected_last")]
    [(key, said)] = _answers("ft5")
    assert key == space[0] and "small thruster firms" in said


def test_an_answer_taken_back_with_only_why_moves_on(database_url: str) -> None:
    drivers = question_queue(["entrepreneurialism", "infrastructure", ENV])
    _started("ft6", ((drivers[0], "The bank wanted my house as security for a new frame"),))
    text = (
        "Actually can you scrap that last answer? My business partner would not want the bank "
        "stuff going in"
    )
    slots = {
        "seabed": ["entrepreneurialism", "infrastructure", ENV],
        "pending_questions": drivers[1:],
    }
    result, sent = validate_strategy_answer("seabed_answer", "ft6", text, slots)
    assert result == {"seabed_answer": None, "pending_questions": drivers[1:]}
    assert sent == [message("answer_withdrawn")]
    assert _answers("ft6") == []


def test_on_the_last_one_at_the_seabed_choice_joins_the_last_answer(database_url: str) -> None:
    help_key = "island:medical_technologies:help"
    first = "one regional framework for instrument repair that small firms can actually get on"
    _started("ft7", ((help_key, first),))
    text = (
        "@btvlep oh on the last one, also an apprenticeship for instrument technicians, its all "
        "learned on the job now"
    )
    history = [{"event": "user", "text": f"@btvlep {first}"}]
    tracker = make_tracker("ft7", text, events=history, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, {})
    assert result == {"seabed": None}  # the choice asked again, skills not chosen
    assert texts(dispatcher) == [message("added_to_last")]
    [(key, said)] = _answers("ft7")
    assert key == help_key and "apprenticeship" in said


def test_an_answer_taken_back_with_only_why_at_the_choice_leaves_nothing(
    database_url: str,
) -> None:
    help_key = "island:space:help"
    first = "a shared test cell at westcott we could rent by the day"
    _started("ft11", ((help_key, first),))
    text = "Can you scrap that last answer? It's a bit private really"
    history = [{"event": "user", "text": first}]
    tracker = make_tracker("ft11", text, events=history, active_loop="strategy_form")
    dispatcher = CollectingDispatcher()
    result = ValidateStrategyForm().validate_seabed(text, dispatcher, tracker, {})
    assert result == {"seabed": None}  # the choice asked again
    assert texts(dispatcher) == [message("answer_withdrawn")]
    assert _answers("ft11") == []


def test_number_2_can_go_at_the_play_back_takes_it_out(database_url: str) -> None:
    answers = (
        ("island:creative_digital:opportunities", "Streaming shows want period farmhouses"),
        ("island:creative_digital:barriers", "Owners get nervous about crews, no mobile signal"),
        ("seabed:environment_quality_of_life:views", "Every shoot keeps the neighbours onside"),
    )
    _started("ft8", answers)
    text = "Number 2 can go, I was a bit unfair on the owners there"
    sent = CollectingDispatcher()
    tracker = make_tracker("ft8", text, "inform", slots={"consent": True, "stage": "playback"})
    result = run(ValidateCorrectionForm().extract_theme_correction(sent, tracker, {}))
    assert result == {"theme_correction": ADDED}  # the play-back shown again
    assert texts(sent) == [message("answer_taken_out", n=2)]
    assert [k for k, _ in _answers("ft8")] == [answers[0][0], answers[2][0]]


def _after_goodbye(sender: str, text: str, said: list[str], intent: str = "affirm") -> list[str]:
    """What action_resume says to `text` after the bot said `said`, the consultation closed
    with a no to the follow-up email."""
    events = [{"event": "bot", "text": t} for t in said]
    slots = {"stage": "closed", "consent": True, "follow_up": False}
    sent = CollectingDispatcher()
    tracker = make_tracker(sender, text, intent, slots=slots, events=events)
    assert run(ActionResume().run(sent, tracker, {})) == []
    return texts(sent)


def test_a_yes_after_the_goodbye_to_a_no_asks_again_then_keeps_the_address(
    database_url: str,
) -> None:
    _started("ft9")
    service.set_contact("ft9", "rest", None, False)
    said = [message("ask_follow_up"), message("goodbye")]
    assert _after_goodbye("ft9", "Yes", said) == [message("ask_follow_up")]
    said.append(message("ask_follow_up"))
    assert _after_goodbye("ft9", "Yes please", said) == [message("ask_email")]
    said.append(message("ask_email"))
    assert _after_goodbye("ft9", "ops@biertonfinishing.co.uk", said) == [message("email_saved")]
    business = stored_business("ft9")
    assert (business.email, business.follow_up) == ("ops@biertonfinishing.co.uk", True)
    assert _answers("ft9") == []  # nothing kept as a view


def test_a_yes_after_a_goodbye_with_no_offer_of_emails_asks_nothing(database_url: str) -> None:
    _started("ft10")
    sent = _after_goodbye("ft10", "Yes", [message("goodbye")])
    assert message("ask_follow_up") not in sent and message("ask_email") not in sent
