"""Pages and actions: overview, list filters, transcript, theme corrections, review workflow."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy import select

from bot.storage.models import AuditEvent, EffectiveTheme, Response, ResponseTheme
from tests.review.conftest import post
from tests.review.seed import ADMIN_EMAIL, REVIEWER_EMAIL, Seeded


def test_overview_counts_and_charts(reviewer: FlaskClient) -> None:
    resp = reviewer.get("/staff/")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "Islands of innovation" in html and "The seabed" in html
    assert "Responses by island theme" in html and "<svg" in html
    assert "Space" in html and "Intelligent mobility" in html  # names, not ids
    assert "Responses per week" in html
    assert "socketio" in html and "Automotive" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no CDN or external asset
    data = reviewer.get("/staff/api/overview").get_json()
    assert data["total"] == 4 and data["businesses"] == 3
    assert data["by_theme"]["space"] == 1 and data["by_theme"]["education_skills"] == 1
    assert data["by_channel"] == {"socketio": 1, "rest": 2, "twitter": 1}
    assert data["reviewed"] == 1 and data["flagged"] == 1
    assert sum(n for _, n in data["by_week"]) == 4
    assert [w for w, _ in data["by_week"]][0] == "2026-11-02"  # Monday


def test_responses_list_shows_text_themes_sources_and_links(
    reviewer: FlaskClient, seeded: Seeded
) -> None:
    html = reviewer.get("/staff/responses").get_data(as_text=True)
    assert "4</strong> responses" in html
    assert "rocket test facilities" in html
    assert "Education and skills" in html  # staff-added theme
    assert "source-staff" in html and "source-model" in html
    # The conversation link carries the list's address back (list=...), then the anchor.
    assert re.search(
        rf"/staff/businesses/{seeded.space_business}\?list=[^\"#]*#response-{seeded.space_response}",
        html,
    )
    assert f"/staff/responses/{seeded.space_response}" in html


def ids(client: FlaskClient, query: str) -> set[int]:
    data = client.get(f"/staff/api/responses?{query}").get_json()
    return {item["id"] for item in data["items"]}


def test_filters(reviewer: FlaskClient, seeded: Seeded) -> None:
    s = seeded
    assert ids(reviewer, "theme=space") == {s.space_response}
    assert ids(reviewer, "theme=space&theme=housing_growth") == {s.space_response, s.plain_response}
    assert ids(reviewer, "theme=space&theme=infrastructure&mode=all") == {s.space_response}
    assert ids(reviewer, "theme=space&theme=housing_growth&mode=all") == set()
    assert ids(reviewer, "theme=education_skills") == {s.mobility_response}  # staff override
    assert ids(reviewer, "channel=rest") == {s.mobility_response, s.plain_response}
    assert ids(reviewer, "sector=Space") == {s.space_response}
    assert ids(reviewer, "size_band=50-249") == {s.mobility_response, s.plain_response}
    assert ids(reviewer, "from=2026-11-10&to=2026-11-10") == {s.mobility_response, s.plain_response}
    assert ids(reviewer, "to=2026-11-02") == {s.space_response}
    assert ids(reviewer, "reviewed=yes") == {s.mobility_response}
    assert ids(reviewer, "reviewed=no") == {s.space_response, s.plain_response, s.xss_response}
    assert ids(reviewer, "flagged=yes") == {s.xss_response}
    assert ids(reviewer, "q=ROCKET") == {s.space_response}
    assert ids(reviewer, 'q="skilled engineers"') == {s.mobility_response}
    assert ids(reviewer, "q=rocket broadband") == {s.space_response}
    assert ids(reviewer, "q=rocket housing") == set()
    assert ids(reviewer, "q=100%25") == set()  # LIKE wildcards are escaped
    assert ids(reviewer, "theme=not_a_theme") == ids(reviewer, "")  # ignored
    assert ids(reviewer, f"business={s.space_business}") == {s.space_response}


def test_pagination(reviewer: FlaskClient) -> None:
    first = reviewer.get("/staff/api/responses?per_page=3").get_json()
    second = reviewer.get("/staff/api/responses?per_page=3&page=2").get_json()
    assert first["total"] == 4 and first["pages"] == 2
    assert len(first["items"]) == 3 and len(second["items"]) == 1
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    # Newest first.
    dates = [i["created_at"] for i in first["items"]]
    assert dates == sorted(dates, reverse=True)
    html = reviewer.get("/staff/responses?per_page=3&theme=space&theme=housing_growth&q=")
    assert html.status_code == 200
    page = reviewer.get("/staff/responses?per_page=3").get_data(as_text=True)
    assert "Page 1 of 2" in page and "per_page=3&amp;page=2" in page.replace(
        "page=2&amp;per_page=3", "per_page=3&amp;page=2"
    )
    assert reviewer.get("/staff/responses?page=999").status_code == 200
    assert reviewer.get("/staff/responses?page=abc&from=not-a-date").status_code == 200


def test_transcript_shows_both_sides_profile_themes_and_evidence(
    reviewer: FlaskClient, seeded: Seeded
) -> None:
    html = reviewer.get(f"/staff/businesses/{seeded.space_business}").get_data(as_text=True)
    assert "Orbital Widgets Ltd" in html and "Westcott" in html and "10-49" in html
    assert "Hello! Do you agree to take part?" in html  # bot turn
    assert "Yes, I agree" in html  # button offered and the pressed button's title
    assert "Pressed:" in html
    assert "What would help your business grow at Westcott?" in html
    assert "rocket test facilities at Westcott" in html  # user turn
    assert "02 Nov 2026 09:02:00" in html  # user message timestamp from the events table
    assert "Thank you, that is really useful." in html
    assert f'id="response-{seeded.space_response}"' in html
    assert "Why the tagger chose these" in html and "faster broadband" in html
    assert "Space" in html and "Infrastructure" in html
    assert "turn-bot" in html and "turn-user" in html
    assert "Erase this business" not in html  # reviewers do not get the erasure button


def test_transcript_without_tracker_events_falls_back_to_stored_answers(
    reviewer: FlaskClient, seeded: Seeded
) -> None:
    from tests.review.seed import seed  # noqa: F401  (mobility business has no events)

    resp = reviewer.get(f"/staff/businesses/{seeded.space_business + 1}")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "transcript is not available" in html
    assert "What skills do you need?" in html and "skilled engineers" in html


def test_missing_things_are_404(reviewer: FlaskClient) -> None:
    assert reviewer.get("/staff/responses/99999").status_code == 404
    assert reviewer.get("/staff/businesses/99999").status_code == 404
    assert post(reviewer, "/staff/responses/99999/review", {"action": "flag"}).status_code == 404
    assert post(reviewer, "/staff/responses/99999/themes", {"theme": "space"}).status_code == 404


def test_response_page(reviewer: FlaskClient, seeded: Seeded) -> None:
    html = reviewer.get(f"/staff/responses/{seeded.space_response}").get_data(as_text=True)
    assert "What would help your business grow at Westcott?" in html
    assert 'value="space" checked' in html and 'value="infrastructure" checked' in html
    assert "0.93" in html and "rocket test facilities" in html
    assert "tagger-test-1" in html


def test_correct_themes_records_staff_rows_and_keeps_model_history(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    rid = seeded.space_response
    resp = post(
        reviewer,
        f"/staff/responses/{rid}/themes",
        {"theme": ["space", "education_skills"], "mark_reviewed": "1"},
        page=f"/staff/responses/{rid}",
    )
    assert resp.status_code == 302 and resp.headers["Location"] == f"/staff/responses/{rid}"
    session.expire_all()
    effective = set(
        session.scalars(select(EffectiveTheme.theme_id).where(EffectiveTheme.response_id == rid))
    )
    assert effective == {"space", "education_skills"}
    rows = {
        (r.theme_id, r.source, r.present, r.created_by)
        for r in session.scalars(select(ResponseTheme).where(ResponseTheme.response_id == rid))
    }
    assert ("space", "model", True, "model") in rows
    assert ("infrastructure", "model", True, "model") in rows  # original kept
    assert ("infrastructure", "staff", False, REVIEWER_EMAIL) in rows
    assert ("education_skills", "staff", True, REVIEWER_EMAIL) in rows
    events = session.scalars(select(AuditEvent).where(AuditEvent.response_id == rid)).all()
    actions = sorted(e.action for e in events)
    assert actions == ["reviewed", "theme_added", "theme_removed"]
    assert all(e.actor == REVIEWER_EMAIL and e.at is not None for e in events)
    assert session.get(Response, rid).reviewed_by == REVIEWER_EMAIL
    page = reviewer.get(f"/staff/responses/{rid}").get_data(as_text=True)
    assert "Themes saved" in page
    assert "removed" in page and "Added <strong>Education and skills</strong>" in page
    audit = reviewer.get("/staff/audit").get_data(as_text=True)
    assert "Removed <strong>Infrastructure</strong>" in audit and REVIEWER_EMAIL in audit


def test_review_workflow(reviewer: FlaskClient, seeded: Seeded, session) -> None:  # noqa: ANN001
    rid = seeded.plain_response
    for action in ("reviewed", "flag"):
        assert (
            post(reviewer, f"/staff/responses/{rid}/review", {"action": action}).status_code == 302
        )
    assert (
        post(
            reviewer,
            f"/staff/responses/{rid}/review",
            {"action": "note", "note": "Quote in report"},
        ).status_code
        == 302
    )
    session.expire_all()
    r = session.get(Response, rid)
    assert r.reviewed_at is not None and r.reviewed_by == REVIEWER_EMAIL
    assert r.flagged is True and r.note == "Quote in report"
    assert ids(reviewer, "flagged=yes&reviewed=yes") == {rid}
    for action in ("unreviewed", "unflag"):
        post(reviewer, f"/staff/responses/{rid}/review", {"action": action})
    post(reviewer, f"/staff/responses/{rid}/review", {"action": "note", "note": "  "})
    session.expire_all()
    r = session.get(Response, rid)
    assert r.reviewed_at is None and r.flagged is False and r.note is None
    actions = [
        e.action
        for e in session.scalars(
            select(AuditEvent).where(AuditEvent.response_id == rid).order_by(AuditEvent.id)
        )
    ]
    assert actions == ["reviewed", "flag", "note", "unreviewed", "unflag", "note"]
    # The audit keeps that a note changed, not its words.
    note_events = session.scalars(select(AuditEvent).where(AuditEvent.action == "note")).all()
    assert all("Quote" not in str(e.detail) for e in note_events)
    assert post(reviewer, f"/staff/responses/{rid}/review", {"action": "delete"}).status_code == 400


def test_audit_page_filters(reviewer: FlaskClient, seeded: Seeded) -> None:
    post(reviewer, f"/staff/responses/{seeded.plain_response}/review", {"action": "flag"})
    html = reviewer.get("/staff/audit").get_data(as_text=True)
    assert "Flagged" in html and "Signed in" not in html
    assert "Signed in" in reviewer.get("/staff/audit?logins=1").get_data(as_text=True)
    only = reviewer.get("/staff/audit?action=theme_added").get_data(as_text=True)
    assert "Added <strong>Education and skills</strong>" in only and "Flagged" not in only
    by_response = reviewer.get(f"/staff/audit?response={seeded.mobility_response}").get_data(
        as_text=True
    )
    assert "Education and skills" in by_response and "Flagged" not in by_response


def test_agreement_page(reviewer: FlaskClient) -> None:
    html = reviewer.get("/staff/agreement").get_data(as_text=True)
    # One reviewed response: model {mobility}, staff-corrected {mobility, skills} -> F1 0.67.
    assert "<strong>1</strong> reviewed response" in html
    assert "0.67" in html
    assert "0.75" in html  # Consult reference point


def test_users_page_creates_and_updates_accounts(admin: FlaskClient, session) -> None:  # noqa: ANN001
    from bot.storage.models import StaffUser

    resp = post(
        admin,
        "/staff/users",
        {
            "email": "New.Person@Example.org",
            "role": "reviewer",
            "password": "a long enough password",
        },
        page="/staff/users",
    )
    assert resp.status_code == 302
    user = session.scalars(
        select(StaffUser).where(StaffUser.email == "new.person@example.org")
    ).one()
    assert user.password_hash.startswith("scrypt:")
    bad = post(
        admin,
        "/staff/users",
        {"email": "x@example.org", "role": "admin", "password": "short"},
        page="/staff/users",
    )
    assert bad.status_code == 400 and "At least 12 characters" in bad.get_data(as_text=True)
    dup = post(
        admin,
        "/staff/users",
        {"email": "new.person@example.org", "role": "admin", "password": "a long enough password"},
        page="/staff/users",
    )
    assert dup.status_code == 400 and "already exists" in dup.get_data(as_text=True)
    assert (
        post(admin, f"/staff/users/{user.id}", {"role": "admin"}, page="/staff/users").status_code
        == 302
    )
    assert (
        post(admin, f"/staff/users/{user.id}", {"active": "0"}, page="/staff/users").status_code
        == 302
    )
    session.expire_all()
    user = session.get(StaffUser, user.id)
    assert user.role == "admin" and user.active is False
    me = session.scalars(select(StaffUser).where(StaffUser.email == ADMIN_EMAIL)).one()
    post(admin, f"/staff/users/{me.id}", {"active": "0"}, page="/staff/users")
    session.expire_all()
    assert session.get(StaffUser, me.id).active is True  # cannot lock yourself out
    assert (
        post(admin, "/staff/users/9999", {"role": "admin"}, page="/staff/users").status_code == 404
    )


def test_times_are_shown_in_uk_time_and_dates_filter_in_uk_days(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    from datetime import datetime

    from bot.storage.models import Conversation

    conv = session.scalars(select(Conversation)).first()
    # 23:30 UTC on 30 June is 00:30 on 1 July in the UK (BST).
    r = Response(
        conversation_id=conv.id, text="Summer answer", created_at=datetime(2026, 6, 30, 23, 30)
    )
    session.add(r)
    session.commit()
    html = reviewer.get(f"/staff/responses/{r.id}").get_data(as_text=True)
    assert "01 Jul 2026 00:30" in html
    assert ids(reviewer, "from=2026-07-01&to=2026-07-01") == {r.id}
    assert r.id not in ids(reviewer, "to=2026-06-30")


def test_businesses_finder(reviewer: FlaskClient, seeded: Seeded) -> None:
    html = reviewer.get("/staff/businesses").get_data(as_text=True)
    assert "<strong>3</strong> businesses" in html
    html = reviewer.get("/staff/businesses?q=orbital").get_data(as_text=True)
    assert "<strong>1</strong> business match" in html and "Orbital Widgets Ltd" in html
    assert f"/staff/businesses/{seeded.space_business}" in html
    assert "Orbital" in reviewer.get("/staff/businesses?q=jane.smith").get_data(as_text=True)
    assert "Silverstone" in reviewer.get("/staff/businesses?q=rest-mob").get_data(as_text=True)
    none = reviewer.get("/staff/businesses?q=nothing-like-this").get_data(as_text=True)
    assert "<strong>0</strong> businesses" in none


def test_next_unreviewed_link(reviewer: FlaskClient, seeded: Seeded) -> None:
    html = reviewer.get(f"/staff/responses/{seeded.space_response}").get_data(as_text=True)
    assert "Next unreviewed response" in html
    assert f'href="/staff/responses/{seeded.space_response}">Next' not in html


def test_admin_resets_a_password(admin: FlaskClient, session) -> None:  # noqa: ANN001
    from bot.storage.models import StaffUser
    from bot.storage.staff import authenticate

    user = session.scalars(select(StaffUser).where(StaffUser.email == REVIEWER_EMAIL)).one()
    resp = post(
        admin, f"/staff/users/{user.id}", {"password": "a new long password"}, page="/staff/users"
    )
    assert resp.status_code == 302
    session.expire_all()
    assert authenticate(session, REVIEWER_EMAIL, "a new long password") is not None
    weak = post(admin, f"/staff/users/{user.id}", {"password": "short"}, page="/staff/users")
    assert weak.status_code == 302
    assert "at least 12" in admin.get("/staff/users").get_data(as_text=True)
    # twelve spaces, one letter repeated, or longer than the sign-in form takes (s44)
    for bad, said in (
        (" " * 12, "different characters"),
        ("ab" * 8, "different characters"),
        ("x1!" + "y" * 1030, "at most 1024"),
    ):
        post(admin, f"/staff/users/{user.id}", {"password": bad}, page="/staff/users")
        assert said in admin.get("/staff/users").get_data(as_text=True)
        session.expire_all()
        assert authenticate(session, REVIEWER_EMAIL, bad) is None
    assert authenticate(session, REVIEWER_EMAIL, "a new long password") is not None


def test_overview_is_reused_briefly_and_refreshed_by_staff_changes(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    from bot.storage.models import Conversation

    assert reviewer.get("/staff/api/overview").get_json()["total"] == 4
    conv = session.scalars(select(Conversation)).first()
    session.add(Response(conversation_id=conv.id, text="Arrived from the bot just now"))
    session.commit()
    assert reviewer.get("/staff/api/overview").get_json()["total"] == 4  # reused
    assert reviewer.get("/staff/api/overview?fresh=1").get_json()["total"] == 5
    post(reviewer, f"/staff/responses/{seeded.space_response}/review", {"action": "flag"})
    data = reviewer.get("/staff/api/overview").get_json()
    assert data["flagged"] == 2  # a staff change shows at once
    assert "Figures as of" in reviewer.get("/staff/").get_data(as_text=True)


def test_erasure_by_the_bot_drops_the_reused_overview(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    from bot.storage.erasure import forget_sender

    html = reviewer.get("/staff/").get_data(as_text=True)
    assert "rocket test facilities" in html
    forget_sender(session, "web-space-1", actor="respondent")  # as the bot's "forget" does
    session.commit()
    html = reviewer.get("/staff/").get_data(as_text=True)
    assert "rocket test facilities" not in html


def test_a_deleted_x_post_drops_the_reused_overview_and_reads_plainly_in_the_audit(
    admin: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    from bot.storage.models import AuditEvent

    assert "rocket test facilities" in admin.get("/staff/").get_data(as_text=True)
    # what erase_x_post leaves behind: the response gone, an audit row with counts only
    session.delete(session.get(Response, seeded.space_response))
    session.add(
        AuditEvent(
            actor="x",
            action="x_post_deleted",
            detail={"responses_deleted": 1, "transcript_events_redacted": 1},
        )
    )
    session.commit()
    assert "rocket test facilities" not in admin.get("/staff/").get_data(as_text=True)
    audit = admin.get("/staff/audit").get_data(as_text=True)
    assert "deleted a post on X: 1 response(s) deleted" in audit


def test_an_answer_taken_back_drops_the_reused_overview_and_reads_plainly_in_the_audit(
    admin: FlaskClient,
    seeded: Seeded,
) -> None:
    from bot.consultation.withdrawals import withdraw_answer

    assert "rocket test facilities" in admin.get("/staff/").get_data(as_text=True)
    # the bot's path for "sorry wrong chat, ignore that": the last answer deleted, audited
    assert withdraw_answer("web-space-1", "island:space:growth")
    assert "rocket test facilities" not in admin.get("/staff/").get_data(as_text=True)
    audit = admin.get("/staff/audit").get_data(as_text=True)
    assert "took back its last answer (island:space:growth)" in audit
