"""The board report as a Word document (python-docx), charts as PNG pictures.

Every text written (summaries, sub-theme labels, quotes) goes through `xml_safe`: python-docx
refuses a control character, and one in a staff summary must not stop the whole report.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.document import Document as DocxDocument  # `docx.Document` is a factory
from docx.shared import Cm, Pt

from bot.findings.report import ReportData, ThemeReport
from bot.findings.report_html import theme_png
from bot.storage.export import xml_safe


def _theme(doc: DocxDocument, theme: ThemeReport) -> None:
    doc.add_heading(xml_safe(theme.name), level=2)
    plural_r = "" if theme.responses == 1 else "s"
    plural_b = "" if theme.businesses == 1 else "es"
    counts = doc.add_paragraph()
    counts.add_run(
        f"{theme.responses} response{plural_r} from {theme.businesses} business{plural_b}"
    ).bold = True
    if theme.summary:
        doc.add_heading("Summary", level=3)
        for para in xml_safe(theme.summary).split("\n"):
            if para.strip():
                doc.add_paragraph(para.strip())
    if not theme.responses:
        doc.add_paragraph("No responses on this theme yet.")
        return
    doc.add_picture(io.BytesIO(theme_png(theme)), width=Cm(16))
    if theme.subthemes:
        doc.add_heading("Points made", level=3)
        table = doc.add_table(rows=1, cols=2)
        table.style = "Light List"
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Sub-theme", "Responses"
        for label, count in theme.subthemes:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = xml_safe(label), str(count)
    if theme.quotes:
        doc.add_heading("In their words", level=3)
        for text, who in theme.quotes:
            quote = doc.add_paragraph(style="Quote")
            quote.add_run(f"“{xml_safe(text)}”")
            attribution = doc.add_paragraph(xml_safe(who))
            attribution.runs[0].font.size = Pt(9)


def write_docx(data: ReportData, out: Path | BinaryIO) -> None:
    doc = Document()
    doc.core_properties.title = "What businesses told us: Buckinghamshire LIS consultation"
    doc.add_heading("What businesses told us", level=0)
    doc.add_paragraph(
        "Buckinghamshire Local Industrial Strategy consultation. Report produced "
        f"{data.produced} from {data.total_responses} responses by "
        f"{data.total_businesses} businesses. A response can belong to several islands and "
        "drivers. Quotes have personal data removed."
    )
    for group_name, group in (
        ("The five islands", data.islands),
        ("The seven seabed drivers", data.seabed),
    ):
        doc.add_heading(group_name, level=1)
        for theme in group:
            _theme(doc, theme)
    doc.save(str(out) if isinstance(out, Path) else out)  # its stubs take str, not Path
