"""An island only passed by in an aside carries no theme (set ES of unseen conversations,
forty-second session; GUIDE.md: a sector merely mentioned in passing does not count): staff
who left for it, a career before, a customer's living, a relative's work, visitors, the big
names as rivals, trade at an event there and a one-off job. The island stays wherever the
message says anything else about the sector."""

from __future__ import annotations

import pytest

from bot.tagging.landmarks import only_someone_elses, passing_asides


@pytest.mark.parametrize(
    ("text", "island"),
    [
        (
            "Anyone who knows remote sensing gets snapped up, and of the two we trained last "
            "year one went to Harwell and the other to a VFX firm in Soho.",
            "creative_digital",
        ),
        (
            "Our head mechanic came from a Formula 1 team and even he learnt this on the job.",
            "high_performance_technology",
        ),
        (
            "One job I had to turn down was for a chap who tests satellite thrusters for a "
            "living, shame as he was dead keen.",
            "space",
        ),
        (
            "cloud gpu time costs a fortune. my brother does the same thing in simulation for a "
            "self driving car firm in mk",
            "intelligent_mobility",
        ),
        (
            "the alpacas keep the chalk grassland grazed. had a whole crew from pinewood on a "
            "team day last month!",
            "creative_digital",
        ),
        (
            "a placement scheme so students try a small firm like ours rather than the big "
            "names at Silverstone.",
            "high_performance_technology",
        ),
        (
            "Our biggest booking is a hospitality tent at Silverstone on Grand Prix weekend, "
            "but the rent on the farm unit is up 30%.",
            "high_performance_technology",
        ),
        (
            "best pitch of the year is the festival at silverstone but the a421 queue cost us "
            "2 hrs",
            "high_performance_technology",
        ),
        (
            "Better analysis software is where we need to go. We once scanned a prop for a film "
            "at Pinewood, which was fun.",
            "creative_digital",
        ),
    ],
)
def test_an_island_only_in_an_aside_is_set_aside(text: str, island: str) -> None:
    stories = passing_asides(text)
    assert stories, "the aside is read"
    assert island in only_someone_elses(text, stories)


@pytest.mark.parametrize(
    ("text", "island"),
    [
        # the business's own sector said elsewhere in the message: the island stands
        (
            "We build race car wiring looms and our best fitter went to one of the F1 teams.",
            "high_performance_technology",
        ),
        (
            "We're a VFX house; two of our juniors left for a VFX firm in Soho.",
            "creative_digital",
        ),
        # an engine test stand is the asset itself, not an event there
        ("The test stands at Westcott are booked months out.", "space"),
        # staff who trained at a school there: where skills come from
        ("Recruitment is hard here; our best techs came from the NFTS.", "creative_digital"),
    ],
)
def test_the_island_stays_where_the_sector_is_the_subject(text: str, island: str) -> None:
    assert island not in only_someone_elses(text, passing_asides(text))
