"""Staff probe s46 in Chromium: after an action the officer sees (and hears) what happened.

A form that leads back to its place on a long page (a theme's summary on the report, a
response moved or starred on a theme's sub-themes page) put its "saved" or error message at
the top of the page, thousands of pixels above the place shown, and left focus on nothing:
the officer could not tell whether it had worked. A summary refused because a colleague
saved one first showed the top of the report, its notice far below. Before the fix (8 Dec)
each check here failed: the message was 800 to 8,000 px out of sight.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.staff_server import staff_app_served
from tests.review.consultation_seed import Consultation, seed_consultation
from tests.review.seed import ADMIN_EMAIL, PASSWORD, REVIEWER_EMAIL

pytestmark = pytest.mark.browser

SEEN = """() => {
  const n = document.activeElement;
  if (!n || !n.classList.contains('notice')) return null;
  const r = n.getBoundingClientRect();
  return {text: n.innerText, inView: r.top >= 0 && r.bottom <= window.innerHeight};
}"""


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Consultation]]:
    tmp = tmp_path_factory.mktemp("staff-probe-s46")
    with staff_app_served(tmp, seed_consultation, config={"REVIEW_OVERVIEW_CACHE_SECONDS": 0}) as (
        base,
        data,
        _,
    ):
        yield base, data


def _signed_in(browser: Any, base: str, email: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{base}/staff/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


@pytest.fixture()
def officer(browser: Any, live: tuple[str, Consultation]) -> Iterator[Any]:
    page = _signed_in(browser, live[0], REVIEWER_EMAIL)
    yield page
    page.context.close()


def test_a_summary_saved_far_down_the_report_says_so_where_it_was_typed(
    officer: Any, live: tuple[str, Consultation]
) -> None:
    officer.goto(f"{live[0]}/staff/report")
    officer.locator("#summary-environment_quality_of_life").fill("Air quality on the A40.")
    officer.get_by_role("button", name="Save summary for Environment and quality of life").click()
    officer.wait_for_load_state()
    seen = officer.evaluate(SEEN)
    assert seen == {"text": "Summary saved.", "inView": True}, seen


def test_moving_and_starring_a_response_say_so_beside_it(
    officer: Any, live: tuple[str, Consultation]
) -> None:
    officer.goto(f"{live[0]}/staff/findings/education_skills")
    officer.get_by_role("button", name="Find sub-themes").click()
    officer.wait_for_load_state()
    summary = officer.locator("section.subtheme details > summary").last
    if summary.count() and not summary.evaluate("s => s.parentElement.open"):
        summary.click()  # a long sub-theme's list opens on request, as an officer does
    move = officer.locator("select[id^=move-]:visible").last
    rid = (move.get_attribute("id") or "")[len("move-") :]
    move.select_option(index=0)
    officer.get_by_role("button", name=f"Move response {rid}").click()
    officer.wait_for_load_state()
    seen = officer.evaluate(SEEN)
    assert seen is not None and seen["inView"], seen
    assert seen["text"].startswith("Response moved"), seen
    officer.get_by_role("button", name=f"Star response {rid} as a quote").click()
    officer.wait_for_load_state()
    seen = officer.evaluate(SEEN)
    assert seen is not None and seen["inView"], seen
    assert seen["text"].startswith("Starred as a quote"), seen


def test_a_refused_summary_shows_its_notice_not_the_top_of_the_report(
    officer: Any, browser: Any, live: tuple[str, Consultation]
) -> None:
    """Two officers on the report: B saves Space's summary first; A's save is refused with
    B's words shown and A's kept, and A is taken to it (it sat far below the top)."""
    colleague = _signed_in(browser, live[0], ADMIN_EMAIL)
    try:
        officer.goto(f"{live[0]}/staff/report")
        colleague.goto(f"{live[0]}/staff/report")
        colleague.locator("#summary-space").fill("Westcott leads on propulsion.")
        colleague.get_by_role("button", name="Save summary for Space").click()
        colleague.wait_for_load_state()
    finally:
        colleague.context.close()
    officer.locator("#summary-space").fill("Space firms want a test range.")
    officer.get_by_role("button", name="Save summary for Space").click()
    officer.wait_for_load_state()
    seen = officer.evaluate(SEEN)
    assert seen is not None and seen["inView"], seen
    assert "Your summary was not saved" in seen["text"]
    assert "Westcott leads on propulsion." in seen["text"]
    assert officer.locator("#summary-space").input_value() == "Space firms want a test range."
