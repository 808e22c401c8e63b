"""What the browser probe of 7 Dec found on the staff pages: the app's own pages, not the
framework's, for a bad request, a wrong method and /staff/logout typed in; text laid out in
its own direction."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.review.conftest import post


def test_a_bad_export_format_gets_a_page_that_says_nothing_changed(reviewer: FlaskClient) -> None:
    resp = reviewer.get("/staff/responses/export?format=pdfx")
    assert resp.status_code == 400
    page = resp.get_data(as_text=True)
    assert "nothing was changed" in page and "Go to the overview" in page


def test_a_wrong_method_gets_the_apps_page(reviewer: FlaskClient) -> None:
    resp = reviewer.get("/staff/retention/apply")  # a POST-only action, opened as a page
    assert resp.status_code == 405
    assert "be opened that way" in resp.get_data(as_text=True)


def test_logout_typed_in_offers_the_button_and_signing_out_still_needs_a_post(
    reviewer: FlaskClient,
) -> None:
    page = reviewer.get("/staff/logout")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'action="/staff/logout"' in html and 'name="csrf_token"' in html
    assert reviewer.get("/staff/").status_code == 200  # still signed in after the GET
    assert post(reviewer, "/staff/logout").status_code == 302
    assert reviewer.get("/staff/").status_code in (302, 401)


def test_a_response_lays_out_in_its_own_direction(reviewer: FlaskClient, seeded) -> None:  # noqa: ANN001
    """Arabic or Urdu in a response reads right to left on the staff pages (browser probe)."""
    page = reviewer.get(f"/staff/responses/{seeded.space_response}").get_data(as_text=True)
    assert 'class="response-text" dir="auto"' in page
