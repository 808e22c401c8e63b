"""Choices typed rather than tapped: numbers for places in the list shown ("2", "1 and 4",
"1-3") and a reply that picks what was just talked about ("that one then").

Split from asides.py (which answers messages about the chat itself); the same normaliser.
No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.described import described_themes, without_described
from bot.consultation.none_choice import means_none
from bot.consultation.questions import match_themes, named_themes, only_names
from bot.consultation.replies import asked_topic, normalise, whole
from bot.consultation.replies.text import sentences
from bot.consultation.theme_words import everyday_words
from bot.consultation.x_style import without_addressees
from bot.strategy import ISLAND_IDS, theme

# "2", "1 and 4", "numbers 1, 3 & 5": choices by their place in the list shown
CHOICE_FILLER = frozenset(
    {
        "and",
        "or",
        "plus",
        "number",
        "numbers",
        "no",
        "option",
        "options",
        "please",
        # "@btvlep 4 & 5 pls" (set CH: "didn't catch")
        "pls",
        "plz",
        "thanks",
        "ta",
        "just",
        "both",
        "only",
        "maybe",
        "probably",
        "i",
        "think",
        "guess",
        "'d",
        "say",
        "pick",
        "choose",
        "the",  # "3 and the roads"
    }
)


RANGE = re.compile(r"\b(\d{1,2}) ?(?:-|–|to) ?(\d{1,2})\b")  # "1-3", "2 to 4"


def _expand(low: int, high: int) -> str:
    return " ".join(str(n) for n in range(low, high + 1)) if low <= high <= 99 else f"{low} {high}"


def numbered_choice(text: Any, options: tuple[str, ...] | list[str]) -> list[str] | None:
    """The options picked by number (1 = the first shown), in list order; None when the
    message is not only numbers (with "and", "or", "number", ...) or a number is out of
    range ("12" is not a choice from a list of five)."""
    if not isinstance(text, str):
        return None
    text = RANGE.sub(lambda m: _expand(int(m.group(1)), int(m.group(2))), text)
    words = normalise(without_addressees(text)).split()
    numbers = [w for w in words if w.isdigit()]
    others = " ".join(w for w in words if not w.isdigit() and w not in CHOICE_FILLER)
    # "2 & medical" (set AR chose Medical technologies alone): numbers and names mixed;
    # "4, 5 and the roads one" (set BD chose Infrastructure alone): and described
    named = only_names(others) if others else []
    if named is None:
        kind = "island" if set(options) <= set(ISLAND_IDS) else "seabed"
        said = " ".join(w for w in words if not w.isdigit())
        rest = [w for w in without_described(said).split() if w not in CHOICE_FILLER]
        named = (described_themes(said, kind) or None) if not rest else None
    if not numbers or named is None or any(t not in options for t in named):
        return None
    picked = {int(n) for n in numbers}
    if any(n < 1 or n > len(options) for n in picked):
        return None
    return [option for i, option in enumerate(options, start=1) if i in picked or option in named]


# "oh can u add high performance too, forgot that one" at an island question (set AT kept
# it as the answer): one more theme of the same kind for the questions to cover
ADD_CHOICE = re.compile(
    r"\b(add(?! to (?:that|this|which|it)\b)|include|put in|throw in|chuck in|forgot|forgotten|"
    r"missed|left out|"
    # "Can you put me down for environment as well?" (set AZ)
    r"put (me|us) down for)\b"
)
ADD_CHOICE_MAX_WORDS = 12


def added_choice(text: Any, among: tuple[str, ...] | list[str], chosen: list[str]) -> list[str]:
    """Themes (of `among`, not yet `chosen`) a short message asks to add; [] for anything
    else (a view that says "add" is a view)."""
    if not isinstance(text, str):
        return []
    norm = normalise(without_addressees(text))
    first, mark, why = without_addressees(text).partition("?")
    if mark and len(normalise(why).split()) <= ADD_CHOICE_MAX_WORDS and named_themes(first):
        # "Can you add space as well? We do as much for the space lot." (set AZ): the
        # request, then a word of why
        norm = normalise(first)
    if len(norm.split()) > ADD_CHOICE_MAX_WORDS or not ADD_CHOICE.search(norm):
        return []
    named = [t for t in named_themes(text, among) if t not in chosen]
    rest = only_names(re.sub(rf"{ADD_CHOICE.pattern}|\b({ADD_CHOICE_FILLER})\b", " ", norm))
    return named if named and rest is not None else []


# "oh and environment too" sent straight after the choice, before any answer (set EE kept
# it as the answer to the first question): names alone, joined on, "too" at the end
ALSO_NAMED = re.compile(
    r"^((oh|and|also|plus|n|sorry|actually|wait|oops)\s+)+(?P<names>.+?)\s+(too|as well|also)$"
)


def also_named(text: Any, among: tuple[str, ...] | list[str], chosen: list[str]) -> list[str]:
    """Themes (of `among`, not yet `chosen`) a message of nothing but "and <names> too"
    adds; [] for anything else."""
    if not isinstance(text, str):
        return []
    found = ALSO_NAMED.match(normalise(without_addressees(text)).replace("&", "and"))
    names = only_names(found.group("names")) if found else None
    return [t for t in names or [] if t in among and t not in chosen]


def view_then_added_choice(
    text: Any, among: tuple[str, ...] | list[str], chosen: list[str]
) -> tuple[str, list[str]] | None:
    """(the view, the themes added) for an answer that ends by asking for one more theme
    ("Every new estate ... should have rainwater harvesting built in, ... Can you put me
    down for environment as well? I've a separate point on that.": set AZ played it all
    back with no question on the environment); None for anything else."""
    if not isinstance(text, str):
        return None
    said = sentences(text)
    for i in range(max(1, len(said) - 2), len(said)):
        tail = " ".join(said[i:])
        if _ASKS_TO_ADD.search(normalise(tail)) and (new := added_choice(tail, among, chosen)):
            return " ".join(said[:i]), new
    return None


# inside an answer only a request adds a theme: "Also, the council forgot housing." is a view
_ASKS_TO_ADD = re.compile(r"\b((can|could) (you|u)|please|pls|put (me|us) down|add|include)\b")
ADD_CHOICE_FILLER = (
    r"oh|can|could|u|you|please|pls|also|too|as well|and|that|one|ones|the|i|we|to|it|"
    r"sorry|actually|forgot|meant|mention|list|for|us|me|my|bad|oops|whoops|island|islands|"
    # "Sorry, before I answer, can you add the environment one as well?" (set CQ)
    r"before i answer|before i start|first|quick|quickly|wait|hang on|hold on"
)


# "right, that one then", "go with that", "yes that": the choice is what was just asked
# about ("does that include Silverstone?" -> High performance technology)
REFERS_BACK = re.compile(
    r"((right|ok|okay|yes|yeah|yep|fine|great|cool|then|so|in that case|i'?ll|i will|we'?ll|"
    r"let'?s|go with|pick|choose|have|take|put me down for|put us down for)( |$))*"
    r"(that( one| island| driver)?|this( one)?|it|those( ones)?|them|the one you (said|mentioned)|"
    # "both then" after asking the difference between two (set AT)
    # "both of those then" (set BR)
    r"both( of them| of those| of these)?)"
    r"( (then|please|thanks|one|for me|for us|sounds right|matters|applies))*"
)


def refers_back(text: Any) -> bool:
    """The whole reply chooses what was just talked about ("that one then")."""
    return isinstance(text, str) and whole(REFERS_BACK, without_addressees(text))


# "actually leave space out, it's just the film one for us" (set AF kept it as the answer)
LEFT_OUT = re.compile(
    r"^((actually|oh|sorry|wait|ok|okay|right|hmm|no|can we|could we|can you|could you|please|"
    r"pls|just)[ ,]*)*(leave|take|count)( the| those| these| my| our)? (?P<topic>[a-z&' ]{1,30}?)"
    # "sorry, take space off, I was thinking of our space station room" (set AM)
    r"( ones?| questions| bits?| part| section| stuff| side)? (out|off)\b"
)

# "creative no, mobility yes we run EV vans, medical no": each island answered in turn (the
# twelfth set chose all five). A clause that opens with "not"/"no" or ends with a no names
# themes turned down; "no wait, medtech" is a change of mind, read before this.
CLAUSE = re.compile(r"[,;\n/]+|\s[-–—]\s|\bbut\b")
TURNED_DOWN = re.compile(
    r"^(not|no|nope|nah|definitely not)\b|\b(no|not|nope|nah|n/a|na|x|not really|not for us|"
    r"not us|not relevant|irrelevant)( (really|thanks|tbh|for us|for me|mate))*$|"
    # "..., but drop housing", "film - take out space" (set AG); "leave X out" is LEFT_OUT's
    r"^((actually|oh|and|but|or) )*(without|except|minus|drop|skip|scratch|take out|leave out)\b"
)


# "all of them exept the data one and the council one" (set BR asked all seven): every
# theme but those named after the exception, typed wrong or not
ALL_BUT = re.compile(
    r"\b(all|every ?one|everything|the lot)( of them| of these| of those| of it)? "
    r"(except|exept|excpet|expect|apart from|bar|other than|besides|minus|but not|but)\b"
    r"(?P<rest>.+)$"
)


def turned_down(text: Any, among: tuple[str, ...] | list[str]) -> list[str]:
    """Themes (of `among`) named only in clauses that say no to them, or after "all
    except"."""
    if not isinstance(text, str):
        return []
    down: set[str] = set()
    if all_but := ALL_BUT.search(normalise(text)):
        down.update(named_themes(all_but["rest"], among))
    for clause in CLAUSE.split(text):
        norm = normalise(clause)
        # "housing, digital and skills - actually leave digital out" (set AG asked all three)
        if norm and (TURNED_DOWN.search(norm) or LEFT_OUT.match(norm)):
            down.update(named_themes(clause, among))
    return [t for t in among if t in down]


def none_after_asking(text: Any) -> bool:
    """Themes named only in questions back, then none: "rockets and film studios? for a
    kennels? none, obviously" (set AN chose Creative and Space)."""
    if not isinstance(text, str) or "?" not in text:
        return False
    tail = without_addressees(text).rsplit("?", 1)[1]
    return bool(tail.strip()) and means_none(tail)


# "honestly the islands thing is a daft metaphor, we're a builders merchant" (the twelfth
# set: "I didn't catch which of the islands"): the list dismissed as a whole, so none of it
# is chosen. Only with a word for the list and one that dismisses it, naming no theme.
THE_LIST = re.compile(r"\b(islands?|seabed|sea bed|drivers|metaphor|analogy|categories|list)\b")
DISMISSED = re.compile(
    r"\b(daft|silly|stupid|pointless|rubbish|nonsense|waffle|jargon|meaningless|bollocks|"
    r"gibberish|buzzwords?|mumbo jumbo|consultant ?speak|nothing to do with us|"
    r"(doesn'?t|does not|don'?t|do not) (apply|fit|mean anything|relate)|not (for|about) us|"
    r"irrelevant|not relevant)\b"
)


def dismisses_the_list(text: Any, among: tuple[str, ...] | list[str]) -> bool:
    """The reply waves the whole list away and names none of `among`."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return (
        THE_LIST.search(norm) is not None
        and DISMISSED.search(norm) is not None
        and not named_themes(text, among)
    )


# "what about tourism? we run a B&B", "we're agriculture, where do we fit?" at the islands
# question (the fourteenth set said "didn't catch which"): a sector the islands leave out,
# so none of them; the seabed drivers, which matter to every business, come next
ANOTHER_SECTOR = re.compile(
    r"\b(what about|how about|where (do|does|would|should|can) (we|i|that|it|they|\w+) "
    r"(fit|come in|go|sit|belong)|(nothing|none of (these|them|those|this)) (for|fits?|suits?|"
    r"covers?|applies( to)?) (us|me|\w+)|(we'?re|we are|i'?m|i am) not (in )?any of "
    r"(these|them|those)|(isn'?t|is not|aren'?t|are not) (there|it) (one )?for|"
    # "pubs aren't on your list, what do I pick?", "we're not in your options" (set T)
    r"(isn'?t|is not|aren'?t|are not|not) (on|in) (your|the|this|that) (list|options|choices)|"
    r"what (do|should|would|can) (i|we) (pick|choose|go for|select|put)( then)? "
    r"(as|for|if (we'?re|we are|i'?m|i am)) an?)\b"
)

# "just the general stuff", "only the general ones please" at the islands question (set T:
# "didn't catch"): none of the five sectors, the general drivers (the seabed) next. The
# whole message only, so "general engineering" or "the general public" are no such choice.
GENERAL_ONLY = re.compile(
    r"(just|only|mainly|mostly|i'?d say|i guess|probably)? ?(the )?(general|generic|usual|"
    r"everyday|basic)( business)? (stuff|things|bits|ones|side|issues|questions|drivers|"
    r"ones for everyone)( (please|really|tbh|thanks|for us|i think))*"
)


def general_only(text: Any) -> bool:
    """At the islands question: only the general drivers, none of the five sectors."""
    return whole(GENERAL_ONLY, text)


def outside_the_islands(text: Any) -> bool:
    """At the islands question, a business none of the five sectors fits ("we're retail,
    where do we fit?", "pubs aren't on your list, what do I pick?", "just the general
    stuff"), naming no island: on to the seabed. NLU may take it for a question to the
    bot, so the FAQ action asks this too."""
    return (
        isinstance(text, str)
        and (asks_about_another_sector(text) or general_only(text))
        and not named_themes(text, ISLAND_IDS)
    )


def asks_about_another_sector(text: Any) -> bool:
    """A sector the island list leaves out, asked or said at the islands question."""
    return isinstance(text, str) and ANOTHER_SECTOR.search(normalise(text)) is not None


def seabed_named(text: str) -> list[str]:
    """Seabed drivers named outright ("environment", "skills"), not guessed by the tagger."""
    words = re.sub(r"[^\w\s&+-]", " ", text.lower()).split()  # "environment, ..."
    norm = f" {' '.join(words)} "
    named = match_themes(text, "seabed")
    return [t for t in named if any(f" {w} " in norm for w in _seabed_words(t))]


def theme_names(theme_id: str) -> set[str]:
    """A theme's name and its id as words ("high performance technology")."""
    return {theme(theme_id).name.lower(), theme_id.replace("_", " ")}


def _seabed_words(theme_id: str) -> set[str]:
    words = theme_names(theme_id) | {w.lower() for w in everyday_words(theme_id)}
    return words | {theme(theme_id).name.lower().split(" and ")[0]}


# "skills and", "space," then the rest in the next message (set AA chose skills alone and
# kept "infrastructure" as the skills answer): a choice that stops on a joining word
DANGLING = re.compile(r"(\band|&|\+|,|\bor|\bplus|\balso)\s*$", re.IGNORECASE)
PART_MAX_WORDS = 6


def unfinished_choice(text: Any, among: tuple[str, ...] | list[str]) -> bool:
    """A short choice that names a theme and stops on a joining word ("skills and")."""
    return (
        isinstance(text, str)
        and len(text.split()) <= PART_MAX_WORDS
        and DANGLING.search(text.strip()) is not None
        and bool(named_themes(text, among))
    )


# "Digital science, and quickly: is this the same thing as the national Industrial Strategy?"
# (set AO answered the question and asked for the choice again): the choice comes first, in
# a few words of its own, then the question
CHOICE_FIRST = re.compile(r"^\s*([^,:;.!?\n]+)[,:;.!\n-]+\s*(.*\?)\s*$", re.DOTALL)
CHOICE_FIRST_MAX_WORDS = 6


def choice_before_question(text: Any, among: tuple[str, ...] | list[str]) -> str | None:
    """The choice that opens a message ending in a question (the question is answered and
    the choice taken), or None."""
    if not isinstance(text, str):
        return None
    plain = without_addressees(text)
    match = CHOICE_FIRST.match(plain) or _UNMARKED_QUESTION_AFTER.match(plain)
    if match is None:
        return None
    lead, asked = match.group(1), match.group(2)
    words = normalise(lead).split()
    if not words or len(words) > CHOICE_FIRST_MAX_WORDS:
        return None
    if not (named_themes(lead, among) or means_none(lead)):
        return None
    if not asked.rstrip().endswith("?") and not asked_topic(asked):
        return None
    # "Infrastructure, and environment maybe?": the question is part of the choice; not
    # "Is that the island the Oxford-Cambridge Arc comes into?" (set CR), a real question
    return None if named_themes(asked, among) and not asked_topic(asked) else lead.strip()


# "@btvlep none of them. whats this ox cam arc everyone goes on about tho" (set CR took the
# none and left the Arc unanswered): a question without its mark, opening with its word
_UNMARKED_QUESTION_AFTER = re.compile(
    r"^\s*([^,:;.!?\n]+)[,:;.!\n-]+\s*((?:what|whats|what'?s|who|whos|who'?s|how|why|where|"
    r"when|is|are|does|do|can)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
