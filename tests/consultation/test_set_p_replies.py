"""What the fifteenth set of unseen conversations (benchmarks/data/conversation_probe_p.yml)
found in reading replies, without Rasa: letters and courtesies round an answer ("Dear Sir
or Madam ... Kind regards", "Thank you dear."), X handles, hashtags and "1/2" threads,
remarks about the writing ("I'm dyslexic", "hope that helps"), years trading for the
head count, a legal form for the sector, a name with its street, no email to give, a
yes inside a letter, and a name sent before agreeing. Paraphrases the set does not use."""

from __future__ import annotations

import pytest

from bot.consultation.about_chat import doubts_it_matters
from bot.consultation.asides import asks_about_taking_part
from bot.consultation.consent_details import details_before_consent
from bot.consultation.consent_reply import agrees_to_take_part, wants_to_take_part
from bot.consultation.email_text import no_email_given
from bot.consultation.letters import thanks_only, unwrapped, without_endearments
from bot.consultation.profile import tidy_profile_answer
from bot.consultation.profile_checks import (
    legal_form_only,
    name_and_place,
    years_not_head_count,
)
from bot.consultation.remarks import (
    afterword_only,
    apologises_for_writing,
    remark_reply,
)
from bot.consultation.replies import about_the_consultation
from bot.consultation.x_style import (
    handles_spelled_out,
    more_to_come,
    spelled_out,
    thread_joined,
    thread_part,
)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        (
            "Dear Sir/Madam, the business is Hale Florists. Yours sincerely, Jean Hale",
            "the business is Hale Florists",
        ),
        ("To whom it may concern: Chiltern Cider Co", "Chiltern Cider Co"),
        ("Dear team,\nwe're in Amersham.\nBest wishes\nPeter", "we're in Amersham"),
        ("Thanks love, it's Olney Pet Supplies", "it's Olney Pet Supplies"),
        ("Oh thank you so much! Marlow Mill Joinery", "Marlow Mill Joinery"),
    ],
)
def test_a_letter_or_its_thanks_round_an_answer_is_dropped(text: str, inside: str) -> None:
    assert unwrapped(text) == inside


@pytest.mark.parametrize(
    "text",
    [
        "thank you",
        "Kind regards, Margaret",
        "Cheers Wine Bar",
        "Dear",
        "Dear Green Coffee",
        "Good Day Cafe",
    ],
)
def test_a_courtesy_alone_or_a_name_is_left_as_it_is(text: str) -> None:
    assert unwrapped(text) == text


def test_words_of_warmth_are_dropped_from_a_thanks() -> None:
    assert without_endearments("That's grand, thanks pet") == "that's grand thanks"


@pytest.mark.parametrize(
    "text", ["that's grand, thanks pet", "lovely, thanks ever so much", "oh wonderful, cheers love"]
)
def test_thanks_with_warmth_is_thanks_only(text: str) -> None:
    assert thanks_only(text)


@pytest.mark.parametrize("text", ["thanks, but add skills", "lovely roads round here", "no"])
def test_thanks_with_a_change_or_a_view_is_not(text: str) -> None:
    assert not thanks_only(text)


@pytest.mark.parametrize(
    ("slot", "text", "tidy"),
    [
        (
            "organisation",
            "@btvlep we're @ChilternCiderCo on here",
            "Chiltern Cider Co on here",  # "we're" before a name is a lead-in (set AC)
        ),
        ("organisation", "it's @marlow_mill_joinery", "marlow mill joinery"),
        ("organisation", "It's Amersham Lettings", "Amersham Lettings"),
        ("organisation", "@BucksLEP @btvlep Penn Bakery", "Penn Bakery"),
        ("location", "#Aylesbury #bucksLIS", "Aylesbury"),
        ("location", "we're in #PrincesRisborough", "Princes Risborough"),
        ("sector", "#plumbing and #heating", "plumbing and heating"),
    ],
)
def test_handles_and_hashtags_in_a_profile_answer_are_spelled_out(
    slot: str, text: str, tidy: str
) -> None:
    assert tidy_profile_answer(slot, text) == tidy


def test_the_bot_handle_alone_leaves_nothing() -> None:
    assert handles_spelled_out("@btvlep #bucksLIS") == ""
    assert spelled_out("HighWycombeFC") == "High Wycombe FC"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("(1/3) rent is the big one for us", (1, 3)),
        ("🧵 1/ where to start with the A41", (1, None)),
        ("and that's why we're moving 2/2", (2, 2)),
        ("[2/3] the college course closed", (2, 3)),
    ],
)
def test_a_numbered_thread_part_is_read(text: str, part: tuple[int, int | None]) -> None:
    assert thread_part(text) == part


@pytest.mark.parametrize(
    "text",
    ["we're open 24/7 now", "1/2 price rents would save us", "1/2 an hour to Aylesbury", "3/2"],
)
def test_a_fraction_or_a_time_is_no_thread(text: str) -> None:
    assert thread_part(text) is None and not more_to_come(text)


def test_only_a_part_before_the_last_has_more_to_come() -> None:
    assert more_to_come("1/3 rent is the big one") and more_to_come("1/ rent is the big one")
    assert not more_to_come("3/3 and that's it from me")
    joined = thread_joined(["1/3 rent is high", "2/3 so is parking", "3/3 and rates"])
    assert joined == "rent is high so is parking and rates"


@pytest.mark.parametrize(
    "text",
    [
        "I have dyslexia so please excuse any spelling mistakes",
        "sorry about my typing, not very good with computers",
        "English is not my first language, sorry for mistakes",
        "forgive my grammar",
    ],
)
def test_an_apology_for_the_writing_is_no_answer(text: str) -> None:
    assert apologises_for_writing(text) and remark_reply(text) == "writing_welcome"


@pytest.mark.parametrize(
    "text",
    [
        "hth 🙂",
        "let me know if you need any more info",
        "happy to elaborate if needed",
        "hope this is useful!",
    ],
)
def test_a_courtesy_after_an_answer_is_no_answer(text: str) -> None:
    assert afterword_only(text) and remark_reply(text) == "afterword_thanks"


@pytest.mark.parametrize(
    "text",
    [
        "sorry for the spelling, the buses round Olney stopped in May",
        "dyslexia support at the college is poor",
        "hope the council helps with business rates",
        "let me know when the report is out",
    ],
)
def test_a_view_with_such_words_is_a_view(text: str) -> None:
    assert remark_reply(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "established 1987",
        "going 40 years this year",
        "since 2009",
        "we opened in 2015",
        "3 decades",
    ],
)
def test_how_long_the_business_has_run_is_no_head_count(text: str) -> None:
    assert years_not_head_count(text)


@pytest.mark.parametrize(
    "text", ["since 2009, 14 staff", "12", "about 30 people", "me and 2 others"]
)
def test_a_head_count_is_one(text: str) -> None:
    assert not years_not_head_count(text)


@pytest.mark.parametrize(
    "text", ["Ltd", "it's a private limited company", "just a sole trader", "LLP", "a partnership"]
)
def test_a_legal_form_alone_is_no_sector(text: str) -> None:
    assert legal_form_only(text)


@pytest.mark.parametrize(
    "text", ["charity", "a construction company", "dog grooming", "limited edition prints"]
)
def test_a_trade_is_a_sector(text: str) -> None:
    assert not legal_form_only(text)


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        (
            "Hughenden Hardware on the market square in High Wycombe",
            "Hughenden Hardware",
            "High Wycombe",
        ),
        ("Olney Pet Supplies, based in Olney", "Olney Pet Supplies", "Olney"),
        ("Penn Street Joinery on Station Road", "Penn Street Joinery", None),
        ("The Swan at Great Missenden", "The Swan at Great Missenden", None),
        ("Made in Marlow Ltd", "Made in Marlow Ltd", None),
        ("Beds in Bucks", "Beds in Bucks", None),
    ],
)
def test_a_name_and_where_it_is(text: str, name: str, place: str | None) -> None:
    assert name_and_place(text) == (name, place)


@pytest.mark.parametrize(
    "text",
    [
        "we don't do email I'm afraid",
        "no email, sorry - ring me on 07700 900123",
        "I've never had an email address",
        "we don't use computers",
    ],
)
def test_no_email_to_give(text: str) -> None:
    assert no_email_given(text)


@pytest.mark.parametrize("text", ["yes please", "bob at gmail dot com", "I don't mind emails"])
def test_an_address_or_a_yes_is_not_no_email(text: str) -> None:
    assert not no_email_given(text)


@pytest.mark.parametrize(
    "text",
    [
        "Good morning, I'd be glad to help. Regards, Bob",
        "We would love to have our say",
        "Dear Sir, I am more than happy to take part. Yours sincerely, P. Shah",
    ],
)
def test_a_yes_in_a_letter_agrees(text: str) -> None:
    assert wants_to_take_part(text) and agrees_to_take_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "I would like to take part but not this week",
        "we'd be happy to help, how long does it take?",
        "I would not like to take part",
    ],
)
def test_a_yes_put_off_or_with_a_question_does_not(text: str) -> None:
    assert not agrees_to_take_part(text)


@pytest.mark.parametrize("text", ["Penn Street Joinery", "Penn Bakery", "Princes Risborough"])
def test_a_name_before_agreeing_is_a_detail(text: str) -> None:
    assert details_before_consent(text)


@pytest.mark.parametrize("text", ["yes ok", "what is this?", "Westcott", "privacy", "nah"])
def test_a_yes_or_a_question_is_not(text: str) -> None:
    assert not details_before_consent(text)


@pytest.mark.parametrize(
    "text", ["saw your tweet", "got your leaflet through the door", "#bucksLIS"]
)
def test_the_campaign_post_or_letter_is_about_the_consultation(text: str) -> None:
    assert about_the_consultation(text)


@pytest.mark.parametrize(
    "text",
    ["what's in it for us?", "why should we bother?", "what would my business get out of this?"],
)
def test_what_taking_part_does_for_the_business_is_asked(text: str) -> None:
    assert doubts_it_matters(text) and asks_about_taking_part(text)


@pytest.mark.parametrize(
    "text", ["why should I bother applying for grants when nobody answers?", "the point is rent"]
)
def test_a_view_with_those_words_is_not_that_question(text: str) -> None:
    assert not doubts_it_matters(text)
