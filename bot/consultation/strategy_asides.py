"""Questions about the strategy itself that the FAQ answered wrongly or not at all: figures
for the county's economy, when it is finished, an event to come to, the short version, why
those islands, "and the other four?" after one was described, and whether it has anything
for a sector it does not single out.

Found by set S of unseen conversations (conversation_probe_s.yml): the figures question was
given the Arc's figures as if they were the county's; "when is it finished? something in
january?" the definition of a strategy; "is there an event I could come to?" and "give me
the short version" were kept as views; "why those ones?" got the definition and "and the
other four?" how to get involved; "is there anything in this for care homes?" at the
islands choice chose Housing growth ("homes"). Every reply is composed from seeds/ (no
figure, date, event or name that is not there), and the pending question is asked again.

Short questions only, in question form, so a view with the same words ("the figures for
Bucks hide how many of us struggle", "more events for small firms would help", "short
version: the roads are terrible") stays a view. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.questions import message, named_themes, theme_names
from bot.consultation.replies import LEAD_IN_WORDS, normalise, short, short_match
from bot.consultation.replies.questions import REMARK_IS_A_VIEW
from bot.consultation.subject import a_view_too
from bot.consultation.x_style import without_addressees
from bot.strategy import ISLAND_IDS, SEABED_IDS, THEME_IDS, load_strategy, theme

MAX_WORDS = 25  # a question with a line of context ("... GDP, jobs, that sort of thing")
ANCHORED_WORDS = 12  # a follow-up or request that is the whole message

# the openings a question is asked after (`replies.LEAD_IN_WORDS`: "quick one first",
# "before I start"), and a few more that only open a question to the bot
_LEAD = rf"^((right|mate|honestly|{LEAD_IN_WORDS})\b ?)*"
_ASK = (
    r"(what|what'?s|whats|how|where|when|which|who|is|are|do|does|did|can|could|will|would|"
    r"have|has|got|any)\b"
)


def _asks(norm: str, text: str) -> bool:
    """The message asks: a "?" in it, or it opens with a question word after any lead-in."""
    return "?" in text or re.match(_LEAD + _ASK, norm) is not None


# A sentence ends at ". ", "!", "?" or a new line; "?" stays with its sentence
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")


def _asking_sentences(text: str) -> list[str]:
    """The sentences of `text` that ask (normalised): set X's "EO data for farmers - crop
    health, flood risk. why aren't you talking about agriculture? half of Bucks is
    farmland ..." asks about agriculture, not for the county's figures its other
    sentences' words ("data", "Bucks") would make of it. A message of one sentence is
    itself."""
    found = []
    for part in _SENTENCES.findall(text):
        norm = normalise(part)
        if norm and _asks(norm, part):
            found.append(norm)
    return found


def _one_asks(text: Any, max_words: int, *patterns: re.Pattern[str]) -> bool:
    """A short message with one sentence that asks and in which every pattern is found."""
    if short(text, max_words) is None:
        return False
    return any(all(p.search(norm) for p in patterns) for norm in _asking_sentences(str(text)))


# "what are the figures for the Bucks economy?", "any stats on the county's GDP?", "how big
# is the local economy?", "how many jobs are there in Bucks?"
FIGURES = re.compile(
    r"\b(figures?|stats?|statistics|numbers|data|gdp|gva|output|productivity|how big|"
    r"how much is|how many (jobs|people|businesses|firms|companies)|"
    # "what's Buckinghamshire's population?", "what's the growth target in this strategy, in
    # numbers?" (set CA was told what the bot does, and how to get involved)
    r"population|how many people live|growth target|targets?)\b"
)
ECONOMY = re.compile(
    r"\b(econom(y|ic|ies)|bucks|buckinghamshire|county|county'?s|area|local|gdp|gva|jobs|"
    r"employment|unemployment|businesses|firms|companies|worth|strategy|lis|growth)\b"
)
# the Arc's figures are the strategy's own (the FAQ's answer)
ELSEWHERE = re.compile(r"\b(arc|ox ?cam|oxford|cambridge|corridor)\b")
# how many have responded is others' business (boundaries.py), not the economy's
RESPONSES = re.compile(r"\b(respon\w*|replied|taken part|take part|answers?|answered|said)\b")


# "before I answer the next one, does the strategy have any figures for jobs?" (set AF was
# given the privacy notice: "answer" read as asking how many have responded)
BEFORE_ANSWERING = re.compile(
    r"^\s*before i (answer|reply|go on|carry on)( (the next one|the next question|that|this|"
    r"it|that one|this one))?\s*[,:;-]*\s*",
    re.IGNORECASE,
)


def asks_for_figures(text: Any) -> bool:
    """A short question for figures on the county's economy."""
    if isinstance(text, str):
        text = BEFORE_ANSWERING.sub("", text)
    norm = short(text, MAX_WORDS)
    return (
        norm is not None
        and _one_asks(text, MAX_WORDS, FIGURES, ECONOMY)
        and RESPONSES.search(norm) is None
        and ELSEWHERE.search(norm) is None
    )


# "when is it finished?", "when will the final strategy be out?", "what happens in
# January?", "is there a deadline?", "what's the timescale for all this?"
# "when will the finished strategy actually come out?" (set EY, after the goodbye)
_IT = (
    r"(it|this|this strategy|the strategy|the plan|the lis|the report|"
    r"the (final|finished|completed|full) (report|strategy|version|plan))"
)
WHEN = re.compile(
    rf"\bwhen('?s| is| will| does| do| are| would)? (it|this|{_IT[1:-1]}|you|they|we|the lep)"
    r"( (be|being|get|getting|going to be|gonna be|supposed to be|actually|finally|all))* "
    r"(finish(ed)?|done|published|out|ready|complete(d)?|decided|agreed|adopted|signed off|"
    r"launched|final|finali[sz]ed|come out|happen(ing)?|know)\b"
    # "when will they finish the bypass?" is about the bypass
    r"(?! (the|a|an|our|my|that|those|these|this|work|works|roadworks|road|building)\b)|"
    r"\bwhat('?s| is| does)? (happen(s|ing)?|going on|on) (in|on|at) (the )?(11(th)? )?january\b|"
    r"\b(what('?s| is)? (the )?|is there (a |any )?)"
    r"(deadline|timeline|timescale|timetable|time ?frame|closing date)\b|"
    r"\bhow long (until|till|til|before) (it'?s|it is|this is|the strategy is|we (see|hear))\b"
)


def asks_when_it_is_finished(text: Any) -> bool:
    """A short question about the strategy's timetable."""
    return _one_asks(text, MAX_WORDS, WHEN)


# "is there an event I can come to?", "are there any workshops?", "can I come to a meeting
# instead?", "do you run drop-in sessions?" (not the LEP Board's meeting: that is the
# timetable)
EVENT = re.compile(
    r"\b(events?|workshops?|(?<!board )meetings?|sessions?|drop ins?|roundtables?|round tables?|"
    r"forums?|seminars?|briefings?|launch (event|party|meeting)|face to face|in person)\b"
)
COME = re.compile(
    # "can we get a meeting with the council about the potholes" is a view, not an event
    r"\b(is there|are there|any|(can|could|how (do|can)) (i|we) (come|attend|go|join|book|"
    r"sign up|get to)|where|"
    r"will there be|do you (have|run|hold|do)|are you (having|running|holding)|"
    r"come (along|to)|attend|go to|turn up)\b"
)


def asks_about_an_event(text: Any) -> bool:
    """A short question asking for an event to come to, or to take part in person."""
    norm = short(text, MAX_WORDS)
    return norm is not None and _one_asks(text, MAX_WORDS, EVENT, COME) and "board" not in norm


# "give me the short version", "tl;dr?", "in a nutshell?", "can you sum it up", "too much to
# read, summarise it". The request is the end of the message: "short version: the roads are
# terrible" and "tl;dr broadband is rubbish" are views.
_POLITE = r"( (please|pls|plz|mate|then|thanks|ta|for me|for us|quickly))*$"
SHORT_VERSION = re.compile(
    r"\b(the |a )?(short|shorter|quick|brief|simple|potted|one line|one sentence) "
    r"(version|summary|explanation|answer)( of (it|this|the strategy|the plan))?" + _POLITE + "|"
    r"^((just|so|ok|okay) )*(tl ?dr|tl;dr|tldr)" + _POLITE + "|"
    r"\b(in a nutshell|in plain english|in (one|a) (sentence|line))" + _POLITE + "|"
    r"\b(sum|boil) (it|this|that|the strategy|the plan) (all )?(up|down)" + _POLITE + "|"
    r"\b(summari[sz]e|summarise|summary of) (it|this|that|the strategy|the plan|the lis)" + _POLITE
)


def asks_for_the_short_version(text: Any) -> bool:
    """A short request for the strategy in brief; not one about a theme it names ("what
    does intelligent public services mean in plain English?" is that theme's)."""
    norm = short(text, ANCHORED_WORDS + 4)
    return (
        norm is not None and SHORT_VERSION.search(norm) is not None and not named_themes(str(text))
    )


# "why those ones?", "why these five?", "how were they chosen?", "what makes those
# special?": the whole message, so "why those roads never get fixed is beyond me" is a view
_THESE = r"(these|those|them|they|that lot)"
_WHICH = (
    r"( (ones|five|seven|twelve|islands|sectors|drivers|themes|areas|assets|things|ones then))?"
)
WHY_THESE = re.compile(
    _LEAD + r"(but |and )?("
    rf"why {_THESE}{_WHICH}|"
    rf"why (were|are|did you (pick|choose)|did they (pick|choose)|pick|choose) {_THESE}{_WHICH}"
    r"( (chosen|picked|selected|singled out|the ones|in particular))?|"
    rf"how (were|did|was) {_THESE}{_WHICH} (get |got )?(chosen|picked|selected|decided|choose|pick)"
    rf"( (on|them|these|those))?|"
    rf"what makes {_THESE}{_WHICH} (so )?(special|important|different)|"
    r"why (only|just) (these|those|them|five|the five)( islands| sectors)?"
    r")( (then|though|exactly|in particular|specifically|anyway|and not others))*$"
)


# "who came up with these seabed things anyway, was it businesses or just officials" (set FY
# was told it didn't catch which driver): who chose the lists, answered as "why those?"
_LISTED = r"(islands?|seabed|sea bed|drivers?|themes?|sectors?|categories|lists?)"
WHO_CHOSE = re.compile(
    _LEAD + r"who (actually |even |exactly |really )?(came up with|chose|picked|decided on|"
    r"thought up|dreamt up|dreamed up|invented|drew up|put together|settled on) "
    rf"((these|those|the|your|this|that)( \w+){{0,2}} ({_LISTED}|things|ones)\b|"
    r"(them|these|those|that lot)( (anyway|then|exactly))?( (was|were|did|the|you)\b|$))"
)


def asks_why_these(text: Any) -> bool:
    """A short question asking why the strategy picked its islands and drivers, or who did."""
    norm = short(without_addressees(text), MAX_WORDS) if isinstance(text, str) else None
    return short_match(WHY_THESE, text, ANCHORED_WORDS) or bool(norm and WHO_CHOSE.match(norm))


# "and the other four?", "what about the rest?", "the others?", "tell me about the other
# ones": after the bot described one or more themes
OTHERS = re.compile(
    _LEAD + r"((and )?(what|how) about|tell me about|what are|what'?s|whats|and|go on|"
    r"(can|could) you (do|tell me about|list|describe))? ?(the )?"
    r"(other|others|rest)( (one|two|three|four|five|six|seven|eleven|ones|islands|drivers|"
    r"seabed ones|seabed drivers|themes))?( of (them|those|these|the islands|the drivers))?"
    r"( (then|too|as well|please|pls))*$"
)


def asks_about_the_others(text: Any) -> bool:
    """A short follow-up asking about the themes not just described."""
    return short_match(OTHERS, text, ANCHORED_WORDS)


# "is there anything in this for care homes?", "does the strategy cover retail?", "does it
# say anything about farming?", "anything in it for accountants?" at a choice: a question
# about what it covers, not a choice of the theme its words name ("homes": housing)
COVERS = re.compile(
    _LEAD + r"(is there |there'?s )?(anything|something|much|owt)( at all)? "
    r"(in (it|this|here|the strategy|the plan|the lis) )?(for|about|on) \w|"
    + _LEAD
    # "does the strategy actually say anything about space, or is it just a name on the
    # list?" (set EP was told the focus)
    + rf"(does|do|will|would|can) {_IT}( actually| really| even| ever)? (cover|include|mention|"
    r"help|apply to|"
    r"say (anything|much|owt) (about|on)|do (anything|much) for|care about|"
    r"have (anything|something|much) (for|on|about)) \w|"
    + _LEAD
    + rf"what (does|do|will) {_IT} (say|do|offer|have) (about|for) \w|"
    + _LEAD
    + r"where do (care homes|\w+s) (come in|fit)\b"
)


def asks_what_it_covers(text: Any) -> bool:
    """A short question about whether the strategy has anything for a sector or place."""
    norm = short(text, MAX_WORDS)
    return norm is not None and _asks(norm, text) and COVERS.search(norm) is not None


# "sorry what do you mean by islands? not sure what im picking", "what are these drivers
# exactly?", "whats the seabed when its at home" (set FM was told what an open question
# wants, or "didn't catch which" at the seabed choice): the strategy's own words for its two
# lists, asked about in a sentence of their own; what the islands and seabed are
_LIST_WORD = (
    r"(the |these |those |this |that |your |an? )?((seabed|sea bed|cross ?cutting) )?"
    r"(islands?|seabed|sea bed|drivers?)"
)
LISTS_MEANT = re.compile(
    _LEAD + r"((what (do|did) (you|u) mean|wdym|what'?s meant|what is meant) (by|with)? ?"
    rf"{_LIST_WORD}|what('?s| is| are| s)( all)? {_LIST_WORD}|what (does|do) {_LIST_WORD} "
    rf"mean|(i'?m )?not sure what {_LIST_WORD} (is|are|means?)|{_LIST_WORD} meaning what)"
    r"( (exactly|then|here|again|please|pls|about|all about|on about|you mean|when (it'?s|its|"
    r"they'?re|theyre) at home|(thing|things|stuff|business|bit|lot)))*$"
)
LISTS_REMARK_WORDS = 8  # "... not sure what im picking": a remark, not a view


def asks_what_the_lists_are(text: Any) -> bool:
    """A short question asking what the islands, the seabed or its drivers are ("@btvlep
    ..." on X too), with at most a few words after it that are no view ("... not sure what
    im picking"; not "what are the drivers? we just need more examiners")."""
    if not isinstance(text, str):
        return False
    asked, _, rest = without_addressees(text).partition("?")
    remark = normalise(rest)
    return (
        LISTS_MEANT.match(normalise(asked)) is not None
        and len(remark.split()) <= LISTS_REMARK_WORDS
        and not REMARK_IS_A_VIEW.search(remark)
    )


def describe(theme_id: str) -> str:
    """One island or seabed driver in a sentence or two, from seeds/themes.yml."""
    t = theme(theme_id)
    values = {"name": t.name, "kind_label": message(f"{t.kind}_label")}
    if not t.assets:  # digital science names none: no "Named in the strategy: ."
        return message("theme_detail_no_assets", **values, summary=t.summary.strip())
    return message("theme_detail", **values, summary=t.summary.strip(), assets=", ".join(t.assets))


def counts_as_reply(theme_ids: list[str]) -> str:
    """ "is broadband infrastructure?", "does software count as digital?" at a choice: what
    the themes named cover, and that choosing is the business's call (the strategy draws no
    line for a business's own needs, so the bot does not rule on it)."""
    return "\n".join([*(describe(t) for t in theme_ids), message("counts_as_yours")])


NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def described_in(bot_text: str) -> list[str]:
    """Themes the bot described (with `describe`) in `bot_text`, in fixed order."""
    return [t for t in THEME_IDS if describe(t) in bot_text]


def the_others(described: list[str]) -> str | None:
    """The themes of the same kind as those described, each in a line; None when none
    were described (or every one of that kind was)."""
    if not described:
        return None
    kind = theme(described[0]).kind
    ids = ISLAND_IDS if kind == "island" else SEABED_IDS
    rest = [t for t in ids if t not in described]
    if not rest:
        return None
    count = NUMBER_WORDS.get(len(rest), str(len(rest)))
    label = f"{count} islands" if kind == "island" else f"{count} seabed drivers"
    if len(rest) == 1:
        label = "island" if kind == "island" else "seabed driver"
    lines = [message("the_others", kind=label)]
    lines += [f"- {theme(t).name}: {theme(t).summary.strip()}" for t in rest]
    return "\n".join(lines)


def short_version() -> str:
    return message(
        "short_version",
        islands=theme_names(list(ISLAND_IDS)),
        seabed=theme_names(list(SEABED_IDS)),
    )


def strategy_aside_reply(text: Any, bot_text: str = "") -> str | None:
    """The reply to a question about the strategy named above (`bot_text`: what the bot
    said just before, for "and the other four?"), or None when it is none of these or the
    message says more than the question ("when will it be done? the roadworks on the A41, I
    mean, they're killing us" is a view). The timetable's answer and what the lists are
    are the FAQ's (`FAQ_REPLIES`)."""
    reply = _aside_reply(text, bot_text)
    if reply is None or a_view_too(str(text), lambda part: bool(_aside_reply(part, bot_text))):
        return None
    return reply


def _aside_reply(text: Any, bot_text: str) -> str | None:
    if asks_what_the_lists_are(text):
        return ISLANDS_SEABED
    if asks_about_the_others(text) and (others := the_others(described_in(bot_text))):
        return others
    if asks_why_these(text):
        return message("why_these", lep_short=load_strategy()["lis"]["lep_short"])
    if asks_for_the_short_version(text):
        return short_version()
    if asks_for_figures(text):
        return message("no_county_figures")
    if asks_about_an_event(text):
        return message("no_event_named")
    if asks_when_it_is_finished(text):
        return NEXT_STEPS
    return None


# the FAQ answers sent for the timetable and for what the two lists are (domain responses,
# so one text for both routes)
NEXT_STEPS = "utter_faq/next_steps"
ISLANDS_SEABED = "utter_faq/islands_seabed"
FAQ_REPLIES = (NEXT_STEPS, ISLANDS_SEABED)


def asks_about_the_strategy(text: Any) -> bool:
    """Any of the questions above that need no earlier reply (for the form's checks), and
    nothing more said beside it."""
    return _asks_about_the_strategy(text) and not a_view_too(str(text), _asks_about_the_strategy)


def _asks_about_the_strategy(text: Any) -> bool:
    return (
        asks_what_the_lists_are(text)
        or asks_why_these(text)
        or asks_for_the_short_version(text)
        or asks_for_figures(text)
        or asks_about_an_event(text)
        or asks_when_it_is_finished(text)
    )
