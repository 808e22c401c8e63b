"""A consultation officer imports a CSV of emailed responses in a real browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_review import LiveServer, live_review, sign_in  # noqa: F401
from tests.review.seed import ADMIN_EMAIL

pytestmark = pytest.mark.browser

CSV = (
    "text,organisation,sector,size_band,received_at\n"
    '"We can\'t recruit composite technicians, the big teams pay more",Carbon Works,'
    "Motorsport,10-49,2026-11-03\n"
    "Please fund a shared wet lab near Stoke Mandeville,,Life sciences,,03/11/2026\n"
)


def test_import_a_csv_then_filter_by_source_and_stance(
    page: Any,
    live_review: LiveServer,  # noqa: F811
    tmp_path: Path,
    output_dir: Path,
) -> None:
    errors = sign_in(page, live_review.url, ADMIN_EMAIL)
    page.get_by_role("link", name="Import", exact=True).click()
    assert page.get_by_role("heading", name="Import responses").is_visible()
    bad = tmp_path / "bad.csv"
    bad.write_text("text,received_at\n,2026-11-01\nfine,soon\n", encoding="utf-8")
    page.get_by_label("File (.csv or .jsonl, UTF-8)").set_input_files(str(bad))
    page.get_by_role("button", name="Import").click()
    alert = page.get_by_role("alert").inner_text()
    assert "Nothing was imported" in alert and "line 2: text is empty" in alert
    assert "line 3: received_at 'soon' is not a date" in alert

    good = tmp_path / "emails.csv"
    good.write_text(CSV, encoding="utf-8")
    page.get_by_label("File (.csv or .jsonl, UTF-8)").set_input_files(str(good))
    page.get_by_label("Where the responses came from").select_option("email")
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/staff/responses?channel=email")
    assert "Imported 2 response(s) from 2 row(s) as email" in page.content()
    rows = page.locator("table.responses tbody tr")
    assert rows.count() == 2
    assert "Carbon Works" in rows.first.inner_text() or "Carbon Works" in rows.last.inner_text()
    page.screenshot(path=str(output_dir / "review-imported.png"), full_page=True)

    page.get_by_label("Stance").select_option("barrier")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**stance=barrier**")
    rows = page.locator("table.responses tbody tr")
    assert rows.count() == 1 and "composite technicians" in rows.first.inner_text()
    assert "BARRIER" in rows.first.inner_text().upper()
    # The refused file's page is a 400 (which the console reports); nothing else failed.
    unexpected = [e for e in errors if "status of 400" not in e]
    assert not unexpected, unexpected
