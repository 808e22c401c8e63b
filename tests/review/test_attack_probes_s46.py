"""Attack probe s46 on the staff app: how long a sign-in lasts, and staff accounts' names."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.review.conftest import login, post
from tests.review.seed import ADMIN_EMAIL, PASSWORD, Seeded

HOUR = 3600


@pytest.fixture()
def clock(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The time Flask's signed cookies (and CSRF tokens) and the sign-in read, moved by hand."""
    from itsdangerous.timed import TimestampSigner

    now = [1_800_000_000]
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now[0])
    monkeypatch.setattr("bot.review.auth.now", lambda: now[0], raising=False)
    return now


def test_a_sign_in_in_use_still_ends_a_working_day_after_it_began(
    client: FlaskClient, app: Flask, seeded: Seeded, clock: list[int]
) -> None:
    """Flask checks a session cookie's age against the 8-hour lifetime, but a cookie is
    signed anew whenever the session changes (a saved note's message, a flag), so a
    sign-in in use, or a stolen cookie someone keeps using, lasted for ever. A sign-in now
    ends 8 hours after the password was given, whatever happened since."""
    assert login(client).status_code == 302
    rid = seeded.plain_response
    for action in ("flag", "unflag"):  # steady use: a change every 3 hours re-signs the cookie
        clock[0] += 3 * HOUR
        answer = post(client, f"/staff/responses/{rid}/review", {"action": action})
        assert answer.status_code == 302 and "/login" not in answer.headers["Location"]
    clock[0] += 2 * HOUR + 60  # 8 hours and a minute after the password was given
    answer = client.get("/staff/")
    assert answer.status_code == 302 and "/staff/login" in answer.headers["Location"]
    # signing in again gives a fresh working day
    assert login(client).status_code == 302
    assert client.get("/staff/").status_code == 200
    clock[0] += 7 * HOUR
    assert client.get("/staff/").status_code == 200


def test_a_sign_in_is_not_cut_short_by_its_own_use(
    client: FlaskClient, seeded: Seeded, clock: list[int]
) -> None:
    assert login(client).status_code == 302
    for _ in range(7):
        clock[0] += HOUR
        assert client.get("/staff/").status_code == 200
    clock[0] += HOUR // 2
    assert client.get(f"/staff/responses/{seeded.plain_response}").status_code == 200


@pytest.mark.parametrize(
    "email",
    [
        "jane@example.org\u200b",  # a colleague's address with an invisible character
        "\u2060jane@example.org",
        "eve\u202e@example.org",  # a right-to-left override: reads backwards
        "ja\u00adne@example.org",  # a soft hyphen, invisible
        "jane@exa\u0007mple.org",
        "jane\u2028@example.org",
    ],
)
def test_a_staff_account_cannot_look_like_another(admin: FlaskClient, email: str) -> None:
    """An admin could add "jane@example.org" with an invisible character after it: on the
    accounts page and in the audit log, every correction, export and erasure made with it
    read as the real Jane's. A staff address is printable characters only (the page and
    `bucks-lis staff add` alike), and nothing is created."""
    from bot.review.db import db_session
    from bot.storage import staff as staff_store

    answer = post(
        admin,
        "/staff/users",
        {"email": email, "role": "reviewer", "password": PASSWORD},
        page="/staff/users",
    )
    assert answer.status_code == 400
    assert "invisible" in answer.get_data(as_text=True)
    with admin.application.app_context(), db_session() as session:
        emails = [u.email for u in staff_store.list_users(session)]
        assert sorted(emails) == sorted([ADMIN_EMAIL, "reviewer@example.org"])
        with pytest.raises(ValueError, match="invisible"):
            staff_store.create_user(session, email, PASSWORD, "reviewer")


def test_an_ordinary_staff_address_is_still_taken(admin: FlaskClient) -> None:
    answer = post(
        admin,
        "/staff/users",
        {"email": "Zoë.O'Neil+lis@example.org", "role": "reviewer", "password": PASSWORD},
        page="/staff/users",
    )
    assert answer.status_code == 302
    assert "zoë.o&#39;neil+lis@example.org" in admin.get("/staff/users").get_data(as_text=True)
