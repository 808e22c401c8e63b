"""What set Y of unseen conversations (benchmarks/data/conversation_probe_y.yml) found in
reading replies at the end of a consultation, without Rasa: a worded yes or no to the
follow-up email and the terms on it, staying involved (a working group, a PDF, what was
decided, a chat begun on X), a colleague who wants to take part, an answer taken out or put
right by what it said, and a real withdrawal. Paraphrases the set does not use, and, for
every rule, views with the same trigger words that must stay views."""

from __future__ import annotations

import pytest

from bot.consultation import involvement
from bot.consultation.consent_words import withdraws_consent
from bot.consultation.contact_terms import ContactReply, contact_reply
from bot.consultation.involvement import involvement_key, involvement_reply, involvement_text
from bot.consultation.participation import asks_if_others_can_take_part
from bot.consultation.playback_fixes import answer_put_right
from bot.consultation.taking_out import taken_out_topic


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("ok but only if it's about funding, nothing else", "only if it's about funding"),
        ("sign me up for updates but please don't ring me", "don't ring me"),  # the set's
        ("yes, email only please and not before January. tom@chilternjoinery.co.uk", "January"),
        ("go on then, but not until after Easter please", "not until after Easter"),
        ("keep me posted, email only, no phone calls", "no phone calls"),
        ("yes please, just about grants and training", "just about grants"),
    ],
)
def test_a_yes_with_terms_keeps_the_terms(text: str, terms: str) -> None:
    reply = contact_reply(text)
    assert reply is not None and reply.wants
    assert reply.terms is not None and terms in reply.terms
    assert "@" not in reply.terms  # the address is kept as the email, not in the terms


@pytest.mark.parametrize(
    "text",
    [
        "please don't contact me but do use my views",  # the set's
        "no more emails thanks, but keep what I said",
        "don't email me, happy for you to use my answers though",
        "leave me off the list please",
    ],
)
def test_a_no_to_contact_that_keeps_the_views(text: str) -> None:
    assert contact_reply(text) == ContactReply(wants=False)


@pytest.mark.parametrize("text", ["keep me posted", "sign us up", "count me in for updates"])
def test_signing_up_in_words_is_a_yes(text: str) -> None:
    assert contact_reply(text) == ContactReply(wants=True)


@pytest.mark.parametrize(
    "text",
    [
        "yes",  # read as before
        "no thanks",
        "tom@chilternjoinery.co.uk",
        "yes ok but what will you send me?",  # a question
        # views at the follow-up question with "yes" or "but" in them: read as before
        "yes but honestly the A41 is the real problem for us",
        "sure, though broadband on the estate is what really needs fixing",
        "ok, and the college needs to run more CNC courses",
    ],
)
def test_a_plain_reply_a_question_or_a_view_is_left_as_before(text: str) -> None:
    assert contact_reply(text) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("is there a working group i could join? or could i sit on the skills board", "join_in"),
        ("how can we get more involved in shaping this?", "join_in"),
        ("could I be on the LEP business panel?", "join_in"),
        ("we've a board paper on this, can I send you that as a PDF instead?", "written_response"),
        ("can I email you a written response?", "written_response"),
        ("will you actually tell us what you decided in the end?", "outcome"),
        ("so when will I hear back from you lot?", "outcome"),
        ("will we find out what the board decided?", "outcome"),
        ("hi, I started this on X yesterday, can I carry on here?", "other_channel"),
        ("I did half of this on my phone earlier, can I finish it here?", "other_channel"),
    ],
)
def test_staying_involved_is_answered(text: str, key: str) -> None:
    assert involvement_reply(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "the skills board never listens to small firms like us",
        "we need a working group on the A41 with the council and the hauliers",
        "the council's planning portal won't take a PDF bigger than 5MB",
        "we never hear back from the council about anything",
    ],
)
def test_views_with_the_same_words_stay_views(text: str) -> None:
    assert involvement_key(text) is None


def test_a_view_beside_the_question_is_not_answered_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(involvement, "names_a_subject", lambda text: "skills" in text)
    text = (
        "hello, how do I get more involved in this? we're a 40 person engineering firm "
        "in High Wycombe and skills is our big worry"
    )
    assert involvement_key(text) == "join_in"
    assert involvement_reply(text) is None
    assert involvement.view_beside_involvement(text)


def test_the_replies_use_only_seed_facts() -> None:
    assert "11 January" in involvement_text("outcome")
    join = involvement_text("join_in")
    assert "Lisa McCance" in join and "steering group" in join
    assert "Lisa.McCance@sharedintelligence.net" in involvement_text("written_response")
    assert " X " in involvement_text("other_channel")


# "I began this on twitter, can I finish it here?" (read as a stop) and paraphrases
BEGUN_ELSEWHERE = [
    "I began this on twitter, can I finish it here?",
    "I began this on twitter earlier, can I finish it here?",
    "started this on X, can I finish here",
    "i did some of this via twitter can i finish on the website",
    "can I finish what I started on twitter?",
    "I was halfway through on X, can I complete it here?",
    "i've done some of this via twitter, can i finish on the website?",
    "Hi! I started this on Twitter this morning - can I finish it here please?",
    "can i complete the survey i began on twitter",
    "I was part way through on my laptop, can I finish on my phone?",
]


@pytest.mark.parametrize("text", BEGUN_ELSEWHERE)
def test_a_chat_begun_elsewhere_to_finish_here_is_that_alone(text: str) -> None:
    assert involvement_key(text) == "other_channel"
    assert involvement.carries_on_here(text)


@pytest.mark.parametrize(
    "text",
    [
        "can I finish it here?",  # no other chat: finishing here, as today
        "I want to finish now",
        "stop",
        "I started this on X but I want to finish now",
        "I started this on X, stop",
        "I began this on twitter, forget it",
        "I started this on X, please delete everything",
        "I started this on X yesterday. Can I carry on here? We're a bakery and parking is awful",
        "we started selling on the website in 2019",
    ],
)
def test_a_stop_a_deletion_or_a_view_is_more_than_a_chat_begun_elsewhere(text: str) -> None:
    assert not involvement.carries_on_here(text)


@pytest.mark.parametrize(
    "text",
    [
        "my colleague Jas wants to do this too, can I just forward it to her?",  # the set's
        "can I pass the link on to my business partner?",
        "our manager would like to fill this in as well",
        "can I share this with my co-founder?",
    ],
)
def test_a_colleague_who_wants_to_take_part(text: str) -> None:
    assert asks_if_others_can_take_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "my colleague wants to do a course but the college is full",
        "we want to forward our parts to Silverstone but the A43 is shut",
        "my staff would like to live locally but can't afford it",
    ],
)
def test_a_view_about_colleagues_stays_a_view(text: str) -> None:
    assert not asks_if_others_can_take_part(text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "actually take out what I said about the council please, I don't want that on record",
            "council",
        ),
        ("can you remove my comment about the rates team", "rates team"),
        ("delete the bit on housing, thanks", "housing"),
        ("please don't use what I said about Wycombe market", "wycombe market"),
    ],
)
def test_an_answer_taken_out_by_topic(text: str, topic: str) -> None:
    assert taken_out_topic(text) == topic
    assert not withdraws_consent(text)  # one answer, not the whole consultation


@pytest.mark.parametrize(
    "text",
    [
        "the council should take out the bus lane on the A40",
        "we had to remove the solar panels because the roof leaked",
    ],
)
def test_a_view_with_take_out_words_is_no_withdrawal(text: str) -> None:
    assert taken_out_topic(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "actually I don't want to take part any more",
        "count me out, I've changed my mind",
        "please don't use my answers",
    ],
)
def test_a_real_withdrawal_is_one(text: str) -> None:
    assert withdraws_consent(text)


ANSWERS = [
    "the new estates at Aylesbury have no workshops or units for trades",
    "the A41 into Aylesbury is gridlocked from 7",
]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("it's the A418 from Thame, not the A41, that's gridlocked from 7", 2),  # the set's
        ("I meant the A418 rather than the A41", 2),
        ("sorry, it's offices we need not workshops", 1),
    ],
)
def test_an_answer_put_right_by_its_words(text: str, n: int) -> None:
    assert answer_put_right(text, ANSWERS) == n


@pytest.mark.parametrize(
    "text",
    [
        "Thame rather than Aylesbury",  # in both answers: which one is not known
        "the A41 is not great either",
        "no, the themes are not right",
    ],
)
def test_no_single_answer_named(text: str) -> None:
    assert answer_put_right(text, ANSWERS) is None


@pytest.mark.parametrize(
    "text",
    [
        "can the LEP set up a skills board with the colleges? we can't find welders",
        "could we get help with solar panels for the roof?",
        "is there any help for small firms to find out about export markets?",
        "should the council have a business forum? nobody talks to us",
        "is there a network for space start-ups? we feel isolated at Westcott",
        "can we share our data with the council? we have loads of traffic files",
    ],
)
def test_a_view_with_a_board_a_panel_or_a_file_in_it_is_not_an_involvement_question(
    text: str,
) -> None:
    """Found in review: "panels", "find out", "file" and "share" alone took these views for
    questions about staying involved, answered and not stored."""
    assert involvement_reply(text) is None
