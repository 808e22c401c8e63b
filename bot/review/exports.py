"""CSV and Excel exports of filtered responses, optionally redacted."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from bot.review.labels import channel_label
from bot.storage.export import csv_safe, xml_safe
from bot.storage.queries import ResponseRow
from bot.storage.queries.filters import uk_time
from bot.storage.redact import NAME_TOKEN, profile_names, redact
from bot.strategy import theme

HEADERS = [
    "response_id",
    "created_at_utc",
    # the same time as the staff pages show it and their date filter reads it: filtered to
    # 1 July, a sheet of UTC times alone showed 30 June (staff probe s44)
    "received_uk",
    "channel",  # its name for people ("Website chat"), as the staff pages show it
    "source",  # the stored code, for filtering and joins: x_post, x, socketio, rest, email, ...
    "organisation",
    "sector",
    "size_band",
    "location",
    "question",
    "response",
    "themes",
    "theme_ids",
    "theme_sources",
    "stance",
    "reviewed",
    "flagged",
    "note",
]


def row_values(row: ResponseRow, redacted: bool) -> list[object]:
    names = profile_names(row.organisation, row.email) if redacted else []

    def clean(text: str | None) -> str:
        return redact(text or "", names) if redacted else (text or "")

    return [
        row.id,
        row.created_at.strftime("%Y-%m-%d %H:%M:%S") if row.created_at else "",
        uk_time(row.created_at).strftime("%Y-%m-%d %H:%M:%S") if row.created_at else "",
        channel_label(row.channel),
        row.channel,
        (NAME_TOKEN if row.organisation else "") if redacted else (row.organisation or ""),
        row.sector or "",
        row.size_band or "",
        clean(row.location) if redacted else (row.location or ""),
        row.question or "",
        clean(row.text),
        "; ".join(theme(t.theme_id).name for t in row.themes),
        ";".join(t.theme_id for t in row.themes),
        ";".join(f"{t.theme_id}:{t.source}" for t in row.themes),
        row.stance or "",
        "yes" if row.reviewed_at else "no",
        "yes" if row.flagged else "no",
        clean(row.note),
    ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(rows: Iterable[ResponseRow], redacted: bool) -> Iterator[str]:
    """CSV text in chunks (UTF-8 BOM first so Excel reads accents correctly)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    yield writer.writerow(HEADERS)
    for row in rows:
        yield writer.writerow([csv_safe(v) for v in row_values(row, redacted)])


def xlsx_bytes(rows: Iterable[ResponseRow], redacted: bool) -> bytes:
    """An .xlsx workbook; every text cell is stored as text, never as a formula."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Responses")
    header = []
    for h in HEADERS:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for row in rows:
        cells = []
        for value in row_values(row, redacted):
            cell = WriteOnlyCell(ws, value=csv_safe(xml_safe(value)))
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        ws.append(cells)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
