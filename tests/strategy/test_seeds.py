"""seeds/ agrees with the theme contract in ../shared/themes/GUIDE.md and the source page."""

from __future__ import annotations

import re
from pathlib import Path

from bot.strategy import ISLAND_IDS, SEABED_IDS, THEME_IDS, load_strategy, load_themes, theme


def test_theme_ids_match_the_guide_contract(shared_dir: Path) -> None:
    guide = (shared_dir / "themes" / "GUIDE.md").read_text()
    rows = re.findall(r"^\| `([a-z_]+)` \| (island|seabed) \|", guide, flags=re.M)
    assert [(t.id, t.kind) for t in load_themes()] == rows
    assert len(ISLAND_IDS) == 5 and len(SEABED_IDS) == 7 and len(THEME_IDS) == 12


def test_every_theme_has_a_name_and_summary() -> None:
    for t in load_themes():
        assert t.name and len(t.summary) > 20
    assert theme("space").name == "Space"


def test_figures_come_from_the_source_page(shared_dir: Path) -> None:
    page = (shared_dir / "seeds" / "local-industrial-strategy.txt").read_text()
    strategy = load_strategy()
    arc = strategy["arc"]
    for figure in (
        f"{arc['trend']['extra_jobs']:,}",
        f"£{arc['trend']['extra_output_gbp_bn']}bn",
        f"{arc['transformational']['extra_jobs']:,}",
        f"£{arc['transformational']['extra_gva_gbp_bn']}bn",
        str(arc["horizon_year"]),
        strategy["next_steps"]["board_meeting"],
        strategy["get_involved"]["email"],
        strategy["get_involved"]["phone"],
        strategy["get_involved"]["hashtag"],
        strategy["preparation"]["commissioned"],
    ):
        assert figure in page, figure
    for challenge in strategy["national_strategy"]["grand_challenges"]:
        assert challenge in page
    assert len(strategy["national_strategy"]["foundations_of_productivity"]) == 5
