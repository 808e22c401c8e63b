"""Attack probes on the staff app, over every route it has (read from Flask's URL map, so a
new page is probed without anyone remembering to add it here).

Login on every page and POST, CSRF on every POST, admin-only pages, non-form bodies, and
text that breaks exports (formulas, control characters).
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.storage.models import AuditEvent, Business, Quote
from bot.storage.models import Response as ResponseModel
from tests.review.conftest import csrf_from, login, post
from tests.review.seed import ADMIN_EMAIL, XSS_SCRIPT, Seeded

PUBLIC = {"review.auth.login", "review.static"}
# Pages a reviewer may not open. A page that should be here but is missing from the
# admin_required set shows up as a reviewer getting 200.
ADMIN_ONLY = {
    "review.users.index",
    "review.users.update",
    "review.businesses.erase",
    "review.imports.index",
    "review.retention.index",
    "review.retention.apply",
}
SEEDED_TEXT = ("rocket", "orbital", XSS_SCRIPT)  # words from tests/review/seed.py


def staff_routes(app: Flask) -> list[tuple[str, str, str]]:
    """(method, concrete path, endpoint) for every staff route except sign-in and assets."""
    out = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/staff") or rule.endpoint in PUBLIC:
            continue
        path = re.sub(r"<int:\w+>", "1", rule.rule)
        path = path.replace("<theme_id>", "infrastructure").replace("<fmt>", "html")
        assert "<" not in path, f"probe does not know how to fill {rule.rule}"
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            out.append((method, path, rule.endpoint))
    return out


def test_the_probe_sees_every_area(app: Flask) -> None:
    endpoints = {endpoint for _, _, endpoint in staff_routes(app)}
    assert len(endpoints) >= 35
    assert {"findings.download", "review.exports.responses", "review.imports.index"} <= endpoints


def test_every_staff_route_needs_login_and_shows_no_data(app: Flask, seeded: Seeded) -> None:
    client = app.test_client()
    token = csrf_from(client)
    for method, path, _ in staff_routes(app):
        if method == "GET":
            resp = client.get(path)
        else:
            resp = client.post(path, data={"csrf_token": token, "confirm": "ERASE"})
        text = resp.get_data(as_text=True).lower()
        if path.startswith("/staff/api/"):
            assert resp.status_code == 401, (method, path)
        else:
            assert resp.status_code == 302, (method, path, resp.status_code)
            assert resp.headers["Location"].startswith("/staff/login"), (method, path)
        assert not any(word.lower() in text for word in SEEDED_TEXT), (method, path)


def test_every_staff_post_needs_a_valid_csrf_token(
    admin: FlaskClient, app: Flask, session: Session
) -> None:
    audit_before = session.scalar(select(func.count(AuditEvent.id)))
    businesses_before = session.scalar(select(func.count(Business.id)))
    posts = [(path, endpoint) for method, path, endpoint in staff_routes(app) if method == "POST"]
    assert len(posts) >= 15
    for path, _ in posts:
        for data in ({"confirm": "ERASE"}, {"confirm": "ERASE", "csrf_token": "forged"}):
            resp = admin.post(path, data=data)
            assert resp.status_code == 400, (path, data, resp.status_code)
        # A token in the header but a wrong one is refused the same way.
        resp = admin.post(path, data={"confirm": "ERASE"}, headers={"X-CSRFToken": "x" * 40})
        assert resp.status_code == 400, path
    assert admin.get("/staff/").status_code == 200  # still signed in: logout refused too
    session.expire_all()
    assert session.scalar(select(func.count(AuditEvent.id))) == audit_before
    assert session.scalar(select(func.count(Business.id))) == businesses_before


def test_reviewers_get_403_on_exactly_the_admin_pages(reviewer: FlaskClient, app: Flask) -> None:
    refused = set()
    for method, path, endpoint in staff_routes(app):
        if method != "GET" or endpoint.endswith("logout"):
            continue
        status = reviewer.get(path).status_code
        assert status < 500, (path, status)
        if status == 403:
            refused.add(endpoint)
    assert refused == {
        e for e in ADMIN_ONLY if e not in ("review.users.update", "review.retention.apply")
    }
    for method, path, endpoint in staff_routes(app):
        if method == "POST" and endpoint in ADMIN_ONLY:
            assert post(reviewer, path, {"confirm": "ERASE"}).status_code == 403, path


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        (b"[1, 2]", "application/json"),
        (b"42", "application/json"),
        (b'{"action": "flag"}', "application/json"),
        (b"<x/>", "text/xml"),
        (b"\xff\xfe\x00", "application/octet-stream"),
    ],
)
def test_non_form_bodies_are_415_not_500(
    admin: FlaskClient, app: Flask, session: Session, raw: bytes, content_type: str
) -> None:
    token = csrf_from(admin, "/staff/")
    audit_before = session.scalar(select(func.count(AuditEvent.id)))
    for method, path, _ in staff_routes(app):
        if method != "POST" or path.endswith("logout"):
            continue
        resp = admin.post(path, data=raw, content_type=content_type, headers={"X-CSRFToken": token})
        assert resp.status_code == 415, (path, resp.status_code)
        assert "accept only their own forms" in resp.get_data(as_text=True)
    session.expire_all()
    assert session.scalar(select(func.count(AuditEvent.id))) == audit_before


def test_forms_still_work_with_the_415_guard(admin: FlaskClient, seeded: Seeded) -> None:
    resp = post(admin, f"/staff/responses/{seeded.space_response}/review", {"action": "flag"})
    assert resp.status_code == 302


def test_open_redirects_through_next_are_refused(admin: FlaskClient, seeded: Seeded) -> None:
    target = f"/staff/responses/{seeded.space_response}/review"
    for evil in (
        "https://evil.example/",
        "//evil.example/staff",
        "/\\evil.example",
        "/staff\\..\\\\evil.example",
        "javascript:alert(1)",
        "\thttps://evil.example",
    ):
        resp = post(admin, target, {"action": "flag", "next": evil})
        location = resp.headers["Location"]
        assert location.startswith("/staff") and "evil" not in location, evil


def test_excel_and_csv_exports_survive_control_characters_and_formulas(
    admin: FlaskClient, seeded: Seeded, session: Session
) -> None:
    note = '=HYPERLINK("http://evil.example")\u0001\u000b staff note'
    assert (
        post(
            admin,
            f"/staff/responses/{seeded.space_response}/review",
            {"action": "note", "note": note},
        ).status_code
        == 302
    )
    item = session.get(ResponseModel, seeded.space_response)
    session.refresh(item)
    assert item.note == note  # stored as typed: nothing is lost

    xlsx = admin.get("/staff/responses/export?format=xlsx")
    assert xlsx.status_code == 200  # an illegal XML character was a 500
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    notes = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True) if row[-1]]
    assert '\'=HYPERLINK("http://evil.example") staff note' in notes

    body = admin.get("/staff/responses/export?format=csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)


def test_quotes_csv_neutralises_formulas_in_profile_fields(
    admin: FlaskClient, seeded: Seeded, session: Session
) -> None:
    from bot.findings import quotes

    business = session.get(Business, seeded.space_business)
    business.sector = "=cmd|' /C calc'!A0"
    business.size_band = " @SUM(1+1)"
    quotes.star(session, seeded.space_response, "space", actor=ADMIN_EMAIL)
    session.commit()
    assert session.scalar(select(func.count(Quote.id))) == 1
    body = admin.get("/staff/findings/quotes.csv").get_data(as_text=True)
    (row,) = list(csv.reader(io.StringIO(body)))[1:]
    assert row[2] == "'=cmd|' /C calc'!A0"
    assert row[3] == "' @SUM(1+1)"


def test_no_staff_page_shows_stored_markup_raw(
    admin: FlaskClient, app: Flask, seeded: Seeded
) -> None:
    from tests.review.seed import XSS_IMG

    pages = 0
    for method, path, endpoint in staff_routes(app):
        if method != "GET" or endpoint == "review.exports.responses":
            continue
        path = path.replace("/responses/1", f"/responses/{seeded.xss_response}")
        path = path.replace("/businesses/1", f"/businesses/{seeded.xss_business}")
        resp = admin.get(path)
        if resp.status_code != 200 or resp.mimetype not in ("text/html", "application/json"):
            continue
        pages += 1
        html = resp.get_data(as_text=True)
        if resp.mimetype == "text/html":
            assert XSS_SCRIPT not in html and XSS_IMG not in html, path
    assert pages >= 15


def test_imported_hostile_text_and_file_names(admin: FlaskClient, session: Session) -> None:
    from tests.review.test_imports_stance import imported, upload

    hostile = (
        b"text,organisation\n"
        b"\"=cmd|' /C calc'!A0 broadband is slow\",<script>alert(1)</script>\n"
        b'"\'; DROP TABLE responses; -- trains",Acme \xe2\x80\xaeLtd\n'
    )
    response = upload(admin, hostile, name="../../../../etc/passwd.csv")
    assert response.status_code == 302  # the name only says the format: nothing is written
    assert imported(session) == 2
    texts = set(session.scalars(select(ResponseModel.text)).all())
    assert "=cmd|' /C calc'!A0 broadband is slow" in texts  # stored as sent
    listing = admin.get("/staff/responses?channel=email").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in listing
    export = admin.get("/staff/responses/export?format=csv&channel=email").get_data(as_text=True)
    assert "'=cmd|' /C calc'!A0" in export

    for data, name in (
        (b"PK\x03\x04" + b"\x00" * 100, "responses.csv"),  # a zip (xlsx) under a csv name
        (b"text\n\xff\xfe not utf-8\n", "latin.csv"),
        (b"text\nhello\n", "script.exe"),
        (b"text\nhello\n", "no_extension"),
        (b"", "empty.csv"),
    ):
        response = upload(admin, data, name=name)
        assert response.status_code == 400, name
        page = response.get_data(as_text=True)
        assert "Nothing was imported" in page or "A .csv or .jsonl file." in page, name
    assert imported(session) == 2


def test_nul_characters_are_refused_before_the_database_sees_them(
    client: FlaskClient, app: Flask, seeded: Seeded, session: Session
) -> None:
    # PostgreSQL refuses NUL in text: these were 500s there. Now a clear 400 everywhere.
    token = csrf_from(client)
    resp = client.post(
        "/staff/login", data={"email": "a\x00@example.org", "password": "x", "csrf_token": token}
    )
    assert resp.status_code == 400 and "NUL character" in resp.get_data(as_text=True)
    assert login(client, ADMIN_EMAIL).status_code == 302
    assert client.get("/staff/responses?q=fibre%00").status_code == 400
    assert client.get("/staff/audit?logins=%00").status_code == 400
    assert client.get("/staff/responses?theme=space&theme=%00").status_code == 400
    before = session.get(ResponseModel, seeded.space_response).note
    resp = post(
        client,
        f"/staff/responses/{seeded.space_response}/review",
        {"action": "note", "note": "a\x00b"},
    )
    assert resp.status_code == 400
    session.expire_all()
    assert session.get(ResponseModel, seeded.space_response).note == before
    assert client.get("/staff/responses?q=fibre").status_code == 200


@pytest.mark.parametrize("evil", ["/staff/\r\nSet-Cookie: owned=1", "/staff/\n", "/staff/ x\t"])
def test_a_next_with_control_characters_goes_to_the_default_not_a_500(
    admin: FlaskClient, seeded: Seeded, evil: str
) -> None:
    target = f"/staff/responses/{seeded.space_response}/review"
    resp = post(admin, target, {"action": "flag", "next": evil})
    assert resp.status_code == 302
    assert resp.headers["Location"] == f"/staff/responses/{seeded.space_response}"
    assert "owned" not in resp.headers.get("Set-Cookie", "")


HUGE_IDS = ("9" * 25, str(2**63), str(2**31))


def test_no_id_in_a_url_query_or_form_is_a_500(
    admin: FlaskClient, app: Flask, seeded: Seeded
) -> None:
    """ "²" passed `isdigit()` into `int()`, and ids past the database's integer range
    overflowed SQLite (2**63) or PostgreSQL's int4 (2**31): 500s on ~40 routes; and
    ?to=9999-12-31 overflowed the day after (attack probe, 7 Dec). TESTING propagates a
    view's exception, so a 500 fails here as the exception itself."""
    form = {"confirm": "ERASE", "action": "flag", "stance": "support", "into": "1"}
    int_rules = [r for r in app.url_map.iter_rules() if "<int:" in r.rule]
    assert len(int_rules) >= 15
    for rule in int_rules:
        for huge in HUGE_IDS:
            path = re.sub(r"<int:\w+>", huge, rule.rule).replace("<theme_id>", "space")
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                answer = admin.get(path) if method == "GET" else post(admin, path, form)
                assert answer.status_code == 404, (method, path)
    for query in ("business=%C2%B2", "business=" + "9" * 25, "to=9999-12-31", "from=0001-01-01"):
        assert admin.get(f"/staff/responses?{query}").status_code == 200, query
        assert admin.get(f"/staff/api/responses?{query}").status_code == 200, query
    for query in ("response=%C2%B2", "response=" + "9" * 25, "page=" + "9" * 25):
        assert admin.get(f"/staff/audit?{query}").status_code == 200, query
    found = admin.get(f"/staff/responses?to=9999-12-31&q={SEEDED_TEXT[0]}").get_data(as_text=True)
    assert SEEDED_TEXT[0] in found  # no upper bound, not nothing
    sub = f"/staff/findings/space/responses/{seeded.space_response}/move"
    assert post(admin, sub, {"subtheme": "²"}).status_code == 400
    assert post(admin, sub, {"subtheme": "9" * 25}).status_code == 400
    for response in ("²", "9" * 25):
        made = post(
            admin, "/staff/findings/from-responses", {"theme": "space", "response": response}
        )
        assert made.status_code == 302


@pytest.mark.parametrize(
    "query",
    ["endpoint=x", "_method=POST", "_external=1&_scheme=https", "_anchor=top", "_scheme=x"],
)
def test_the_audit_logs_page_links_carry_only_its_filters(
    admin: FlaskClient, session: Session, query: str
) -> None:
    """Every query argument went into url_for, which took `endpoint`, `_method`,
    `_external`, `_scheme` and `_anchor` as its own options: a 500 or a link to another
    scheme or host (attack probe, 7 Dec)."""
    from bot.storage.audit import audit

    for i in range(60):  # more than a page (50)
        audit(session, actor="admin@example.org", action="export", detail={"n": i})
    session.commit()
    answer = admin.get(f"/staff/audit?action=export&{query}")
    assert answer.status_code == 200
    links = re.findall(r'rel="next" href="([^"]+)"', answer.get_data(as_text=True))
    assert links == ["/staff/audit?action=export&amp;page=2"]


def test_nul_characters_in_a_multipart_form_are_refused_too(
    admin: FlaskClient, seeded: Seeded, session: Session
) -> None:
    """The NUL guard read only urlencoded forms: the same form as multipart/form-data
    stored the NUL on SQLite and was a 500 on PostgreSQL (attack probe, 7 Dec)."""
    before = session.get(ResponseModel, seeded.space_response).note
    data = {"csrf_token": csrf_from(admin, "/staff/"), "action": "note", "note": "a\x00b"}
    answer = admin.post(
        f"/staff/responses/{seeded.space_response}/review",
        data=data,
        content_type="multipart/form-data",
    )
    assert answer.status_code == 400 and "NUL character" in answer.get_data(as_text=True)
    session.expire_all()
    assert session.get(ResponseModel, seeded.space_response).note == before
