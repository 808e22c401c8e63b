"""The questions the bot asks, and reading which themes a business picked.

Question texts live in `seeds/questions.yml`; theme names in `seeds/themes.yml`.
Question keys are stored on each response: `island:<theme_id>:<key>` or
`seabed:<theme_id>:<key>`. No Rasa imports here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from bot.consultation.described import choice_norm, described_themes
from bot.consultation.theme_words import everyday_words
from bot.strategy import ISLAND_IDS, SEABED_IDS, THEME_IDS, load_themes, theme
from bot.strategy.loader import SEEDS_DIR

PROFILE_SLOTS = ("organisation", "sector", "size_band", "location", "role")
SKIPPED = "(skipped)"
# "all", not "what's all this seabed business" (set AE chose every driver) nor "at all"
# nor "its all composites", "it's all roads" (set BA chose every island): "all" after "it's"
# says what the business is about, not which themes
# nor "eye care is health after all" (set BK chose all five islands), "first of all",
# "all in all"
ALL_WORDS = re.compile(
    r"\b(?<!at )(?<!it's )(?<!its )(?<!it is )(?<!after )(?<!first of )(?<!all in )"
    # not "we move parcels all day" (set BS chose all five islands)
    r"(all(?! (this|that|in all|day|days|week|weeks|year|years|night|morning|the time|over|"
    r"round|around|sorts|kinds|types|along|in|our|my|we|i|us|staff|good|right|done)\b)"
    r"( of them| five| seven)?|"
    r"every( one|thing)|the lot|everything)\b"
)
# "One system for all trusts to approve a supplier" at the seabed choice (set DM chose all
# seven): "all" before a plural noun speaks of those things, not of the list
ALL_IN_PASSING = re.compile(
    r"\ball (?!(of|five|seven|three|these|those|them|the|islands|drivers|themes|options|ones|"
    r"sectors|areas|categories|apply|applies|matter|matters|count|counts|relevant|really|"
    r"please|thanks|seabeds)\b)[a-z]+s\b"
)


# "Medical technologies, high performance and space - we do a bit of all three" (set FS chose
# all five islands): "all three", "all of those three" count the ones named, not the list
ALL_COUNTED = re.compile(
    r"\ball (of )?((the|those|these|them) )?(?P<n>two|three|four|five|six|seven|[2-7])\b"
)
_COUNTED = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _without_all_counted(norm: str, listed: int) -> str:
    """`norm` without an "all three" that counts fewer than the `listed` themes."""
    said = ALL_COUNTED.search(norm)
    if said is None or int(_COUNTED.get(said["n"], said["n"])) == listed:
        return norm
    return f"{norm[: said.start()]} {norm[said.end() :]}"


@dataclass(frozen=True)
class Question:
    key: str
    theme_id: str
    kind: str
    text: str


@lru_cache(maxsize=1)
def load_questions() -> dict[str, Any]:
    with open(SEEDS_DIR / "questions.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def profile_question(slot: str) -> str:
    return load_questions()["profile"][slot]


def size_bands() -> list[str]:
    return list(load_questions()["profile"]["size_bands"])


def questions_for(theme_id: str) -> list[Question]:
    """The open questions for one theme, in order."""
    t = theme(theme_id)
    section = "islands" if t.kind == "island" else "seabed"
    return [
        Question(
            key=f"{t.kind}:{t.id}:{q['key']}",
            theme_id=t.id,
            kind=t.kind,
            text=q["text"].format(name=t.name),
        )
        for q in load_questions()[section]["questions"]
    ]


def question_queue(theme_ids: list[str]) -> list[str]:
    """Question keys for the chosen themes, theme by theme."""
    return [q.key for tid in theme_ids for q in questions_for(tid)]


def key_theme(key: str | None) -> str | None:
    """The theme a question key is on ("island:space:barriers" -> "space"); None for a
    profile field, an answer after the close or no key."""
    parts = (key or "").split(":")
    return parts[1] if len(parts) == 3 else None


def question(key: str) -> Question:
    """Look a question up by its key (KeyError if unknown)."""
    kind, theme_id, _ = key.split(":", 2)
    for q in questions_for(theme_id):
        if q.key == key:
            return q
    raise KeyError(key)


@lru_cache(maxsize=1)
def _vocabulary() -> list[tuple[str, tuple[str, ...]]]:
    """(phrase, theme ids) pairs, longest phrase first so 'digital science' beats 'digital'.

    A phrase shared by several themes ("Westcott": space and high performance technology
    in the strategy) names all of them. Sorted fully, so the order never depends on hashing.
    """
    themes_of: dict[str, set[str]] = {}
    for t in load_themes():
        phrases = {t.id.replace("_", " "), t.name, *t.assets, *everyday_words(t.id)}
        for p in phrases:
            if p:
                themes_of.setdefault(choice_norm(p).strip(), set()).add(t.id)
    order = {t: i for i, t in enumerate(THEME_IDS)}
    return [
        (phrase, tuple(sorted(ids, key=order.__getitem__)))
        for phrase, ids in sorted(themes_of.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    ]


def theme_phrases() -> list[tuple[str, tuple[str, ...]]]:
    """Every name, asset and everyday word for a theme, normalised, with the themes it
    names; longest first."""
    return _vocabulary()


def chosen_by(phrase: str, theme_ids: list[str]) -> list[str]:
    """The themes a choice naming `phrase` picks: when the strategy lists it under several
    ("Westcott": high performance technology and space), those whose own summary names it
    (space, "the Westcott cluster"), else all of them. Asked *about* such a place, the bot
    still describes every theme it belongs to (`named_themes`)."""
    if len(theme_ids) < 2:
        return theme_ids
    own = [t for t in theme_ids if f" {phrase} " in choice_norm(theme(t).summary)]
    return own or theme_ids


def match_themes(text: str, kind: str | None = None) -> list[str]:
    """Theme ids named in free text ("space and film" -> space, creative_digital).

    `kind` limits to "island" or "seabed". "all of them" means every theme of that kind.
    A place the strategy lists under several themes picks the one whose summary names it
    (`chosen_by`). Falls back to an island described ("the car one"), then the tagger, when
    no name or synonym matches; seabed drivers described ("the staff one") count beside
    those named. Order: fixed theme order.
    """
    allowed = {"island": ISLAND_IDS, "seabed": SEABED_IDS}.get(kind or "", THEME_IDS)
    norm = _without_all_counted(choice_norm(text), len(allowed))
    if ALL_WORDS.search(ALL_IN_PASSING.sub(" ", norm)):
        return list(allowed)
    found: set[str] = set()
    for phrase, theme_ids in _phrases_in(norm)[0]:
        found.update(chosen_by(phrase, [t for t in theme_ids if t in allowed]))
    if kind == "island":
        # "the racing one & whichever one the rocket place is" (set AT chose Space alone):
        # islands described count beside those named
        found |= set(described_themes(text, "island"))
    elif kind == "seabed":  # "the staff one and the roads one": both, named or described
        found |= set(described_themes(text, "seabed"))
        if found:  # "Houses and getting staff" (set BL chose housing alone): each unnamed item
            found |= _unnamed_items_themes(norm, allowed)
    if not found and len(norm) > 12:
        try:
            from bot.tagging import tag

            found = {t for t in tag(text).themes if t in allowed}
        except Exception:  # the tagger is optional here; a keyword miss just re-asks
            found = set()
    return [t for t in allowed if t in found]


REMOVE_WORDS = (
    r"drop|remove|delete|take off|take out|untag|not|no|isn't|isnt|aren't|arent|wrong|"
    r"without|doesn't|doesnt|don't|dont|shouldn't|shouldnt|irrelevant|incorrect|"
    r"nothing to do with|not relevant|get rid of|lose|scrap|"
    # "take digital science off the first one" (set AB: read as "add digital science"),
    # "knock housing off", "strip the space tag out": the verb alone, so the themes between
    # it and "off" / "out" stay for `_read_in_order` to read as removed
    r"(take|knock|get|strip|cross|leave|keep)(?=(?: [a-z'&-]+){1,5} (off|out)\b)"
)
ADD_WORDS = (
    r"add|include|plus|also|and also|tag|missing|put in|forgot|forgotten|left out|"
    r"missed|missed out"  # "you missed the skills bit" (set AD)
)
_CORRECTION_SPLIT = re.compile(rf"\b({REMOVE_WORDS}|{ADD_WORDS})\b")
_REMOVE_RE = re.compile(rf"\b({REMOVE_WORDS})\b")
_ADD_RE = re.compile(rf"\b({ADD_WORDS})\b")
_CLAUSES = re.compile(r"[,;.!?\n]+|\bbut\b|\bhowever\b|\bwhereas\b")


def parse_correction(text: str) -> tuple[list[str], list[str]]:
    """Read "drop infrastructure, add skills" as (add=[education_skills], remove=[infrastructure]).

    Clause by clause (split at punctuation and "but"): a clause with only a remove cue
    removes the themes it names wherever the cue stands ("the roads bit is wrong",
    "not space"); one with only an add cue, or none, adds them; one with both is read in
    order (themes after "drop" are removed, after "add" added; before either, added).
    """
    add: list[str] = []
    remove: list[str] = []
    for clause in _CLAUSES.split(text.replace("\u2019", "'")):
        norm = choice_norm(clause)
        names = names_only(norm)
        if not names:
            continue
        removing, adding = bool(_REMOVE_RE.search(norm)), bool(_ADD_RE.search(norm))
        if removing and not adding:
            remove.extend(names)
        elif adding and not removing or not (adding or removing):
            add.extend(names)
        else:
            _read_in_order(norm, add, remove)
    add = [t for t in THEME_IDS if t in add and t not in remove]
    remove = [t for t in THEME_IDS if t in remove]
    return add, remove


def has_correction_cue(text: str) -> bool:
    """The text has a word that adds or drops themes ("drop", "add", "not", "missed")."""
    norm = choice_norm(text)
    return bool(_REMOVE_RE.search(norm) or _ADD_RE.search(norm))


def _read_in_order(norm: str, add: list[str], remove: list[str]) -> None:
    """Themes after a remove word go to `remove`, after an add word (or before any) to `add`."""
    mode = "add"
    pos = 0
    for match in _CORRECTION_SPLIT.finditer(norm):
        (remove if mode == "remove" else add).extend(names_only(norm[pos : match.start()]))
        # by the add words: a remove verb such as "take" is one only before "... off"
        mode = "add" if _ADD_RE.fullmatch(match.group(1)) else "remove"
        pos = match.end()
    (remove if mode == "remove" else add).extend(names_only(norm[pos:]))


def named_themes(text: str, among: tuple[str, ...] | list[str] = THEME_IDS) -> list[str]:
    """Themes a message names outright (names, assets, everyday synonyms; no tagger),
    in fixed order; `among` limits them (the islands, the seabed drivers)."""
    found = set(names_only(choice_norm(text)))
    return [t for t in among if t in found]


def chosen_names(text: str, among: tuple[str, ...] | list[str] = THEME_IDS) -> list[str]:
    """Themes a choice names outright, a place the strategy lists under several themes
    picking the one whose summary names it ("we are in Westcott": Space, not high performance
    technology too), in fixed order; `among` limits them."""
    found, _ = _chosen_in(choice_norm(text))
    return [t for t in among if t in found]


def _chosen_in(norm: str) -> tuple[set[str], str]:
    """The themes a normalised choice names (`chosen_by` for a place under several), and
    what is left of it."""
    matched, remaining = _phrases_in(norm)
    found = {t for phrase, theme_ids in matched for t in chosen_by(phrase, list(theme_ids))}
    return found, remaining


def only_names(text: str, besides: frozenset[str] = frozenset()) -> list[str] | None:
    """The themes a text names when it is nothing but theme names ("medical", "skills
    housing") and words of `besides`, in fixed order; None when any other word is left."""
    found, remaining = _chosen_in(choice_norm(text))
    left = [w for w in remaining.split() if w not in besides]
    return [t for t in THEME_IDS if t in found] if found and not left else None


def names_only(segment: str) -> list[str]:
    """Themes named in a segment, without the tagger fallback or "all" expansion."""
    return [t for _, theme_ids in _phrases_in(segment)[0] for t in theme_ids]


# the items of a choice listed in words ("houses, getting staff & the roads")
CHOICE_ITEM_BREAK = re.compile(r"\s*(?:,|;|\+|/|\band\b|\bplus\b)\s*")
CHOICE_ITEM_MAX_WORDS = 4  # an item, not a view ("we can't get staff because ...")


def _unnamed_items_themes(norm: str, allowed: tuple[str, ...]) -> set[str]:
    """The themes the tagger reads in each short item of a listed choice that names and
    describes none ("Houses" and "getting staff" beside a named driver)."""
    from bot.tagging import tag

    found: set[str] = set()
    for item in CHOICE_ITEM_BREAK.split(norm.strip()):
        words = item.split()
        if not 0 < len(words) <= CHOICE_ITEM_MAX_WORDS or _phrases_in(item)[0]:
            continue
        if described_themes(item, "seabed"):
            continue
        found |= {t for t in tag(item).themes if t in allowed}
    return found


def _phrases_in(segment: str) -> tuple[list[tuple[str, tuple[str, ...]]], str]:
    """The theme phrases a normalised segment holds, longest first, each taken out before
    the next is looked for ("digital science" is not also "digital"); and what is left."""
    matched: list[tuple[str, tuple[str, ...]]] = []
    remaining = f" {segment.strip()} "
    for phrase, theme_ids in _vocabulary():
        needle = f" {phrase} "
        if needle in remaining:
            matched.append((phrase, theme_ids))
            remaining = remaining.replace(needle, "  ")
    return matched, remaining


def theme_names(theme_ids: list[str]) -> str:
    """'Space, Infrastructure and Education and skills' style list of names."""
    names = [theme(t).name for t in theme_ids]
    if not names:
        return "none"
    if len(names) == 1:
        return names[0]
    return "; ".join(names[:-1]) + " and " + names[-1]


def message(key: str, **values: object) -> str:
    """A bot message from `seeds/questions.yml` `messages`, with seed facts filled in (and
    the longest message the channels accept: "is there a limit?", set FN)."""
    from bot.config import settings
    from bot.strategy import load_strategy

    involved = load_strategy()["get_involved"]
    context: dict[str, object] = {
        "theme_names": ", ".join(t.name for t in load_themes()),
        "max_message_chars": settings().max_message_chars,
        **involved,
        **values,
    }
    text = load_questions()["messages"][key]
    return " ".join(str(text).split()).format(**context) if isinstance(text, str) else text


def section_text(section: str, key: str) -> str:
    """`islands`/`seabed` intro and ask texts, whitespace-normalised."""
    return " ".join(load_questions()[section][key].split())


# An island question named by its own words ("the opportunities one", "the barriers
# question", "what would help"): stem -> the question's kind in its key
_KIND_STEMS = {
    "opportunit": "opportunities",
    "barrier": "barriers",
    "problem": "barriers",
    "what would help": "help",
    "help": "help",
}


def question_kind(words: str) -> str | None:
    """The kind of island question ("opportunities", "barriers", "help") that `words`
    begin by naming, or None."""
    return next((kind for stem, kind in _KIND_STEMS.items() if words.startswith(stem)), None)
