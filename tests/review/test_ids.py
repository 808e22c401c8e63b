"""One reading of record ids (bot/review/ids.py): ASCII digits within the id columns' range."""

from __future__ import annotations

import pytest

from bot.review.ids import MAX_ID, parse_id, parse_ids


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", 1),
        ("0042", 42),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),  # PostgreSQL's int4: "integer out of range", a 500
        (str(2**63), None),  # SQLite: OverflowError, a 500
        ("9" * 25, None),
        ("²", None),  # str.isdigit() says yes, int() raises: a 500 (attack probe, 7 Dec)
        ("١٢", None),  # Arabic-Indic digits: int() reads them, no id is spelt so
        ("-1", None),
        (" 1", None),
        ("1\n", None),
        ("", None),
        (None, None),
        (7, None),
    ],
)
def test_parse_id(raw: object, expected: int | None) -> None:
    assert parse_id(raw) == expected


def test_parse_ids_keeps_only_the_valid_ones_in_order() -> None:
    assert parse_ids(["3", "²", "9" * 25, "1"]) == [3, 1]
