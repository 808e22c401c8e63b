"""Exports (CSV, Excel, redaction, formula injection) and erasure."""

from __future__ import annotations

import csv
import io

from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlalchemy import select, text

from bot.storage.models import AuditEvent, Business, Conversation, Response
from tests.review.conftest import post
from tests.review.seed import ADMIN_EMAIL, Seeded


def read_csv(resp) -> list[dict[str, str]]:  # noqa: ANN001
    body = resp.get_data(as_text=True)
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:])))


def test_csv_export_unredacted(reviewer: FlaskClient, seeded: Seeded) -> None:
    resp = reviewer.get("/staff/responses/export?format=csv&redact=0&theme=space")
    assert resp.status_code == 200
    assert resp.mimetype == "text/csv"
    # one charset, not "text/csv; charset=utf-8; charset=utf-8" (browser probe, 7 Dec)
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="bucks-lis-responses-' in resp.headers["Content-Disposition"]
    rows = read_csv(resp)
    assert len(rows) == 1
    row = rows[0]
    assert row["response_id"] == str(seeded.space_response)
    assert row["organisation"] == "Orbital Widgets Ltd"
    assert "01494 123456" in row["response"]
    assert row["themes"] == "Space; Infrastructure"
    assert row["theme_sources"] == "space:model;infrastructure:model"
    assert row["question"].startswith("What would help")
    assert row["reviewed"] == "no"


def test_csv_export_redacted_by_default(reviewer: FlaskClient) -> None:
    rows = read_csv(reviewer.get("/staff/responses/export?format=csv&sector=Space"))
    row = rows[0]
    assert "01494" not in row["response"] and "[phone]" in row["response"]
    assert "Jane" not in row["response"] and "[name]" in row["response"]  # from the contact email
    assert row["organisation"] == "[name]"
    assert "Orbital" not in ",".join(row.values())


def test_export_form_checkbox_semantics(reviewer: FlaskClient) -> None:
    # The list page's form sends redact=0 and, when ticked, redact=1.
    ticked = read_csv(
        reviewer.get("/staff/responses/export?format=csv&redact=0&redact=1&sector=Space")
    )
    unticked = read_csv(reviewer.get("/staff/responses/export?format=csv&redact=0&sector=Space"))
    assert ticked[0]["organisation"] == "[name]"
    assert unticked[0]["organisation"] == "Orbital Widgets Ltd"


def test_export_respects_all_filters_and_audits(reviewer: FlaskClient, session) -> None:  # noqa: ANN001
    rows = read_csv(reviewer.get("/staff/responses/export?format=csv&channel=rest&reviewed=no"))
    assert [r["response"] for r in rows] == [
        "Housing for our staff is too expensive near the circuit."
    ]
    all_rows = read_csv(reviewer.get("/staff/responses/export?format=csv&page=2&per_page=1"))
    assert len(all_rows) == 4  # exports ignore pagination
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert (
        len(events) == 2 and events[0].detail["rows"] == 1 and events[0].detail["redacted"] is True
    )


def test_csv_guards_formula_injection(reviewer: FlaskClient, seeded: Seeded, session) -> None:  # noqa: ANN001
    conv = session.scalars(select(Conversation)).first()
    for i, payload in enumerate(["=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)"]):
        session.add(
            Response(conversation_id=conv.id, text=payload, note=payload if i == 0 else None)
        )
    session.commit()
    rows = read_csv(reviewer.get("/staff/responses/export?format=csv&redact=0"))
    texts = {r["response"] for r in rows}
    assert "'=cmd|' /C calc'!A0" in texts
    assert {"'+1+2", "'-2+3", "'@SUM(A1)"} <= texts
    assert not any(r["response"].startswith(("=", "+", "-", "@")) for r in rows)
    assert not any(r["note"].startswith("=") for r in rows)


def test_xlsx_export(reviewer: FlaskClient, seeded: Seeded, session) -> None:  # noqa: ANN001
    conv = session.scalars(select(Conversation)).first()
    session.add(Response(conversation_id=conv.id, text='=HYPERLINK("http://evil","x")'))
    session.commit()
    resp = reviewer.get("/staff/responses/export?format=xlsx&redact=1")
    assert resp.status_code == 200
    assert resp.mimetype.endswith("spreadsheetml.sheet")
    wb = load_workbook(io.BytesIO(resp.data))
    ws = wb["Responses"]
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[0] == "response_id" and "themes" in header
    assert len(body) == 5
    col = header.index("response")
    texts = [r[col] for r in body]
    assert any("[phone]" in t for t in texts)
    assert not any("01494" in t for t in texts)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"  # nothing is stored as a formula
    assert '\'=HYPERLINK("http://evil","x")' in texts


def test_bad_export_format(reviewer: FlaskClient) -> None:
    assert reviewer.get("/staff/responses/export?format=pdf").status_code == 400


def test_erasure_needs_confirmation(admin: FlaskClient, seeded: Seeded, session) -> None:  # noqa: ANN001
    page = f"/staff/businesses/{seeded.xss_business}/erase"
    html = admin.get(page).get_data(as_text=True)
    assert "Type ERASE to confirm" in html and "cannot be undone" in html
    resp = post(admin, page, {"confirm": "erase please"}, page=page)
    assert resp.status_code == 400 and "Type ERASE in capitals" in resp.get_data(as_text=True)
    session.expire_all()
    assert session.get(Business, seeded.xss_business) is not None


def test_erasure_deletes_everything_and_audits_without_content(
    admin: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    page = f"/staff/businesses/{seeded.xss_business}/erase"
    resp = post(admin, page, {"confirm": "ERASE"}, page=page)
    assert resp.status_code == 302 and resp.headers["Location"] == "/staff/audit"
    session.expire_all()
    assert session.get(Business, seeded.xss_business) is None
    assert session.get(Response, seeded.xss_response) is None
    events = session.execute(
        text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": seeded.xss_sender}
    ).scalar()
    assert events == 0
    audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).one()
    assert audit.actor == ADMIN_EMAIL
    assert audit.detail["responses_deleted"] == 1 and audit.detail["transcript_events_deleted"] == 2
    assert "Digital skills" not in str(audit.detail) and "alert" not in str(audit.detail)
    html = admin.get("/staff/audit").get_data(as_text=True)
    assert "Erased a business" in html and "Digital skills" not in html
    assert admin.get(f"/staff/businesses/{seeded.xss_business}").status_code == 404
    assert admin.get("/staff/api/overview").get_json()["total"] == 3
    # Other businesses are untouched.
    assert session.get(Business, seeded.space_business) is not None
