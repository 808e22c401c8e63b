"""Staff app: importing a file (admin, CSRF, size limit) and stance shown, filtered, counted."""

from __future__ import annotations

import io

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from bot.storage.models import AuditEvent, Conversation, Response
from tests.review.conftest import csrf_from
from tests.review.seed import Seeded

GOOD_CSV = (
    b"text,organisation,sector,received_at\n"
    b"We can't find enough lab technicians,Helix Bio,Life sciences,2026-11-03\n"
    b"Please fund a shared prototyping workshop in Aylesbury,,Manufacturing,\n"
)


def imported(session) -> int:  # noqa: ANN001
    session.expire_all()
    return session.scalar(select(func.count(Response.id)).where(Response.external_id.is_not(None)))


def upload(
    client: FlaskClient,
    data: bytes,
    name: str = "emails.csv",
    source: str = "email",
    token: str | None = None,
):  # noqa: ANN201
    token = csrf_from(client, "/staff/import") if token is None else token
    return client.post(
        "/staff/import",
        data={"file": (io.BytesIO(data), name), "source": source, "csrf_token": token},
        content_type="multipart/form-data",
    )


def test_only_admins_import_and_the_form_carries_csrf(
    reviewer: FlaskClient,
    session,  # noqa: ANN001
) -> None:
    assert reviewer.get("/staff/import").status_code == 403
    page = reviewer.get("/staff/").get_data(as_text=True)
    assert 'href="/staff/import"' not in page


def test_admin_imports_a_csv_shown_with_its_source_and_stance(
    admin: FlaskClient,
    session,  # noqa: ANN001
) -> None:
    page = admin.get("/staff/import").get_data(as_text=True)
    assert 'name="csrf_token"' in page and 'enctype="multipart/form-data"' in page
    # Without the token nothing happens.
    assert upload(admin, GOOD_CSV, token="").status_code == 400
    assert imported(session) == 0

    response = upload(admin, GOOD_CSV)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/staff/responses?channel=email")
    listing = admin.get("/staff/responses?channel=email").get_data(as_text=True)
    assert "Imported 2 response(s) from 2 row(s) as email; 0 already imported." in listing
    assert "lab technicians" in listing and "prototyping workshop" in listing
    assert "Helix Bio" in listing
    # Stance shown and filterable.
    barriers = admin.get("/staff/responses?channel=email&stance=barrier").get_data(as_text=True)
    assert "lab technicians" in barriers and "prototyping workshop" not in barriers
    asks = admin.get("/staff/api/responses?channel=email&stance=ask").get_json()
    assert [i["stance"] for i in asks["items"]] == ["ask"] and asks["total"] == 1
    assert asks["items"][0]["channel"] == "email"
    # The same file again adds nothing.
    upload(admin, GOOD_CSV)
    session.expire_all()
    channels = session.scalars(
        select(Conversation.channel)
        .join(Response, Response.conversation_id == Conversation.id)
        .where(Response.external_id.is_not(None))
    ).all()
    assert channels == ["email", "email"]
    details = [
        a.detail
        for a in session.scalars(
            select(AuditEvent).where(AuditEvent.action == "import").order_by(AuditEvent.id)
        )
    ]
    assert [(d["added"], d["already_imported"]) for d in details] == [(2, 0), (0, 2)]
    log = admin.get("/staff/audit").get_data(as_text=True)
    assert "Imported 2 response(s) from 2 row(s) as email; 0 already imported" in log


def test_a_bad_file_lists_its_problems_and_stores_nothing(
    admin: FlaskClient,
    session,  # noqa: ANN001
) -> None:
    bad = GOOD_CSV + b",Nobody,,\nok,,,31/13/2026\n"
    response = upload(admin, bad)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Nothing was imported." in html
    assert "line 4: text is empty" in html and "line 5: received_at" in html
    assert upload(admin, b"\x89PNG\r\n\x1a\n\x00\x00", name="photo.csv").status_code == 400
    assert upload(admin, GOOD_CSV, name="responses.xlsx").status_code == 400
    assert imported(session) == 0


def test_an_oversized_upload_is_refused(app: Flask, admin: FlaskClient, session) -> None:  # noqa: ANN001
    app.config["IMPORT_MAX_BYTES"] = 100
    small_enough_form = upload(admin, GOOD_CSV + b"x" * 200)  # file over 100 bytes
    assert small_enough_form.status_code == 400
    assert "larger than the" in small_enough_form.get_data(as_text=True)
    huge = upload(admin, b"text\n" + b"y" * (200 * 1024))  # whole request over the limit
    assert huge.status_code == 413
    assert "too large" in huge.get_data(as_text=True)
    assert imported(session) == 0


def test_too_many_rows_are_refused_before_any_is_tagged(
    app: Flask,
    admin: FlaskClient,
    session,  # noqa: ANN001
) -> None:
    app.config["IMPORT_MAX_ROWS"] = 3
    rows = b"text\n" + b"".join(b"view %d\n" % n for n in range(4))
    response = upload(admin, rows)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "the file has 4 rows; at most 3 are imported at once" in html
    assert imported(session) == 0
    assert upload(admin, b"text\nview one\nview two\nview three\n").status_code == 302
    assert imported(session) == 3


def test_stance_is_counted_on_the_overview_and_explained(
    reviewer: FlaskClient, seeded: Seeded
) -> None:
    html = reviewer.get("/staff/?fresh=1").get_data(as_text=True)
    assert "By stance" in html and 'aria-label="Responses by stance"' in html
    data = reviewer.get("/staff/api/overview?fresh=1").get_json()
    assert set(data["by_stance"]) == {"opportunity", "barrier", "ask"}
    assert sum(data["by_stance"].values()) == data["total"]
    # A response stored before stance existed is counted apart until `bucks-lis stance`.
    from sqlalchemy import update

    from bot.storage.db import engine_for, session_scope

    with session_scope(engine_for(reviewer.application.config["DATABASE_URL"])) as s:
        s.execute(update(Response).where(Response.id == seeded.plain_response).values(stance=None))
    data = reviewer.get("/staff/api/overview?fresh=1").get_json()
    assert data["by_stance"]["not_set"] == 1
    assert "Not set" in reviewer.get("/staff/?fresh=1").get_data(as_text=True)
    page = reviewer.get(f"/staff/responses/{seeded.space_response}").get_data(as_text=True)
    # "We need better rocket test facilities…": an ask, from its words.
    assert "Stance:" in page and ">Ask<" in page and "“we need”" in page


def test_export_has_the_stance(reviewer: FlaskClient) -> None:
    body = reviewer.get("/staff/responses/export?format=csv").get_data(as_text=True)
    header = body.lstrip("\ufeff").splitlines()[0].split(",")
    assert "stance" in header
    rows = body.splitlines()[1:]
    assert rows and all(("ask" in r or "barrier" in r or "opportunity" in r) for r in rows)


def test_staff_correct_a_stance_and_it_is_kept(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    path = f"/staff/responses/{seeded.space_response}"
    token = csrf_from(reviewer, path)
    assert (
        reviewer.post(f"{path}/stance", data={"stance": "maybe", "csrf_token": token}).status_code
        == 400
    )
    assert reviewer.post(f"{path}/stance", data={"stance": "barrier"}).status_code == 400  # CSRF
    done = reviewer.post(
        f"{path}/stance", data={"stance": "barrier", "csrf_token": token}, follow_redirects=True
    )
    html = done.get_data(as_text=True)
    assert "Stance saved: Barrier." in html and "set by reviewer@example.org" in html
    session.expire_all()
    assert session.get(Response, seeded.space_response).stance == "barrier"
    audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "stance_changed")).one()
    assert audit.detail == {"before": "ask", "after": "barrier"}
    assert "Stance changed from Ask to Barrier" in reviewer.get("/staff/audit").get_data(
        as_text=True
    )
    # Recomputing every stance keeps the staff's choice.
    assert CliRunner().invoke(main, ["stance", "--all"]).exit_code == 0
    session.expire_all()
    assert session.get(Response, seeded.space_response).stance == "barrier"
