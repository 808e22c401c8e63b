"""A view given with the choice of themes: "skills and housing, we can't keep young staff
because rents in Amersham are mad", "Infrastructure - the A41 is a car park every
morning", "space: we machine valves for the Westcott firms". The seventeenth set lost such a
view: the themes were chosen and nothing was kept.

The message opens with theme names (and little words such as "and", "mainly", "tbh"); the
view is what follows, after a comma, colon, dash or full stop, or from a word that opens a
clause ("we", "our", "because"). It counts as a view when it is a sentence of a few words
that is not a question, a yes or no, or a change of mind, and names a subject the tagger
can see. No Rasa imports.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.consultation.choice_names import TOKEN, lead, named_only
from bot.consultation.choices import turned_down
from bot.consultation.described import without_described
from bot.consultation.navigation import moving_on
from bot.consultation.none_choice import NONE_THE_LIST_IS, disowns_a_theme
from bot.consultation.questions import chosen_names, question_queue
from bot.consultation.replies import after_change_of_mind, clauses, none_reply
from bot.consultation.subject import names_a_subject, subject_themes
from bot.consultation.theme_words import EXACT_ONLY
from bot.consultation.x_style import without_addressees

# words that open the view when no punctuation sets it off ("skills we can't find anyone")
CLAUSE_OPENERS = frozenset(
    {
        "we",
        "we're",
        "we've",
        "i'm",
        "im",
        "i've",
        "our",
        "my",
        "they",
        "there",
        "there's",
        "it",
        "it's",
        "its",
        "that's",
        "because",
        "cos",
        "coz",
        "cause",
        "since",
        "nobody",
        "everyone",
        "staff",
        "can't",
        "cant",
        "cannot",
    }
)
# a rest that answers the choice itself or asks about it, not a view ("no wait", "not
# space", "as well", "does that include apprenticeships")
NOT_A_VIEW = re.compile(
    r"^(no (wait|thanks|sorry|actually)|not|nope|nah|yes|yeah|yep|wait|actually|instead|sorry|or"
    r"|except|apart|as well|too"
    r"|either|neither|none|all|any|which|what|what's|whats|how|why|who|where|when|can|could"
    r"|is|are|do|does|did|will|would|should|tell|explain"
    # "Education and skills, and whichever one covers mobile signal" (set BD kept the rest
    # as the skills answer): one more theme described, not a view
    r"|(and |or |plus )?(whichever|whatever) (one|ones|bit|driver))(?![\w'])"
)
# "None of them, we just get people through their driving test" (set DI kept the rest as a
# view): what the business does, said to explain the "none", no view unless it complains
DOES_JUST = re.compile(
    r"^(we|i)('re| are|'m| am)? (just|only|mainly|mostly|simply) (a|an)\b|"
    # "We are not in any of them, we are transport for the NHS patients" (set DM)
    r"^(we|i)('re| are|'m| am)\b|"
    # "None, we teach people to drive" (set DP kept it as a view of its own)
    r"^(we|i) ((just|only|mainly|mostly|simply) )?(get|do|make|sell|run|teach|fix|clean|cut|"
    r"build|provide|offer|deliver|help|look after|train|repair|supply|serve)\b"
)
COMPLAINS = re.compile(
    r"\b(can'?t|cannot|couldn'?t|not|no|never|need|needs|too|hard|struggl\w*|problem|issue|"
    r"cost\w*|expensive|late|slow|short|lack\w*|but|and|so|because|hopeless|nightmare|awful|"
    r"terrible|rubbish|joke|impossible|worse|dreadful|desperate|crying out|stuck|losing|lost|"
    r"priced|fighting|battling|missing|without|worried|worry|concerned|fed up|sick of|"
    r"tired of|waiting|hit|hurt|suffer\w*|difficult|tough|squeezed)\b"
)
VIEW_MIN_WORDS = 4
# words that make a view more than a description of the business: a chance, a need, a
# problem, a wish, a comparison ("the new stages at Pinewood could double our work")
VIEW_MARKERS = re.compile(
    r"\b(could|would|should|might|may|will|need\w*|want\w*|hope\w*|wish|can'?t|cannot|"
    r"couldn'?t|won'?t|don'?t|doesn'?t|isn'?t|aren'?t|no|not|never|nobody|none|struggl\w*|"
    r"problem\w*|issue\w*|hard|difficult|tough|opportunit\w*|chance\w*|grow\w*|more|less|"
    r"fewer|bigger|better|worse|if|but|help\w*|lack\w*|short\w*|expensive|cost\w*|price\w*|"
    r"rent\w*|too|only|lose|losing|lost|miss\w*|waiting|slow|double|triple|new|future|"
    r"plan\w*|keen|looking)\b"
)


@dataclass(frozen=True)
class ChoiceView:
    """The themes named before the view, in the order named, and the view as written."""

    themes: list[str]
    view: str

    def only_describes(self) -> bool:
        """The view only says what the business does, as the reason for its choice ("because
        a lot of the work is for film sets", "we build film-style sets"): no chance, need,
        problem or wish in it, so it answers none of an island's three questions (set AR
        kept it as the opportunities answer and skipped that question)."""
        return VIEW_MARKERS.search(self.view.lower()) is None

    def answers(self, chosen: list[str]) -> str | None:
        """The question the view is kept against: the first on the theme the view itself
        opens with ("housing, skills and infrastructure. skills cos no lad under 25 ...",
        "Digital science and infrastructure. Mostly infrastructure, because ...": set AN
        kept both against the first named), else on the first theme named that was chosen
        ("skills and housing, ...": Education and skills)."""
        opening = lead(list(TOKEN.finditer(self.view)), self.view)[0]
        first = next((t for t in [*opening, *self.themes] if t in chosen), None)
        return question_queue([first])[0] if first else None


def choice_and_view(text: str, among: tuple[str, ...] | list[str]) -> ChoiceView | None:
    """The themes of `among` a choice names first and the view after them; None when the
    message is a choice alone, changes its mind or turns a theme down ("space - no wait,
    medtech", "creative no, mobility yes ..."), or what follows is no view."""
    if after_change_of_mind(text) != text or turned_down(text, among):
        return None
    text = without_addressees(text)  # "@btvlep skills - ...": an X DM
    tokens = list(TOKEN.finditer(text))
    named, at, set_off = lead(tokens, text)
    themes = [t for t in named if t in among]
    if not themes or at >= len(tokens):
        return None
    first = tokens[at].group(0).lower().replace("’", "'")
    if not (set_off or first in CLAUSE_OPENERS):
        return None
    gap = text[tokens[at - 1].end() : tokens[at].start()]
    opens = gap.rfind("(")  # "Skills (finding HGV drivers) and ...": the bracket kept
    view = text[tokens[at].start() if opens < 0 else tokens[at - 1].end() + opens :].strip()
    words = view.split()
    if (
        len(words) < VIEW_MIN_WORDS
        or view.rstrip().endswith("?")
        or NOT_A_VIEW.match(view.lower())
        or not names_a_subject(view)
        # more themes, named or described: "New houses, the council one and green stuff"
        or named_only(without_described(view))
    ):
        return None
    return ChoiceView(themes, view)


# The words that name entrepreneurialism only as a choice ("the money one"): in a view they
# are everyday words ("apprentice money", "grants for the roof")
MONEY_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for words in EXACT_ONLY.values() for w in words) + r")\b",
    re.IGNORECASE,
)


def chosen_with_view(choice: ChoiceView, among: tuple[str, ...] | list[str]) -> list[str]:
    """The themes a choice with a view picks: those named before the view, and those the
    view names outright ("Skills (finding HGV drivers) and infrastructure (the A41 every
    morning)", "Skills. Broadband out here is dreadful too"), but not by a money word in
    passing ("Skills. I'm 61 ... he can't afford to live round here on apprentice money":
    set BL chose entrepreneurialism too; those words name it only at the choice itself).
    In `among`'s order."""
    view = MONEY_WORDS.sub(" ", choice.view)
    # "Space, of course, we are in Westcott" (set DM chose high performance technology too)
    named = chosen_names(view, among)
    return [t for t in among if t in choice.themes or t in named]


def view_beside_none(text: str, declined: Collection[str] = ()) -> str | None:
    """The view in a message that chooses no theme ("none of these are us, but the real
    problem is staff can't get home after the last bus"; "what about tourism? our B&B can't
    get a broadband line"): the first part after a comma, colon, dash or full stop that is a
    sentence of a few words, not a question, a yes or no, and names a subject the tagger
    can see. The seventeenth set left such a view unkept; None when there is none.

    With `declined` (the islands, at their choice), the view must name a subject beside
    them: "None. Someone once rang to ask if we'd trim seats for a racing team, but it's
    armchairs and sofas here" (set FF kept it) names a sector only in passing, having just
    said none of them is the business's, and a sector in passing carries no theme."""
    parts = clauses(text)
    for part in parts[1:]:
        view = part.rstrip(",;:")
        if (
            len(view.split()) >= VIEW_MIN_WORDS
            and not view.endswith("?")
            and not NOT_A_VIEW.match(view.lower())
            # "it's all rockets and film studios, nothing for the likes of us" (set BW kept
            # it as a view): what the list is, no view of the business's own
            and not NONE_THE_LIST_IS.search(view)
            and not (DOES_JUST.match(view.lower()) and not COMPLAINS.search(view.lower()))
            and names_a_subject(view)
            and not _only_moves_on(view)
            # "Education and skills, infrastructure, and environment and quality of life."
            # at the islands question (set DQ kept the last two as a view): names, no view
            and not named_only(without_described(view))
        ):
            # from the first part after the choice: "we're a hairdresser, but rents ...";
            # from the start when that first part is a view too ("can't hire data
            # scientists, Harwell and London outbid us ...", set X lost its first clause)
            start = 0 if _opens_with_a_view(parts[0]) else text.index(parts[1])
            said = text[start:].strip()
            seen = subject_themes(said)
            if declined and (not names_a_subject(said) or (seen and seen <= set(declined))):
                return None  # no subject, or only the sectors just turned down (set FF)
            return None if only_describes_the_business(said) else said
    return None


# a clause that speaks of the business itself: "we visit elderly people in their home",
# "though we host a good many events for the film industry", "our clients are farms"
ABOUT_US = re.compile(r"^((even )?(though|although|whilst|while|as|since) )?(we|i|our|my|us)\b")


def only_describes_the_business(said: str) -> bool:
    """Every clause beside the "none" says what the business is or does, with no chance,
    need, problem or wish in it ("None. We are care agency, we visit elderly people in their
    home": sets ER and EP kept it as a view of its own). The sector question has that
    already, so there is nothing to keep; "none, we're a cafe but rents are mad" is a view."""
    # "..., not satellites" says which listed theme it is not (set EW): no view either
    kept = [
        c.lower().strip() for c in clauses(said) if none_reply(c) is None and not disowns_a_theme(c)
    ]
    return bool(kept) and all(
        ABOUT_US.match(c) is not None
        and VIEW_MARKERS.search(c) is None
        # "and" and "so" join what it does ("we cut and colour"), no complaint in them
        and all(m.group(0) in ("and", "so") for m in COMPLAINS.finditer(c))
        for c in kept
    )


def _only_moves_on(part: str) -> bool:
    """ "go straight to skills", "take me to the housing one": the choice moved on to the
    themes it names, no view (set W kept "go straight to skills" as the skills answer)."""
    named = moving_on(part)
    if named is None:
        return False
    named = re.sub(r"\b(one|ones|bit|bits|questions?|please|pls|then|instead|now)\b", " ", named)
    return not named.split() or named_only(named)


def _opens_with_a_view(part: str) -> bool:
    """The message's first part is a statement of the business's own with a subject the
    tagger sees, not a "none", a question or a choice of names alone."""
    part = part.rstrip(",;:")
    return (
        not part.endswith("?")
        and none_reply(part) is None
        and not NOT_A_VIEW.match(part.lower())
        and not named_only(part)
        and names_a_subject(part)
    )
