"""Hostile text in what staff write and curate (summaries, sub-theme names, starred quotes):
escaped on every page and in the HTML report, and never able to break the Word report."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from flask import Flask
from sqlalchemy import select

from bot.findings import quotes as q
from bot.findings import report
from bot.findings import subthemes as st
from bot.storage.models import Subtheme
from tests.findings.test_subthemes import BROADBAND, TRAINS
from tests.review.conftest import login

XSS = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
# What a staff member could paste from another document: controls and formatting marks.
CONTROL = "Fibre\u0001 first\u000b then\u0008 rail\u001f \u202etxt.exe\u202c"


@pytest.fixture()
def hostile(session: Any, fake_encoder: Any, add_responses: Any) -> dict[str, int]:
    add_responses(BROADBAND, sector=IMG, size_band="10-49")
    add_responses(TRAINS, sector="Logistics")
    (quoted,) = add_responses([f"broadband fibre is slow {XSS} {CONTROL}"], sector=IMG)
    st.run(session, "infrastructure")
    sub = session.scalars(select(Subtheme).where(Subtheme.theme_id == "infrastructure")).first()
    st.rename(session, sub.id, f"{IMG} {CONTROL}", actor="staff@example.org")
    q.star(session, quoted, "infrastructure", actor="staff@example.org")
    report.save_summary(session, "infrastructure", f"{XSS}\n{CONTROL}", actor="staff@example.org")
    session.commit()
    return {"subtheme": sub.id, "quoted": quoted}


def test_word_report_is_written_whatever_the_text(session: Any, hostile: dict) -> None:
    data = report.collect(session)
    doc = Document(io.BytesIO(report.to_bytes(data, "docx")))  # a control char raised here
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Fibre first then rail" in text  # controls dropped, words kept
    assert XSS in text  # Word shows it as text: nothing to escape
    assert IMG in cells and "\u0001" not in text + cells
    assert "\u202etxt.exe\u202c" in text  # printable formatting marks are kept as typed


def test_html_report_escapes_every_staff_and_respondent_field(session: Any, hostile: dict) -> None:
    html = report.render_html(report.collect(session))
    for payload in (XSS, IMG):
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html


@pytest.fixture()
def app(database_url: str, hostile: dict, session: Any) -> Flask:
    from bot.storage import staff
    from bot.web.app import create_app
    from tests.review.seed import seed

    staff.HASH_METHOD = "scrypt:4096:8:1"
    seed(session)
    session.commit()
    return create_app({"TESTING": True, "SECRET_KEY": "test", "DATABASE_URL": database_url})


@pytest.mark.parametrize(
    "path",
    [
        "/staff/findings",
        "/staff/findings/infrastructure",
        "/staff/report",
        "/staff/report/download.html",
    ],
)
def test_findings_pages_escape_hostile_text(app: Flask, path: str) -> None:
    client = app.test_client()
    assert login(client).status_code == 302
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert XSS not in html and IMG not in html
    assert 'onerror="alert(2)">' not in html


def test_word_download_works_with_hostile_text(app: Flask) -> None:
    client = app.test_client()
    assert login(client).status_code == 302
    response = client.get("/staff/report/download.docx")
    assert response.status_code == 200
    assert Document(io.BytesIO(response.data)).paragraphs


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "ftp://x/y"]
)
def test_the_pdf_fetches_nothing_but_inline_data(url: str) -> None:
    fetcher = report.pdf_fetcher()
    with pytest.raises(ValueError, match="disallowed protocol"):
        fetcher(url)
    assert fetcher("data:text/plain;base64,aGk=").read() == b"hi"


def test_pdf_with_hostile_text_still_has_its_charts(session: Any, hostile: dict) -> None:
    pdf = report.to_pdf(report.collect(session))
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Subtype /Image") >= 1


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        ("#quotes", "/staff/findings/infrastructure#quotes"),
        ("\r\nSet-Cookie: owned=1", "/staff/findings/infrastructure"),
        ("\n", "/staff/findings/infrastructure"),
        ("//evil.example", "/staff/findings/infrastructure"),
        ('#x" onmouseover=alert(1)', "/staff/findings/infrastructure"),
    ],
)
def test_a_forged_anchor_is_dropped_not_a_500(app: Flask, anchor: str, expected: str) -> None:
    from tests.review.conftest import csrf_from

    client = app.test_client()
    assert login(client).status_code == 302
    token = csrf_from(client, "/staff/findings/infrastructure")
    response = client.post(
        "/staff/findings/infrastructure/run", data={"csrf_token": token, "anchor": anchor}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "owned" not in response.headers.get("Set-Cookie", "")
