"""Reading an import file: every bad row refused with its line number, nothing half-read."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from bot.findings.import_file import (
    ImportFileError,
    format_for,
    parse_file,
    parse_received_at,
)

MAX = 500


def problems(data: bytes, fmt: str = "csv", source: str = "email") -> list[str]:
    with pytest.raises(ImportFileError) as info:
        parse_file(data, fmt, source, MAX)
    return info.value.problems


def test_csv_with_optional_columns_bom_and_multiline_text() -> None:
    data = (
        "\ufeffText,Organisation,sector,size_band,location,received_at,notes\n"
        '"We need, frankly, better roads.\nAnd buses.",Acme Ltd,Engineering,10-49,Aylesbury,'
        "2026-11-02,x\n"
        "Rents are too high,,,,,02/11/2026 10:30,\n"
    ).encode("utf-8")
    parsed = parse_file(data, "csv", "email", MAX)
    first, second = parsed.rows
    assert first.text.startswith("We need, frankly") and "buses" in first.text
    assert (first.organisation, first.sector, first.size_band, first.location) == (
        "Acme Ltd",
        "Engineering",
        "10-49",
        "Aylesbury",
    )
    assert first.received_at == datetime(2026, 11, 2, 0, 0)  # UK midnight in November = UTC
    assert second.line == 4 and second.organisation is None
    assert second.received_at == datetime(2026, 11, 2, 10, 30)
    assert parsed.ignored_columns == ["notes"]


def test_jsonl_rows_and_summer_time() -> None:
    lines = [
        {"text": "Skills gap in composites", "organisation": "Beta", "received_at": "2026-07-01"},
        {"text": "Space cluster at Westcott", "received_at": "2026-07-01T12:00:00Z"},
    ]
    data = "\n".join(json.dumps(x) for x in lines).encode()
    a, b = parse_file(data, "jsonl", "survey", MAX).rows
    assert a.received_at == datetime(2026, 6, 30, 23, 0)  # BST midnight
    assert b.received_at == datetime(2026, 7, 1, 12, 0)


def test_every_bad_row_is_named_with_its_line() -> None:
    data = (
        (
            "text,organisation,received_at\n"
            "fine,,\n"
            ",Acme,\n"  # line 3: empty text
            "ok,,yesterday\n" + "x" * (MAX + 1) + ",,\n"  # line 4: bad date  # line 5: oversized
            "a,b,2026-01-01,extra\n"  # line 6: too many fields
            "late,,2099-01-01\n"  # line 7: future
        ).encode()
    )
    found = problems(data)
    assert found[0] == "line 3: text is empty"
    assert found[1].startswith("line 4: received_at 'yesterday' is not a date")
    assert found[2] == f"line 5: text is {MAX + 1} characters (at most {MAX})"
    assert found[3].startswith("line 6: 4 fields but the header has 3")
    assert found[4].startswith("line 7: received_at '2099-01-01' is in the future")
    assert len(found) == 5


def test_missing_text_column() -> None:
    assert problems(b"message,organisation\nhello,Acme\n") == [
        "line 1: no 'text' column (columns found: message, organisation)"
    ]
    assert problems(b'{"text": "ok"}\n{"body": "no text"}\n', "jsonl") == [
        'line 2: no "text" field'
    ]


def test_bad_encoding_binary_and_excel_files() -> None:
    latin1 = "text\nfine\ncaf\u00e9 culture\n".encode("latin-1")
    assert problems(latin1) == ["line 3: not UTF-8 text (byte 0xe9); save the file as UTF-8"]
    assert problems(b"text\nok\n\x00\x01\x02")[0].startswith("line 3: binary data")
    assert "Excel" in problems(b"PK\x03\x04rest-of-zip")[0]


def test_bad_jsonl_lines_empty_file_and_source() -> None:
    found = problems(b'{"text": "ok"}\n{not json}\n[1, 2]\n{"text": 5}\n', "jsonl")
    assert found[0].startswith("line 2: not valid JSON")
    assert found[1].startswith("line 3: expected a JSON object")
    assert found[2] == "line 4: text must be text, not int"
    assert problems(b"") == ["line 1: the file is empty"]
    assert problems(b"text\n\n") == ["line 1: no responses in the file"]
    assert problems(b"text\nok\n", source="fax")[0].startswith("source must be one of")


def test_format_from_name_and_dates() -> None:
    assert format_for("Responses.CSV") == "csv" and format_for("a.jsonl") == "jsonl"
    with pytest.raises(ImportFileError):
        format_for("responses.xlsx")
    assert parse_received_at("2026-03-01T09:00:00+01:00") == datetime(2026, 3, 1, 8, 0)
    with pytest.raises(ValueError):
        parse_received_at("31/02/2026")


def test_fingerprint_ignores_spacing_and_case_but_not_source() -> None:
    a = parse_file(b"text,organisation\nRoads are  bad,Acme\n", "csv", "email", MAX).rows[0]
    b = parse_file(b"text,organisation\nroads are bad,ACME \n", "csv", "email", MAX).rows[0]
    assert a.fingerprint("email") == b.fingerprint("email")
    assert a.fingerprint("email") != a.fingerprint("survey")


def test_a_file_over_the_row_cap_is_refused_before_its_rows_are_checked() -> None:
    many = b"text\n" + b"".join(b"view %d\n" % n for n in range(5)) + b"x" * 50 + b"\n"
    with pytest.raises(ImportFileError) as raised:
        parse_file(many, "csv", "email", 20, max_rows=5)  # the last row is also too long
    assert raised.value.problems == [
        "the file has 6 rows; at most 5 are imported at once (IMPORT_MAX_ROWS): "
        "split it into smaller files"
    ]
    assert len(parse_file(many[: many.index(b"xx")], "csv", "email", 20, max_rows=5).rows) == 5
