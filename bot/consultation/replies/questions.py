"""A question to the bot rather than an answer, and whether it is about the strategy."""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.text import normalise
from bot.consultation.replies.topics import WHO_SEES, asked_topic, plain_words
from bot.consultation.x_style import without_addressees

QUESTION_WORDS = frozenset(
    {
        "what",
        "whats",
        "what's",
        "who",
        "whos",
        "who's",
        "whose",  # "Before anything: whose strategy is this" (set EP)
        "how",
        "when",
        "where",
        "why",
        "which",
        "is",
        "are",
        "can",
        "could",
        "do",
        "does",
        "will",
        "tell",
        "explain",
        # typed in a hurry: "wat happens after this", "wots the arc"
        "wat",
        "wot",
        "wats",
        "wots",
    }
)


# Openings people put before a question ("so what's the Arc?", "sorry, who runs this"), as
# one alternation that other readers' lead-ins build on (`strategy_asides`)
LEAD_IN_WORDS = (
    r"so|and|but|ok|okay|oh|sorry|excuse me|pardon|hang on|hold on|wait|"
    r"actually|um|erm|hi|hello|hey|hiya|"
    r"also|just|out of interest|before that|"
    # "Before I pick, which of these covers the countryside?" (set BJ); "Before I agree to
    # anything, what is ...?", "before i say yes, what ...", "Before anything:", "Before I
    # start:", "Before the questions, ..." (set EP); "Before the barriers one, when ...?" (FY)
    r"(before|b4) (anything( else)?|(the|your) questions|(the|this|that) (\w+ )?(one|question)|"
    r"(i|we) (answer|reply|pick|choose|decide|"
    r"say yes|say|agree|confirm|start|begin|go on|go any further|carry on|continue|commit|sign up|"
    r"do this|get going|get started)( to anything| to this| to it| (that|this)( one| question)?|"
    r" the next (one|question)| yes| anything)?)|"
    # "first - will our name be in the report?", "quick one, ..." (set AG)
    r"first|first things first|for starters|one quick thing|"
    # "quick q first - who actually reads what I put here?" (set AI), "Quick one first:",
    # "Random one before I answer:", "One thing first:" (set EP)
    r"(quick|random|silly|daft|stupid|small|odd|side|general|one|another|one more|one other|"
    r"unrelated|different) (one|q|question|thing|query)|"
    # "q first, is silverstone even in bucks?" (set BK)
    r"q"
)
LEAD_INS = re.compile(rf"^(({LEAD_IN_WORDS})\b[ ,]*)+")


def lead_in_only(text: str) -> bool:
    """The words only open a question ("Quick one first", "Before I confirm"): no name,
    no yes and no answer, whatever words of one they hold."""
    norm = normalise(without_addressees(text))
    return bool(norm) and not LEAD_INS.sub("", norm)


ASKING_PHRASES = re.compile(
    r"^(tell me|can you (tell|explain)|could you (tell|explain)|i'?d like to know|"
    r"i want to know|remind me|i'?m not sure what|not sure what|i don'?t (know|understand) what)"
    r"\b"
)
QUESTION_MAX_WORDS = 10
# "sorry what is this arc thing i keep hearing about on the radio", "wat happens after this
# anyway, does any1 actually decide stuff" (set AE kept both as the answer): a question
# that opens by asking what something of the strategy is, or what happens next, may run on
ABOUT_STRATEGY_MAX_WORDS = 16
_ASKS_WHAT_IT_IS = re.compile(
    r"^(((what|who|how|when) (is|are|was|does|do|will|happens|r)|whats|what's|whos|who's)"
    r"( all| actually| exactly| even)? (this|that|these|those|the|your|ur|them|it|after|next|a|an)"
    r"|is there (a|any) way|how (can|could|do) (we|i))\b"
)


def looks_like_question(text: str) -> bool:
    """A question to the bot rather than an answer: "what is the arc?", "so what's this
    Arc thing", "tell me about the islands"; but "What would help? A train to MK" is an
    answer (it goes on after its question mark), and so is a long sentence."""
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    if "?" in stripped:
        # "what happens after this then? does anyone actually read it" (the thirteenth set
        # kept it as the answer): every clause a short question, the last without its "?"
        return all(_short_question(clause) for clause in stripped.split("?"))
    return _short_question(stripped)


def _short_question(text: str) -> bool:
    """Ten words at most, opening with a question word or "tell me" after any lead-in; or
    up to sixteen that open by asking what a thing of the strategy is, or what happens next
    (`long_question_about_the_strategy`)."""
    norm = LEAD_INS.sub("", normalise(without_addressees(text)))
    words = norm.split()
    if not words:
        return False
    if len(words) > QUESTION_MAX_WORDS:
        return long_question_about_the_strategy(norm)
    return words[0] in QUESTION_WORDS or ASKING_PHRASES.match(norm) is not None


def _opening_question(text: str) -> str | None:
    """The message in plain words (lead-in dropped, text-speak spelled out) when it is at
    most sixteen words, opens by asking what something is, what happens next or how to take
    part, and complains of nothing; else None. Shared by the two checks below."""
    plain = plain_words(LEAD_INS.sub("", normalise(without_addressees(text))))
    if (
        len(plain.split()) <= ABOUT_STRATEGY_MAX_WORDS
        and _ASKS_WHAT_IT_IS.match(plain) is not None
        # "what is the point of the islands when our road floods and nobody cares" is a view
        and REMARK_IS_A_VIEW.search(plain) is None
    ):
        return plain
    return None


# "What does high performance technology mean? You've put it on number 2" (set BY was told
# everything the strategy focuses on): the meaning of a name asked, the caller reads which
WHAT_A_NAME_MEANS = re.compile(
    r"^((so|and|sorry|but|ok|okay|hang on|wait) )*(what does|what do|what'?s|whats|what is|"
    r"what are|what exactly is)\b[\w' ]{1,60}?\b(mean|means|meant|stand for|cover|covers|"
    r"when it'?s at home|exactly|anyway)\b"
)


def asks_what_a_name_means(text: str) -> bool:
    """The message opens by asking what a name means ("what does X mean?", "what's X when
    it's at home?")."""
    return WHAT_A_NAME_MEANS.match(normalise(text)) is not None


def asks_what_it_is(text: str) -> bool:
    """ "whats all this seabed business then", "what are these islands when they're at
    home": a question about a word of the strategy itself; at a choice it asks, it does not
    choose "all"."""
    plain = _opening_question(text)
    if plain is None and "?" in text:
        # "Sorry, what's a seabed driver? I thought this was about business." (set CY)
        plain = _opening_question(text.split("?", 1)[0])
    return plain is not None and about_the_consultation(plain)


# "is broadband infrastructure?", "does software count as digital?", "would a garage be
# mobility?" at a choice (set AF chose the theme named): a question about where something
# belongs, answered, and the choice asked again
# the opening is the test; the theme it asks about is read by the caller (`named_themes`)
# "@btvlep what counts as intelligent mobility? were just bikes" (set CY chose it)
COUNTS_AS = re.compile(
    r"^(is|are|does|do|would|will|could|what about|where (does|do|would)|what (counts|falls|"
    r"comes) (as|under|in|into))\b"
)
COUNTS_MAX_WORDS = 10


# A line of context after the question ("does the creative one cover music? I teach kids
# piano", set AK) is still the question; one that goes on to choose is not ("is broadband
# infrastructure? if so, infrastructure and skills")
CONTEXT_MAX_WORDS = 15
CHOOSES_AFTER = re.compile(
    r"\b(if so|if it does|if yes|in that case|then (i'?ll|we'?ll|put|pick|choose|go)|"
    r"(i'?ll|we'?ll) (pick|choose|go with|take)|put (me|us) (down )?(for|as|under))\b"
)


# "What does digital science cover, exactly?" at the seabed choice (set BE was told what the
# strategy focuses on, and the driver chosen): what one theme takes in
COVERS = re.compile(
    r"^(so |ok |sorry |um |erm )*(what|which)( sort of| kind of)?( things| stuff| firms)? "
    r"(does|do|would|will|is) (the )?.{2,40}? (cover|covers|include|includes|mean|means|involve|"
    r"involves|take in|count|covering|including)\b"
    # set BJ: "whats the high performance one cover exactly", "which of these covers the
    # countryside and the Chilterns?"
    r"|^(so |ok |sorry |um |erm )*(what'?s|whats) (the )?.{2,40}? (cover|include|mean|involve)\b"
    r"|^(so |ok |sorry |um |erm )*(which|what) (of these|of them|one|ones|driver|drivers|island|"
    r"islands|theme|themes|bit|part)( of these| of them)? (covers?|includes?|is about|deals with|"
    r"means|handles)\b"
    # "Is entrepreneurialism just for start-ups or does it cover small firms trying to grow?"
    # (set BK)
    r"|^(so |ok |sorry |um |erm )*(is|are) (the )?.{2,40}? (just|only|mainly|purely|really) "
    r"(for|about)\b"
    # "is high performance technology just Formula One, or does it take in firms like us?",
    # "is space only rockets or satellites too" (set EP was told the focus): one thing, or more
    r"|^(so |ok |sorry |um |erm )*(is|are) (the )?.{2,40}? (just|only|purely|all) .{1,40}? or\b"
    # "What counts as digital science here?" at its question (set EP kept it as the answer)
    r"|^(so |ok |sorry |um |erm )*(what|which)( sort of| kind of)?( things| stuff| firms| "
    r"businesses)? (counts?|falls?|comes?|fits?|goes?) (as|under|in|into|within)\b"
)


# a question about what a theme takes in may run longer than "is broadband infrastructure?"
# ("is high performance technology just Formula One or does it take in firms like us that
# print metal parts": set EP)
COVERS_MAX_WORDS = 20
# "whats intelligent public services when its at home" (set BH chose it): the idiom asks
# what a thing is, with or without its "?"
AT_HOME = re.compile(r"\W*\bwhen (it'?s|its|it is|they'?re|theyre|they are) at home\W*$")
WHAT_IS = re.compile(r"^(so |ok |sorry |um |erm )*(what'?s|whats|what is|what are) (the )?\w")
# "whats intelligent mobility when its not in council speak?" (set EP chose it), "... in
# plain English", "... for normal people": a name asked for in everyday words, the words
# that ask so no part of the name
IN_PLAIN_WORDS = re.compile(
    r"\W*\b(when (it'?s|its|it is|they'?re|theyre|they are) (not )?in [\w' ]{1,25}|"
    r"in (plain|normal|simple|everyday|ordinary|real|proper|layman'?s|laymans|human) "
    r"(english|words|terms|language|speak)|in english|for (normal|ordinary|regular|real) "
    r"(people|folk|humans|businesses)|for the rest of us|for dummies|"
    r"without (the )?(jargon|buzzwords|council speak|management speak))\W*$",
    re.IGNORECASE,
)


def in_plain_words(question: str) -> str:
    """The question without the words asking for it in plain words ("whats intelligent
    mobility when its not in council speak" -> "whats intelligent mobility")."""
    return IN_PLAIN_WORDS.sub("", question.replace("’", "'"))


def asks_what_it_covers_of(text: str) -> bool:
    """A short question asking what a theme covers or means, ending in "?" (or in "when it's
    at home"), or what it is in plain words."""
    bare = without_addressees(text).strip()
    if AT_HOME.search(bare.lower()):
        plain = LEAD_INS.sub("", normalise(AT_HOME.sub("", bare.lower())))
        return len(plain.split()) <= COUNTS_MAX_WORDS and WHAT_IS.match(plain) is not None
    question, mark, context = bare.partition("?")
    plain = LEAD_INS.sub("", normalise(in_plain_words(question)))
    # "whats intelligent mobility when its not in council speak? might be us" (set EP)
    plainly = in_plain_words(question) != question.replace("’", "'")
    return (
        # a question by its words when it has no "?": "whats the high performance one cover"
        (bool(mark) or plain.startswith(("what", "which")))
        and len(plain.split()) <= (COUNTS_MAX_WORDS if plainly else COVERS_MAX_WORDS)
        and (COVERS.match(plain) is not None or (plainly and WHAT_IS.match(plain) is not None))
        and len(normalise(context).split()) <= CONTEXT_MAX_WORDS
        and CHOOSES_AFTER.search(normalise(context)) is None
    )


def asks_if_it_counts(text: str) -> bool:
    """A short question, ending in "?", about whether something counts under a theme,
    with at most a line of context after it."""
    bare = without_addressees(text).strip()
    question, mark, context = bare.partition("?")
    plain = LEAD_INS.sub("", normalise(question))
    rest = normalise(context)
    return (
        bool(mark)
        and 0 < len(plain.split()) <= COUNTS_MAX_WORDS
        and COUNTS_AS.match(plain) is not None
        and "?" not in context
        and len(rest.split()) <= CONTEXT_MAX_WORDS
        and CHOOSES_AFTER.search(rest) is None
    )


# "whats the difference between digital science and intelligent public services" at a
# choice (set AT chose both): a question, with or without its question mark
DIFFERENCE = re.compile(
    r"^(so |ok |sorry |um |erm )*(what'?s|whats|what is|how'?s|hows|how is) the difference "
    r"between\b|^how (is|are|do|does) .+ differ(ent)?\b|^(is|are) .+ (not )?the same (thing )?as\b"
)


def asks_the_difference(text: str) -> bool:
    """A question asking how themes differ, not a choice of them."""
    return DIFFERENCE.match(normalise(without_addressees(text))) is not None


def long_question_about_the_strategy(text: str) -> bool:
    """A message of up to sixteen words that opens "what is this arc ...", "wat happens
    after this ...", "is there a way for us to ..." and names the strategy or a topic the
    FAQ answers: "what the LEP should do is fix the A41" opens with no question."""
    plain = _opening_question(text)
    return plain is not None and (about_the_consultation(plain) or asked_topic(plain) is not None)


def opens_with_question(text: str) -> bool:
    """The message starts with a short question and goes on ("is this only for tech
    companies? we're a garden centre"); "would better trains help? yes!" does not count
    (no question word: a view in the form of a question)."""
    if "?" not in text:
        return False
    words = LEAD_INS.sub("", normalise(text.split("?", 1)[0])).split()
    if not words or len(words) > QUESTION_MAX_WORDS:
        return False
    return words[0] in QUESTION_WORDS or ASKING_PHRASES.match(" ".join(words)) is not None


# Words that make a question one about the strategy or this consultation, so it is
# answered rather than stored as a view ("so what's the Arc got to do with us?"). Only
# words of the strategy itself: "why can't you fix the roads?" is a view.
CONSULTATION_TERMS = re.compile(
    r"\b(lis|local industrial strateg\w*|industrial strateg\w*|(the|this|your|another) strategy|"
    r"arc|ox ?cam|oxford cambridge|islands?|seabed|sea bed|seabed drivers?|lep|btvlep|"
    r"shared intelligence|consultation|survey|steering group|grand challenges?|themes?|"
    # "saw ur #bucksLIS post" between the hello and the yes (the fifteenth set kept it as a
    # view): the campaign's tag, or the post or letter that brought the business here
    r"buckslis|(your|ur|yr) (post|tweet|dm|ad|advert|letter|leaflet|flyer)|"
    # "one of our tenants forwarded me the link to this" (set FS kept it as an early view)
    r"(forwarded|sent|shared|passed|emailed|texted) (me|us)( on)? (the|a|this|your) link"
    r"( (to|for) (this|it|the survey|the consultation)\b|(?= *[.,!?;]|$))|"
    # "does anything actually happen with these answers?" (set BP kept it as a view)
    r"(these|my|our) (answers|responses))\b"
)


# "@btvlep b4 i start how long is this gonna take" at the name question, "Three of us. How
# long is the rest of this going to take, roughly?" (set CR filed the first as the name and
# lost the head count in the second): how long the chat takes
HOW_LONG = re.compile(
    r"\bhow long (is|will|does|would|'?s)( all)? (this|it|the rest( of (this|it))?|the survey|"
    r"the chat|the questions)( (gonna|going to|likely to|meant to|supposed to))?( take| last| be)"
    r"|\bhow (many|much) more (questions|of (this|these)|to go)\b"
)


def asks_how_long(text: Any) -> bool:
    """The message asks how long the chat takes (or how many questions are left)."""
    return (
        isinstance(text, str) and HOW_LONG.search(normalise(without_addressees(text))) is not None
    )


def about_the_consultation(text: str) -> bool:
    """The message mentions the strategy, the consultation or the bot ("you", "this"); the
    @btvlep that opens every message to us on X is no mention (set AN: "@btvlep why does
    every new grad vet want a city practice? ..." was answered as a question to us)."""
    said = normalise(without_addressees(text)).replace("-", " ")
    return CONSULTATION_TERMS.search(said) is not None


# A question about the consultation, then a few words of context: "whats an island
# exactly? we just machine valves, didnt know we were on one", "before i answer that one,
# who actually sees this? dont want pinewood reading me moan", "is it only these 5 sectors
# the strategy cares about? were more general engineering really" (set Z kept all three as
# the answer). Answered, and the question asked again. Not when the words after it
# complain or ask for something: "what's the Arc for? our problem is the A41" is a view.
ABOUT_THIS = re.compile(rf"\b({WHO_SEES}|sectors?|industries)\b")
_WHO_SEES = re.compile(rf"\b({WHO_SEES})\b")


def asks_who_sees(text: str) -> bool:
    """A question about who reads the answers or whether the business is named in the
    report: answered from the privacy notice, never kept as a view."""
    return looks_like_question(text) and _WHO_SEES.search(normalise(text)) is not None


REMARK_MAX_WORDS = 12
# After a question about who reads the answers the remark is the worry behind it, and a
# worry takes more words: "who actually reads what I put here? half our clients are
# councils and I don't want to be seen slagging them off" (set AI kept it as the answer)
WHO_SEES_REMARK_MAX_WORDS = 20
REMARK_IS_A_VIEW = re.compile(
    r"\b(problems?|issues?|need|needs|awful|terrible|nightmare|joke|shocking|gridlock\w*|"
    r"can'?t|cannot|couldn'?t|struggl\w*|no ?one|nobody|lack|shortage|expensive|costs?|"
    r"fix|sort|help|please|should|must|(?<!don't )(?<!dont )(?<!do not )want|wish|hope)\b"
)


def question_before_remark(text: str) -> str | None:
    """The opening question, when the message opens with a question about the consultation
    or the strategy and adds a few words of context that ask or complain about nothing: a
    side question, not an answer. None otherwise."""
    text = without_addressees(text)  # "@btvlep is it only ...?" on X
    if not opens_with_question(text):
        return None
    asked, rest = text.split("?", 1)
    if not (about_the_consultation(asked) or ABOUT_THIS.search(normalise(asked))):
        return None
    remark = normalise(rest)
    longest = WHO_SEES_REMARK_MAX_WORDS if _WHO_SEES.search(normalise(asked)) else REMARK_MAX_WORDS
    if (
        "?" not in rest
        and 0 < len(remark.split()) <= longest
        and not REMARK_IS_A_VIEW.search(remark)
    ):
        return asked
    return None


def question_then_remark(text: str) -> bool:
    """A side question followed by a few words of context (`question_before_remark`)."""
    return question_before_remark(text) is not None
