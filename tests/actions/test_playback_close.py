"""Play-back, corrections, follow-up email, close and forget-me."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.close import ActionClose, ValidateContactForm
from actions.forgetting import ActionForget
from actions.playback import NO_CHANGE, ActionPlayback, ValidateCorrectionForm
from bot.consultation import service
from bot.storage.db import session_scope
from bot.storage.models import AuditEvent, Business, Conversation, Response, ResponseTheme
from tests.actions.conftest import make_tracker, run, slot_sets, texts


def _consultation(sender: str) -> None:
    service.record_consent(sender, "rest", True)
    service.record_answer(
        sender,
        "rest",
        "Pinewood Studios needs more crew and set builders",
        "island:creative_digital:opportunities",
        "q",
    )
    service.record_answer(
        sender,
        "rest",
        "The A413 and the rail links are a nightmare",
        "island:creative_digital:barriers",
        "q",
    )


def test_playback_lists_answers_with_theme_names(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _consultation("b1")
    events = run(ActionPlayback().run(dispatcher, make_tracker("b1"), domain))
    summary = texts(dispatcher)[0]
    assert "Pinewood Studios needs more crew" in summary
    assert "Creative and digital economy" in summary
    assert "Overall themes" in summary
    assert slot_sets(events) == {"theme_correction": None, "amend_item": None, "stage": "playback"}


def test_playback_with_nothing_recorded(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    run(ActionPlayback().run(dispatcher, make_tracker("nobody"), domain))
    assert "haven't recorded" in texts(dispatcher)[0]


def test_correction_is_stored_as_respondent_tags(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _consultation("b2")
    text = "drop infrastructure, add skills"
    result = ValidateCorrectionForm().validate_theme_correction(
        text, dispatcher, make_tracker("b2", text), domain
    )
    assert result == {"theme_correction": text}
    assert "added Education and skills" in texts(dispatcher)[0]
    with session_scope() as s:
        rows = s.scalars(select(ResponseTheme).where(ResponseTheme.source == "respondent")).all()
        assert {(r.theme_id, r.present) for r in rows} >= {("education_skills", True)}
    themes = {t for a in service.recorded_answers("b2") for t in a.themes}
    assert "education_skills" in themes and "infrastructure" not in themes


def test_a_correction_pointing_at_an_answer_changes_that_answer_only(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _consultation("b2p")
    text = "close, but you missed the skills bit in the first one: they need training"
    result = ValidateCorrectionForm().validate_theme_correction(
        text, dispatcher, make_tracker("b2p", text), domain
    )
    assert result == {"theme_correction": text}
    first, second = service.recorded_answers("b2p")
    assert "education_skills" in first.themes
    assert "education_skills" not in second.themes  # the most recent answer is left alone
    assert texts(dispatcher) == ["Done: added Education and skills."]


def test_a_correction_that_changes_nothing_says_so(
    database_url: str, domain: dict[str, Any]
) -> None:
    _consultation("b2n")
    before = [a.themes for a in service.recorded_answers("b2n")]
    text = "and the last one's not a housing thing, it's about the trains"
    dispatcher = CollectingDispatcher()
    ValidateCorrectionForm().validate_theme_correction(
        text, dispatcher, make_tracker("b2n", text), domain
    )
    assert texts(dispatcher) == [
        "Answer 2 isn't tagged Housing growth, so there was nothing to drop."
    ]
    assert [a.themes for a in service.recorded_answers("b2n")] == before


def test_a_yes_after_the_confirmation_words_confirms(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _consultation("b2y")
    text = "that's it now, yes"
    result = ValidateCorrectionForm().validate_theme_correction(
        text, dispatcher, make_tracker("b2y", text), domain
    )
    assert result == {"theme_correction": NO_CHANGE}


def test_unclear_correction_is_asked_again(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    result = ValidateCorrectionForm().validate_theme_correction(
        "hmm dunno", dispatcher, make_tracker("b3", "hmm dunno"), domain
    )
    assert result == {"theme_correction": None}


def test_follow_up_email_is_validated_and_saved(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("b4", "rest", True)
    form = ValidateContactForm()
    assert form.validate_follow_up(
        "yes", dispatcher, make_tracker("b4", "yes", "affirm"), domain
    ) == {"follow_up": True}
    bad = form.validate_email(
        "not-an-email", dispatcher, make_tracker("b4", "not-an-email", "deny"), domain
    )
    assert bad["email"] is None and "doesn't look like" in texts(dispatcher)[-1]
    good = form.validate_email(
        "it's jo@example.co.uk thanks",
        dispatcher,
        make_tracker("b4", "it's jo@example.co.uk thanks"),
        domain,
    )
    assert good == {"follow_up": True, "email": "jo@example.co.uk"}
    with session_scope() as s:
        business = s.scalars(select(Business)).one()
        assert (business.email, business.follow_up) == ("jo@example.co.uk", True)


def test_no_thanks_at_the_email_question_means_no_email(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("b9", "rest", True)
    result = ValidateContactForm().validate_email(
        "no thanks", dispatcher, make_tracker("b9", "no thanks", "deny"), domain
    )
    assert result["follow_up"] is False


def test_no_follow_up_completes_the_form(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    service.record_consent("b5", "rest", True)
    result = ValidateContactForm().validate_follow_up(
        "no thanks", dispatcher, make_tracker("b5", "no thanks", "deny"), domain
    )
    assert result["follow_up"] is False and result["email"]


def test_close_ends_the_conversation(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _consultation("b6")
    events = run(ActionClose().run(dispatcher, make_tracker("b6", slots={"consent": True}), domain))
    assert events == [{"event": "slot", "timestamp": None, "name": "stage", "value": "closed"}]
    with session_scope() as s:
        assert s.scalars(select(Conversation)).one().ended_at is not None


def test_close_without_consent_asks_the_store_to_purge(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    events = run(
        ActionClose().run(dispatcher, make_tracker("b7", slots={"consent": False}), domain)
    )
    assert events[-1]["event"] == "reset_slots"
    assert "Nothing you said" in texts(dispatcher)[0]


def test_forget_deletes_everything_and_resets(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _consultation("b8")
    events = run(
        ActionForget().run(dispatcher, make_tracker("b8", "forget me", "forget_me"), domain)
    )
    assert [e["event"] for e in events] == ["active_loop", "reset_slots"]
    assert "deleted everything" in texts(dispatcher)[0]
    with session_scope() as s:
        assert s.scalars(select(Business)).all() == []
        assert s.scalars(select(Response)).all() == []
        audit = s.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).one()
        assert "Pinewood" not in str(audit.detail)
    assert len(dispatcher.messages) == 1  # REST clients get no widget signal


def test_forget_on_the_website_tells_the_widget_to_drop_its_copy(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _consultation("b9w")
    tracker = make_tracker("b9w", "forget me", "forget_me", channel="socketio")
    run(ActionForget().run(dispatcher, tracker, domain))
    assert dispatcher.messages[-1]["custom"] == {"data": {"bucks_lis": "forgotten"}}


def test_forget_intent_without_a_forget_request_deletes_nothing(
    database_url: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    _consultation("b10")
    text = "I'd say forget about grants, fix the roads"
    events = run(ActionForget().run(dispatcher, make_tracker("b10", text, "forget_me"), domain))
    assert events == []
    assert 'type "forget me"' in texts(dispatcher)[0]
    assert len(service.recorded_answers("b10")) == 2


def test_a_request_to_tidy_the_spelling_at_the_playback_keeps_the_answers_as_typed(
    database_url: str, dispatcher: CollectingDispatcher
) -> None:
    from actions.playback_views import keep_view_at_playback
    from bot.consultation.questions import message

    _consultation("b-tidy")
    before = [(a.text, a.themes) for a in service.recorded_answers("b-tidy")]
    text = "can you tidy up my speling before anyone reads it? embarassing"
    tracker = make_tracker("b-tidy", text, slots={"stage": "playback"})
    assert keep_view_at_playback(dispatcher, tracker)
    assert texts(dispatcher) == [message("spelling_kept")]
    assert [(a.text, a.themes) for a in service.recorded_answers("b-tidy")] == before
