"""Staff probe s45 in Chromium: a business's words cannot turn the staff pages around them.

A right-to-left override (U+202E) typed into a business's name or sector reversed the rest
of its line on staff pages: "Read the whole conversation" read "noitasrevnoc elohw eht
daeR" (8 Dec, before the fix). Each check measures where the letters of the page's own
words after the business's text are drawn: left to right.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.staff_server import staff_app_served
from tests.review.seed import PASSWORD, REVIEWER_EMAIL, Seeded, seed

pytestmark = pytest.mark.browser

RLO = "\u202e"

# True when `word`'s first letter is drawn left of its last, for its first occurrence in
# the text under the elements `selector` finds that is laid out (one not shown has no boxes).
LEFT_TO_RIGHT = """([selector, word]) => {
  for (const root of document.querySelectorAll(selector)) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.textContent.indexOf(word);
    if (at < 0) continue;
    const box = (i) => { const r = document.createRange(); r.setStart(node, i);
      r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
    const first = box(at), last = box(at + word.length - 1);
    if (!first.width) continue;
    return first.x < last.x;
  }
  }
  return null;
}"""


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Seeded]]:
    """The real app over the seed, with an override typed into a business's profile."""
    from bot.findings.quotes import star
    from bot.storage.models import Business

    def fill(session: Any) -> Seeded:
        seeded = seed(session)
        mobility = session.get(Business, 2)
        assert mobility is not None and mobility.sender_id == "rest-mob-1"
        mobility.organisation = f"Silverstone {RLO}Motion"
        mobility.sector = f"Auto{RLO}motive"
        star(session, seeded.mobility_response, "intelligent_mobility", REVIEWER_EMAIL)
        return seeded

    tmp = tmp_path_factory.mktemp("staff-probe-s45")
    config = {"REVIEW_OVERVIEW_CACHE_SECONDS": 0}
    with staff_app_served(tmp, fill, config=config) as (base, seeded, _):
        yield base, seeded


@pytest.fixture()
def officer(page: Any, live: tuple[str, Seeded]) -> Any:
    page.goto(f"{live[0]}/staff/")
    page.get_by_label("Email address").fill(REVIEWER_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


@pytest.mark.parametrize(
    ("path", "selector", "word"),
    [
        ("/staff/responses/{mobility}", "main", "whole conversation"),  # after name and sector
        ("/staff/", ".recent-list", "Chat over the REST"),  # after the sector
        ("/staff/findings/intelligent_mobility", "#quotes", "starred by"),  # a quote's
    ],
)
def test_page_words_after_a_business_text_read_left_to_right(
    officer: Any, live: tuple[str, Seeded], path: str, selector: str, word: str
) -> None:
    base, seeded = live
    officer.goto(base + path.format(mobility=seeded.mobility_response))
    assert officer.evaluate(LEFT_TO_RIGHT, [selector, word]) is True
