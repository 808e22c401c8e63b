"""A road that is only where a driverless trial runs or where the air is bad, and the rent of
a home, do not carry infrastructure; the rent of premises alone does not carry
environment_quality_of_life (GUIDE.md, `incidental_infrastructure.py`)."""

from __future__ import annotations

import pytest

from bot.tagging.clean import clean
from bot.tagging.incidental_infrastructure import only_incidental, only_premises_rent
from bot.tagging.needs import stated_needs
from bot.tagging.segments import segments
from bot.tagging.training import data as tagdata
from tests.tagging.conftest import switched


def _setting(text: str) -> str | None:
    return only_incidental(segments(clean(text) or text))


@pytest.mark.parametrize(
    "text",
    [
        "Let us trial our shuttle on public roads in Aylesbury.",
        "Nobody will insure a driverless shuttle on a public road yet.",
        "Our autonomous pods could be tested along a real high street tomorrow",
        "we need a council willing to let self-driving vans run on its roads",
        "Public-road trials for connected cars, please #bucksLIS",
        "Electric buses designed in the Arc, running on Bucks roads. Why not?",
        "the air on Desborough Road is still awful for our riders",
        "Diesel fumes along the A40 at school pick-up are disgusting",
        "we r a small vfx co in iver, cant get staff cos rents r mad round here",
        "cant find a 3 bed to rent in buckingham under 1600 how r we meant to get staff",
        "our graduates can't afford to rent anywhere near Marlow",
    ],
)
def test_an_incidental_road_or_rent_is_found(text: str) -> None:
    assert _setting(text)


@pytest.mark.parametrize(
    "text",
    [
        # the road's own state is the view
        "potholes wreck our autonomous test cars on the roads round Buckingham",
        "Our driverless pods need a segregated lane on the road to be worth trialling",
        "the roads there are so bad our driverless trials keep getting cancelled",
        # another link, premises or utility beside the setting
        "Trials on public roads, yes, but first the A41 needs dualling",
        "We trial autonomous shuttles on public roads and need a bigger workshop",
        "air on the high street is awful and the trains are worse",
        "Autonomous shuttles between Aylesbury station and the hospital",
        # no setting at all
        "The A43 is a daily fight",
        "our shuttle works on private land only",
        # the rent of premises, or rent beside another link
        "rents on units in Iver are mad",
        "our landlord wants to double the rent and the staff are worried",
        "staff can't afford the rents and the trains are awful",
        "the upload speed is hopeless and our junior editors can't afford the rent",
    ],
)
def test_a_road_or_rent_that_is_the_subject_is_not_incidental(text: str) -> None:
    assert _setting(text) is None


def test_the_rule_agrees_with_the_training_labels() -> None:
    """On the training messages (never labelled with this rule in mind) a message the rule
    fires on is labelled without infrastructure at least 95% of the time."""
    fired = agreed = 0
    for path in tagdata.TRAIN_PATHS:
        for example in tagdata.load(path):
            if _setting(example.text):
                fired += 1
                agreed += "infrastructure" not in example.themes
    assert fired >= 15
    assert agreed / fired >= 0.95


def test_the_engine_withholds_infrastructure_only_for_a_setting(trained_engine: object) -> None:
    engine = trained_engine
    config = engine.config  # type: ignore[attr-defined]
    texts = [
        "Let us trial our driverless shuttle on public roads in Aylesbury.",
        "Let us trial our driverless shuttle on public roads, and fix the potholes first.",
    ]
    saved = config.get("incidental_infrastructure")
    try:
        config["incidental_infrastructure"] = True
        setting, pothole = engine.tag_many(texts)  # type: ignore[attr-defined]
        config["incidental_infrastructure"] = False
        before, _ = engine.tag_many(texts)  # type: ignore[attr-defined]
    finally:
        config["incidental_infrastructure"] = saved
    assert "intelligent_mobility" in setting.themes
    assert "infrastructure" not in setting.themes
    assert setting.scores["infrastructure"] <= before.scores["infrastructure"]
    assert "infrastructure" in pothole.themes


def test_the_question_asked_about_roads_keeps_infrastructure(trained_engine: object) -> None:
    with switched(trained_engine, "incidental_infrastructure") as engine:
        [answer] = engine.tag_many(  # type: ignore[attr-defined]
            ["driverless shuttles on public roads"], ["seabed:infrastructure:barriers"]
        )
    assert "infrastructure" in answer.themes


def _premises_rent(text: str) -> bool:
    cleaned = segments(clean(text) or text)
    needs = [f"need: {phrase}" for phrase in stated_needs(cleaned).values()]
    return only_premises_rent(text, needs)


@pytest.mark.parametrize(
    "text",
    [
        "Rents for office space in Marlow are now higher than some parts of London.",
        "renting desks at pinewood is stupid money",
        "hi we do props n sets for pinewood jobs, rents on units in iver r mad",
    ],
)
def test_the_rent_of_premises_alone_is_found(text: str) -> None:
    assert _premises_rent(text)


@pytest.mark.parametrize(
    "text",
    [
        "rents on units in iver r mad and our juniors can't afford to live here either",
        "Office rents are silly and the countryside round here is why we stay",
        "we r a small vfx co in iver, cant get staff cos rents r mad round here",
        "Our unit is fine, it's the A41 that's the problem",
    ],
)
def test_rent_beside_people_homes_or_surroundings_is_not_premises_alone(text: str) -> None:
    assert not _premises_rent(text)


def test_the_premises_rent_rule_agrees_with_the_training_labels() -> None:
    """Where it holds, the writers left environment_quality_of_life off (17 of 17 when
    written)."""
    fired = agreed = 0
    for example in tagdata.load_train():
        if _premises_rent(example.text):
            fired += 1
            agreed += "environment_quality_of_life" not in example.themes
    assert fired >= 10
    assert agreed / fired >= 0.95


# Premises rent the classifier has read as quality of life in one retrain or another (which
# of them it does moves with the training data: the twenty-first session's model no longer
# hears it in the first)
PREMISES_RENT = [
    "renting desks at pinewood is stupid money",
    "office rents in Marlow are ridiculous",
    "workshop rents in Chesham are a joke",
]


def test_the_engine_withholds_quality_of_life_for_premises_rent(trained_engine: object) -> None:
    green = "environment_quality_of_life"
    with switched(trained_engine, "premises_rent", on=False) as engine:
        before = engine.tag_many(PREMISES_RENT)  # type: ignore[attr-defined]
    with switched(trained_engine, "premises_rent") as engine:
        after = engine.tag_many(PREMISES_RENT)  # type: ignore[attr-defined]
        asked = engine.tag_many(PREMISES_RENT, [f"seabed:{green}:views"] * len(PREMISES_RENT))  # type: ignore[attr-defined]
    heard = [i for i, result in enumerate(before) if green in result.themes]
    assert heard  # what the classifier hears in at least one of them
    for i in heard:
        assert green not in after[i].themes
        # the premises stay (whether Pinewood alone carries creative_digital is the
        # classifier's call, which retrains move: not what this rule decides)
        assert "infrastructure" in after[i].themes
        assert green in asked[i].themes  # the question's theme stays


@pytest.mark.parametrize(
    "text",
    [
        "We're the grooming salon on Packhorse Road. I want a second hydrobath, but no bank will "
        "lend me 12k when I've only been trading eighteen months.",
        "We're at 12 Lent Rise Road if anyone local builds that sort of booking system.",
        "Our shop is on Market Parade and the software we use for stock is ancient.",
    ],
)
def test_a_street_only_as_the_firms_address_is_incidental(text: str) -> None:
    """Set ES: a street named only as where the firm is carries no infrastructure."""
    assert only_incidental([text]) is not None


@pytest.mark.parametrize(
    "text",
    [
        # the street's own state, or another link or premises beside the address
        "Our shop is on Abbey Way in Wycombe and the traffic never moves.",
        "We're on Rabans Lane and the rent on our unit has doubled.",
        # a village, not a street: "Chalfont St Giles"
        "we're a recording studio in Chalfont St Giles and the power cuts keep wiping sessions",
        # lower case: "our yard on lane end road floods" is about the yard
        "our yard on lane end road floods every winter",
    ],
)
def test_an_address_beside_a_real_subject_is_not(text: str) -> None:
    assert only_incidental([text]) is None
