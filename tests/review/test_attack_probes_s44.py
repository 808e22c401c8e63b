"""Attack probe s44 on the staff side: what a respondent can put in the transcript that broke
a staff page; password guessing spread over one IPv6 network; the erase page typed with the
id of someone staff may not read."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from bot.storage.models import Business
from tests.review.conftest import csrf_from, login
from tests.review.seed import Seeded, add_event


def test_half_an_emoji_in_a_stored_turn_does_not_break_the_transcript_page(
    admin: FlaskClient, seeded: Seeded, session: Session
) -> None:
    """A chat message with a lone surrogate ("\\ud83d", half an emoji) reached the transcript
    (Rasa keeps it as a JSON escape) and the business's transcript page was a 500: the page
    cannot be written as UTF-8. The channels now drop it (tests/channels/
    test_attack_probes_s44.py); one already stored is shown without it."""
    business = session.get(Business, seeded.space_business)
    user = {"text": "broadband in Iver \ud83d is slow", "parse_data": {"intent": {"name": "x"}}}
    add_event(session, business.sender_id, "user", 1.9e9, user, intent="inform")
    bot = {
        "text": "Thanks: Iver \ude29",
        "data": {"buttons": [{"title": "Ok \ud800", "payload": "/a"}]},
    }
    add_event(session, business.sender_id, "bot", 1.9e9 + 1, bot)
    session.commit()
    page = admin.get(f"/staff/businesses/{business.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "broadband in Iver  is slow" in html and "Thanks: Iver" in html
    assert "rocket test facilities" in html  # the rest is shown


def test_password_guessing_spread_over_one_ipv6_network_is_locked_out(app: Flask) -> None:
    """The per-address sign-in limit (30 failures, any account) counted each IPv6 address
    apart: a client holding a /64 guessed without limit by taking a new address each time.
    One /64 is one client now."""
    from bot.storage.staff import MAX_FAILURES_PER_IP

    for i in range(MAX_FAILURES_PER_IP):
        guesser = app.test_client()
        guesser.environ_base["REMOTE_ADDR"] = f"2001:db8:7:7::{i + 1:x}"
        assert login(guesser, f"guess{i}@example.org").status_code == 401
    fresh = app.test_client()
    fresh.environ_base["REMOTE_ADDR"] = "2001:db8:7:7:ffff::1"
    assert login(fresh).status_code == 429  # a real account, never tried, same network
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "2001:db8:7:8::1"
    assert login(elsewhere).status_code == 302


def test_the_erase_page_shows_no_business_staff_may_not_read(
    admin: FlaskClient, session: Session
) -> None:
    """Staff never see someone who declined or was never asked (its transcript page is a 404),
    but the erase page, typed with any id, named the organisation and counted its answers.
    It is a 404 for them too, as the page it is reached from."""
    business = Business(
        sender_id="widget-declined-s44", channel="socketio", organisation="Quiet Questions Ltd"
    )
    business.consent = False
    session.add(business)
    session.commit()
    page = admin.get(f"/staff/businesses/{business.id}/erase")
    assert page.status_code == 404
    assert "Quiet Questions" not in page.get_data(as_text=True)
    assert (
        admin.post(
            f"/staff/businesses/{business.id}/erase",
            data={"confirm": "ERASE", "csrf_token": csrf_from(admin, "/staff/")},
        ).status_code
        == 404
    )
