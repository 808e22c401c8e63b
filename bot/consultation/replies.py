"""What a short reply means, before anything is stored: skip, none, nothing to say,
"hang on", a bare "thanks", or a question back.

One vocabulary and one normaliser for every question the bot asks (profile, theme
choice, open answers, play-back), so "not sure tbh" or "hold on" is read the same way
wherever it comes. Whole-reply matchers: "hang on, the roads are bad" is an answer, not
a hold. No Rasa imports.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def normalise(text: str) -> str:
    """Lower-case words of letters, digits, apostrophes and "/", single-spaced; accents
    dropped so "Dzień dobry" reads as "dzien dobry", not "dzie dobry".

    "Hang on..." -> "hang on"; "N/A" -> "n/a"; "Don’t know!" -> "don't know".
    """
    text = text.lower().replace("’", "'").replace("‘", "'").replace("&", " and ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9'/ ]+", " ", text).split())


def _whole(pattern: re.Pattern[str], text: Any) -> bool:
    """The reply, normalised, is nothing but `pattern`."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return bool(norm) and pattern.fullmatch(norm) is not None


# Typed skips and the Skip button: skip this question, whatever it is.
SKIP_WORDS = frozenset(
    {
        "skip",
        "/skip",
        "pass",
        "next",
        "n/a",
        "na",
        "none",
        "no",
        "nope",
        "rather not say",
        "prefer not to say",
        "rather not",
        "dont know",
        "don't know",
        "not sure",
    }
)
DASHES = frozenset({"-", "--", "–", "—"})


def is_skip(text: str | None) -> bool:
    """A typed skip ("skip", "n/a", "rather not say", "-") or the Skip button."""
    if not text:
        return False
    return text.strip() in DASHES or normalise(text) in SKIP_WORDS


# Whole replies that mean "nothing to say here": more than the skip words.
NOTHING_TO_SAY = re.compile(
    r"(no|n|nah|nope|pass|skip|next|dunno|idk|unsure|no comment|no idea|no clue|not a clue|"
    r"(i )?(have|haven)'?t (got )?(a|any) (clue|idea)|(i )?(don'?t|do not|dont) know|"
    r"(i'?m )?not (really )?sure|can'?t say|couldn'?t (say|tell you)|beats me|"
    r"nothing( really| to add| to say| comes to mind)?|not (really )?applicable|"
    r"(it )?does(n'?t| not) apply( to us| to me)?|not relevant( to us| to me)?|"
    r"rather not( say| answer| answer that)?|prefer not to( say| answer)?|"
    r"none( of (them|these|those|that))?|n/?a|no answer|no views|no opinion|no strong views|"
    r"none of your business|mind your own( business)?|not telling( you)?|private|"
    r"confidential|cba|can'?t be (arsed|bothered)|not bothered)"
    r"( really| tbh| tbf| ngl| innit| to be honest| thanks| thank you| sorry| mate)*"
    r"(,? ?(next|skip|pass|move on)( please)?)?"
)


# "can we skip all this", "skip the rest" ("skip teh rest" typed on a phone): every
# remaining question of this part
SKIP_THE_REST = re.compile(
    r"\b(skip|pass|miss|leave|jump|don'?t want to (answer|do)|cba|can'?t be (arsed|bothered)|"
    r"not bothered)\b.*"
    r"\b(all( of)?( this| these| that| them| the questions)?|(the|teh|th) (rest|lot)|"
    r"these( questions)?|the questions|everything|this (bit|part|section|stuff))\b"
)


def skips_the_rest(text: Any) -> bool:
    """The business skips every remaining question of this part, not just this one."""
    return isinstance(text, str) and SKIP_THE_REST.search(normalise(text)) is not None


def means_nothing(text: Any) -> bool:
    """A short reply with nothing to record ("no idea", "dunno", "nah", "not sure tbh",
    and a plain no such as "nope not really" or "negative")."""
    if isinstance(text, str) and is_skip(text):
        return True
    return _whole(NOTHING_TO_SAY, text) or says_no(text)


# At a choice of themes: none of them ("none of these", "nothing", "neither").
NONE_WORDS = re.compile(
    r"\b(none( of (them|these|those))?|nothing|neither|not really|skip|no thanks|not relevant)\b"
)


def none_reply(text: str) -> str | None:
    """If the reply says none of the listed choices matter, what else it says ("" if
    nothing); None if it does not say none. The caller checks the rest names no theme
    ("none, but space matters" is a choice)."""
    if is_skip(text):
        return ""
    norm = normalise(text)
    if not NONE_WORDS.search(norm):
        return None
    return " ".join(NONE_WORDS.sub(" ", norm).split())


# "hang on", "one sec", "erm": not an answer yet; the question is asked again
HOLDING = re.compile(
    r"((hang on|hold on|hold up|hang about|wait( up)?|whoa|bear with( me)?|(just )?(one|two|1|2) "
    r"(sec|secs|second|seconds|mo|moment|min|mins|minute|minutes|tick)|"
    r"(just )?a (sec|second|mo|moment|min|minute|tick)|(give|gimme|give me) (me )?"
    r"(a|one|two) (sec|secs|second|seconds|mo|moment|minute|minutes|tick)|brb|"
    r"back in a (sec|mo|moment|minute|min)|"
    r"let me (think|check|see|look|read)( (that|it|this|about it))?( again| first)?|thinking|"
    r"uh+|um+|erm+|er+|hmm+|ok|okay|right|so|actually|"
    # "actually carry on" inside a question: not an answer, so the question is asked again
    r"carry on|keep going|continue|let'?s (carry on|continue|keep going)|resume)"
    r"( please| pls| a (sec|second|mo|moment|minute|min|tick)| a bit| about it| on that)*"
    r" ?)+"
)


# "hello?", "hi sorry got distracted", "you still there?": a greeting mid-question is a
# nudge to carry on, never the answer (the question is asked again)
GREETING = re.compile(
    r"((hi|hiya|hello|helo|hallo|hullo|hey|heya|howdy|yo|morning|afternoon|evening|"
    r"good (morning|afternoon|evening|day)|there|again|me again|it'?s me( again)?|"
    # greetings in the other languages Buckinghamshire businesses are run in
    r"dzien dobry|czesc|witam|hola|buenos dias|bonjour|buongiorno|guten tag|ola|bom dia|"
    r"buna ziua|salaam|salam|as?salamu? alaikum|namaste|sat sri akal|merhaba|"
    # Welsh, often mixed with English ("shwmae! hi")
    r"shwmae|shwmai|sut mae|bore da|prynhawn da|noswaith dda|helo bawb|"
    r"(are )?you (still )?there|anyone there|(i'?m|i am) back|back( now)?|sorry|soz|apologies|"
    r"(i )?(got|was|been|just got) (distracted|sidetracked|called away|pulled away|busy|"
    r"interrupted)|(i )?was (away|on the phone|on a call|in a meeting)|"
    r"about that|for the (wait|delay)|where (was i|were we))( |$))+"
)


# "Hi again, it's Sarah from the bakery": a greeting that says who is back. Only after a
# greeting, and a name is not "the"/"a" ("hi, it's the roads again" is a view).
GREETING_WITH_NAME = re.compile(
    r"(hi|hiya|hello|hey|morning|afternoon|good (morning|afternoon|evening))( again| there)?"
    r" (it'?s|its|it is|this is) (?!the |a |an |our |my |all )[a-z]+( [a-z]+)?"
    r"( (from|at|here)( [a-z0-9'&]+){0,4})?( again| here)?"
)


def greeting_only(text: Any) -> bool:
    """Nothing but a greeting or an apology for a pause ("hello?", "hi sorry, got
    distracted", "hi again, it's Sarah from the bakery"): not an answer to the pending
    question."""
    return _whole(GREETING, text) or _whole(GREETING_WITH_NAME, text)


def punctuation_only(text: Any) -> bool:
    """ "...", "?", "!!": no words, no emoji, and not a skip dash."""
    if not isinstance(text, str):
        return False
    stripped = text.strip()
    return (
        bool(stripped)
        and stripped not in DASHES
        and all(
            not ch.isalnum() and (ch.isspace() or ch.isascii() or ch in "…“”‘’") for ch in stripped
        )
    )


def holding(text: Any) -> bool:
    """The business is not answering yet ("hang on", "one sec", "erm", "...", or a
    greeting mid-question: "hello?"), so the question is asked again."""
    return _whole(HOLDING, text) or greeting_only(text) or punctuation_only(text)


# Thank you in the other languages businesses here write in ("diolch yn fawr", the 8th set)
OTHER_THANKS = (
    r"diolch( yn fawr)?|merci( beaucoup)?|danke( schon| sehr)?|gracias|dziekuje|obrigad[oa]|"
    r"grazie( mille)?|dank je( wel)?|shukran|dhanyavaa?d|tesekkurler|multumesc|spasibo"
)
# "yes", "thanks", "cool": a reply, but no view to record on an open question
ACKNOWLEDGEMENT = re.compile(
    r"((yes|yeah|yep|yup|ya|yea|sure|fine|good|great|cool|nice|lovely|brilliant|perfect|"
    r"excellent|agreed|agree|true|indeed|absolutely|definitely|of course|sounds good|"
    rf"{OTHER_THANKS}|"
    r"thanks|thank you|thankyou|thx|ta|cheers|lol|haha|ha|noted|got it|understood|"
    r"will do|makes sense|interesting)( very much| so much| a lot| mate| then)* ?)+"
)


def acknowledgement_only(text: Any) -> bool:
    """Nothing but "yes", "thanks", "cool"... (emoji and punctuation ignored)."""
    if isinstance(text, str) and not normalise(text):
        stripped = text.strip()  # only emoji ("👍"); a dash alone is a skip
        return bool(stripped) and stripped not in DASHES and not re.search(r"[0-9A-Za-z]", text)
    return _whole(ACKNOWLEDGEMENT, text)


QUESTION_WORDS = frozenset(
    {
        "what",
        "whats",
        "what's",
        "who",
        "whos",
        "who's",
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
    }
)
# Openings people put before a question ("so what's the Arc?", "sorry, who runs this").
LEAD_INS = re.compile(
    r"^((so|and|but|ok|okay|oh|sorry|hang on|hold on|wait|quick question|actually|um|erm|"
    r"also|just|out of interest|before (that|i answer))\b[ ,]*)+"
)
ASKING_PHRASES = re.compile(
    r"^(tell me|can you (tell|explain)|could you (tell|explain)|i'?d like to know|"
    r"i want to know|remind me|i'?m not sure what|not sure what|i don'?t (know|understand) what)"
    r"\b"
)
QUESTION_MAX_WORDS = 10


def looks_like_question(text: str) -> bool:
    """A question to the bot rather than an answer: "what is the arc?", "so what's this
    Arc thing", "tell me about the islands"; but "What would help? A train to MK" is an
    answer (it goes on after its question mark), and so is a long sentence."""
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    if "?" in stripped:
        return False
    norm = LEAD_INS.sub("", normalise(stripped))
    words = norm.split()
    if not words or len(words) > QUESTION_MAX_WORDS:
        return False
    return words[0] in QUESTION_WORDS or ASKING_PHRASES.match(norm) is not None


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
    r"\b(lis|local industrial strateg\w*|industrial strateg\w*|(the|this|your) strategy|"
    r"arc|ox ?cam|oxford cambridge|islands?|seabed|sea bed|seabed drivers?|lep|btvlep|"
    r"shared intelligence|consultation|survey|steering group|grand challenges?|themes?)\b"
)


def about_the_consultation(text: str) -> bool:
    """The message mentions the strategy, the consultation or the bot ("you", "this")."""
    return CONSULTATION_TERMS.search(normalise(text).replace("-", " ")) is not None


# "sorry, I meant Silverstone Park", "correction: it's the A418": the business corrects
# the answer it has just given rather than answering the next question
SELF_CORRECTION = re.compile(
    r"^((sorry|oops|whoops|soz|apologies|my bad|typo|correction|actually|no|wait|sorry again)"
    r"[ ,:-]*)*"
    r"(i meant|meant to (say|write|type)|should (have|'?ve) (said|written)|"
    r"(that|it) should (say|read|be|have said)|(sorry|oops|whoops|no) i mean\b|"
    r"correction\b|typo\b|ignore (that|my last|the last)|scratch that)"
)


# "*better broadband", "broadband*": a typo fixed the way people do on a phone (short)
STARRED = re.compile(r"\*\s*\w[^*]*|[^*]*\w\*")
STARRED_MAX_WORDS = 6


def corrects_last_answer(text: Any) -> bool:
    """The message corrects the previous answer ("sorry I meant Silverstone Park, not the
    track", "*better broadband"); it is kept against the question that answer was given to."""
    if not isinstance(text, str):
        return False
    stripped = text.strip()
    if STARRED.fullmatch(stripped) and len(stripped.split()) <= STARRED_MAX_WORDS:
        return True
    return SELF_CORRECTION.match(normalise(text)) is not None


# "space - no wait, medical technologies", "film, actually no, space": a choice changed
# mid-message; only what follows the last change of mind counts
CHANGE_OF_MIND = re.compile(
    r"\b(no wait|wait no|no sorry|sorry no|actually no|no actually|sorry i mean|i meant|"
    r"scratch that|make that|or rather|on second thoughts?|correction)\b"
)


def after_change_of_mind(text: str) -> str:
    """What follows the last change of mind in a choice ("space, no wait, medical tech"
    -> "medical tech"), or the whole text when it has none or nothing follows it."""
    norm = normalise(text)
    parts = CHANGE_OF_MIND.split(norm)
    last = parts[-1].strip() if len(parts) > 1 else ""
    return last or text


# Swearing alone, or losing patience with the questions ("ffs this is taking ages", "how
# many more?"): not a view. Only about *this* ("the planning process is taking ages" is a
# view), and only as the whole message.
_SWEAR = r"(fucking|fuckin|effing|bloody|sodding|freaking|flipping|damn|so|really|very|too)"
IMPATIENT = re.compile(
    r"((ffs+|omg|jeez|jesus|christ|god|ugh+|argh+|come on|seriously|honestly|bloody hell|"
    r"for (fuck|god|pete|heaven|christ)'?s sake|"
    rf"(this|it)( is|'?s) (taking|going on)( {_SWEAR})? (ages|forever|too long|so long|a while|"
    r"a long time|for ever)|"
    rf"(this|it)( is|'?s)( {_SWEAR})* (long|boring|tedious|slow|dragging( on)?|endless)|"
    r"how (many|much) more( questions| of (these|them|this)| to go| left)?( to go| left)?|"
    r"how much longer|how long (is|will) (this|it) (take|go on)|are there (many|lots) more|"
    r"are we (nearly|almost) (done|there|finished)|"
    r"is (this|it) (nearly|almost) (done|over|finished)|"
    rf"(too|so)( {_SWEAR})? many questions|hurry (up|it up)|get on with it|i'?m bored|"
    r"(i'?m )?losing the will to live|not again)( |$))+"
)


def impatient(text: Any) -> bool:
    """Frustration with the questions, nothing else ("ffs this is taking ages")."""
    return _whole(IMPATIENT, text)


# "fine just finish it", "ok end it there": finishing, said in a few words NLU may miss
FINISH = re.compile(
    r"((fine|ok|okay|right|alright|yes|yeah|so|just|please|pls|then|now|can we|could we|"
    r"let'?s|lets|i want to|i'?d like to|i'?ll)( |$))*"
    r"(finish|end|stop|wrap( it| this)? up|call it a day)"
    r"( (it|this|that|here|there|now|up|then|please|pls|the questions|the survey|already))*"
)


def asks_to_finish(text: Any) -> bool:
    """The whole message asks to finish now ("fine just finish it", "ok end it there")."""
    return _whole(FINISH, text)


# A plain no or yes, whatever NLU made of it ("negative" reads as a theme, "nope not
# really" as a view): the follow-up question and the after-close reply read these.
NO_REPLY = re.compile(
    r"((no|nah|nope|naw|na|n|negative|not really|not for (me|us|now)|no thanks|no thank you|"
    r"no ta|i'?m (good|ok|okay|alright)|we'?re (good|ok|okay|alright)|you'?re alright|"
    r"not at the moment|not right now|not today|(i )?don'?t think so|definitely not|"
    r"(that'?s )?a negative|negative on that)( thanks| thank you| ta| mate| cheers| tbh| really|"
    r" to be honest| i'?m afraid| sorry)*[ ,]*)+"
)
YES_REPLY = re.compile(
    r"((yes|yeah|yep|yup|yh|ya|yea|aye|sure|ok|okay|go on|go on then|why not|please|"
    r"yes please|affirmative|of course|definitely|absolutely)( then| thanks| thank you| please|"
    r" mate| ta)*[ ,]*)+"
)


def says_no(text: Any) -> bool:
    """The whole reply is a no ("negative", "nah", "nope not really", "no ta")."""
    return _whole(NO_REPLY, text)


def says_yes(text: Any) -> bool:
    """The whole reply is a yes ("yes", "yeah go on then", "sure")."""
    return _whole(YES_REPLY, text) and not says_no(text)
