"""Access control, CSRF, escaping, headers, cookies and the login throttle."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.review.conftest import csrf_from, login, post
from tests.review.seed import ADMIN_EMAIL, PASSWORD, REVIEWER_EMAIL, XSS_IMG, XSS_SCRIPT, Seeded

GET_PAGES = [
    "/staff/",
    "/staff/responses",
    "/staff/responses?theme=space&q=rocket",
    "/staff/responses/export?format=csv",
    "/staff/responses/export?format=xlsx",
    "/staff/responses/{space_response}",
    "/staff/businesses/{space_business}",
    "/staff/businesses/{xss_business}/erase",
    "/staff/audit",
    "/staff/agreement",
    "/staff/users",
    "/staff/businesses",
    "/staff/businesses?q=orbital",
]
POST_ROUTES = [
    "/staff/logout",
    "/staff/responses/{space_response}/themes",
    "/staff/responses/{space_response}/review",
    "/staff/businesses/{xss_business}/erase",
    "/staff/users",
    "/staff/users/1",
]
ADMIN_ONLY_GET = ["/staff/users", "/staff/businesses/{xss_business}/erase"]
ADMIN_ONLY_POST = ["/staff/users", "/staff/users/1", "/staff/businesses/{xss_business}/erase"]


def fill(path: str, seeded: Seeded) -> str:
    return path.format(**seeded.__dict__)


@pytest.mark.parametrize("path", GET_PAGES)
def test_pages_need_login(client: FlaskClient, seeded: Seeded, path: str) -> None:
    resp = client.get(fill(path, seeded))
    assert resp.status_code == 302
    assert resp.headers["Location"].startswith("/staff/login?next=")


@pytest.mark.parametrize("path", ["/staff/api/responses", "/staff/api/overview"])
def test_api_needs_login(client: FlaskClient, path: str) -> None:
    resp = client.get(path)
    assert resp.status_code == 401
    assert resp.get_json() == {"error": "login required"}


@pytest.mark.parametrize("path", POST_ROUTES)
def test_posts_need_login(client: FlaskClient, seeded: Seeded, path: str) -> None:
    token = csrf_from(client)
    resp = client.post(fill(path, seeded), data={"csrf_token": token, "action": "flag"})
    assert resp.status_code == 302
    assert "/staff/login" in resp.headers["Location"]


@pytest.mark.parametrize("path", POST_ROUTES)
def test_posts_without_csrf_are_400(admin: FlaskClient, seeded: Seeded, path: str) -> None:
    resp = admin.post(fill(path, seeded), data={"action": "flag", "confirm": "ERASE"})
    assert resp.status_code == 400
    assert "security token" in resp.get_data(as_text=True)


def test_login_without_csrf_is_400(client: FlaskClient) -> None:
    resp = client.post("/staff/login", data={"email": REVIEWER_EMAIL, "password": PASSWORD})
    assert resp.status_code == 400


def test_bad_csrf_token_is_400(reviewer: FlaskClient, seeded: Seeded) -> None:
    resp = reviewer.post(
        f"/staff/responses/{seeded.space_response}/review",
        data={"action": "flag", "csrf_token": "forged"},
    )
    assert resp.status_code == 400


@pytest.mark.parametrize("path", ADMIN_ONLY_GET)
def test_reviewer_cannot_open_admin_pages(reviewer: FlaskClient, seeded: Seeded, path: str) -> None:
    assert reviewer.get(fill(path, seeded)).status_code == 403


@pytest.mark.parametrize("path", ADMIN_ONLY_POST)
def test_reviewer_cannot_post_admin_actions(
    reviewer: FlaskClient,
    seeded: Seeded,
    session: Session,
    path: str,
) -> None:
    resp = post(
        reviewer,
        fill(path, seeded),
        {"confirm": "ERASE", "email": "x@example.org", "password": "p" * 20, "role": "admin"},
    )
    assert resp.status_code == 403
    from bot.storage.models import Business

    assert session.get(Business, seeded.xss_business) is not None


def test_admin_can_open_admin_pages(admin: FlaskClient, seeded: Seeded) -> None:
    for path in ADMIN_ONLY_GET:
        assert admin.get(fill(path, seeded)).status_code == 200


def test_nav_hides_admin_links_from_reviewers(reviewer: FlaskClient) -> None:
    html = reviewer.get("/staff/").get_data(as_text=True)
    assert "Staff accounts" not in html


ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&lt;img src=x onerror=alert(1)&gt;"


@pytest.mark.parametrize(
    "path",
    [
        "/staff/",
        "/staff/responses",
        "/staff/responses?flagged=yes",
        "/staff/responses/{xss_response}",
        "/staff/businesses/{xss_business}",
        "/staff/businesses/{xss_business}/erase",
        "/staff/businesses",
    ],
)
def test_payloads_are_escaped(admin: FlaskClient, seeded: Seeded, path: str) -> None:
    html = admin.get(fill(path, seeded)).get_data(as_text=True)
    assert XSS_SCRIPT not in html
    assert XSS_IMG not in html
    assert "onerror=alert(1)>" not in html
    assert ESCAPED_SCRIPT in html or ESCAPED_IMG in html


def test_transcript_escapes_every_profile_field_and_turn(
    admin: FlaskClient, seeded: Seeded
) -> None:
    html = admin.get(f"/staff/businesses/{seeded.xss_business}").get_data(as_text=True)
    # organisation, location (script); sector, size band, role (img); bot turn; button; message.
    assert html.count(ESCAPED_SCRIPT) >= 4
    assert html.count(ESCAPED_IMG) >= 5
    assert "<script>" not in html.replace(
        '<script src="/staff/static/review.js" defer></script>', ""
    )


def test_search_box_echo_is_escaped(reviewer: FlaskClient) -> None:
    html = reviewer.get('/staff/responses?q="><script>alert(1)</script>').get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html


def test_api_returns_payload_as_json_text(reviewer: FlaskClient) -> None:
    resp = reviewer.get("/staff/api/responses?flagged=yes")
    assert resp.mimetype == "application/json"
    assert XSS_SCRIPT in resp.get_json()["items"][0]["text"]


def test_security_headers(reviewer: FlaskClient) -> None:
    for path in ("/staff/", "/staff/login", "/staff/static/review.css", "/staff/nope"):
        headers = reviewer.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "http" not in csp  # no external sources
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
    assert reviewer.get("/staff/").headers["Cache-Control"] == "no-store"


def test_session_cookie_flags(client: FlaskClient) -> None:
    resp = login(client)
    cookie = next(c for c in resp.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_secure_cookie_in_production(database_url: str, seeded: Seeded, monkeypatch) -> None:  # noqa: ANN001
    from bot.config import settings
    from bot.web.app import create_app

    monkeypatch.setenv("BUCKS_LIS_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "prod-secret-for-test-" + "0123456789abcdef")
    settings.cache_clear()
    app = create_app({"DATABASE_URL": database_url})
    client = app.test_client()
    resp = login(client)
    assert resp.status_code == 302
    cookie = next(c for c in resp.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Secure" in cookie


def test_login_logout_flow(client: FlaskClient) -> None:
    assert client.get("/staff/").status_code == 302
    resp = login(client)
    assert resp.status_code == 302 and resp.headers["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    resp = post(client, "/staff/logout")
    assert resp.status_code == 302
    assert client.get("/staff/").status_code == 302


def test_login_follows_only_local_next(client: FlaskClient) -> None:
    token = csrf_from(client)
    data = {"email": REVIEWER_EMAIL, "password": PASSWORD, "csrf_token": token}
    resp = client.post("/staff/login?next=/staff/audit", data=data)
    assert resp.headers["Location"] == "/staff/audit"
    post(client, "/staff/logout")
    for evil in ("https://evil.example/", "//evil.example/staff", "/elsewhere"):
        token = csrf_from(client)
        data["csrf_token"] = token
        resp = client.post(f"/staff/login?next={evil}", data=data)
        assert resp.headers["Location"] == "/staff/"
        post(client, "/staff/logout")


def test_wrong_password_is_refused(client: FlaskClient) -> None:
    resp = login(client, password="wrong password here")
    assert resp.status_code == 401
    assert "not right" in resp.get_data(as_text=True)
    assert client.get("/staff/").status_code == 302


def test_unknown_user_and_deactivated_user_are_refused(client: FlaskClient, session) -> None:  # noqa: ANN001
    from bot.storage.models import StaffUser

    assert login(client, "nobody@example.org").status_code == 401
    user = session.query(StaffUser).filter_by(email=REVIEWER_EMAIL).one()
    user.active = False
    session.commit()
    assert login(client).status_code == 401


def test_deactivation_ends_existing_sessions(reviewer: FlaskClient, session) -> None:  # noqa: ANN001
    from bot.storage.models import StaffUser

    assert reviewer.get("/staff/").status_code == 200
    user = session.query(StaffUser).filter_by(email=REVIEWER_EMAIL).one()
    user.active = False
    session.commit()
    assert reviewer.get("/staff/").status_code == 302


def test_password_change_ends_existing_sessions(reviewer: FlaskClient, session) -> None:  # noqa: ANN001
    from bot.storage.models import StaffUser
    from bot.storage.staff import update_user

    user = session.query(StaffUser).filter_by(email=REVIEWER_EMAIL).one()
    update_user(session, user.id, actor="test", password="a brand new password")
    session.commit()
    assert reviewer.get("/staff/").status_code == 302


def test_a_session_cookie_copied_before_sign_out_no_longer_works(app) -> None:  # noqa: ANN001
    """Flask keeps the session in the cookie: logout dropped it from the browser's new
    cookie only, and a copy of the old one stayed signed in (attack probe, 7 Dec)."""
    victim = app.test_client()
    assert login(victim, ADMIN_EMAIL).status_code == 302
    stolen = victim.get_cookie("session").value
    other = app.test_client()  # a second sign-in of the same user, elsewhere
    assert login(other, ADMIN_EMAIL).status_code == 302
    assert post(victim, "/staff/logout").status_code == 302

    replay = app.test_client()
    replay.set_cookie("session", stolen)
    assert replay.get("/staff/users").status_code == 302
    assert other.get("/staff/").status_code == 302  # sign-out ends every session of the user
    assert login(victim, ADMIN_EMAIL).status_code == 302  # and signing in again works
    assert victim.get("/staff/users").status_code == 200


def test_a_session_is_tied_to_the_peer_address_not_x_forwarded_for(app) -> None:  # noqa: ANN001
    """Flask-Login took the address from any client's X-Forwarded-For, so a stolen cookie
    worked from anywhere by naming the victim's address (attack probe, 7 Dec)."""
    agent = {"User-Agent": "Mozilla/5.0 victim"}
    victim = app.test_client()
    victim.environ_base.update(
        {"REMOTE_ADDR": "192.0.2.10", "HTTP_USER_AGENT": agent["User-Agent"]}
    )
    assert login(victim, ADMIN_EMAIL).status_code == 302
    stolen = victim.get_cookie("session").value

    def from_elsewhere(headers: dict[str, str]) -> int:
        thief = app.test_client()
        thief.environ_base["REMOTE_ADDR"] = "203.0.113.66"
        thief.set_cookie("session", stolen)
        return thief.get("/staff/users", headers=headers).status_code

    assert from_elsewhere(agent) == 302
    assert from_elsewhere({**agent, "X-Forwarded-For": "192.0.2.10"}) == 302
    assert victim.get("/staff/users", headers=agent).status_code == 200


def test_login_rate_limit_per_ip_and_email(client: FlaskClient, app) -> None:  # noqa: ANN001
    for _ in range(5):
        assert login(client, password="wrong password!!").status_code == 401
    # Locked now, even with the right password.
    resp = login(client)
    assert resp.status_code == 429
    assert "Too many" in resp.get_data(as_text=True)
    # Another email from the same address is not locked.
    assert login(client, ADMIN_EMAIL).status_code == 302
    # The same email from another address is not locked either.
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "10.9.8.7"
    assert login(other).status_code == 302


def test_rate_limit_is_shared_across_clients_and_threads(app) -> None:  # noqa: ANN001
    import threading

    def attempt() -> None:
        c = app.test_client()
        login(c, password="wrong password!!")

    threads = [threading.Thread(target=attempt) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert login(app.test_client()).status_code == 429


def test_rate_limit_window_expires(session) -> None:  # noqa: ANN001
    from datetime import timedelta

    from bot.storage import staff
    from bot.storage.models import utcnow

    for _ in range(5):
        staff.record_login(session, "1.2.3.4", "a@example.org", ok=False)
    assert staff.is_locked_out(session, "1.2.3.4", "A@Example.org ")
    later = utcnow() + staff.FAILURE_WINDOW + timedelta(seconds=1)
    assert not staff.is_locked_out(session, "1.2.3.4", "a@example.org", now=later)
    # A success resets the count for that pair.
    staff.record_login(session, "5.6.7.8", "b@example.org", ok=False)
    staff.record_login(session, "5.6.7.8", "b@example.org", ok=True)
    assert staff.recent_failures(session, "5.6.7.8", "b@example.org") == 0


def test_rate_limit_per_ip_across_emails(client: FlaskClient, session: Session) -> None:
    from bot.storage import staff

    for i in range(staff.MAX_FAILURES_PER_IP):
        staff.record_login(session, "127.0.0.1", f"guess{i}@example.org", ok=False)
    session.commit()
    assert login(client).status_code == 429  # a real account, never tried, but same IP


def test_hsts_only_when_cookies_are_secure(client: FlaskClient, app) -> None:  # noqa: ANN001
    assert "Strict-Transport-Security" not in client.get("/staff/login").headers
    app.config["SESSION_COOKIE_SECURE"] = True
    assert "max-age=" in client.get("/staff/login").headers["Strict-Transport-Security"]


def test_login_payload_is_escaped_in_the_audit_log(client: FlaskClient) -> None:
    assert login(client, XSS_SCRIPT, XSS_IMG).status_code in (400, 401)
    assert login(client, f"{XSS_IMG}@example.org", "wrong password!").status_code == 401
    assert login(client, ADMIN_EMAIL).status_code == 302
    html = client.get("/staff/audit?logins=1").get_data(as_text=True)
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert ESCAPED_IMG in html


def test_sign_in_expires_after_a_working_day(client: FlaskClient, app) -> None:  # noqa: ANN001
    from datetime import timedelta

    assert app.permanent_session_lifetime == timedelta(hours=8)
    assert login(client).status_code == 302
    app.permanent_session_lifetime = timedelta(seconds=-1)  # every cookie is now too old
    assert client.get("/staff/").status_code == 302
