"""Reading a file of responses that came by email, survey or event (CSV or JSON lines).

Every row is checked before anything is stored: a file with any bad row is refused as
a whole, each problem named with its line number, so a half-imported consultation
never happens. Columns: `text` (required) and optional `organisation`, `sector`,
`size_band`, `location`, `received_at`; any other column is ignored and reported.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SOURCES = ("email", "survey", "event")
FORMATS = ("csv", "jsonl")
TEXT = "text"
OPTIONAL = ("organisation", "sector", "size_band", "location", "received_at")
COLUMNS = (TEXT, *OPTIONAL)
PROFILE_MAX_CHARS = 255  # the businesses table's column width
MAX_PROBLEMS_SHOWN = 20
UK = "Europe/London"
_DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y")
# Unicode's other line breaks, kept as line breaks: dropped as unprintable, they ran the
# words either side together (attack probe s45)
LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


class ImportFileError(ValueError):
    """The file cannot be imported; `problems` are "line N: what is wrong" strings."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        tail = f"\n…and {more} more problem(s)" if more > 0 else ""
        super().__init__("nothing imported:\n" + "\n".join(shown) + tail)


@dataclass(frozen=True)
class ImportRow:
    line: int
    text: str
    organisation: str | None = None
    sector: str | None = None
    size_band: str | None = None
    location: str | None = None
    received_at: datetime | None = None  # naive UTC, as stored

    def fingerprint(self, source: str) -> str:
        """sha256 of the source and the normalised row: the same row imported twice (even
        re-exported with other spacing or letter case) gets the same id."""
        norm = {
            "source": source,
            "text": _normal(self.text),
            **{k: _normal(getattr(self, k)) for k in OPTIONAL if k != "received_at"},
            "received_at": self.received_at.isoformat() if self.received_at else None,
        }
        blob = json.dumps(norm, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class ParsedFile:
    rows: list[ImportRow]
    ignored_columns: list[str] = field(default_factory=list)


def _normal(value: str | None) -> str | None:
    return " ".join(value.split()).casefold() if value else None


def format_for(filename: str) -> str:
    """`csv` or `jsonl` from a file name (anything else is refused)."""
    lowered = filename.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    raise ImportFileError([f"{filename}: the file must end in .csv or .jsonl"])


def _zone() -> Any:
    try:
        return ZoneInfo(UK)
    except ZoneInfoNotFoundError:
        return timezone.utc


def parse_received_at(raw: str, now: datetime | None = None) -> datetime:
    """ISO 8601 (`2026-11-02`, `2026-11-02T10:30`, with or without an offset) or UK
    `02/11/2026 [10:30]`. Times without an offset are UK time. Returns naive UTC.
    Raises ValueError for anything else, or a time more than a day in the future."""
    value = raw.strip()
    parsed: datetime | None = None
    try:
        if len(value) == 10 and value[4] == "-":
            parsed = datetime.combine(date.fromisoformat(value), datetime.min.time())
        else:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        for fmt in _DATE_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ValueError(f"received_at {raw!r} is not a date (use 2026-11-02 or 02/11/2026)")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=_zone())
    utc = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    current = now or datetime.now(timezone.utc).replace(tzinfo=None)
    if utc > current + timedelta(days=1):
        raise ValueError(f"received_at {raw!r} is in the future")
    if utc.year < 2000:
        raise ValueError(f"received_at {raw!r} is too long ago")
    return utc


def _decode(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            ["line 1: this is a zip or Excel file, not CSV or JSON lines (save it as CSV)"]
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # read as "binary data" (attack probe s45)
        raise ImportFileError(
            ['line 1: UTF-16 text (Excel\'s "Unicode Text"): save the file as CSV UTF-8']
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ImportFileError([f"line {line}: binary data (a NUL byte): not a text file"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            [f"line {line}: not UTF-8 text (byte {data[exc.start]:#04x}); save the file as UTF-8"]
        ) from None


def _check_row(line: int, raw: dict[str, Any], max_text: int) -> tuple[ImportRow | None, list[str]]:
    problems: list[str] = []
    values: dict[str, str | None] = {}
    for name in COLUMNS:
        value = raw.get(name)
        if value is None or value == "":
            values[name] = None
        elif not isinstance(value, str):
            problems.append(f"line {line}: {name} must be text, not {type(value).__name__}")
            values[name] = None
        else:
            value = value.translate(LINE_BREAKS)
            cleaned = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable()).strip()
            values[name] = cleaned or None
    text = values[TEXT]
    if not text:
        if not any(p.startswith(f"line {line}: text ") for p in problems):
            problems.append(f"line {line}: text is empty")
    elif len(text) > max_text:
        problems.append(f"line {line}: text is {len(text)} characters (at most {max_text})")
    for name in ("organisation", "sector", "size_band", "location"):
        profile_value = values[name]
        if profile_value and len(profile_value) > PROFILE_MAX_CHARS:
            problems.append(
                f"line {line}: {name} is {len(profile_value)} characters "
                f"(at most {PROFILE_MAX_CHARS})"
            )
    received: datetime | None = None
    if values["received_at"]:
        try:
            received = parse_received_at(values["received_at"])
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
    if problems:
        return None, problems
    return (
        ImportRow(
            line=line,
            text=text or "",
            organisation=values["organisation"],
            sector=values["sector"],
            size_band=values["size_band"],
            location=values["location"],
            received_at=received,
        ),
        [],
    )


def _csv_rows(text: str) -> tuple[list[tuple[int, dict[str, Any]]], list[str], list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[str] = []
    try:
        header = next(reader)
    except StopIteration:
        return [], [], ["line 1: the file is empty"]
    except csv.Error as exc:
        return [], [], [f"line 1: not readable as CSV ({exc})"]
    names = [h.strip().lower() for h in header]
    if TEXT not in names:
        shown = ", ".join(h for h in names if h) or "none"
        return [], [], [f"line 1: no 'text' column (columns found: {shown})"]
    duplicated = sorted({n for n in names if n and names.count(n) > 1})
    if duplicated:
        return [], [], [f"line 1: column(s) named twice: {', '.join(duplicated)}"]
    ignored = [n for n in names if n and n not in COLUMNS]
    out: list[tuple[int, dict[str, Any]]] = []
    start = 2
    try:
        for record in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue  # blank line
            if len(record) > len(names):
                problems.append(
                    f"line {line}: {len(record)} fields but the header has {len(names)} "
                    "(an unquoted comma?)"
                )
                continue
            out.append((line, dict(zip(names, record, strict=False))))
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: not readable as CSV ({exc})")
    return out, ignored, problems


def _jsonl_rows(text: str) -> tuple[list[tuple[int, dict[str, Any]]], list[str], list[str]]:
    out: list[tuple[int, dict[str, Any]]] = []
    problems: list[str] = []
    ignored: set[str] = set()
    # lines end at a line feed only: JSON strings may hold U+2028, U+2029 and U+0085
    # unescaped, and `splitlines` cut valid lines there (attack probe s45)
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.removesuffix("\r")
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: not valid JSON ({exc.msg})")
            continue
        except RecursionError:  # was a 500 on the import page (attack probe s43)
            problems.append(f"line {number}: not valid JSON (nested too deep)")
            continue
        except ValueError:  # a number of more than 4,300 digits: Python will not read it
            problems.append(f"line {number}: not valid JSON (a number far too long)")
            continue
        if not isinstance(obj, dict):
            problems.append(f'line {number}: expected a JSON object with a "text" field')
            continue
        obj = {str(k).strip().lower(): v for k, v in obj.items()}
        if TEXT not in obj:
            problems.append(f'line {number}: no "text" field')
            continue
        ignored.update(k for k in obj if k not in COLUMNS)
        out.append((number, obj))
    return out, sorted(ignored), problems


def _line_of(problem: str) -> int:
    head = problem.split(":", 1)[0]
    return int(head[5:]) if head.startswith("line ") and head[5:].isdigit() else 0


def parse_file(
    data: bytes, fmt: str, source: str, max_text_chars: int, max_rows: int | None = None
) -> ParsedFile:
    """Check and read a whole file; raise ImportFileError listing every problem.
    More than `max_rows` rows is refused before any row is checked: every row is tagged
    in the one request, so the cap bounds how long an import holds a staff page."""
    if source not in SOURCES:
        raise ImportFileError([f"source must be one of {', '.join(SOURCES)}, not {source!r}"])
    if fmt not in FORMATS:
        raise ImportFileError([f"format must be csv or jsonl, not {fmt!r}"])
    text = _decode(data)
    records, ignored, problems = (_csv_rows if fmt == "csv" else _jsonl_rows)(text)
    if max_rows is not None and len(records) > max_rows:
        raise ImportFileError(
            [
                f"the file has {len(records):,} rows; at most {max_rows:,} are imported at "
                "once (IMPORT_MAX_ROWS): split it into smaller files"
            ]
        )
    rows: list[ImportRow] = []
    for line, raw in records:
        row, row_problems = _check_row(line, raw, max_text_chars)
        problems.extend(row_problems)
        if row is not None:
            rows.append(row)
    if not problems and not rows:
        problems.append("line 1: no responses in the file")
    if problems:
        raise ImportFileError(sorted(problems, key=_line_of))
    return ParsedFile(rows=rows, ignored_columns=ignored)
