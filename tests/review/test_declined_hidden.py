"""Staff don't see people who declined or were never asked: the bot told them nothing they
say is kept, and their transcript only waits for the purge (browser probe, 7 Dec: "No, I
just have questions" was listed as "Unnamed business" with its chat readable)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from bot.storage.models import Business


@pytest.mark.parametrize("consent", [False, None])
def test_a_business_that_did_not_agree_is_neither_listed_nor_readable(
    reviewer: FlaskClient,
    session,  # noqa: ANN001
    consent: bool | None,
) -> None:
    business = Business(
        sender_id="widget-declined-1", channel="socketio", organisation="Quiet Questions Ltd"
    )
    business.consent = consent
    session.add(business)
    session.commit()
    listing = reviewer.get("/staff/businesses").get_data(as_text=True)
    assert "Quiet Questions" not in listing
    searched = reviewer.get("/staff/businesses?q=widget-declined").get_data(as_text=True)
    assert f"/staff/businesses/{business.id}" not in searched
    assert reviewer.get(f"/staff/businesses/{business.id}").status_code == 404


def test_a_business_that_agreed_is_listed_and_readable(
    reviewer: FlaskClient,
    session,  # noqa: ANN001
) -> None:
    business = Business(
        sender_id="widget-agreed-1", channel="socketio", organisation="Open Views Ltd", consent=True
    )
    session.add(business)
    session.commit()
    assert "Open Views" in reviewer.get("/staff/businesses").get_data(as_text=True)
    assert reviewer.get(f"/staff/businesses/{business.id}").status_code == 200
