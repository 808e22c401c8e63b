"""Broadband, fibre and the signal alone are infrastructure, not digital science (GUIDE.md;
`connectivity.py`)."""

from __future__ import annotations

import pytest

from bot.tagging.connectivity import only_connectivity


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("Our broadband can't cope with uploading a full series in 4K", True),
        ("no 4g at the yard so drivers cant upload waste notes", True),
        ("we build apps and the broadband is awful", False),  # a digital firm
        ("the fibre is fine, it's the data protection rules", False),
        ("staff can't afford to live here", False),  # no connectivity at all
    ],
)
def test_only_connectivity(text: str, only: bool) -> None:
    assert only_connectivity(text) is only
