"""A clause that states a need outright carries its theme: staff it cannot hire are
education_skills, premises it cannot find are infrastructure (GUIDE.md, `needs.py`)."""

from __future__ import annotations

import pytest

from bot.tagging.needs import stated_needs
from tests.tagging.conftest import training_agreement


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("#bucksLIS our taxi app launches next month, need 20 more drivers", "education_skills"),
        ("cant get qualified sparkys anywhere", "education_skills"),
        # training nobody offers, and no land for firms (sets AY, BA)
        ("and nobody's trained a new shooting coach round here in years.", "education_skills"),
        ("theres no course for it anywhere near here", "education_skills"),
        ("nearest arb course is merrist wood in surrey", "education_skills"),
        ("theres not one plot for a business in the whole masterplan", "infrastructure"),
        ("and theres no sparks trained on 350kw kit", "education_skills"),  # set BC
        # set BD
        (
            "planning wont let us grow our recycling yard cos its next to a new estate",
            "infrastructure",
        ),
        ("the AONB rules wont let us put up a barn to store the marquees", "infrastructure"),
        ("our building in Stoke Mandeville hasn't the room for one anyway", "infrastructure"),
        ("and nobody round here has a C1 licence", "education_skills"),
        ("council letting us have a depot unit near the market square", "infrastructure"),
        # sets BF and BG
        ("we could double our making room if we could find trained cutters", "education_skills"),
        ("a gaffer and rigging course at the film school", "education_skills"),
        ("because nobody else in the county teaches it", "education_skills"),
        ("Bucks New University could add a design-for-additive module", "education_skills"),
        ("we could sell that as a service if we had the software skills", "education_skills"),
        ("plus the vehicle dynamics engineers all go to the f1 teams", "education_skills"),
        ("there isn't a calibration engineer to be hired for miles", "education_skills"),
        ("the film school adding a short module on access services", "education_skills"),
        ("the lep pushing for small flexible units on the silverstone side", "infrastructure"),
        ("Bucks New Uni letting start-ups use its labs at cost", "infrastructure"),
        ("the council finding us a paddock with stables we can rent", "infrastructure"),
        ("wer a vfx shop in iver. need compers", "education_skills"),
        ("and a steady pipeline of biomedical engineers", "education_skills"),
        ("we can't find anyone who's done it before", "education_skills"),
        ("staffing is already a nightmare", "education_skills"),
        ("Recruting dental nurses is the real problem though", "education_skills"),
        ("we now need someone who can make sense of the data", "education_skills"),
        ("could do with somebody who knows five-axis CNC", "education_skills"),
        ("logistics software co on the MK border, hard to find devs", "education_skills"),
        ("we need a test range and two welders", "education_skills"),
        ("and our laminators get poached by the teams", "education_skills"),
        ("propulsion engineers are scarce, we poach from each other", "education_skills"),
        ("but cyber people want London rates", "education_skills"),
        ("data scientists leave for London salaries", "education_skills"),
        # people, said as plainly as a trade (sets O and P)
        ("Same as everyone. Can't get people.", "education_skills"),
        ("driver shortage is killing us", "education_skills"),
        ("Today there's no one for me to hand the trade on to.", "education_skills"),
        ("two retired this year with nobody to replace them", "education_skills"),
        ("no people, no room, no bank that'll lend", "education_skills"),
        ("Said it in my last message really, it's the hiring", "education_skills"),  # set AR
        ("the problem is recruitment, always has been", "education_skills"),
        ("We've got the orders but nowhere to put another machine", "infrastructure"),
        # business support asked for or had: entrepreneurialism
        ("Some impartial advice on whether AI is worth it would help", "entrepreneurialism"),
        # unseen set AE: support to get through a process, and raising money
        ("there's nobody local who'll walk a small supplier through it", "entrepreneurialism"),
        ("we'd have the evidence to raise our next round", "entrepreneurialism"),
        # set BI: training paid for, shifts nobody can staff, premises rent called dear
        ("and the LEP part-funding the soldering training", "education_skills"),
        ("cant staff the evening shifts bc theres no bus back", "education_skills"),
        ("marlow rents for even a tiny edit suite are mad", "infrastructure"),
        ("would love links to the AI researchers at oxford", "entrepreneurialism"),
        ("and cheap loans for drivers switching to electric", "entrepreneurialism"),
        ("Someone to explain export controls to us.", "entrepreneurialism"),
        ("we had a mentor through the university for six months", "entrepreneurialism"),
        ("we need somewhere bigger", "infrastructure"),
        ("we need sound stages AND a workforce", "infrastructure"),
        ("we'd need a much bigger yard to stock for them", "infrastructure"),
        ("Cheaper sound stages for small productions.", "infrastructure"),
        ("the new town centre schemes should include affordable units", "infrastructure"),
        ("we've outgrown the unit", "infrastructure"),
        ("there are no units to rent in Thame", "infrastructure"),
        ("the new estates at Aylesbury have no workshops or units for trades", "infrastructure"),
        ("there's not enough lab space near Stoke Mandeville", "infrastructure"),
        ("the town has hardly any small offices", "infrastructure"),
        # the trade ageing out, and a number of a trade the list does not name (set P)
        ("The two people who can calibrate it are both near retirement.", "education_skills"),
        ("Most are over sixty and nobody's coming up behind them.", "education_skills"),
        ("the people who can design for a launch are all over 55 and retiring", "education_skills"),
        ("the average age of our drivers is 54", "education_skills"),
        ("Need 2 CNC setters. Anyone?", "education_skills"),
        ("Vets are in terrible short supply", "education_skills"),
        ("our developers keep leaving for the big banks in london", "education_skills"),
        ("a family firm can't compete on salary with the labs", "education_skills"),
        ("Four months of adverts, nothing.", "education_skills"),
        ("we advertised the role twice and got no applicants", "education_skills"),
        ("we need a draughtsperson who knows the software", "education_skills"),
        ("we've had the advert up for eight months", "education_skills"),
        ("the kit is here; what it lacks is colourists", "education_skills"),
        ("we've outgrown our farm barn", "infrastructure"),
        ("we need a bigger shed with a taller door", "infrastructure"),
        ("@btvlep bank says no", "entrepreneurialism"),
        ("the lep introducing small firms to the westcott tenants", "entrepreneurialism"),
        ("cnat get aprentices", "education_skills"),
        ("the council letting the empty shops to firms like us cheap", "infrastructure"),
        ("the banks want 3 yrs of accounts before they'll talk", "entrepreneurialism"),
        ("finding people who get both lorries and code", "education_skills"),
        # set AG
        ("half the rota is empty for lack of HGV drivers", "education_skills"),
        ("nowhere near us trains installers on heat pumps", "education_skills"),
        ("the UTC could run an evening class in CAD for our lads", "education_skills"),
        ("we'd snap up a bigger workshop in Thame if one came on the market", "infrastructure"),
        ("there isn't a suitable building anywhere near Haddenham", "infrastructure"),
        ("we'd have to double the size of our lab to take the contract", "infrastructure"),
        ("the rates on our Thame workshop went up a third", "infrastructure"),
        # set AI
        ("an HNC module with the university on harness design", "education_skills"),
        ("our trainee surveyors head off to London after two years", "education_skills"),
        # set U
        ("a meet the buyer event with the big primes would help", "entrepreneurialism"),
        ("the roof leaks and there is nothing else to rent in Tring", "infrastructure"),
        ("cheaper warehouse space near the M40", "infrastructure"),
    ],
)
def test_a_need_said_outright_carries_its_theme(text: str, theme: str) -> None:
    assert theme in stated_needs([text])


@pytest.mark.parametrize(
    "text",
    [
        "we don't need premises and we're not hiring",
        "plenty of room to grow at Westcott",
        "we need more customers in Aylesbury",
        "we're looking for investors, not staff advice",  # 'staff' is governed by 'advice'
        "can't find EU distributors",
        "we need to move quickly on this",
        "we want in on any living laboratory there",
        "we need more lab technicians",  # staff, not premises
        "our office is in Marlow and we rent a unit",
        "we never struggle to attract people, they love the Chilterns",
        "can't get our staff to work on time because of the A41",
        "we need someone who can tell us which grants we qualify for",
        "we need people who can afford to shop here",
        "our poached eggs on sourdough are what people come for",
        "London rates for office space are double ours",
        "No issues with premises, we own our building.",
        "we can't get people to visit the farm shop in winter",  # customers, not staff
        "we couldn't get anyone at the council to reply",
        "the youth service uses our mentoring platform",  # a product, not support
        "we don't need advice, we need customers",
        "we need a few investors who understand hardware",
        "we need two more years of runway",
        "our founders are both over sixty and love it",  # no one leaving the trade
        "our customers keep coming back to us",  # not staff leaving
        "we compete on quality, not on price",
        "our adverts on the buses brought in lots of customers",
        "we've outgrown the kitchen table",  # a figure of speech for starting out
        "the bank says yes to everyone but us",
        "finding someone who understands the medical device rules",  # advice, not a hire
        "what we lack is a board member who has scaled a firm",  # advice, not a hire
        "there's a lack of interest from clinicians",  # not a shortage of them
        "take a photo of the unit if you like",
        "our customers leave for London on the 7:10 train",  # customers, not staff
        "we sell modules to universities",  # a product, not a course
        "we run a 9-hole golf course near Wendover",  # a business, not training
        "that's the hiring process sorted, now the premises",  # done, not a shortage
    ],
)
def test_no_need_is_read_into_other_words(text: str) -> None:
    found = stated_needs([text])
    assert "entrepreneurialism" not in found
    if "lab technicians" in text:
        assert found == {"education_skills": "need more lab technicians"}
    else:
        assert "infrastructure" not in found
        assert "education_skills" not in found or "investors" in text


def test_the_need_must_sit_in_one_clause() -> None:
    # the need word of one clause does not reach a noun in the next
    assert stated_needs(["we need more time", "the unit next door is lovely"]) == {}


def test_the_rules_agree_with_the_training_labels() -> None:
    """On the training messages (labelled by many writers, never by these rules) a clause the
    rules fire on carries the theme in the writer's labels at least 95% of the time: the rules
    are a union over the classifier, so a stray firing is a wrong tag."""
    fired, agreed = training_agreement(stated_needs)
    assert fired >= 200  # the rules are not so narrow that they never fire
    assert agreed / fired >= 0.95


def test_the_engine_tags_a_second_subject_that_is_a_need(trained_engine: object) -> None:
    [vfx, greeting] = trained_engine.tag_many(  # type: ignore[attr-defined]
        [
            "We're a small VFX house in Iver and we can't find compositors anywhere",
            "Hello! We don't need premises, just saying hi",
        ]
    )
    assert {"creative_digital", "education_skills"} <= set(vfx.themes)
    assert any(e.startswith("need: ") for e in vfx.evidence["education_skills"])
    assert "infrastructure" not in greeting.themes


def test_rent_on_premises_is_premises_and_rent_on_a_home_is_not() -> None:
    assert "infrastructure" in stated_needs(["hi we do props for pinewood, rents on units r mad"])
    assert "infrastructure" not in stated_needs(["the rent on my flat is mad"])


@pytest.mark.parametrize(
    "text",
    [
        "Also the rent for shop go up every year, is too much for small business",
        "commercial rents in Chesham are pushing the independents out",
        "office rents in Marlow are London prices now",
        "rents on our shops have doubled since the bypass opened",
    ],
)
def test_what_a_shop_or_office_costs_to_rent_is_premises(text: str) -> None:
    assert "infrastructure" in stated_needs([text])


@pytest.mark.parametrize(
    "text",
    [
        "our staff can't afford the rent on a flat near the shop",
        "we rent out shop fittings to pop-ups",
        "the rent here is mad for young people",
    ],
)
def test_rent_near_a_shop_is_not_the_shops_rent(text: str) -> None:
    assert "infrastructure" not in stated_needs([text])


@pytest.mark.parametrize(
    "text",
    [
        "we're in the Chilterns AONB so planning won't let us put in a mezzanine",
        "the council turned down our application to extend the workshop",
        "we were refused permission to extend twice",
        "the landlord won't let us expand into the unit next door",
        "honestly we're stuck for space",
    ],
)
def test_premises_the_firm_may_not_grow_are_premises(text: str) -> None:
    # GUIDE.md files premises under infrastructure; set X of unseen conversations had the
    # mezzanine, and the training data labels blocked extensions so
    assert "infrastructure" in stated_needs([text])


@pytest.mark.parametrize(
    "text",
    [
        "planning refused my neighbour a loft extension, good",
        "the bank won't let us expand",
        "they refused our grant application",
        "the bank turned us down so we could not expand",
    ],
)
def test_a_refusal_of_something_else_is_not_premises(text: str) -> None:
    assert "infrastructure" not in stated_needs([text])


@pytest.mark.parametrize(
    "text",
    [
        "We've been refused an extension to our unit twice.",
        "we're looking for cleanroom space near Westcott",
        "renting desks at pinewood is stupid money",
        "renting a unit at Westcott is a fortune",
    ],
)
def test_clean_rooms_and_premises_rented_are_premises(text: str) -> None:
    assert "infrastructure" in stated_needs([text])


@pytest.mark.parametrize(
    "text",
    ["we have been renting out the studio to bands", "we rent kit to film crews"],
)
def test_renting_out_or_renting_kit_is_not_premises(text: str) -> None:
    assert "infrastructure" not in stated_needs([text])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("what would help most is cheaper space near the studios", True),
        ("affordable space for a second production line", True),
        ("a unit we can actually afford would change everything", True),
        ("a lab I could afford, anywhere in the county", True),
        ("thousands of new homes and not one workshop unit", True),
        ("not a single unit to rent in the whole town", True),
        ("not one person applied", False),
        ("cheap space launches are the future of the sector", False),
        ("we can afford the rent, it's staff we lack", False),
    ],
)
def test_cheap_space_affordable_premises_and_not_one_unit_are_premises(
    text: str, found: bool
) -> None:
    assert ("infrastructure" in stated_needs([text])) is found


@pytest.mark.parametrize(("module", "name"), [("staff_needs", "_HIRING"), ("premises", "PREMISES")])
def test_looking_for_a_letter_first_finds_the_same_phrases(module: str, name: str) -> None:
    """The hiring and premises rules are tried only where a letter (or the text) starts: on
    the training messages, and where the text opens with punctuation or a capital, they
    find what the plain pattern finds."""
    import re
    from importlib import import_module

    from bot.tagging.training.data import load_train

    served = getattr(import_module(f"bot.tagging.{module}"), name)
    plain = re.compile(served.pattern.removeprefix("(?:(?=[a-z])|^)(?:")[:-1], served.flags)
    texts = [e.text for e in load_train()[::3]] + [
        "- room to grow is what we lack",
        "Room to expand, that's all",
        "A night class at the UTC would do it",
        "...can't find welders",
        "NEED 3 MORE DRIVERS",
    ]
    found = 0
    for text in texts:
        a, b = served.search(text), plain.search(text)
        assert (a and (a.start(), a.group(0))) == (b and (b.start(), b.group(0))), text
        found += a is not None
    assert found > 100


@pytest.mark.parametrize(
    ("text", "premises"),
    [
        ("nobody will give us a lease longer than 6 months", True),
        ("the lease on our unit is up next year", True),
        ("landlords all want ten-year leases", True),
        ("Need: a proper unit and an investor", True),
        # vehicles leased are not premises
        ("we convert electric vans and lease them to couriers", False),
        ("We lease electric pool cars for the sales team", False),
        ("a lease car scheme for staff", False),
    ],
)
def test_a_lease_is_on_premises_and_a_vehicle_lease_is_not(text: str, premises: bool) -> None:
    assert ("infrastructure" in stated_needs([text])) is premises


@pytest.mark.parametrize(
    ("clauses", "found"),
    [
        (["Lorry drivers", "Can't get them. Anywhere"], {"education_skills"}),
        (["Qualified electricians", "we just cant find any"], {"education_skills"}),
        # what cannot be had is no worker
        (["The trains", "Can't get them on time"], set()),
        # the words before say more than what is lacked
        (["We have plenty of work for drivers this year", "can't get them"], set()),
    ],
)
def test_a_need_that_names_its_lack_in_the_clause_before(
    clauses: list[str], found: set[str]
) -> None:
    assert set(stated_needs(clauses)) == found


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("there's nobody local who can wrap vinyl to a film-set finish", True),
        ("there isn't a trained dubbing mixer for miles", True),
        ("the film school running evening sound courses that we could host", True),
        ("new drivers wait 4 months for a PCV test", True),
        ("We could double in size if we could find laminators.", True),
        ("our drivers' average age is 58, no youngsters coming through", True),
        # what could be had is no worker, and young customers are not staff
        ("We'd expand if we could get a loan and a bigger unit", False),
        ("no young people come to the high street any more", False),
        ("We design the lidar mounts that go on self-driving test cars.", False),
        # advice is not a hire, and being unable to afford is no skill
        ("there's no one locally who can advise us on export controls", False),
        ("nobody can afford to rent here", False),
    ],
)
def test_skills_lacking_said_in_other_words(text: str, skills: bool) -> None:
    assert ("education_skills" in stated_needs([text])) is skills


@pytest.mark.parametrize(
    ("text", "premises"),
    [
        ("And where would we even put a second foam-cutting machine in this workshop?", True),
        ("we've got nowhere to put another press", True),
        ("where do we put the bins on collection day?", False),
    ],
)
def test_no_room_for_another_machine_is_premises(text: str, premises: bool) -> None:
    assert ("infrastructure" in stated_needs([text])) is premises


@pytest.mark.parametrize(
    ("text", "theme", "stated"),
    [
        # sets AV and AW of unseen conversations: the second subject lost to the first
        ("The council letting us use the empty depot on Thorney Lane", "infrastructure", True),
        ("UKPN and the council agreeing a fast track for depot chargers", "infrastructure", True),
        ("3 phase power. the unit we want on the park is single phase", "infrastructure", True),
        ("we cant get anyone who can wire a three-phase board", "infrastructure", False),
        ("there's nobody local to advise a 9 person studio", "entrepreneurialism", True),
        ("nobody to help on the farm at harvest", "entrepreneurialism", False),
    ],
)
def test_power_empty_buildings_and_no_one_to_advise(text: str, theme: str, stated: bool) -> None:
    assert (theme in stated_needs([text])) is stated


@pytest.mark.parametrize(
    ("text", "theme", "stated"),
    [
        # set AG of unseen messages: the second subject lost to the first
        ("Rent on our e-bike hire depot at Globe Park just went up 30%", "infrastructure", True),
        ("the rent on our house went up again", "infrastructure", False),
        ("there isn't a shed big enough anywhere north of Wendover", "infrastructure", True),
        ("the shed is big enough for now", "infrastructure", False),
        ("half our toolmakers retire in 5 yrs", "education_skills", True),
        ("most of our customers are retiring to the coast", "education_skills", False),
        ("we lost an order because we couldn't staff a second shift", "education_skills", True),
        ("we couldn't stand the traffic any more", "education_skills", False),
    ],
)
def test_dearer_rent_no_shed_big_enough_and_a_trade_retiring(
    text: str, theme: str, stated: bool
) -> None:
    assert (theme in stated_needs([text])) is stated
