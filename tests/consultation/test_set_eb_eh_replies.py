"""Readings that sets EB to EH of unseen conversations found wanting (no Rasa): questions
beside views and beside a yes or no, a choice put right by name, one more word after an
answer, second-language yeses and thanks, a head count of two groups or changed mid-way,
and words put right or added at the play-back."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import about_the_chat_reply, asks_to_add_later
from bot.consultation.answer_parts import answer_parts
from bot.consultation.asides import continues_answer
from bot.consultation.choice_changes import swapped_in_choice, switched_choice
from bot.consultation.choices import also_named
from bot.consultation.consent_reply import agrees_to_take_part
from bot.consultation.contact_terms import contact_reply
from bot.consultation.head_count import size_band_for
from bot.consultation.labelled import labelled_answers
from bot.consultation.letters import thanks_only
from bot.consultation.none_choice import means_none
from bot.consultation.openings import introduces_itself
from bot.consultation.playback_fixes import TOPIC_GOES, WROTE_MEANT
from bot.consultation.playback_replies import confirms
from bot.consultation.profile import answer_then_question, name_and_trade
from bot.consultation.profile_in_one import profile_in_parts, rest_of_profile
from bot.consultation.replies import (
    asked_topic,
    greeting_only,
    holding,
    said_in_place_of_last_bit,
    view_then_question,
    yes_or_no_then_question,
)
from bot.consultation.replies.wanting_out import asks_to_finish
from bot.consultation.standing import standing_reply_key, view_then_standing_question
from bot.consultation.x_style import without_addressees
from bot.strategy import ISLAND_IDS, SEABED_IDS


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("When does this consultation close?", "next_steps"),
        ("Before I say yes, when does the consultation actually close?", "next_steps"),
        ("what happens with it all after?", "next_steps"),
        ("Just before that, what becomes of it all afterwards?", "next_steps"),
        ("Where does all this go once you've collected it?", "next_steps"),
        ("So what's the next step once you've got everyone's answers?", "next_steps"),
        ("when do u close this btw?", "next_steps"),
        ("Sorry, how long is this consultation open for?", "next_steps"),
        ("What's the LEP, by the way?", "who_preparing"),
        ("what does LEP stand for?", "who_preparing"),
        ("Would you print our name next to any of this?", "data_privacy"),
        ("Will any of this be attributed to us?", "data_privacy"),
        ("does anyone at the lep actually look at these dms?", "data_privacy"),
        # not about the consultation: left to the reader of views
        ("what is the LEP doing about roads?", None),
        ("how long will this take?", None),
    ],
)
def test_the_topic_a_plain_question_asks(question: str, topic: str | None) -> None:
    assert asked_topic(question) == topic


def test_a_view_keeps_its_words_when_a_question_sits_inside_it() -> None:
    text = (
        "Every trust wants its own clinical evidence before it will buy. Who actually reads "
        "these answers, by the way, anyone from the NHS? The other thing is NHS procurement, "
        "which takes years for a firm our size."
    )
    assert view_then_question(text) == (
        "Every trust wants its own clinical evidence before it will buy. The other thing is "
        "NHS procurement, which takes years for a firm our size.",
        "data_privacy",
    )
    # a sentence about not following the question is no view (set CR)
    assert (
        view_then_question(
            "Sorry, I didn't follow the seabed bit. What is the seabed, in plain English?"
        )
        is None
    )
    assert view_then_question(
        "We can't get staff to come out here at all. When does this consultation close?"
    ) == ("We can't get staff to come out here at all.", "next_steps")
    # a question first, with no turn back to the answer, is no view beside a question
    assert view_then_question("Who reads these? I don't want my rivals seeing it at all.") is None


@pytest.mark.parametrize(
    ("text", "view", "key"),
    [
        (
            "@btvlep a small cleanroom unit on westcott venture park at a rent we can afford. "
            "is there grant money tied to this consultation or not?",
            "a small cleanroom unit on westcott venture park at a rent we can afford.",
            "no_grant",
        ),
        (
            "Is there actually money attached to any of this? Either way, what would help most "
            "is a short subtitling course at Bucks New University.",
            "what would help most is a short subtitling course at Bucks New University.",
            "no_grant",
        ),
        (
            "@btvlep the hypercar builders round silverstone all want lighter looms, we cd "
            "double in 2 yrs. any cash going for firms like us off the back of this?",
            "the hypercar builders round silverstone all want lighter looms, we cd double in 2 "
            "yrs.",
            "no_grant",
        ),
    ],
)
def test_a_view_beside_a_question_about_taking_part(text: str, view: str, key: str) -> None:
    assert view_then_standing_question(text) == (view, key)


def test_a_view_that_asks_for_grants_is_no_question_about_taking_part() -> None:
    assert view_then_standing_question("We need grants for new kit. Will the LEP help?") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "yes thats right. my daughter runs the market stalls, can she fill this in too?",
            "others_welcome",
        ),
        ("Will this lead to any funding for nurseries?", "no_grant"),
        ("my daughter runs the stalls, she can't make it to the show", None),
    ],
)
def test_the_answer_to_a_question_about_taking_part(text: str, key: str | None) -> None:
    assert standing_reply_key(text) == key


def test_a_yes_or_no_with_a_question_after_it() -> None:
    assert yes_or_no_then_question("No thanks. When does it all close, though?") == (
        "No thanks",
        "next_steps",
    )
    assert yes_or_no_then_question("Yes please, who reads these?") == ("Yes please", "data_privacy")
    assert yes_or_no_then_question("no. the roads are bad?") is None


def test_a_profile_answer_then_a_question_about_the_consultation() -> None:
    assert (
        answer_then_question("Manager. Sorry, who are the LEP when they're at home?") == "Manager"
    )
    assert answer_then_question("@btvlep 6 of us. is there a closing date for this?") == "6 of us"


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("If I think of more once we've finished, can I still add it?", True),
        ("can I add to this later?", True),
        ("can I come back and add it?", True),
        ("can I add that the roads are bad", False),
        ("we can add more staff later if the roads improve?", False),
    ],
)
def test_asking_to_add_more_later(text: str, asks: bool) -> None:
    assert asks_to_add_later(text) is asks
    if asks:
        assert "any time" in (about_the_chat_reply(text, None) or "")


@pytest.mark.parametrize(
    ("text", "none"),
    [
        ("None of them really, we look after people in their own homes", True),
        ("None really, we look after older people in their own homes", True),
        ("None, I run a cafe in Wendover", True),
        ("none, we need skills", False),
        ("none, we use a lot of AI", False),
        ("none, skills", False),
    ],
)
def test_none_then_what_the_business_does(text: str, none: bool) -> None:
    assert means_none(text) is none


def test_a_choice_with_one_name_scratched_and_another_meant() -> None:
    said = "Infrastructure and housing. No, scratch housing, I meant environment."
    assert swapped_in_choice(said, SEABED_IDS) == ["infrastructure", "environment_quality_of_life"]
    assert swapped_in_choice("skills and housing, no not housing, infrastructure", SEABED_IDS) == [
        "education_skills",
        "infrastructure",
    ]
    assert swapped_in_choice("space, no wait, medical", ISLAND_IDS) is None
    assert swapped_in_choice("skills and housing", SEABED_IDS) is None


def test_the_wrong_one_then_the_one_meant_in_the_next_sentence() -> None:
    text = "Ah no, wrong one, not space. It's the film and telly one we're in."
    assert switched_choice(text, ISLAND_IDS, "space") == ["creative_digital"]
    said = "@btvlep wait no, not public services, meant skills. so skills & infra"
    assert switched_choice(said, SEABED_IDS, "intelligent_public_services") == ["education_skills"]


def test_one_more_driver_straight_after_the_choice() -> None:
    assert also_named("@btvlep oh and environment too", SEABED_IDS, ["infrastructure"]) == [
        "environment_quality_of_life"
    ]
    assert also_named("and the roads too", SEABED_IDS, []) == []
    assert also_named("and environment too", SEABED_IDS, ["environment_quality_of_life"]) == []


@pytest.mark.parametrize(
    ("text", "carries_on"),
    [
        ("and nurses", True),
        ("@btvlep also parking", True),
        ("and then", False),
        ("and you?", False),
        ("because the roads are bad", True),
        (
            "Because it alerts a carer it counts as class IIa, so we need a notified body and "
            "the wait for one is over a year. Our seed investors won't fund another year.",
            False,
        ),
    ],
)
def test_what_carries_the_last_answer_on(text: str, carries_on: bool) -> None:
    assert continues_answer(text) is carries_on


def test_a_handle_that_is_the_subject_stays_in_the_message() -> None:
    assert without_addressees("@btvlep @UKSpaceAgency and the LEP running a day") == (
        "@UKSpaceAgency and the LEP running a day"
    )
    assert without_addressees("@btvlep @BucksLEP it's fine") == "it's fine"
    assert without_addressees("@btvlep and the roads") == "and the roads"


@pytest.mark.parametrize(
    "text",
    [
        "@btvlep hi, got 5 mins between consults",
        "hi I have got ten minutes",
    ],
)
def test_a_greeting_with_the_time_there_is(text: str) -> None:
    assert greeting_only(text)


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("@btvlep Zdraveite, hello from Long Crendon", True),
        (
            "Cześć, good morning. I see the link on the Facebook group of Risborough businesses.",
            True,
        ),
        ("Marhaba. Hello, I found you from the Chamber newsletter", True),
        ("hello from the roads problem", False),
    ],
)
def test_a_first_message_that_only_says_hello_and_where_from(text: str, opening: bool) -> None:
    assert introduces_itself(text) is opening


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("@btvlep Dobre, yes, we can start", True),
        ("we can start", True),
        ("@btvlep no. wait sorry, misread that, yes go on", True),
        ("no. wait, no", False),
        ("no thanks", False),
    ],
)
def test_a_yes_to_taking_part(text: str, agrees: bool) -> None:
    assert agrees_to_take_part(text) is agrees


@pytest.mark.parametrize(
    "text",
    ["Mulțumesc frumos!", "Grazie mille, ciao", "Salamat po, God bless", "Bahut dhanvaad ji"],
)
def test_thanks_after_the_goodbye_in_other_languages(text: str) -> None:
    assert thanks_only(text)


@pytest.mark.parametrize(
    "text", ["Yes, is exactly like this", "@btvlep Yes, this is it", "is correct"]
)
def test_a_second_language_yes_to_the_play_back(text: str) -> None:
    assert confirms(text)


def test_send_it_by_email_is_a_yes_to_the_follow_up() -> None:
    reply = contact_reply("@btvlep Yes, send on email")
    assert reply is not None and reply.wants


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("We are 38 with the carers, in office we are 4", "Small (10-49 staff)"),
        (
            "9, no hang on, 13 now with the two packers we took on in the spring",
            "Small (10-49 staff)",
        ),
        ("2 sites, 30 staff", "Small (10-49 staff)"),
        ("8 in the office and 30 on site", "Small (10-49 staff)"),  # 30 or 38: both Small
        ("40-60", None),
        ("forty to sixty", None),
        ("a few hundred", None),
    ],
)
def test_a_head_count_of_two_groups_or_changed_mid_way(text: str, band: str | None) -> None:
    assert size_band_for(text) == band


def test_the_words_first_sent_are_a_part_when_more_was_added() -> None:
    text = "Money. [added later: and trial costs] [added later: and every trust buying alone]"
    assert answer_parts(text) == ["Money.", "and trial costs", "and every trust buying alone"]
    assert answer_parts("Just the one answer") == []


def test_what_a_message_says_in_place_of_the_last_bit() -> None:
    text = (
        "Actually, scrap that last bit about the builders paying late, we've got that sorted. "
        "The real problem is staff: every electrician we train goes self-employed."
    )
    assert said_in_place_of_last_bit(text) == (
        "The real problem is staff: every electrician we train goes self-employed."
    )
    assert said_in_place_of_last_bit("scrap that last bit") is None


def test_words_added_to_the_answer_named_by_its_subject() -> None:
    found = TOPIC_GOES.match(
        "Hold on, you missed the part about broadband. It goes with the digital one: half the "
        "villages round Haddenham have no decent broadband"
    )
    assert found is not None and found["topic"] == "digital"
    assert found["rest"].startswith("half the villages")


def test_words_written_and_words_meant() -> None:
    found = WROTE_MEANT.search(
        "It's the first answer. I wrote Chiltern Way but I meant the Chilterns Cycleway; the "
        "Way is a walking route."
    )
    assert found is not None
    assert (found["old"], found["new"]) == ("Chiltern Way", "the Chilterns Cycleway")


# Sets EI to EM (the second round of this session)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "Name: Orbital Wrap Ltd\nSector: thermal insulation blankets for satellites\n"
            "Staff: 14\nLocation: Westcott Venture Park\nRole: technical director",
            {
                "organisation": "Orbital Wrap Ltd",
                "sector": "thermal insulation blankets for satellites",
                "size_band": "Small (10-49 staff)",
                "location": "Westcott Venture Park",
                "role": "technical director",
            },
        ),
        (
            "@btvlep Scalewright Models / wind tunnel models for motorsport / 19 staff / "
            "Silverstone Park / MD",
            {
                "organisation": "Scalewright Models",
                "sector": "wind tunnel models for motorsport",
                "size_band": "Small (10-49 staff)",
                "location": "Silverstone Park",
                "role": "MD",
            },
        ),
        (
            "Business: Frogmoor Chairworks | Trade: handmade chairs | People: 9 | Town: High "
            "Wycombe | Role: owner and chair maker",
            {
                "organisation": "Frogmoor Chairworks",
                "sector": "handmade chairs",
                "size_band": "Micro (1-9 staff)",
                "location": "High Wycombe",
                "role": "owner and chair maker",
            },
        ),
        (
            "Kestrel Press: commercial printing, mostly brochures. 23 staff, on the Sands "
            "industrial estate in High Wycombe, and I'm the operations director.",
            {
                "organisation": "Kestrel Press",
                "sector": "commercial printing",
                "size_band": "Small (10-49 staff)",
                "location": "High Wycombe",
                "role": "operations director",
            },
        ),
        ("Smith & Sons, builders", {}),
        ("Jones Plumbing, 3 of us", {}),
        ("Hale Leys Print, we're a commercial printers, 12 of us in Wendover", {}),
        ("1. Haddenham Deli\n2. delicatessen\n3. 6 staff\n4. Haddenham", {}),
    ],
)
def test_the_whole_profile_in_parts(text: str, fields: dict[str, str]) -> None:
    assert profile_in_parts(text) == fields


def test_the_rest_of_the_profile_at_a_later_question() -> None:
    assert rest_of_profile("@btvlep me and two part timers, West Street in Marlow, I own it") == {
        "size_band": "Micro (1-9 staff)",
        "location": "Marlow",
        "role": "owner",
    }
    assert rest_of_profile("about 12") == {}
    assert rest_of_profile("we are 12 and the roads are bad") == {}


@pytest.mark.parametrize(
    ("text", "trade"),
    [
        ("@btvlep Riverside Pages, independent bookshop", "independent bookshop"),
        ("Penn Street Joinery, Chesham", None),
        ("Smith & Sons, Ltd", None),
        ("Marlow Boatworks, though I sold it", None),
    ],
)
def test_a_name_then_a_plain_trade(text: str, trade: str | None) -> None:
    assert name_and_trade(text)[1] == trade


def test_barriers_and_help_said_in_the_questions_own_words() -> None:
    text = (
        "What holds us back is finding cutters now the courses have closed. What would help "
        "most is the college running a costume-making course with us."
    )
    assert labelled_answers(text, ("opportunities", "barriers", "help"), "barriers") == {
        "barriers": "finding cutters now the courses have closed.",
        "help": "the college running a costume-making course with us.",
    }


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("@btvlep sorry gotta go", True),
        ("@btvlep back in 10", True),
        ("hang on, someone's come in for a wreath", True),
        ("Sorry, two minutes, the courier's here for a loom", True),
        ("@btvlep sorry, member at the door wanting a key", True),
        ("@btvlep hang on van needs moving", True),
        ("Morning. Carry on from where we stopped?", True),
        ("hang on, the roads are bad", False),
        ("sorry, the roads are bad", False),
        ("gotta go to Oxford for work every week", False),
        ("back in 2019 we moved", False),
    ],
)
def test_a_pause_is_no_answer(text: str, holds: bool) -> None:
    assert holding(text) is holds


@pytest.mark.parametrize(
    ("text", "finish"),
    [
        ("@btvlep can we leave it there? got a firing to watch", True),
        ("@btvlep gotta stop there mate, next job's waiting", True),
        ("can we leave the roads as they are", False),
        ("I have to stop the lorries idling", False),
    ],
)
def test_asking_to_finish_with_a_reason(text: str, finish: bool) -> None:
    assert asks_to_finish(text) is finish


@pytest.mark.parametrize(
    "text",
    [
        "Hello, a customer forwarded me the link",
        "Hello, the Chesham traders group sent me here",
        "@btvlep hi, got your link from the amersham chamber",
        "Morning! Pouring down here, so a good day for paperwork",
    ],
)
def test_more_first_messages_that_only_say_hello(text: str) -> None:
    assert introduces_itself(text)


def test_certainly_is_a_yes_to_taking_part() -> None:
    assert agrees_to_take_part("Certainly")
