"""The staff review app in headless Chromium: sign in, filter, transcript, correct, export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.staff_server import staff_app_served
from tests.review.seed import PASSWORD, REVIEWER_EMAIL, XSS_SCRIPT, Seeded, seed

pytestmark = pytest.mark.browser


class LiveServer:
    def __init__(self, url: str, seeded: Seeded, database_url: str) -> None:
        self.url = url
        self.seeded = seeded
        self.database_url = database_url


@pytest.fixture(scope="module")
def live_review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The real app (werkzeug threaded server) on a free port against a seeded temp DB."""
    tmp = tmp_path_factory.mktemp("review-live")
    with staff_app_served(tmp, seed) as (base, seeded, url):
        yield LiveServer(base, seeded, url)


def sign_in(page, base: str, email: str = REVIEWER_EMAIL) -> list[str]:  # noqa: ANN001
    """Sign in; returns a list that collects console errors (CSP violations show up there)."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.goto(f"{base}/staff/")
    assert "/staff/login" in page.url
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/staff/")
    return errors


def test_sign_in_and_overview(page, live_review: LiveServer, output_dir: Path) -> None:  # noqa: ANN001
    errors = sign_in(page, live_review.url)
    assert page.get_by_role("heading", name="Overview").is_visible()
    assert page.locator("svg.hbar").count() >= 4
    # Our stylesheet loaded under the CSP (header is near-black).
    bg = page.eval_on_selector(".site-header", "el => getComputedStyle(el).backgroundColor")
    assert bg == "rgb(11, 12, 12)"
    page.screenshot(path=str(output_dir / "review-overview.png"), full_page=True)
    assert not errors, errors
    # The hostile payload is shown as text, never run.
    page.goto(f"{live_review.url}/staff/responses?flagged=yes")
    assert XSS_SCRIPT in page.locator("table.responses").inner_text()
    assert not errors, errors


def test_wrong_password_stays_on_login(page, live_review: LiveServer) -> None:  # noqa: ANN001
    page.goto(f"{live_review.url}/staff/login")
    page.get_by_label("Email address").fill(REVIEWER_EMAIL)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text().startswith("The email address or password")
    assert "/staff/login" in page.url


def test_filter_by_theme(page, live_review: LiveServer, output_dir: Path) -> None:  # noqa: ANN001
    sign_in(page, live_review.url)
    page.get_by_role("link", name="Responses", exact=True).click()
    # the click starts the navigation; the page's content is empty until it lands (a CI
    # run read it in between)
    page.wait_for_url("**/staff/responses")
    assert "4</strong> responses" in page.content()
    page.get_by_label("Space", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**theme=space**")
    rows = page.locator("table.responses tbody tr")
    assert rows.count() == 1
    assert "rocket test facilities" in rows.first.inner_text()
    assert "MODEL" in rows.first.locator(".themes").inner_text().upper()
    page.screenshot(path=str(output_dir / "review-responses-filtered.png"), full_page=True)


def test_open_transcript(page, live_review: LiveServer, output_dir: Path) -> None:  # noqa: ANN001
    sign_in(page, live_review.url)
    page.goto(f"{live_review.url}/staff/responses?theme=space")
    page.get_by_role("link", name="Conversation").first.click()
    page.wait_for_url(f"**/staff/businesses/{live_review.seeded.space_business}**")
    turns = page.locator("ol.turns > li")
    assert turns.count() == 5
    assert "Hello! Do you agree to take part?" in turns.nth(0).inner_text()
    assert "Yes, I agree" in turns.nth(1).inner_text()
    assert "rocket test facilities" in turns.nth(3).inner_text()
    page.get_by_text("Why the tagger chose these").click()
    assert page.get_by_text("faster broadband").first.is_visible()
    assert "Orbital Widgets Ltd" in page.locator("dl.profile").inner_text()
    page.screenshot(path=str(output_dir / "review-transcript.png"), full_page=True)


def test_correct_a_theme(page, live_review: LiveServer, output_dir: Path) -> None:  # noqa: ANN001
    sign_in(page, live_review.url)
    rid = live_review.seeded.plain_response
    page.goto(f"{live_review.url}/staff/responses/{rid}")
    page.get_by_label("Housing growth").uncheck()
    page.get_by_label("Education and skills").check()
    page.get_by_role("button", name="Save themes").click()
    assert "Themes saved: Education and skills." in page.locator(".notice-success").inner_text()
    assert page.get_by_label("Education and skills").is_checked()
    assert not page.get_by_label("Housing growth").is_checked()
    history = page.locator("table.compact").inner_text()
    assert "Housing growth" in history and "removed" in history  # model's original kept
    page.screenshot(path=str(output_dir / "review-response.png"), full_page=True)
    page.goto(f"{live_review.url}/staff/audit")
    assert "Added Education and skills" in page.locator("table.audit").inner_text()
    page.goto(f"{live_review.url}/staff/responses?theme=education_skills")
    assert "Housing for our staff" in page.locator("table.responses").inner_text()


def test_export(page, live_review: LiveServer) -> None:  # noqa: ANN001
    sign_in(page, live_review.url)
    page.goto(f"{live_review.url}/staff/responses?theme=space")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    download = info.value
    assert download.suggested_filename.endswith("-redacted.csv")
    body = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 1 and "[phone]" in rows[0]["response"]
    assert rows[0]["organisation"] == "[name]"
    # Unredacted Excel.
    page.get_by_label("Export").select_option("xlsx")
    page.get_by_label("Redact personal data").uncheck()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(Path(download.path()).read_bytes()))["Responses"]
    values = [c for row in ws.iter_rows(values_only=True) for c in row]
    assert "Orbital Widgets Ltd" in values


def test_signing_out_forgets_unsaved_drafts(page, live_review: LiveServer) -> None:  # noqa: ANN001
    """A draft kept in the tab (a form refused when the session ran out) is not left for the
    next person on a shared computer."""
    sign_in(page, live_review.url)
    page.evaluate(
        "() => { sessionStorage.setItem('bucks-lis-draft:/staff/x:note', 'private note');"
        " sessionStorage.setItem('other-key', 'kept'); }"
    )
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/staff/login**")
    left = page.evaluate("() => Object.keys(sessionStorage)")
    assert "bucks-lis-draft:/staff/x:note" not in left
    assert "other-key" in left
