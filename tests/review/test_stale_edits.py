"""Staff probe s45: lost edits. Two officers open the same response; the later save from a
page read before the other's save must not silently replace it.

Each form on a response page (themes, stance, review status, flag, note) carries the version
of what it shows; a save against an older version is refused (409) with what the response
says now beside what the officer tried to save, and nothing is written but a `conflict` audit
event. A save with no version counts as read before any change. Saving the same change twice
stays harmless. Written before the fix: every refusal test failed (the stale save won).
"""

from __future__ import annotations

import html as html_lib
import threading
import time

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.storage.models import AuditEvent, EffectiveTheme, Response, ResponseTheme
from tests.review.conftest import Forms, login, read_form, send
from tests.review.seed import ADMIN_EMAIL, REVIEWER_EMAIL, XSS_SCRIPT, Seeded

CHANGED = "Someone else changed this response"
NOT_SAVED = "your change was not saved"


@pytest.fixture()
def officers(app: Flask) -> tuple[FlaskClient, FlaskClient]:
    """Officer A (a reviewer) and officer B (an admin), each signed in on their own client."""
    a, b = app.test_client(), app.test_client()
    assert login(a, REVIEWER_EMAIL).status_code == 302
    assert login(b, ADMIN_EMAIL).status_code == 302
    return a, b


def effective(session: Session, rid: int) -> set[str]:
    session.expire_all()
    return set(
        session.scalars(select(EffectiveTheme.theme_id).where(EffectiveTheme.response_id == rid))
    )


def events(session: Session, rid: int, actor: str | None = None) -> list[AuditEvent]:
    session.expire_all()
    stmt = select(AuditEvent).where(AuditEvent.response_id == rid)
    if actor:
        stmt = stmt.where(AuditEvent.actor == actor)
    return list(session.scalars(stmt.order_by(AuditEvent.id)))


def text_of(response) -> str:  # noqa: ANN001
    return html_lib.unescape(response.get_data(as_text=True))


def test_a_theme_correction_from_a_stale_page_is_refused_and_shows_both(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    """The probe: A and B open response 17, B corrects and saves, A saves another correction
    from the old page. A's save replaced B's and nobody knew."""
    a, b = officers
    rid = seeded.space_response  # model: space, infrastructure
    a_form = read_form(a, rid, "themes")
    b_form = read_form(b, rid, "themes")
    done = send(b, b_form, {"theme": ["space", "housing_growth"]})
    assert done.status_code == 302
    assert effective(session, rid) == {"space", "housing_growth"}

    refused = send(a, a_form, {"theme": ["space", "education_skills"]})
    assert refused.status_code == 409
    page = text_of(refused)
    assert f"{CHANGED}'s themes while you had it open" in page and NOT_SAVED in page
    now, tried = page.split("here is what it says now", 1)[1].split("You tried to save", 1)
    assert "Housing growth" in now and "Education and skills" not in now
    assert "Education and skills" in tried and ADMIN_EMAIL in page  # who changed it
    assert effective(session, rid) == {"space", "housing_growth"}  # B's kept
    assert not session.scalars(
        select(ResponseTheme).where(ResponseTheme.created_by == REVIEWER_EMAIL)
    ).all()
    mine = events(session, rid, REVIEWER_EMAIL)
    assert [e.action for e in mine] == ["conflict"]  # the refusal, without content
    assert mine[0].detail["aspect"] == "themes"
    assert session.get(Response, rid).reviewed_at is not None  # B's "also mark reviewed"
    assert session.get(Response, rid).reviewed_by == ADMIN_EMAIL

    # Having seen B's themes, A may still save: the page A now has is current.
    again = send(a, read_form(a, rid, "themes"), {"theme": ["space", "education_skills"]})
    assert again.status_code == 302
    assert effective(session, rid) == {"space", "education_skills"}


def test_the_refusal_page_offers_the_officers_own_change_again(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    """Nothing the officer chose is lost: the refusal page carries it in a form of its own,
    against the version now shown, so one press saves it knowingly."""
    a, b = officers
    rid = seeded.space_response
    a_form = read_form(a, rid, "themes")
    send(b, read_form(b, rid, "themes"), {"theme": ["housing_growth"]})
    refused = send(a, a_form, {"theme": ["space", "education_skills"]})
    assert refused.status_code == 409
    parser = Forms()
    parser.feed(refused.get_data(as_text=True))
    retry = [
        f
        for f in parser.forms
        if f["action"].endswith(f"/{rid}/themes")
        and ("theme", "education_skills") in f["fields"]
        and ("theme", "housing_growth") not in f["fields"]
    ]
    assert len(retry) == 1
    assert send(a, retry[0]).status_code == 302
    assert effective(session, rid) == {"space", "education_skills"}


def test_a_stale_note_is_refused_with_both_texts_escaped(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    a, b = officers
    rid = seeded.plain_response
    a_form = read_form(a, rid, "review", "note")
    b_form = read_form(b, rid, "review", "note")
    assert send(b, b_form, {"note": "B: quote this in the report"}).status_code == 302
    refused = send(a, a_form, {"note": f"A: housing cost {XSS_SCRIPT}"})
    assert refused.status_code == 409
    raw = refused.get_data(as_text=True)
    assert XSS_SCRIPT not in raw and "A: housing cost &lt;script&gt;" in raw
    page = text_of(refused)
    assert f"{CHANGED}'s note while you had it open" in page and NOT_SAVED in page
    assert "B: quote this in the report" in page
    session.expire_all()
    assert session.get(Response, rid).note == "B: quote this in the report"
    assert [e.action for e in events(session, rid, REVIEWER_EMAIL)] == ["conflict"]
    assert "housing" not in str(events(session, rid, REVIEWER_EMAIL)[0].detail)


def test_a_stale_stance_is_refused(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    a, b = officers
    rid = seeded.plain_response
    a_form = read_form(a, rid, "stance")
    assert send(b, read_form(b, rid, "stance"), {"stance": "barrier"}).status_code == 302
    refused = send(a, a_form, {"stance": "ask"})
    assert refused.status_code == 409
    page = text_of(refused)
    assert f"{CHANGED}'s stance while you had it open" in page and NOT_SAVED in page
    now, tried = page.split("here is what it says now", 1)[1].split("You tried to save", 1)
    assert "Barrier" in now and "Ask" in tried
    session.expire_all()
    assert session.get(Response, rid).stance == "barrier"
    assert session.get(Response, rid).stance_by == ADMIN_EMAIL


def test_a_stale_review_status_is_refused(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    """B marks a reviewed response not reviewed (to be looked at again); A's older page
    saves themes with "Also mark as reviewed": that would undo B's decision unseen."""
    a, b = officers
    rid = seeded.mobility_response  # reviewed by the admin in the seed
    a_form = read_form(a, rid, "themes")
    assert send(b, read_form(b, rid, "review", "unreviewed")).status_code == 302
    refused = send(a, a_form, {"theme": ["intelligent_mobility"], "mark_reviewed": "1"})
    assert refused.status_code == 409
    page = text_of(refused)
    assert f"{CHANGED}'s review status while you had it open" in page and NOT_SAVED in page
    session.expire_all()
    assert session.get(Response, rid).reviewed_at is None
    assert effective(session, rid) == {"intelligent_mobility", "education_skills"}


def test_a_stale_flag_is_refused_after_a_colleague_changed_it(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    """B flags and then removes the flag (dealt with); A's page from before offers "Flag":
    pressing it now would flag again over B's decision without seeing it."""
    a, b = officers
    rid = seeded.plain_response
    a_form = read_form(a, rid, "review", "flag")
    assert send(b, read_form(b, rid, "review", "flag")).status_code == 302
    assert send(b, read_form(b, rid, "review", "unflag")).status_code == 302
    refused = send(a, a_form)
    assert refused.status_code == 409
    assert f"{CHANGED}'s flag while you had it open" in text_of(refused)
    session.expire_all()
    assert session.get(Response, rid).flagged is False


def test_a_colleagues_change_to_something_else_does_not_block_a_save(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    """Versions are per part of the response: B's note does not refuse A's themes."""
    a, b = officers
    rid = seeded.space_response
    a_themes = read_form(a, rid, "themes")
    assert send(b, read_form(b, rid, "review", "note"), {"note": "B's note"}).status_code == 302
    assert send(b, read_form(b, rid, "review", "flag")).status_code == 302
    assert send(a, a_themes, {"theme": ["space"]}).status_code == 302
    assert effective(session, rid) == {"space"}
    session.expire_all()
    assert session.get(Response, rid).note == "B's note"


def test_a_save_without_a_version_counts_as_read_before_any_change(
    reviewer: FlaskClient, seeded: Seeded, session: Session
) -> None:
    """An old cached page or a script sends no version: it is refused once anyone has changed
    that part of the response (it cannot have seen the change), saved where nobody has."""
    form = read_form(reviewer, seeded.mobility_response, "themes")  # staff changed its themes
    bare = {"fields": [f for f in form["fields"] if not f[0].startswith("version")]}
    bare["action"] = form["action"]
    refused = send(reviewer, bare, {"theme": ["housing_growth"]})
    assert refused.status_code == 409 and NOT_SAVED in text_of(refused)
    assert effective(session, seeded.mobility_response) == {
        "intelligent_mobility",
        "education_skills",
    }
    form = read_form(reviewer, seeded.plain_response, "themes")  # never changed
    bare = {"action": form["action"]}
    bare["fields"] = [f for f in form["fields"] if not f[0].startswith("version")]
    assert send(reviewer, bare, {"theme": ["entrepreneurialism"]}).status_code == 302
    assert effective(session, seeded.plain_response) == {"entrepreneurialism"}
    names = [n for n, _ in form["fields"] if n.startswith("version")]
    assert send(reviewer, form, {names[0]: "x'; drop"}).status_code == 400  # malformed


def test_submitting_the_same_change_twice_is_harmless(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    """A double click (or a resubmitted page) sends the same form twice: the second finds
    its change already made and saves nothing more, without a refusal."""
    a, _ = officers
    rid = seeded.space_response
    themes = read_form(a, rid, "themes")
    note = read_form(a, rid, "review", "note")
    flag = read_form(a, rid, "review", "flag")
    stance = read_form(a, rid, "stance")
    for _ in range(2):
        assert send(a, themes, {"theme": ["space", "education_skills"]}).status_code == 302
        assert send(a, note, {"note": "Check with the team"}).status_code == 302
        assert send(a, flag).status_code == 302
        assert send(a, stance, {"stance": "ask"}).status_code == 302
    actions = sorted(e.action for e in events(session, rid, REVIEWER_EMAIL))
    assert actions == [
        "flag",
        "note",
        "reviewed",
        "stance_changed",
        "theme_added",
        "theme_removed",
    ]
    assert effective(session, rid) == {"space", "education_skills"}


def test_marking_reviewed_twice_keeps_the_first_reviewer(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded, session: Session
) -> None:
    """B and A both press "Mark as reviewed": it stays B's review (it became A's)."""
    a, b = officers
    rid = seeded.plain_response
    a_form = read_form(a, rid, "review", "reviewed")
    assert send(b, read_form(b, rid, "review", "reviewed")).status_code == 302
    assert send(a, a_form).status_code == 302
    session.expire_all()
    assert session.get(Response, rid).reviewed_by == ADMIN_EMAIL
    assert [e.action for e in events(session, rid)] == ["reviewed"]


def test_a_client_asking_for_json_gets_409_with_both(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded
) -> None:
    a, b = officers
    rid = seeded.space_response
    a_form = read_form(a, rid, "themes")
    send(b, read_form(b, rid, "themes"), {"theme": ["housing_growth"]})
    refused = send(
        a, a_form, {"theme": ["education_skills"]}, headers={"Accept": "application/json"}
    )
    assert refused.status_code == 409 and refused.is_json
    body = refused.get_json()
    assert body["aspect"] == "themes" and NOT_SAVED in body["error"]
    assert body["current"] == ["housing_growth"] and body["attempted"] == ["education_skills"]
    assert body["version"] > 0  # to send again, knowingly


def test_the_conflict_shows_in_the_activity_and_audit_log(
    officers: tuple[FlaskClient, FlaskClient], seeded: Seeded
) -> None:
    a, b = officers
    rid = seeded.space_response
    a_form = read_form(a, rid, "themes")
    send(b, read_form(b, rid, "themes"), {"theme": ["housing_growth"]})
    assert send(a, a_form, {"theme": ["education_skills"]}).status_code == 409
    log = text_of(a.get(f"/staff/audit?response={rid}"))
    assert "Not saved: themes changed by someone else" in log


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_app(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """The app and its seed on SQLite, and on a migrated PostgreSQL (there a row lock)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("app"), request.getfixturevalue("seeded")
        return
    from bot.config import settings
    from bot.storage.db import engine_for, session_scope
    from bot.storage.migrate import upgrade
    from bot.web.app import create_app
    from tests.review.seed import seed

    url = request.getfixturevalue("postgres_url")
    monkeypatch.setenv("DATABASE_URL", url)
    settings.cache_clear()
    upgrade("head", url)
    with session_scope(engine_for(url)) as session:
        seeded = seed(session)
    yield create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": url}), seeded
    with engine_for(url).begin() as conn:
        conn.execute(
            text(
                "TRUNCATE businesses, conversations, responses, response_themes, "
                "effective_themes, audit_log, staff_users RESTART IDENTITY CASCADE"
            )
        )
        conn.execute(text("DROP TABLE IF EXISTS events"))
    settings.cache_clear()


def test_two_saves_at_the_same_moment_cannot_both_win(
    any_app: tuple[Flask, Seeded], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check and the write are one step: B's save waits for A's to finish, then finds
    the version moved. Without the lock both read the old version and both were saved."""
    from bot.review.views import responses as view

    app, seeded = any_app
    a, b = app.test_client(), app.test_client()
    login(a, REVIEWER_EMAIL)
    login(b, ADMIN_EMAIL)
    rid = seeded.space_response
    a_form, b_form = read_form(a, rid, "themes"), read_form(b, rid, "themes")
    real = view.current_versions
    started = threading.Event()

    def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        found = real(*args, **kwargs)
        if threading.current_thread().name == "first":
            started.set()
            time.sleep(0.5)  # the second save arrives while the first is between check and write
        return found

    monkeypatch.setattr(view, "current_versions", slow)
    results: dict[str, int] = {}

    def first() -> None:
        results["a"] = send(a, a_form, {"theme": ["education_skills"]}).status_code

    thread = threading.Thread(target=first, name="first")
    thread.start()
    assert started.wait(10)
    results["b"] = send(b, b_form, {"theme": ["housing_growth"]}).status_code
    thread.join(30)
    assert sorted(results.values()) == [302, 409], results
    now = a.get(f"/staff/audit?response={rid}").get_data(as_text=True)
    assert now.count("Not saved: themes changed by someone else") == 1
    page = text_of(a.get(f"/staff/responses/{rid}"))
    assert "Education and skills" in page.split("Current themes:", 1)[1].split("</ul>", 1)[0]
