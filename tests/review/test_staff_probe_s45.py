"""Staff probe s45: an officer's day over many businesses, where pages misled or lost work.

Each test failed on the code before its fix (8 Dec): "Next unreviewed response" left the
filtered list the response was opened from; a list filtered to one business (or the audit
log to one response) never said so; the Businesses page showed the newest 50 with no way to
the rest; the agreement page counted a staff decision that agreed with the model as a
correction; a search in lower case missed capitalised Polish (or any non-ASCII) words; the
board report gave its time in UTC beside screens in UK time, and named an older X channel
by its code ("twitter") with names of its own for the others.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

from flask.testing import FlaskClient
from sqlalchemy import select

from bot.storage.models import Business, Conversation, Response
from bot.storage.themes import set_model_tags, set_override
from tests.review.seed import ADMIN_EMAIL, Seeded


def _space_answer(session, text: str, when: datetime, seeded: Seeded) -> int:  # noqa: ANN001
    conv = session.scalars(
        select(Conversation).where(Conversation.business_id == seeded.space_business)
    ).first()
    item = Response(conversation_id=conv.id, text=text, created_at=when)
    session.add(item)
    session.flush()
    set_model_tags(session, item.id, ["space"], {"space": 0.9}, {}, "tagger-test-1")
    return item.id


def _next_link(client: FlaskClient, path: str) -> int | None:
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'href="/staff/responses/(\d+)\?[^"]*">Next unreviewed', page)
    return int(found.group(1)) if found else None


def test_next_unreviewed_stays_in_the_list_it_was_opened_from(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """Working through "Space, not reviewed", the next one was the newest unreviewed
    response anywhere (a creative-digital one): the officer left the list without knowing."""
    base = datetime(2026, 11, 3, 9)
    newer = _space_answer(session, "Westcott needs a test range", base, seeded)
    older = _space_answer(
        session, "Space firms need cheaper units", base - timedelta(hours=5), seeded
    )
    session.commit()
    listed = "/staff/responses?theme=space&reviewed=no"
    ids = [i["id"] for i in reviewer.get(f"/staff/api/{listed[7:]}").get_json()["items"]]
    assert ids == [newer, older, seeded.space_response]
    query = f"?list={listed.replace('?', '%3F').replace('&', '%26')}"
    # next in the list's order, then round to the top of the list again
    assert _next_link(reviewer, f"/staff/responses/{newer}{query}") == older
    assert _next_link(reviewer, f"/staff/responses/{older}{query}") == seeded.space_response
    assert _next_link(reviewer, f"/staff/responses/{seeded.space_response}{query}") == newer
    # opened from no list (the overview): the whole list's order
    assert _next_link(reviewer, f"/staff/responses/{newer}") == older
    assert _next_link(reviewer, f"/staff/responses/{seeded.space_response}") == seeded.xss_response


def test_a_list_filtered_to_one_business_names_it(
    reviewer: FlaskClient,
    seeded: Seeded,
) -> None:
    """ "This business's responses" gave a list with nothing in its filters saying so: with
    no row to show (here on a theme the business never raised) the officer could not tell
    why the list was empty, nor drop just that filter."""
    page = reviewer.get(
        f"/staff/responses?business={seeded.space_business}&theme=housing_growth"
    ).get_data(as_text=True)
    assert "<strong>0</strong> responses" in page
    assert "Orbital Widgets Ltd" in page
    links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', page)]
    assert "/staff/responses?theme=housing_growth" in links  # the business dropped, theme kept


def test_the_audit_log_of_one_response_says_so(
    reviewer: FlaskClient,
    seeded: Seeded,
) -> None:
    page = reviewer.get(f"/staff/audit?response={seeded.mobility_response}").get_data(as_text=True)
    assert f"response {seeded.mobility_response}" in page
    assert 'href="/staff/audit"' in page  # back to the whole log


def test_the_businesses_page_reaches_every_business(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """It showed the newest 50 ("showing the newest 50") with no paging: the 51st and
    older businesses could be found only by typing their names."""
    start = datetime(2026, 10, 1, 9)
    for n in range(60):
        session.add(
            Business(
                sender_id=f"web-page-{n}",
                channel="socketio",
                organisation=f"Paged Firm {n:02d}",
                consent=True,
                created_at=start + timedelta(hours=n),
            )
        )
    session.commit()
    first = reviewer.get("/staff/businesses?q=Paged").get_data(as_text=True)
    assert "<strong>60</strong> businesses" in first
    assert "Paged Firm 59" in first and "Paged Firm 09" not in first
    nxt = re.search(r'<a rel="next" href="([^"]+)"', first)
    assert nxt, "no link to the next page"
    second = reviewer.get(html.unescape(nxt.group(1))).get_data(as_text=True)
    assert "Paged Firm 00" in second and "Paged Firm 59" not in second  # the search is kept
    everyone = reviewer.get("/staff/businesses?page=2").get_data(as_text=True)
    assert "Paged Firm 00" in everyone and "Orbital Widgets Ltd" not in everyone


def test_agreement_counts_only_staff_decisions_that_differ_from_the_model(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """A theme the model gave, ticked again by staff (or removed and put back), is not a
    correction: the page said "Corrected by staff 2" beside "Exactly right 1 of 2"."""
    from bot.storage import queries
    from bot.storage.models import utcnow

    set_override(session, seeded.plain_response, "housing_growth", True, "staff", ADMIN_EMAIL)
    session.get(Response, seeded.plain_response).reviewed_at = utcnow()
    session.commit()
    found = queries.agreement(session)
    assert (found.reviewed, found.exact, found.staff_changed) == (2, 1, 1)
    page = reviewer.get("/staff/agreement").get_data(as_text=True)
    assert re.search(r"Corrected by staff</dt><dd>1<", page)


def test_search_ignores_case_in_any_script(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """SQLite's LIKE (and PostgreSQL's ILIKE under the C locale) fold ASCII letters only:
    "łódź" missed "Łódź", and "żywiec" the business "Żywiec Foods"."""
    conv = session.scalars(select(Conversation)).first()
    session.add(
        Response(
            conversation_id=conv.id,
            text="Szkolenia w Łódź są za daleko; ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
            created_at=datetime(2026, 11, 4, 9),
        )
    )
    session.add(
        Business(
            sender_id="web-zywiec", channel="socketio", consent=True, organisation="Żywiec Foods"
        )
    )
    session.commit()
    for words in ("Łódź", "łódź", "ŁÓDŹ", "zażółć", '"gęślą jaźń"'):
        total = reviewer.get("/staff/api/responses", query_string={"q": words}).get_json()["total"]
        assert total == 1, words
    page = reviewer.get("/staff/businesses", query_string={"q": "żywiec"}).get_data(as_text=True)
    assert "Żywiec Foods" in page


def test_board_report_gives_its_time_in_uk_time(
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """Every staff page shows UK time; the report said "12:00 UTC" for 13:00 in July."""
    import io

    from docx import Document

    from bot.findings import report

    data = report.collect(session)
    data.generated_at = datetime(2026, 7, 1, 12, 0)  # stored times are naive UTC
    page = report.render_html(data)
    assert "01 July 2026 13:00 BST" in page and "UTC" not in page
    buffer = io.BytesIO(report.to_bytes(data, "docx"))
    intro = Document(buffer).paragraphs[1].text
    assert "01 July 2026 13:00 BST" in intro


def test_board_report_names_channels_as_the_staff_pages_do(
    reviewer: FlaskClient,
    seeded: Seeded,
    session,  # noqa: ANN001
) -> None:
    """The seed's older X direct message ("twitter") was a bar named "twitter"."""
    from bot.findings import report
    from bot.review.labels import channel_label

    data = report.collect(session)
    sources = {name for t in data.themes for name, _ in t.breakdowns["source"]}
    assert "twitter" not in sources
    assert sources <= {channel_label(c) for c in ("socketio", "rest", "twitter")}
