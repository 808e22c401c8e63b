"""Sub-themes of a theme: discover, keep staff's curation, and list them.

A run keeps every curated sub-theme (staff renamed, merged, split or moved into it) and its
members; new and unplaced responses go to the most similar curated sub-theme when their
cosine to its centroid reaches `ASSIGN_FLOOR`; what fits none is clustered afresh into
proposals (uncurated sub-themes are re-proposed on every run). Responses staff put in
"unassigned" stay there. Every change is audited.

The package: `runs` (a run), `listing` (reading), `curation` (staff's edits), `shared`.
"""

from bot.findings.subthemes.curation import create, merge, move, rename, split
from bot.findings.subthemes.listing import (
    SubthemeView,
    ThemeSubthemes,
    counts_by_theme,
    listing,
)
from bot.findings.subthemes.runs import ASSIGN_FLOOR, RunResult, run, unencoded
from bot.findings.subthemes.shared import SubthemeError, theme_responses, theme_responses_for

__all__ = [
    "ASSIGN_FLOOR",
    "RunResult",
    "SubthemeError",
    "SubthemeView",
    "ThemeSubthemes",
    "counts_by_theme",
    "create",
    "listing",
    "merge",
    "move",
    "rename",
    "run",
    "split",
    "theme_responses",
    "theme_responses_for",
    "unencoded",
]
