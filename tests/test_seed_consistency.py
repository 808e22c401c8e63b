"""What the bot says and what seeds/ holds must not drift apart, in either direction.

- every number the bot states (domain.yml responses, seeds/questions.yml messages) is a
  figure in seeds/strategy.yml or seeds/themes.yml, or a count of a seed list;
- every headline seed figure and contact detail is stated by the bot;
- the islands and seabed the bot lists are exactly the seed themes, and the national
  strategy's grand challenges and foundations are stated as seeded;
- the privacy text the bot shows is the seeded one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.strategy import ISLAND_IDS, SEABED_IDS, load_strategy, load_themes

ROOT = Path(__file__).resolve().parent.parent
# A figure, not part of a name: "A41", "M40" and "HS2" are roads and a railway, not numbers
# the bot states (set O's example answers name the A41).
NUMBER = re.compile(r"(?<![A-Za-z\d])£?\d[\d,]*(?:\.\d+)?(?:bn|m)?")
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
COUNTED = re.compile(
    r"\b(" + "|".join(NUMBER_WORDS) + r")\s+(islands|seabed drivers|grand challenges|"
    r"foundations of productivity|foundations)\b",
    re.IGNORECASE,
)


def _norm(text: str) -> str:
    return " ".join(text.replace("–", "-").split())


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _numbers(text: str) -> set[str]:
    found = set()
    for raw in NUMBER.findall(text):
        value = raw.lstrip("£").replace(",", "")
        value = value[:-2] if value.endswith("bn") else value.rstrip("m")
        found.add(value.rstrip(".") or raw)
    return found


@pytest.fixture(scope="module")
def domain() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def questions() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "seeds" / "questions.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bot_texts(domain: dict[str, Any], questions: dict[str, Any]) -> dict[str, str]:
    """Every text the bot can send, by where it comes from."""
    texts: dict[str, str] = {}
    for name, variants in domain["responses"].items():
        for i, variant in enumerate(variants):
            parts = [variant.get("text", "")] + [b["title"] for b in variant.get("buttons", [])]
            texts[f"domain:{name}:{i}"] = _norm(" ".join(parts))
    for section in ("islands", "seabed", "messages"):
        for i, text in enumerate(_strings(questions[section])):
            texts[f"questions:{section}:{i}"] = _norm(text)
    for slot, text in questions["profile"].items():
        if slot != "size_bands":  # answer options, not facts about the strategy
            texts[f"questions:profile:{slot}"] = _norm(text)
    return texts


@pytest.fixture(scope="module")
def seed_numbers() -> set[str]:
    strategy = load_strategy()
    themes = yaml.safe_load((ROOT / "seeds" / "themes.yml").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in (strategy, themes):
        stack = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, bool):
                continue
            elif isinstance(item, (int, float)):
                found.add(str(item))
            elif isinstance(item, str):
                found |= _numbers(item)
            else:  # dates
                found |= _numbers(str(item))
    national = strategy["national_strategy"]
    found |= {
        str(len(ISLAND_IDS)),
        str(len(SEABED_IDS)),
        str(len(load_themes())),
        str(len(national["grand_challenges"])),
        str(len(national["foundations_of_productivity"])),
    }
    return found


def test_every_number_the_bot_states_is_in_the_seeds(
    bot_texts: dict[str, str], seed_numbers: set[str]
) -> None:
    stray = {
        where: sorted(_numbers(text) - seed_numbers)
        for where, text in bot_texts.items()
        if _numbers(text) - seed_numbers
    }
    assert not stray, f"numbers the bot states that seeds/ does not hold: {stray}"


def test_every_counted_list_matches_the_seeds(bot_texts: dict[str, str]) -> None:
    national = load_strategy()["national_strategy"]
    expected = {
        "islands": len(ISLAND_IDS),
        "seabed drivers": len(SEABED_IDS),
        "grand challenges": len(national["grand_challenges"]),
        "foundations": len(national["foundations_of_productivity"]),
        "foundations of productivity": len(national["foundations_of_productivity"]),
    }
    checked = 0
    for where, text in bot_texts.items():
        for word, noun in COUNTED.findall(text):
            assert NUMBER_WORDS[word.lower()] == expected[noun.lower()], (where, word, noun)
            checked += 1
    assert checked >= 3


def test_all_buttons_count_the_themes(questions: dict[str, Any]) -> None:
    messages = questions["messages"]
    assert messages["all_islands_button"].lower() == f"all {_word(len(ISLAND_IDS))}"
    assert messages["all_seabed_button"].lower() == f"all {_word(len(SEABED_IDS))}"


def _word(n: int) -> str:
    return {v: k for k, v in NUMBER_WORDS.items()}[n]


def _money(value: float) -> str:
    return f"£{value:g}bn"


def test_every_headline_seed_figure_is_stated(domain: dict[str, Any]) -> None:
    strategy = load_strategy()
    arc = strategy["arc"]
    involved = strategy["get_involved"]
    said = _norm(" ".join(v["text"] for vs in domain["responses"].values() for v in vs))
    headline = [
        f"{arc['trend']['extra_jobs']:,}",
        _money(arc["trend"]["extra_output_gbp_bn"]),
        f"{arc['transformational']['extra_jobs']:,}",
        _money(arc["transformational"]["extra_gva_gbp_bn"]),
        str(arc["horizon_year"]),
        arc["analysis_for"],
        strategy["next_steps"]["board_meeting"],
        strategy["preparation"]["commissioned"],
        strategy["lis"]["lep_kind"],
        involved["contact_name"],
        involved["email"],
        involved["phone"],
        involved["twitter"],
        involved["hashtag"],
        *strategy["national_strategy"]["grand_challenges"],
        *strategy["national_strategy"]["foundations_of_productivity"],
    ]
    missing = [fact for fact in headline if fact not in said]
    assert not missing, f"seed facts the bot never states: {missing}"


def test_islands_and_seabed_listed_are_exactly_the_seed_themes(domain: dict[str, Any]) -> None:
    text = domain["responses"]["utter_faq/islands_seabed"][0]["text"]
    listed = [line[2:].strip() for line in text.splitlines() if line.startswith("- ")]
    assert listed == [t.name for t in load_themes()]


def test_theme_names_the_bot_offers_for_correction_are_the_seed_themes() -> None:
    from bot.consultation.questions import message

    text = message("ask_theme_correction")
    names = text.split("The themes are:", 1)[1].strip().rstrip(".").split(", ")
    assert names == [t.name for t in load_themes()]


def test_contact_details_the_bot_states_are_the_seeded_ones(bot_texts: dict[str, str]) -> None:
    involved = load_strategy()["get_involved"]
    for where, text in bot_texts.items():
        for email in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text):
            assert email in (involved["email"], "name@company.co.uk"), (where, email)
        for handle in re.findall(r"(?<![\w.])[@#]\w+", text):
            assert handle in (involved["twitter"], involved["hashtag"]), (where, handle)


def test_privacy_text_is_the_seeded_one(domain: dict[str, Any]) -> None:
    privacy = load_strategy()["privacy"]
    seeded = _norm(" ".join(privacy[k] for k in ("stored", "readers", "withdraw", "declined")))
    assert _norm(domain["responses"]["utter_privacy"][0]["text"]).endswith(seeded)
    assert _norm(domain["responses"]["utter_faq/data_privacy"][0]["text"]) == seeded


def test_the_drift_check_catches_a_changed_figure(
    bot_texts: dict[str, str], seed_numbers: set[str]
) -> None:
    """Guard the guard: a figure changed in the bot's words is noticed."""
    arc_text = next(t for w, t in bot_texts.items() if "utter_faq/arc" in w)
    assert not _numbers(arc_text) - seed_numbers
    assert _numbers(arc_text.replace("335,000", "350,000")) - seed_numbers == {"350000"}


def test_the_arc_answer_names_the_seeded_partners(bot_texts: dict[str, str]) -> None:
    """ "who's doing the other strategies in the arc?" (set BC): the partners are the
    seeds' own, so the answer cannot name a body the strategy page does not."""
    arc_text = next(t for w, t in bot_texts.items() if "utter_faq/arc" in w)
    for partner in load_strategy()["arc"]["partners"]:
        assert partner in " ".join(arc_text.split()), partner
