"""A filter the page could not use is said out loud: the list warns, exports and the API refuse.

Before, a malformed date was dropped in silence, so "From 31/12/2026" listed (and exported)
every response (browser probe, 7 Dec).
"""

from __future__ import annotations

import csv
import io

from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from bot.review.filters import filter_problems
from bot.storage.models import AuditEvent
from tests.review.seed import Seeded


def test_a_malformed_or_reversed_date_is_named() -> None:
    assert filter_problems(MultiDict({"from": "2026-12-01", "to": "2026-12-07"})) == []
    assert filter_problems(MultiDict({"from": "", "q": "roads"})) == []
    (bad,) = filter_problems(MultiDict({"from": "31/12/2026"}))
    assert "“From”" in bad and "31/12/2026" in bad and "YYYY-MM-DD" in bad
    (bad_to,) = filter_problems(MultiDict({"to": "yesterday"}))
    assert "“To”" in bad_to
    (reversed_,) = filter_problems(MultiDict({"from": "2026-12-07", "to": "2026-12-01"}))
    assert "after" in reversed_ and "2026-12-07" in reversed_
    (long_,) = filter_problems(MultiDict({"from": "x" * 500}))
    assert len(long_) < 300  # a pasted essay is not echoed whole


def test_the_list_warns_and_escapes(reviewer: FlaskClient, seeded: Seeded) -> None:
    page = reviewer.get("/staff/responses?from=<script>x</script>")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'class="notice notice-error"' in body and "is not a date" in body
    assert "<script>x</script>" not in body and "&lt;script&gt;" in body
    fine = reviewer.get("/staff/responses?from=2020-01-01").get_data(as_text=True)
    assert "is not a date" not in fine


def test_export_refuses_rather_than_exporting_everything(
    reviewer: FlaskClient, seeded: Seeded, session: Session
) -> None:
    before = session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "export"))
    resp = reviewer.get("/staff/responses/export?format=csv&from=12/01/2026")
    assert resp.status_code == 400
    body = resp.get_data(as_text=True)
    assert "Nothing was exported" in body and "is not a date" in body
    assert "/staff/responses?from=" not in body  # the way back drops the bad date
    after = session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "export"))
    assert after == before  # nothing left the building, so nothing to audit
    good = reviewer.get("/staff/responses/export?format=csv&from=2000-01-01")
    assert good.status_code == 200


def test_api_refuses_with_the_reason(reviewer: FlaskClient, seeded: Seeded) -> None:
    resp = reviewer.get("/staff/api/responses?to=2026-13-40")
    assert resp.status_code == 400
    assert "is not a date" in resp.get_json()["error"]
    assert reviewer.get("/staff/api/responses?to=2099-01-01").status_code == 200


def test_export_names_the_channel_and_keeps_its_code(reviewer: FlaskClient, seeded: Seeded) -> None:
    body = reviewer.get("/staff/responses/export?format=csv&redact=0").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    pairs = {(row["channel"], row["source"]) for row in rows}
    assert ("Chat over the REST API", "rest") in pairs
    assert all(channel != source for channel, source in pairs)
