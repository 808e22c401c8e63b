"""Attack probe s43 on the staff side: what a respondent or a file can put in front of staff
that broke a page, the board report or an import (each was a 500 or a lost answer)."""

from __future__ import annotations

import hashlib
import json

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from bot.findings.import_file import ImportFileError, parse_file
from bot.storage.models import Business
from tests.review.seed import Seeded, add_event
from tests.review.test_imports_stance import imported, upload

# Text matplotlib reads as TeX between two "$": an unknown command or a dangling "^" raised
# ValueError while drawing the chart, so the Word and PDF board reports failed for everyone.
MATHTEXT = (r"$\frac{1}{2}$ consultancy", r"Chalfont $x^$ St Giles", r"$\\evil$")


def test_a_transcript_event_nested_too_deep_does_not_break_the_transcript_page(
    admin: FlaskClient, seeded: Seeded, session: Session
) -> None:
    """Metadata 950 lists deep (2 kB) passed the chat channels and was stored with the turn:
    reading it back raised RecursionError and the business's transcript page was a 500. The
    channels now refuse it (tests/channels/test_attack_probes_s43.py); a stored one is read
    as an event without data."""
    business = session.get(Business, seeded.space_business)
    deep = {"a": json.loads("[" * 950 + "]" * 950)}
    data = {"text": "deep one", "metadata": deep, "parse_data": {"intent": {"name": "inform"}}}
    add_event(session, business.sender_id, "user", 1.9e9, data, intent="inform")
    session.commit()
    page = admin.get(f"/staff/businesses/{business.id}")
    assert page.status_code == 200
    assert "rocket test facilities" in page.get_data(as_text=True)  # the rest is shown


@pytest.mark.parametrize(
    ("line", "says"),
    [
        (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deep"),
        (b'{"text": "hi", "n": ' + b"9" * 5000 + b"}", "not valid JSON"),
        (b'{"text": ' + b"9" * 5000 + b"}", "not valid JSON"),
    ],
    ids=["deep", "long-number-field", "long-number-text"],
)
def test_a_json_lines_file_that_python_cannot_read_is_refused_by_line(
    admin: FlaskClient, session: Session, line: bytes, says: str
) -> None:
    """json.loads raised RecursionError (deep nesting) or ValueError (a number of more than
    4,300 digits) past the JSONDecodeError the reader caught: a 500 on the import page and
    a traceback from `bucks-lis import`. Now the line is named and nothing is imported."""
    data = b'{"text": "broadband is slow"}\n' + line + b"\n"
    with pytest.raises(ImportFileError) as refused:
        parse_file(data, "jsonl", "email", 5000)
    assert refused.value.problems[0].startswith("line 2: ") and says in refused.value.problems[0]
    answer = upload(admin, data, name="responses.jsonl")
    assert answer.status_code == 400
    assert "Nothing was imported" in answer.get_data(as_text=True)
    assert imported(session) == 0


def test_an_import_with_many_unknown_columns_keeps_the_session_cookie_small(
    admin: FlaskClient, session: Session
) -> None:
    """A survey export names its columns after whole questions: every ignored name went into
    the "Imported ..." message, kept in the session cookie until shown. 120 of them made a
    7 kB cookie, which browsers drop (the message never showed, the import looked lost)
    and a proxy may refuse as a header (a 502 after a good import)."""
    names = [f"q{i} {hashlib.sha256(str(i).encode()).hexdigest()}" for i in range(120)]
    data = ("text," + ",".join(names) + "\n" + "broadband is slow" + ",x" * 120 + "\n").encode()
    answer = upload(admin, data)
    assert answer.status_code == 302 and imported(session) == 1
    cookie = next(c for c in answer.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert len(cookie) < 4000, len(cookie)  # what every browser keeps
    shown = admin.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Imported 1 response(s)" in shown and "120 ignored column(s)" in shown
    assert names[0][:30] in shown and "and 110 more" in shown


def test_a_profile_that_looks_like_tex_does_not_break_the_board_report(
    admin: FlaskClient, seeded: Seeded, session: Session
) -> None:
    """Sector and place are what a business typed (or an imported file said); matplotlib
    took "$...$" in a chart label for TeX and raised, so the Word and PDF reports were a 500
    for every officer until the profile was edited. Labels are now drawn as typed."""
    from bot.findings.charts import png_panels

    assert png_panels("Space", [("Sector", [(label, 2) for label in MATHTEXT])])
    business = session.get(Business, seeded.space_business)
    business.sector, business.location = MATHTEXT[0], MATHTEXT[1]
    session.commit()
    for fmt in ("docx", "pdf"):
        answer = admin.get(f"/staff/report/download.{fmt}")
        assert answer.status_code == 200, fmt
        assert len(answer.data) > 1000
    html = admin.get("/staff/report/download.html").get_data(as_text=True)
    assert r"$\frac{1}{2}$ consultancy" in html  # the SVG charts show it as typed
