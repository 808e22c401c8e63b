"""Attack probe s45 on the web app: password guesses sent all at once, sessions that came back
with a reactivated account or a role given back, and the web server itself (bodies it read
whole before the app refused them, connections held open)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from bot.storage.models import StaffUser
from tests.conftest import free_port
from tests.review.conftest import login
from tests.review.seed import REVIEWER_EMAIL, Seeded

# --- sign-in ----------------------------------------------------------------------------


def test_guesses_sent_at_once_get_no_more_tries_than_guesses_sent_in_turn(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five wrong passwords lock an account out from an address, but the lock was checked
    before any guess was recorded: guesses sent at the same moment all passed the check
    (10 of 40 against the running app; as many as the server has threads). Each attempt is
    now recorded before it is counted, so at most five of them reach the password check."""
    from bot.storage import staff

    parties = 12
    meeting = threading.Barrier(parties)
    real = staff.authenticate

    def slow_authenticate(*args: Any) -> Any:  # noqa: ANN401 - the real function's answer
        try:  # every guess reaches the password check before any is recorded (the race)
            meeting.wait(timeout=3)
        except threading.BrokenBarrierError:
            pass
        return real(*args)

    monkeypatch.setattr(staff, "authenticate", slow_authenticate)
    clients = [app.test_client() for _ in range(parties)]
    for guesser in clients:
        guesser.environ_base["REMOTE_ADDR"] = "198.51.100.45"
    codes: list[int] = []

    def guess(guesser: FlaskClient) -> None:
        codes.append(login(guesser, password="not the password!").status_code)

    threads = [threading.Thread(target=guess, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(codes) == parties and set(codes) <= {401, 429}
    assert codes.count(401) <= staff.MAX_FAILURES  # was all 12
    late = app.test_client()
    late.environ_base["REMOTE_ADDR"] = "198.51.100.45"
    tried = codes.count(401)
    while (code := login(late, password="not the password!").status_code) == 401:
        tried += 1
    assert code == 429 and tried == staff.MAX_FAILURES  # the burst and later guesses: five
    assert login(late).status_code == 429  # the right password too, as after guesses in turn
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "198.51.100.46"
    assert login(elsewhere).status_code == 302  # a refused guess locks nobody else out


def test_an_attempt_refused_at_the_limit_does_not_lengthen_the_lockout(session: Session) -> None:
    """Attempts refused while locked out are not counted (as before): the lock lifts 15
    minutes after the fifth failure, however often someone kept trying."""
    from datetime import timedelta

    from bot.storage import staff
    from bot.storage.models import utcnow

    ip, email = "203.0.113.45", "someone@example.org"
    for _ in range(staff.MAX_FAILURES):
        claim = staff.claim_attempt(session, ip, email)
        assert not staff.is_locked_out(session, ip, email, claimed=True)
        staff.settle_attempt(session, claim, ok=False)
    claim = staff.claim_attempt(session, ip, email)
    assert staff.is_locked_out(session, ip, email, claimed=True)
    staff.withdraw_attempt(session, claim)
    assert staff.recent_failures(session, ip, email) == staff.MAX_FAILURES
    later = utcnow() + staff.FAILURE_WINDOW + timedelta(seconds=1)
    assert not staff.is_locked_out(session, ip, email, now=later)


# --- imports ----------------------------------------------------------------------------


def test_a_json_lines_file_with_unicode_line_separators_in_its_text_is_imported(
    admin: FlaskClient, session: Session
) -> None:
    """JSON may carry U+2028, U+2029 and U+0085 unescaped inside a string (Python's own
    `json.dumps(..., ensure_ascii=False)` writes them so), but the import split the file at
    them as if they ended lines: a valid file was refused, "line 2: not valid JSON", for
    text pasted from a word processor. Lines end at a line feed only."""
    import json

    from bot.storage.models import Response as ResponseModel
    from tests.review.test_imports_stance import imported, upload

    texts = ["Rail to Aylesbury\u2028is too slow", "Skills\u2029 and housing", "Broadband \x85 now"]
    data = "\r\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts).encode()
    response = upload(admin, data, name="emails.jsonl")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert imported(session) == 3
    stored = session.query(ResponseModel.text).filter(ResponseModel.external_id.is_not(None))
    # kept as line breaks (they were dropped, running "Aylesbury" into "is")
    assert {row.text for row in stored} == {
        "Rail to Aylesbury\nis too slow",
        "Skills\n and housing",
        "Broadband \n now",
    }


def test_a_utf16_file_is_named_as_utf16_not_as_binary(admin: FlaskClient, session: Session) -> None:
    """A file saved as UTF-16 (Excel's "Unicode Text") was refused as "binary data (a NUL
    byte): not a text file", which sent staff looking for a corrupt file. It says UTF-16 and
    what to do now; nothing is imported, as before."""
    from tests.review.test_imports_stance import imported, upload

    for encoding in ("utf-16", "utf-16-be"):
        data = "text,organisation\nRail is slow,Acme\n".encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        response = upload(admin, data, name="emails.csv")
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert "UTF-16" in page and "UTF-8" in page and "binary" not in page
    assert imported(session) == 0


# --- sessions ---------------------------------------------------------------------------


def _reviewer(session: Session) -> StaffUser:
    return session.query(StaffUser).filter_by(email=REVIEWER_EMAIL).one()


@pytest.mark.parametrize(
    "changes",
    [
        ({"active": False}, {"active": True}),
        ({"role": "admin"}, {"role": "reviewer"}),
    ],
    ids=["deactivated-then-reactivated", "promoted-then-demoted"],
)
def test_a_session_ended_by_an_account_change_stays_ended_when_it_is_undone(
    reviewer: FlaskClient, session: Session, seeded: Seeded, changes: tuple[dict, dict]
) -> None:
    """Deactivating an account or changing its role ended its sessions, but only because the
    session's id no longer matched: undoing the change (reactivated, the role given back)
    made every old cookie match again, a copied one included. A change of access ends the
    sessions for good now, as a new password does."""
    from bot.storage.staff import update_user

    assert reviewer.get("/staff/").status_code == 200
    user_id = _reviewer(session).id
    for change in changes:
        update_user(session, user_id, actor="test", **change)
        session.commit()
        assert reviewer.get("/staff/").status_code == 302
    assert reviewer.get("/staff/").status_code == 302  # still ended once undone
    assert login(reviewer).status_code == 302  # signing in again works


# --- the web server ---------------------------------------------------------------------


@pytest.fixture()
def web(
    database_url: str, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[int, Any]]:
    """The web app served as `python -m bot.web.serve` serves it (waitress, its options),
    on a free port, in a thread: (port, the waitress server)."""
    import waitress.server

    from bot.config import settings
    from bot.web import serve

    port = free_port()
    monkeypatch.setenv("WEB_PORT", str(port))
    monkeypatch.setenv("SECRET_KEY", "s45-web-server-test-secret")
    settings.cache_clear()
    servers: list[Any] = []
    real_run = waitress.server.BaseWSGIServer.run

    def run_in_thread(server: Any) -> None:  # noqa: ANN401 - waitress's server
        servers.append(server)
        threading.Thread(target=real_run, args=(server,), daemon=True).start()

    monkeypatch.setattr(waitress.server.BaseWSGIServer, "run", run_in_thread)
    serve.main()
    assert servers, "bot.web.serve.main did not start a waitress server"
    yield port, servers[0]
    server = servers[0]
    for channel in list(server._map.values()):
        channel.close()
    settings.cache_clear()


def _answer(sock: socket.socket, within: float) -> bytes:
    sock.settimeout(within)
    try:
        return sock.recv(200)
    except TimeoutError:
        return b"(no answer)"


def test_a_body_larger_than_the_app_takes_is_refused_before_it_is_read(
    web: tuple[int, Any],
) -> None:
    """The app refuses a body over 2 MB (an import over IMPORT_MAX_BYTES), but waitress read
    up to 1 GB of it first, into a temporary file, before the app could say so: 200 MB sent
    to the sign-in page were all read and written to disk before its 413. A hundred such
    posts fill the disk the database is on, from anyone, signed in or not. The server now
    refuses a body larger than the largest the app takes as soon as its headers say so."""
    port, _server = web
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /staff/login HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 50000000\r\n\r\nemail="
        )
        assert _answer(sock, 5).startswith(b"HTTP/1.1 413")


def test_connections_held_open_do_not_shut_out_everyone_else(web: tuple[int, Any]) -> None:
    """100 connections that send nothing (waitress's limit) made the web app (the widget's
    script, the demo page, the privacy notice and the staff app) answer nobody for two
    minutes, from one client with one line of code. The server takes many more now."""
    port, _server = web
    held = [socket.create_connection(("127.0.0.1", port)) for _ in range(150)]
    try:
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert _answer(sock, 5).startswith(b"HTTP/1.1 200")
    finally:
        for sock in held:
            sock.close()


def test_a_request_trickled_in_is_cut_off_at_its_deadline(
    web: tuple[int, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A byte now and then kept a connection (and its part-read request) open for ever:
    waitress only closes one that has been silent two minutes. A request must now arrive
    whole within the server's deadline (REQUEST_SECONDS), however slowly it keeps coming."""
    from bot.web import serve

    port, _server = web
    monkeypatch.setattr(serve, "REQUEST_SECONDS", 1.0)
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /staff/login HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n"
        )
        started = time.monotonic()
        closed = False
        while time.monotonic() - started < 6 and not closed:
            try:
                sock.sendall(b"a")
            except OSError:
                closed = True
                break
            sock.settimeout(0.4)
            try:
                closed = sock.recv(200) == b""
            except TimeoutError:
                pass
            except OSError:
                closed = True
        assert closed, "the trickled request was still being read after 6 s"
        assert time.monotonic() - started < 4
