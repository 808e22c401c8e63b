"""Staff findings pages over HTTP: login, CSRF, curation, quotes, summary and downloads."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.findings import subthemes as st
from bot.storage.models import AuditEvent, Quote, ReportSummary, Subtheme
from tests.findings.test_subthemes import BROADBAND, ROADS, TRAINS
from tests.review.conftest import csrf_from, login
from tests.review.seed import XSS_SCRIPT, seed

SUBTHEME_EDIT_RE = re.compile(r"/subthemes/\d+/(?:rename|merge|split)$|/responses/\d+/move$")
SEEN_RE = re.compile(r'name="(seen|theme)" value="([^"]*)"')
PII = "Ring Priya Shah on 01494 123456: fibre broadband at Orbital Widgets is hopeless"


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.storage import staff

    monkeypatch.setattr(staff, "HASH_METHOD", "scrypt:4096:8:1")


@pytest.fixture()
def ids(session, fake_encoder, add_responses) -> dict[str, list[int]]:  # noqa: ANN001
    seed(session)
    out = {
        "broadband": add_responses(BROADBAND),
        "trains": add_responses(TRAINS, channel="email"),
        "roads": add_responses(ROADS),
        "pii": add_responses(
            [PII, XSS_SCRIPT + " broadband fibre"], organisation="Orbital Widgets Ltd"
        ),
    }
    session.commit()
    return out


@pytest.fixture()
def app(database_url: str, ids) -> Iterator[Flask]:  # noqa: ANN001
    from bot.web.app import create_app

    yield create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": database_url})


@pytest.fixture()
def staff(app: Flask) -> FlaskClient:
    client = app.test_client()
    assert login(client).status_code == 302
    return client


def post(
    client: FlaskClient,
    path: str,
    data: dict | None = None,
    page: str = "/staff/findings/infrastructure",
):  # noqa: ANN201
    """POST with a CSRF token from `page`. A sub-theme edit also carries the fingerprints of
    the sub-themes the page shows now, as a page just read would (staff probe s46: without
    them a save is refused, tests/review/test_subtheme_conflicts.py)."""
    payload = {**(data or {}), "csrf_token": csrf_from(client, page)}
    if SUBTHEME_EDIT_RE.search(path):
        shown = client.get(page).get_data(as_text=True)
        for name, value in SEEN_RE.findall(shown)[:2]:
            payload.setdefault(name, value)
    return client.post(path, data=payload, follow_redirects=True)


@pytest.mark.parametrize(
    "path",
    [
        "/staff/findings",
        "/staff/findings/infrastructure",
        "/staff/report",
        "/staff/report/download.pdf",
        "/staff/findings/quotes.csv",
    ],
)
def test_pages_need_login(app: Flask, path: str) -> None:
    response = app.test_client().get(path)
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_posts_need_csrf(staff: FlaskClient, session) -> None:  # noqa: ANN001
    response = staff.post("/staff/findings/infrastructure/run")
    assert response.status_code == 400
    assert session.scalar(select(Subtheme)) is None


def test_curate_star_redact_summarise_and_download(staff: FlaskClient, session, ids) -> None:  # noqa: ANN001
    page = post(staff, "/staff/findings/infrastructure/run").get_data(as_text=True)
    assert "new sub-themes proposed" in page
    assert XSS_SCRIPT not in page and "&lt;script&gt;" in page
    found = st.listing(session, "infrastructure", with_representatives=False)
    by_first = {min(s.response_ids): s.id for s in found.subthemes}
    trains, roads = by_first[min(ids["trains"])], by_first[min(ids["roads"])]

    page = post(
        staff, f"/staff/findings/subthemes/{trains}/rename", {"label": "Rail <b>links</b>"}
    ).get_data(as_text=True)
    assert "Rail &lt;b&gt;links&lt;/b&gt;" in page and "Curated" in page
    post(staff, f"/staff/findings/subthemes/{roads}/merge", {"into": str(trains)})
    assert session.get(Subtheme, roads) is None
    broadband_response = ids["broadband"][0]
    post(
        staff,
        f"/staff/findings/infrastructure/responses/{broadband_response}/move",
        {"subtheme": str(trains)},
    )
    session.expire_all()
    found = st.listing(session, "infrastructure", with_representatives=False)
    merged = next(s for s in found.subthemes if s.id == trains)
    assert set(ids["trains"] + ids["roads"] + [broadband_response]) == set(merged.response_ids)

    pii_response = ids["pii"][0]
    page = post(staff, f"/staff/findings/infrastructure/responses/{pii_response}/star").get_data(
        as_text=True
    )
    quote = session.scalar(select(Quote))
    assert quote is not None and quote.response_id == pii_response
    # staff see original and redacted side by side; the redaction is highlighted
    assert "Priya Shah" in page and "<mark>[name]</mark>" in page and "<mark>[phone]</mark>" in page
    post(
        staff,
        f"/staff/findings/quotes/{quote.id}/redaction",
        {"text": "Fibre broadband here is hopeless, says [organisation]."},
    )
    session.expire_all()
    assert session.get(Quote, quote.id).redacted_text.startswith("Fibre broadband here")

    post(
        staff,
        "/staff/report/summary/infrastructure",
        {"summary": "Fibre and rail dominate. " + XSS_SCRIPT},
        page="/staff/report",
    )
    assert session.get(ReportSummary, "infrastructure").text.startswith("Fibre and rail")
    page = staff.get("/staff/report").get_data(as_text=True)
    assert "Fibre and rail dominate." in page and XSS_SCRIPT not in page
    assert page.count("<svg") >= 4 and "Rail &lt;b&gt;links&lt;/b&gt;" in page

    docx = staff.get("/staff/report/download.docx")
    assert docx.status_code == 200 and docx.mimetype.endswith("wordprocessingml.document")
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(docx.data)).paragraphs)
    assert "Fibre and rail dominate." in text
    assert "Fibre broadband here is hopeless, says [organisation]." in text
    assert "Priya" not in text and "01494" not in text
    pdf = staff.get("/staff/report/download.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert "attachment" in pdf.headers["Content-Disposition"]
    assert staff.get("/staff/report/download.exe").status_code == 404

    quotes_csv = staff.get("/staff/findings/quotes.csv").get_data(as_text=True)
    assert "Fibre broadband here is hopeless" in quotes_csv and "Priya" not in quotes_csv

    actions = set(session.scalars(select(AuditEvent.action)))
    assert {
        "subthemes_run",
        "subtheme_renamed",
        "subthemes_merged",
        "subtheme_moved",
        "quote_starred",
        "quote_redaction_edited",
        "report_summary",
        "report_downloaded",
        "quotes_exported",
    } <= actions


def test_bad_requests_are_refused_clearly(staff: FlaskClient, session, ids) -> None:  # noqa: ANN001
    assert staff.get("/staff/findings/not_a_theme").status_code == 404
    post(staff, "/staff/findings/infrastructure/run")
    sub = session.scalar(select(Subtheme))
    page = post(staff, f"/staff/findings/subthemes/{sub.id}/rename", {"label": ""})
    assert "Give the sub-theme a name" in page.get_data(as_text=True)
    page = post(staff, f"/staff/findings/subthemes/{sub.id}/merge", {"into": str(sub.id)})
    assert re.search(r"choose at least one other sub-theme", page.get_data(as_text=True))
    assert post(staff, "/staff/findings/subthemes/99999/split").status_code == 404
