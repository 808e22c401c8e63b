"""The board report: counts and breakdowns, and what HTML, DOCX and PDF actually contain."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.findings import quotes as q
from bot.findings import report
from bot.findings import subthemes as st
from tests.findings.test_subthemes import BROADBAND, TRAINS

PII = "Call Priya Shah on 01494 123456, fibre broadband at Orbital Widgets is hopeless"
SUMMARY = "Businesses want fibre first.\nRail comes second. <script>alert(1)</script>"


@pytest.fixture()
def seeded(session, fake_encoder, add_responses) -> dict:  # noqa: ANN001
    ids = add_responses(BROADBAND, sector="Space", size_band="10-49", location="Westcott")
    ids += add_responses(
        TRAINS, channel="email", sector="Logistics", size_band="1-9", location="Aylesbury"
    )
    (quoted,) = add_responses(
        [PII], organisation="Orbital Widgets Ltd", sector="Space", location="Westcott"
    )
    add_responses(
        ["sound stages at Pinewood are full"],
        theme="creative_digital",
        sector=None,
        size_band=None,
        location=None,
    )
    st.run(session, "infrastructure")
    q.star(session, quoted, "infrastructure", actor="staff@example.org")
    report.save_summary(session, "infrastructure", SUMMARY, actor="staff@example.org")
    session.commit()
    return {"ids": ids + [quoted]}


def test_collect_counts_and_breaks_down_each_theme(session, seeded) -> None:  # noqa: ANN001
    data = report.collect(session)
    assert (data.total_responses, data.total_businesses) == (12, 4)
    assert [t.id for t in data.themes][:5] == [t.id for t in data.islands]
    infra = next(t for t in data.themes if t.id == "infrastructure")
    assert (infra.responses, infra.businesses) == (11, 3)
    assert dict(infra.breakdowns["source"]) == {"Website chat": 6, "Email": 5}
    assert dict(infra.breakdowns["sector"]) == {"Space": 6, "Logistics": 5}
    assert dict(infra.breakdowns["place"]) == {"Westcott": 6, "Aylesbury": 5}
    assert sum(n for _, n in infra.subthemes) == 11 - len(
        st.listing(session, "infrastructure", with_representatives=False).unassigned
    )
    assert len(infra.subthemes) >= 2
    (quote_text, who) = infra.quotes[0]
    assert "Priya" not in quote_text and "01494" not in quote_text and "Orbital" not in quote_text
    assert who == "Space, 10-49 staff"
    film = next(t for t in data.themes if t.id == "creative_digital")
    assert dict(film.breakdowns["sector"]) == {report.NOT_GIVEN: 1}
    space = next(t for t in data.themes if t.id == "space")
    assert space.responses == 0


def test_html_has_svg_charts_escaped_summary_and_redacted_quotes(session, seeded) -> None:  # noqa: ANN001
    html = report.render_html(report.collect(session))
    assert html.count("<svg") == 4 * 2  # four breakdowns for each theme with responses
    assert "Businesses want fibre first." in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "Priya" not in html and "01494" not in html
    assert "[name]" in html and "[phone]" in html
    from bot.strategy import load_themes

    assert all(f"<h3>{t.name}</h3>" in html for t in load_themes())


def test_docx_opens_with_summary_quotes_tables_and_chart_pictures(
    session: Any,
    seeded: Any,
    tmp_path: Path,
) -> None:
    from docx import Document

    out = report.write(report.collect(session), tmp_path / "report.docx")
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Businesses want fibre first." in text and "Rail comes second." in text
    assert "[phone]" in text and "Priya" not in text and "01494" not in text
    assert "11 responses from 3 businesses" in text
    assert len(doc.inline_shapes) == 2  # one chart picture per theme with responses
    labels = [row.cells[0].text for table in doc.tables for row in table.rows]
    assert labels[0] == "Sub-theme" and len(labels) >= 3


def _poppler() -> None:
    if not shutil.which("pdftoppm") or not shutil.which("pdftotext"):
        from tests.conftest import _need_service

        _need_service("poppler-utils (pdftoppm, pdftotext)")


def test_pdf_pages_render_with_the_content(session, seeded, tmp_path: Path) -> None:  # noqa: ANN001
    _poppler()
    out = report.write(report.collect(session), tmp_path / "report.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "What businesses told us" in text
    assert "Businesses want fibre first." in text
    assert "[phone]" in text and "Priya" not in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3
    from PIL import Image

    with Image.open(pages[0]) as first:
        colours = first.convert("L").getextrema()
    assert colours[0] < 100  # something dark (text) is drawn, not a blank page

    # some page carries a chart picture: its blue bars (#1d70b8) are drawn
    def has_bars(path: Path) -> bool:
        with Image.open(path) as img:
            return any(
                abs(r - 29) < 16 and abs(g - 112) < 16 and abs(b - 184) < 16
                for _, (r, g, b) in img.convert("RGB").getcolors(1 << 20)
            )

    assert any(has_bars(p) for p in pages)


def test_cli_writes_each_format_and_refuses_others(database_url, seeded, tmp_path: Path) -> None:  # noqa: ANN001
    from bot.cli import main

    out = CliRunner().invoke(main, ["report", "--out", str(tmp_path / "r.html")])
    assert out.exit_code == 0, out.output
    assert "Businesses want fibre first." in (tmp_path / "r.html").read_text()
    bad = CliRunner().invoke(main, ["report", "--out", str(tmp_path / "r.txt")])
    assert bad.exit_code != 0 and ".docx" in bad.output
    assert not (tmp_path / "r.txt").exists()


def test_summary_is_checked(session) -> None:  # noqa: ANN001
    with pytest.raises(ValueError):
        report.save_summary(session, "nope", "x", actor="a")
    with pytest.raises(ValueError):
        report.save_summary(session, "space", "x" * (report.MAX_SUMMARY_CHARS + 1), actor="a")
