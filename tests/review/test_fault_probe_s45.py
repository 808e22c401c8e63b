"""Fault probe s45: the staff app while its database is locked or unreachable.

A save while SQLite's write lock was held past its busy timeout (a long import, a retag, a
backup), or while PostgreSQL was down or restarting, was Werkzeug's bare "Internal Server
Error" page: no word of whether the change was kept, no way back to the form. Now it is a
staff page (503, `Retry-After`) that says nothing was saved and leads back to the page,
where the note typed is put back (review.js); the rollback keeps nothing half-written.
"""

from __future__ import annotations

import html as html_lib
import sqlite3
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlalchemy.orm import Session

from bot.storage.models import Response
from tests.conftest import free_port
from tests.review.conftest import login, read_form, send
from tests.review.seed import Seeded

NOT_SAVED = "nothing was saved"


@pytest.fixture()
def staff_app(app: Flask) -> Flask:
    """The app as it runs (an error is a page, not an exception in the test)."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


@pytest.fixture()
def reviewer(staff_app: Flask) -> FlaskClient:
    client = staff_app.test_client()
    assert login(client).status_code == 302
    return client


@pytest.fixture()
def write_lock(database_url: str) -> Iterator[sqlite3.Connection]:
    """Another process holds SQLite's write lock (an import, a retag, a backup); our
    engine's busy timeout is cut from 10 s to 0.2 s so the test does not wait."""
    from bot.storage.db import engine_for

    engine = engine_for(database_url)

    def short_wait(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.execute("PRAGMA busy_timeout=200")

    event.listen(engine, "connect", short_wait)
    engine.dispose()
    holder = sqlite3.connect(database_url.split("///", 1)[1], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()
    event.remove(engine, "connect", short_wait)
    engine.dispose()


def page_text(response) -> str:  # noqa: ANN001
    return html_lib.unescape(response.get_data(as_text=True))


def test_a_save_while_the_database_is_locked_says_nothing_was_saved(
    reviewer: FlaskClient, seeded: Seeded, session: Session, write_lock: sqlite3.Connection
) -> None:
    rid = seeded.plain_response
    form = read_form(reviewer, rid, "review", "note")  # reads work beside the writer (WAL)

    page_url = f"http://localhost/staff/responses/{rid}"  # a browser names the page
    refused = send(
        reviewer, form, {"note": "quote this in the board report"}, headers={"Referer": page_url}
    )
    assert refused.status_code == 503
    assert refused.headers.get("Retry-After", "").isdigit()
    page = page_text(refused)
    assert NOT_SAVED in page and "Internal Server Error" not in page
    assert f'href="/staff/responses/{rid}' in refused.get_data(as_text=True)  # back to it
    assert "Sign out" in page  # the staff page, with its navigation

    write_lock.execute("ROLLBACK")  # the other writer finishes
    session.expire_all()
    assert session.get(Response, rid).note in (None, "")  # nothing half-written
    again = send(reviewer, read_form(reviewer, rid, "review", "note"), {"note": "quote this"})
    assert again.status_code == 302
    session.expire_all()
    assert session.get(Response, rid).note == "quote this"


@pytest.fixture()
def database_down(staff_app: Flask) -> Iterator[None]:
    """The app's database stops answering (PostgreSQL down or restarting: nothing listens)."""
    working = staff_app.config["DATABASE_URL"]
    staff_app.config["DATABASE_URL"] = f"postgresql://bucks@127.0.0.1:{free_port()}/bucks_lis"
    yield
    staff_app.config["DATABASE_URL"] = working


def test_pages_while_the_database_is_unreachable_say_so(
    reviewer: FlaskClient, seeded: Seeded, database_down: None
) -> None:
    """Even loading the signed-in officer needs the database: the page that says it is
    unreachable must not need it (it failed again inside the error page)."""
    listing = reviewer.get("/staff/responses")
    assert listing.status_code == 503
    assert listing.headers.get("Retry-After", "").isdigit()
    page = page_text(listing)
    assert "database" in page.lower() and "Internal Server Error" not in page
    assert "try again" in page.lower()

    assert 'href="/staff/responses">Try again' in listing.get_data(as_text=True)
    api = reviewer.get("/staff/api/responses")
    assert api.status_code == 503
    assert api.get_json()["error"] == "database_unavailable"

    form = reviewer.application.test_client().get("/staff/login")  # signed out: no database
    assert form.status_code == 200
    assert "Not saved" not in page  # a page that could not be shown claims no lost save
