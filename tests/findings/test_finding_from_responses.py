"""A finding made from responses ticked in the staff list (a curated sub-theme)."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.findings import report as report_store
from bot.findings import subthemes as st
from bot.storage.models import AuditEvent, ResponseSubtheme, Subtheme
from tests.findings.test_subthemes import BROADBAND, ROADS
from tests.findings.test_views import app, fast_password_hashing, ids, post, staff  # noqa: F401, F811


def test_create_places_only_responses_on_the_theme_and_is_audited(
    session: Any, fake_encoder: Any, add_responses: Any
) -> None:
    broadband = add_responses(BROADBAND[:3])
    other = add_responses(ROADS[:1], theme="education_skills")
    sub, placed = st.create(
        session, "infrastructure", "  Fibre   first ", [*broadband, *other], "a@x"
    )
    assert (sub.label, sub.curated, placed) == ("Fibre first", True, broadband)
    rows = session.scalars(select(ResponseSubtheme).where(ResponseSubtheme.subtheme_id == sub.id))
    assert sorted(r.response_id for r in rows if r.pinned) == sorted(broadband)
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "subtheme_created"))
    assert event.actor == "a@x" and event.detail["responses"] == broadband
    data = report_store.collect(session)
    infra = next(t for t in data.themes if t.id == "infrastructure")
    assert ("Fibre first", 3) in infra.subthemes
    # A later run keeps it and its members.
    st.run(session, "infrastructure", actor="system")
    assert session.get(Subtheme, sub.id).label == "Fibre first"
    with pytest.raises(st.SubthemeError):
        st.create(session, "infrastructure", "Nothing here", other, "a@x")
    with pytest.raises(st.SubthemeError):
        st.create(session, "infrastructure", "   ", broadband, "a@x")


def test_the_list_makes_a_finding_and_returns_to_itself(staff: FlaskClient, ids: Any) -> None:  # noqa: F811
    listing = "/staff/responses?theme=infrastructure&page=1"
    html = staff.get(listing).get_data(as_text=True)
    assert 'aria-label="Select response' in html and "Make a finding" in html
    chosen = ids["roads"][:2]
    page = post(
        staff,
        "/staff/findings/from-responses",
        {
            "theme": "infrastructure",
            "label": "Roads <b>jam</b>",
            "response": chosen,
            "list": listing,
        },
        page=listing,
    ).get_data(as_text=True)
    assert (
        "Finding saved: “Roads &lt;b&gt;jam&lt;/b&gt;”, 2 response(s) under Infrastructure" in page
    )
    assert 'name="mode" value="any"' in page  # back on the list
    report = staff.get("/staff/report").get_data(as_text=True)
    assert 'Roads &lt;b&gt;jam&lt;/b&gt;</td><td class="num">2</td>' in report
    # Nothing ticked, or an unknown theme: said plainly, nothing made.
    for data, message in (
        ({"theme": "infrastructure", "label": "x"}, "Tick the responses"),
        ({"theme": "nope", "label": "x", "response": chosen}, "Choose the theme"),
    ):
        page = post(staff, "/staff/findings/from-responses", data, page=listing)
        assert message in page.get_data(as_text=True)
