"""One reading of a record id from a URL, a query string or a form.

`str.isdigit()` let "²" through to `int()` (a ValueError), and an id past the database's
integer range reached the query: SQLite raised OverflowError over 2**63 and PostgreSQL
"integer out of range" over 2**31 - 1. Either was a 500 on ~40 staff routes (attack probe,
7 Dec). Every id column is an `Integer` (PostgreSQL int4), so an id is 1-10 ASCII digits
no greater than 2**31 - 1; anything else names no record: 404 in a URL, ignored or 400 in a
query or form.
"""

from __future__ import annotations

import re
from typing import Any

from werkzeug.routing import IntegerConverter, ValidationError

MAX_ID = 2**31 - 1  # the largest value an Integer column holds on PostgreSQL
ID_RE = re.compile(r"[0-9]{1,10}")


def parse_id(value: object) -> int | None:
    """The id `value` spells (ASCII digits, within MAX_ID), else None."""
    if not isinstance(value, str) or ID_RE.fullmatch(value) is None:
        return None
    number = int(value)
    return number if number <= MAX_ID else None


def parse_ids(values: list[str]) -> list[int]:
    """The valid ids among `values` (e.g. ticked checkboxes), in order."""
    return [number for number in map(parse_id, values) if number is not None]


class IdConverter(IntegerConverter):
    """Flask's `<int:...>` read with `parse_id`: werkzeug's `\\d+` matched "²" and any
    length, so a route's view got an int the database could not take."""

    regex = r"[0-9]+"

    def to_python(self, value: str) -> Any:  # noqa: ANN401 - werkzeug's signature
        number = parse_id(value)
        if number is None:
            raise ValidationError()
        return number
