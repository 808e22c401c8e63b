"""Replies that point back or step aside from the question: "same as before", an answer
carried on in a second message ("and the A41 is a nightmare"), "can I change what I said
about roads?", "are you a bot?", and numbers typed to choose from a list ("2", "1 and 4").

Found by the fourth set of unseen conversations (benchmarks/data/conversation_probe_d.yml).
Kept apart from `replies/` (what a short reply means) so each stays one job; the same
normaliser. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import (
    acknowledgement_only,
    greeting_only,
    holding,
    impatient,
    looks_like_question,
    means_nothing,
    normalise,
)

# "same as before", "see above", "ditto", "as I said": the last answer stands for this
# question too; nothing new to note and nothing to ask more about
SAME_AS_BEFORE = re.compile(
    r"((it'?s |its |my answer'?s |answer'?s )?(the )?same( again| here| thing| answer| story)?"
    r"( as (before|above|last time|the last one|the one before|my last( answer| one)?|"
    r"previous|i said( before| above)?))?|ditto|as (above|before|i said|per above)|"
    r"see (above|before|my (last|previous|earlier|other) (answer|one|message|reply))|"
    r"(i'?ve|i have) already (said|answered|told you)( that| this)?|"
    r"already (said|answered)( that)?)"
    r"( really| tbh| to be honest| thanks| i think| i guess| basically| pretty much| again)*"
)


def same_as_before(text: Any) -> bool:
    """The whole reply says the previous answer applies again ("same as before")."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return bool(norm) and SAME_AS_BEFORE.fullmatch(norm) is not None


# "and the A41 is a nightmare", "also, parking", "oh and another thing ...": a second
# message that carries on the answer just given (sent before the next question was read);
# also a reason or a consequence sent on its own ("because the college stopped teaching
# it", "so we train our own now", the eighth set): "so" only before who or what it is about
_OPENERS = (
    r"oh and|and also|and|also|plus|oh also|because|cos|coz|cuz|bcos|bcoz|cause|'cause|"
    r"which means|but|so (?=(we|i|they|it|that|now|everyone|nobody|no one|people|our|my)\b)"
)
CONTINUES = re.compile(rf"^({_OPENERS}|ps|p s|one more thing)\b")
CONTINUATION_MIN_WORDS = 3


def continues_answer(text: Any) -> bool:
    """The message opens as a continuation ("and ...", "also ...") and says something
    more about the answer: not a question to the bot ("and what happens next?")."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return (
        bool(CONTINUES.match(norm))
        and len(norm.split()) >= CONTINUATION_MIN_WORDS
        and not new_turn_after_and(text)
    )


def answered(previous: str | None) -> bool:
    """The business's message before this one was an answer (not a skip, "yes" or "hang
    on"), so an "and ..." now can carry it on."""
    if not previous:
        return False
    return not (
        previous.startswith("/")
        or means_nothing(previous)
        or holding(previous)
        or acknowledgement_only(previous)
    )


# After "and", words that turn a question to the bot, the consultation or what happens to
# the answers ("and can I see the results?"), not to the business's own subject ("and
# why can't anyone fix the A413?" carries the answer on)
TO_THE_BOT = re.compile(
    r"\b(you|your|u|ur|this|these|next|results?|report|findings|happens|happen|hear back|"
    r"(my|our) (answers?|data|details|views|responses?)|(the|this) (survey|consultation|chat))\b"
)


def without_and(text: str) -> str:
    """The message without an opening "and" / "also" ("and how long will this take?" ->
    "how long will this take?"); the message itself when it has none."""
    match = re.match(rf"\s*({_OPENERS})\b[\s,.]*", text, re.IGNORECASE)
    return text[match.end() :] if match and text[match.end() :].strip() else text


def new_turn_after_and(text: Any) -> bool:
    """ "and what happens next?", "and how long will this take?", "and are you a bot?":
    a new turn, answered (not kept with the answer before it)."""
    if not isinstance(text, str):
        return False
    rest = without_and(text)
    if rest == text:
        return False
    if impatient(rest) or asks_about_the_bot(rest) or asks_to_change_answer(rest):
        return True
    return looks_like_question(text) and TO_THE_BOT.search(normalise(rest)) is not None


# "can I change what I said about roads?", "how do I edit my answer": not a view
CHANGE_ANSWER = re.compile(
    r"\b(can|could|how (do|can|would)|may|i ?(want|need|would like|'?d like) to|let me|"
    r"is it possible to)"
    r" (i |we |you )?(change|edit|amend|correct|update|fix|redo|alter|go back (to|and change))"
    r" (what i (said|wrote|put|typed|told you)|my (\w+ )?(answer|answers|reply|response|comment)|"
    r"an? (\w+ )?(answer|reply|response)|the (\w+ )?(answer|reply|response)|something i said|"
    r"one of my answers|that|it|the bit about)\b"
)
CHANGE_MAX_WORDS = 16
# "undo", "go back", "oops, back to the last question": the whole reply asks to take back
# what was just said (a bare "back" is also "I'm back" after a pause: see `goes_back`)
GO_BACK = re.compile(
    r"((oops|whoops|sorry|wait|no|oh|hang on|er|erm|damn|argh) )*"
    r"((can i|can we|could i|could we|let me|i want to|i need to|i'?d like to) )?"
    r"(undo|go back|back up|back)( (that|it|one|a step|a question|my (last )?answer|"
    r"to (the )?(last|previous) (question|one|answer)))?( please| pls| sorry)*"
    r"|((the )?previous|last) question( please| pls)?"
)


# "back", "oops back", "back, sorry": also what people type on returning after a pause
BARE_BACK = re.compile(r"((oops|whoops|sorry|wait|no|oh|er|erm) )*back( sorry| now)?")


def asks_to_go_back(text: Any) -> bool:
    """ "undo", "go back", "back to the last question": not an answer, nor a view."""
    return isinstance(text, str) and GO_BACK.fullmatch(normalise(text)) is not None


def goes_back(text: Any, previous: str | None) -> bool:
    """The business asks for the previous question again: "undo", "go back", or "back"
    straight after an answer ("back" after "brb" or "one sec" says it has returned)."""
    if not asks_to_go_back(text):
        return False
    if not BARE_BACK.fullmatch(normalise(text)) or previous is None:
        return True
    return not holding(previous) and not greeting_only(previous)


def asks_to_change_answer(text: Any) -> bool:
    """A short message asking how to change something already said ("can I change what
    I said about roads?", "undo")."""
    if not isinstance(text, str):
        return False
    if asks_to_go_back(text) and not BARE_BACK.fullmatch(normalise(text)):
        return True  # "undo", "go back one": a bare "back" mid-question is "I'm back"
    norm = normalise(text)
    return len(norm.split()) <= CHANGE_MAX_WORDS and CHANGE_ANSWER.search(norm) is not None


# "are you a bot?", "who are you?", "am I talking to a real person?": the bot says plainly
# that it is automated
ABOUT_THE_BOT = re.compile(
    r"^((so|sorry|wait|hang on|quick question|just wondering|out of interest) )*"
    r"((are|r) (you|u) (a |an |just a |some kind of |some sort of )?(bot|robot|chat ?bot|ai|"
    r"real|human|person|real person|computer|machine|automated|program|actual person)|"
    r"(who|what) (are|r) (you|u)|who'?s this|who is this|what is this thing|"
    r"(am i|are we) (talking|speaking|chatting) (to|with) (a |an )?(bot|robot|real person|human|"
    r"person|machine|computer|ai|someone|anyone)|who am i (talking|speaking|chatting) (to|with)|"
    r"is (this|that) (a |an )?(bot|robot|real person|human|person|automated|ai|machine)|"
    r"is (there )?(anyone|someone|a person|a human) (actually )?(there|reading this|typing))"
    r"( or (a |an |just a )?(bot|robot|chat ?bot|ai|real person|person|human|machine|not))?"
    r"( (actually|really|then|exactly|even|though|mate|please))*$"
)


# "is this the council?", "are you Bucks council?" (the eighth set): told plainly it is the
# LEP's consultation, not the council
ABOUT_THE_COUNCIL = re.compile(
    r"^((hi|hiya|hello|hey|morning|sorry|so|wait|um|erm|quick question|just checking|ok|oh)"
    r" )*(is (this|that|it) (run by |from |part of )?|are (you|u) (from |part of |with )?|"
    r"am i (talking|speaking|chatting) (to|with) )(the |a )?(buckinghamshire |bucks |county |"
    r"local |district )*council( (then|or not|or what|website|chat|thing|bot|actually))*$"
)


def asks_if_council(text: Any) -> bool:
    """ "is this the council?", "are you from Bucks council?"."""
    return isinstance(text, str) and ABOUT_THE_COUNCIL.match(normalise(text)) is not None


def asks_about_the_bot(text: Any) -> bool:
    """ "are you a bot?", "who are you?", "am I talking to a real person?"."""
    return isinstance(text, str) and ABOUT_THE_BOT.match(normalise(text)) is not None


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
    words = normalise(text).split()
    numbers = [w for w in words if w.isdigit()]
    if not numbers or any(not w.isdigit() and w not in CHOICE_FILLER for w in words):
        return None
    picked = {int(n) for n in numbers}
    if any(n < 1 or n > len(options) for n in picked):
        return None
    return [option for i, option in enumerate(options, start=1) if i in picked]


# "see my website", "www.marlowboathire.co.uk", "it's all on our LinkedIn": the answer is
# somewhere the team would have to go and read; nothing here to note or tag
URL = re.compile(
    r"(https?://\S+|www\.\S+|\b[\w-]+(\.[\w-]+)*\.(co\.uk|org\.uk|ac\.uk|gov\.uk|com|org|net|"
    r"uk|io|biz|info)\b\S*)",
    re.IGNORECASE,
)
POINTER = re.compile(
    r"((please |just |you can |you could |go and |have a )*(see|check|look at|visit|read|look|"
    r"check out|take a look at|go to|google)( at)?|"
    r"(it'?s|its|it is|everything'?s|all|the answer'?s|details are)( all| everything)? "
    r"(on|in|at))? ?"
    r"(my|our|the|their|us on)? ?(website|web site|site|webpage|web page|page|linkedin|facebook|"
    r"instagram|twitter|blog|brochure|link|url|submission|report|response|email)s?"
    r"( (here|above|below|then|for (that|details|more|info)))*( please| thanks| mate)*"
)


def points_elsewhere(text: Any) -> bool:
    """The whole reply points somewhere else ("see my website", a bare link): the bot
    can't open it, so it asks for a sentence; a view with a link in it is a view."""
    if not isinstance(text, str):
        return False
    rest = normalise(URL.sub(" ", text))
    had_link = URL.search(text) is not None
    return (had_link and not rest) or (bool(rest) and POINTER.fullmatch(rest) is not None)


def asks_what_was_said(text: Any) -> bool:
    """ "can I see what I've said so far?", "what have I told you?": the answers so far are
    shown, the question asked again."""
    return isinstance(text, str) and SAID_SO_FAR.search(normalise(text)) is not None


_SAID = r"(said|say|told you|tell you|written|wrote|write|put|answered|typed)"
SAID_SO_FAR = re.compile(
    rf"\b((what|everything) (have|did) (i|we) {_SAID}|"
    rf"(what|everything) (i'?ve|i have|we'?ve|we have|i|we) {_SAID} (so far|already|up to now)|"
    r"(see|show|read|recap|list|review|check)( me)? (back )?"
    rf"(what (i'?ve|i have|i|we'?ve|we have|we) {_SAID}|"
    r"(my|our|the) (answers|replies|responses|comments|notes|views))|"
    r"(my|our) answers so far|recap|(what|anything) (have )?you (got|noted|recorded|written "
    r"down|taken down)( (from|of|about) (me|us))?( so far)?)\b"
)
MAX_SO_FAR_WORDS = 14


def steps_aside(text: Any) -> bool:
    """A message about the chat itself, answered and the question asked again: "are you a
    bot?", "is this the council?", "can I change what I said?", "what do you mean?", "what
    have I said so far?", "can my colleague do this too?"."""
    if not isinstance(text, str):
        return False
    short = len(normalise(text).split()) <= MAX_SO_FAR_WORDS
    return (
        asks_about_the_bot(text)
        or asks_if_council(text)
        or asks_to_change_answer(text)
        or asks_what_the_question_means(text)
        or asks_if_others_can_take_part(text)
        or (short and asks_what_was_said(text))
    )


# "right, that one then", "go with that", "yes that": the choice is what was just asked
# about ("does that include Silverstone?" -> High performance technology)
REFERS_BACK = re.compile(
    r"((right|ok|okay|yes|yeah|yep|fine|great|cool|then|so|in that case|i'?ll|i will|we'?ll|"
    r"let'?s|go with|pick|choose|have|take|put me down for|put us down for)( |$))*"
    r"(that( one| island| driver)?|this( one)?|it|those( ones)?|them|the one you (said|mentioned))"
    r"( (then|please|thanks|one|for me|for us|sounds right|matters|applies))*"
)


def refers_back(text: Any) -> bool:
    """The whole reply chooses what was just talked about ("that one then")."""
    return isinstance(text, str) and REFERS_BACK.fullmatch(normalise(text)) is not None


# "what do you mean by opportunities?", "like what?", "such as?": the question explained
WHAT_IT_MEANS = re.compile(
    r"^((sorry|so|but|um|erm|hmm|ok|okay|and) )*"
    r"(what (do|did) (you|u) mean( by (that|this|\w+( \w+)?))?|what does (that|this|it) mean|"
    r"meaning|like what|such as|for example|e ?g|what kind of (thing|things|answer|stuff)|"
    r"what sort of (thing|things|answer|stuff)|i don'?t (understand|get) (the|that|this|your) "
    r"question|what are you (asking|after|looking for))"
    r"( (exactly|here|then|though|please|sorry))*$"
)


def asks_what_the_question_means(text: Any) -> bool:
    """ "what do you mean by opportunities?": the open question is explained, then asked
    again (nothing stored)."""
    return isinstance(text, str) and WHAT_IT_MEANS.match(normalise(text)) is not None


# "please see the attached document", "I've attached our response": nothing can be
# attached in a chat (the ninth set stored the pointer as the view)
ATTACHED = re.compile(
    r"\b((see|find|refer to|read|open|check)( the| our| my)? (attached|enclosed|attachment)|"
    r"(i'?ve|i have|we'?ve|we have|i|we)( just)? (attached|enclosed|uploaded)( (a|an|the|our|my))?"
    r" (document|doc|file|pdf|response|submission|letter|report|paper|spreadsheet|it|this)|"
    r"(attached|enclosed) (is|are|please find|you'?ll find)|(as|in) (the )?(attached|attachment))"
)
ATTACHED_MAX_WORDS = 20


def points_to_attachment(text: Any) -> bool:
    """A short reply that points to a file ("please see the attached document, it sets out
    our board's position"): asked for the main points instead."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    return len(norm.split()) <= ATTACHED_MAX_WORDS and ATTACHED.search(norm) is not None


# "can my colleague fill this in as well?", "should my business partner do it too?"
OTHER_PERSON = (
    r"(colleagues?|business partners?|co ?founders?|co ?directors?|fellow directors?|"
    r"other directors?|my (partner|boss|manager|staff|team|wife|husband|son|daughter|"
    r"employees?)|our (staff|team|employees|manager|md|ceo))"
)
OTHERS_TAKING_PART = re.compile(
    rf"\b(can|could|may|should|would|will|is it ok if|is it okay if|do you want|does)\b.*"
    rf"\b{OTHER_PERSON}\b.*\b(fill\w*|do|does|take part|answer\w*|have a go|complete|"
    r"respond|join|reply|contribute|give|say)\b"
)


def asks_if_others_can_take_part(text: Any) -> bool:
    """The business asks whether someone else at the firm can take part too."""
    return isinstance(text, str) and OTHERS_TAKING_PART.search(normalise(text)) is not None


def pointer_reply(text: Any) -> str | None:
    """The message key to answer a reply that points elsewhere (a file, a website), or
    None when the reply is an answer in itself."""
    if points_to_attachment(text):
        return "attachments"
    return "points_elsewhere" if points_elsewhere(text) else None
