"""Findings in headless Chromium: a consultation officer curates a theme's sub-themes (rename,
merge, move), stars and redacts a quote, writes a summary and downloads the report as DOCX
and PDF.

The sentence encoder is replaced by the findings tests' bag-of-words stand-in so the
proposed sub-themes are known in advance (the real encoder is tested in tests/findings).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser.staff_server import staff_app_served
from tests.browser.test_review import sign_in
from tests.findings.conftest import word_vectors
from tests.findings.test_subthemes import BROADBAND, ROADS, TRAINS
from tests.review.seed import seed

pytestmark = pytest.mark.browser

PII = "Ring Priya Shah on 01494 123456 about fibre broadband at Orbital Widgets"


@dataclass
class Live:
    url: str
    ids: dict[str, list[int]]


def _add(
    session: Any,
    texts: list[str],
    sender: str,
    organisation: str | None = None,  # noqa: ANN001
    channel: str = "socketio",
) -> list[int]:
    from bot.storage.models import Business, Conversation, Response
    from bot.storage.themes import set_model_tags

    business = Business(
        sender_id=sender,
        channel=channel,
        organisation=organisation,
        sector="Logistics",
        size_band="10-49",
        location="Aylesbury",
        consent=True,
    )
    session.add(business)
    session.flush()
    conv = Conversation(business_id=business.id, sender_id=sender, channel=channel)
    session.add(conv)
    session.flush()
    ids = []
    for text in texts:
        response = Response(conversation_id=conv.id, text=text)
        session.add(response)
        session.flush()
        set_model_tags(
            session, response.id, ["infrastructure"], {"infrastructure": 0.9}, {}, "test"
        )
        ids.append(response.id)
    return ids


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    from bot.findings import embeddings

    def fill(session: Any) -> dict[str, list[int]]:
        seed(session)
        return {
            "broadband": _add(session, BROADBAND, "bb"),
            "trains": _add(session, TRAINS, "tr", channel="email"),
            "roads": _add(session, ROADS, "ro"),
            "pii": _add(session, [PII], "pii", organisation="Orbital Widgets Ltd"),
        }

    def words_for_vectors(mp: pytest.MonkeyPatch) -> None:
        mp.setattr(embeddings, "encode", word_vectors)

    tmp = tmp_path_factory.mktemp("findings-live")
    with staff_app_served(tmp, fill, patch=words_for_vectors) as (base, ids, _):
        yield Live(base, ids)


def _section_with(page, response_id: int):  # noqa: ANN001, ANN202
    return page.locator("section.subtheme", has=page.locator(f"#response-{response_id}"))


def test_officer_curates_quotes_summarises_and_downloads(
    page: Any,
    live: Live,
    output_dir: Path,
    tmp_path: Path,
) -> None:
    errors = sign_in(page, live.url)
    page.get_by_role("link", name="Findings", exact=True).click()
    page.get_by_role("link", name="Infrastructure").click()
    page.get_by_role("button", name="Find sub-themes").click()
    assert "new sub-themes proposed" in page.get_by_role("status").inner_text()
    assert page.locator("section.subtheme .tag", has_text="Proposed").count() == 3

    # Rename the trains sub-theme.
    trains = _section_with(page, live.ids["trains"][0])
    trains.locator("input[name=label]").fill("Rail services and fares")
    trains.get_by_role("button", name="Rename").click()
    heading = page.get_by_role("heading", name="Rail services and fares")
    assert heading.is_visible() and "CURATED" in heading.inner_text().upper()

    # Merge the roads sub-theme into it.
    roads = _section_with(page, live.ids["roads"][0])
    roads.locator("select[name=into]").select_option(label="Rail services and fares")
    roads.get_by_role("button", name="Merge").click()
    assert "Sub-themes merged." in page.get_by_role("status").inner_text()
    merged = page.locator("section.subtheme h2", has_text="Rail services and fares")
    assert "(10)" in merged.inner_text()  # five about trains, five about roads
    assert page.locator("section.subtheme").count() == 3  # two sub-themes and unassigned

    # Move one broadband response into it.
    moved = live.ids["broadband"][0]
    page.locator(f"#move-{moved}").select_option(label="Rail services and fares")
    page.get_by_role("button", name=f"Move response {moved}", exact=True).click()
    assert (
        _section_with(page, moved).get_by_role("heading", name="Rail services and fares").count()
        == 1
    )
    assert "(11)" in merged.inner_text()

    # Star the response with personal data; check and edit its redaction.
    pii = live.ids["pii"][0]
    page.get_by_role("button", name=f"Star response {pii} as a quote").click()
    quote = page.locator("article.quote")
    assert "Priya Shah" in quote.locator("blockquote").first.inner_text()  # original, staff only
    redacted = quote.locator("blockquote.redacted").inner_text()
    assert "Priya" not in redacted and "01494" not in redacted and "Orbital" not in redacted
    assert quote.locator("blockquote.redacted mark").count() >= 3
    quote.locator("textarea").fill("Fibre broadband for [organisation] is the priority.")
    quote.get_by_role("button", name="Save redaction").click()
    assert page.locator("article.quote .tag", has_text="Edited by staff").is_visible()
    page.screenshot(path=str(output_dir / "findings-theme.png"), full_page=True)

    # Summary, then the downloads.
    page.get_by_role("link", name="Report", exact=True).click()
    page.get_by_role("textbox", name="Summary for Infrastructure").fill(
        "Businesses put fibre and reliable rail first."
    )
    page.get_by_role("button", name="Save summary for Infrastructure").click()
    assert "Summary saved." in page.get_by_role("status").inner_text()
    assert page.locator("#theme-infrastructure svg.report-chart").count() == 4
    page.screenshot(path=str(output_dir / "findings-report.png"), full_page=True)

    with page.expect_download() as info:
        page.get_by_role("link", name="Download Word (DOCX)").click()
    docx_path = tmp_path / "report.docx"
    info.value.save_as(docx_path)
    from docx import Document

    text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    assert "Businesses put fibre and reliable rail first." in text
    assert "Fibre broadband for [organisation] is the priority." in text
    assert "Priya" not in text
    labels = [row.cells[0].text for t in Document(str(docx_path)).tables for row in t.rows]
    assert "Rail services and fares" in labels

    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF").click()
    pdf_path = tmp_path / "report.pdf"
    info.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        pdf_text = subprocess.run(
            ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Businesses put fibre and reliable rail first." in pdf_text
        assert "Rail services and fares" in pdf_text and "Priya" not in pdf_text
    assert not errors, errors
