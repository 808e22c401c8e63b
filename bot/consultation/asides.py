"""Replies that point back or step aside from the question: "same as before", an answer
carried on in a second message ("and the A41 is a nightmare"), "can I change what I said
about roads?", "are you a bot?", "is this the council?", "what do you mean?". Numbers typed
as choices live in choices.py, links and attachments in pointers.py (still importable from
here, where callers found them before the split).

Found by the fourth set of unseen conversations (benchmarks/data/conversation_probe_d.yml).
Kept apart from `replies/` (what a short reply means) so each stays one job; the same
normaliser. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.about_chat import asks_about_the_chat, doubts_it_matters
from bot.consultation.choices import (  # noqa: F401
    CHOICE_FILLER,
    RANGE,
    REFERS_BACK,
    numbered_choice,
    refers_back,
)
from bot.consultation.participation import (
    asks_for_a_call,
    asks_if_others_can_take_part,
    asks_to_start_again,
)
from bot.consultation.pointers import (  # noqa: F401
    ATTACHED,
    ATTACHED_MAX_WORDS,
    POINTER,
    URL,
    pointer_reply,
    points_elsewhere,
    points_to_attachment,
)
from bot.consultation.pointing_back import (  # noqa: F401
    PARTICULAR,
    SAME_AS_BEFORE,
    pointed_answer,
    same_as_before,
)
from bot.consultation.question_help import (  # noqa: F401
    WHAT_IT_MEANS,
    asks_what_the_question_means,
)
from bot.consultation.replies import (
    acknowledgement_only,
    greeting_only,
    holding,
    impatient,
    looks_like_question,
    means_nothing,
    mentions,
    normalise,
    whole,
)
from bot.consultation.standing import (
    asks_about_a_grant,
    asks_about_cost,
    asks_about_sales_calls,
    asks_if_i_count,
    asks_which_business,
)
from bot.consultation.strategy_asides import asks_about_the_strategy
from bot.consultation.x_style import without_addressees

# "and the A41 is a nightmare", "also, parking", "oh and another thing ...": a second
# message that carries on the answer just given (sent before the next question was read);
# also a reason or a consequence sent on its own ("because the college stopped teaching
# it", "so we train our own now", the eighth set): "so" only before who or what it is about
_OPENERS = (
    # "@btvlep n dont get me started on ..." on X (set ET): "n" is "and"
    r"oh and|and also|and|also|plus|oh also|oh n(?= )|n(?= )|"
    r"because|cos|coz|cuz|bcos|bcoz|cause|'cause|"
    r"which means|but|so (?=(we|i|they|it|that|now|everyone|nobody|no one|people|our|my)\b)|"
    # "so half of them rely on lifts from mates ..." (set EA kept it as the next answer)
    r"so (?=(half|most|some|all|many|none|both|each|every one|a lot|loads) of (them|us|our)\b)|"
    # "so theres more work than crew atm", then "esp for trainees who can do prosthetics"
    # after "pinewood n the new stages at shinfield r crazy busy" (set FL kept each as the
    # next question's answer): a consequence, then what it is most true of
    r"so (?=(there|theres|its)\b|thats\b(?! (it|all)\b))|esp|especially|particularly|"
    # "which costs more than we turn over in a year" after "... a full clinical study" (set CS
    # kept it as the next question's answer); not "which one do you mean"
    r"which(?! (one|ones|island|islands|driver|drivers|theme|themes|of|question|bit|part)\b)"
    # not "which towns does it cover" (a question: set A)
    r"(?! \w+ (does|do|is|are|will|would|can|should|did|has|have)\b)"
)
CONTINUES = re.compile(
    rf"^({_OPENERS}|ps|p s|one more thing|"
    # "just to add to my last answer, ..." at the next question (set AD)
    r"(just )?(to add|adding|add) (to|on to|onto) (my|the|that) (last|previous) (answer|one|"
    r"point|question))\b"
)
CONTINUATION_MIN_WORDS = 3
# "sorry hit send too soon - and ...", "oops, sent too early. also ..." (set AG): the
# apology before the continuation
SENT_TOO_SOON = re.compile(
    r"^((sorry|oops|whoops|argh|doh)[ ,.!-]*)?((i |we )?(hit|pressed|sent|send)( send)?"
    # "2" and "to" for "too" on X (set EW)
    r"( it| that)? (too|to|2) (soon|early|quick(ly)?)|(sorry|oops|whoops)\b)[ ,.!-]*"
)


def continues_answer(text: Any) -> bool:
    """The message opens as a continuation ("and ...", "also ...") and says something
    more about the answer: not a question to the bot ("and what happens next?")."""
    if not isinstance(text, str):
        return False
    text = SENT_TOO_SOON.sub("", without_addressees(text).strip().lower())
    norm = normalise(text)
    words = norm.split()
    # "and nurses", "also parking" (set EE kept the second as the next answer): one word
    # more that is a thing, not "and you?", "and then", "also yes"
    one_thing = len(words) == 2 and len(words[1]) >= 4 and words[1] not in _NOT_A_THING
    # "Because it alerts a carer it counts as class IIa, so we need a notified body and the
    # wait for one is over a year. Our seed investors won't ..." (set ED joined it to the
    # answer before): a long answer that opens with "because" is an answer of its own
    long_reason = BECAUSE.match(norm) is not None and len(words) > BECAUSE_MAX_WORDS
    return (
        bool(CONTINUES.match(norm))
        and (len(words) >= CONTINUATION_MIN_WORDS or one_thing)
        and not long_reason
        and not new_turn_after_and(text)
    )


BECAUSE = re.compile(r"^(because|cos|coz|cuz|bcos|bcoz|cause|'cause)\b")
BECAUSE_MAX_WORDS = 20


_NOT_A_THING = frozenset(
    "then again also that this there those these what when where which yes yeah nope thanks "
    "cheers okay sure well anyway finally lastly next skip none nothing more".split()
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
    return whole(GO_BACK, text)


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
    # "Before I answer, are you a real person or a bot? Just curious." (set CM)
    r"^((so|sorry|wait|hang on|quick question|just wondering|out of interest|before i answer|"
    r"btw|by the way|ha|haha|lol|oh) )*"
    r"((are|r) (you|u) (a |an |just a |some kind of |some sort of )?(bot|robot|chat ?bot|ai|"
    r"real|human|person|real person|computer|machine|automated|program|actual person)|"
    r"(who|what) (are|r) (you|u)|who'?s this|who is this|what is this thing|"
    r"(am i|are we) (talking|speaking|chatting) (to|with) (a |an )?(bot|robot|real person|human|"
    r"person|machine|computer|ai|someone|anyone)|who am i (talking|speaking|chatting) (to|with)|"
    r"is (this|that) (a |an )?(bot|robot|real person|human|person|automated|ai|machine)|"
    r"is (there )?(anyone|someone|a person|a human) (actually )?(there|reading this|typing))"
    r"( or (a |an |just a )?(bot|robot|chat ?bot|ai|real person|person|human|machine|not))?"
    r"( (actually|really|then|exactly|even|though|mate|please|btw|by the way|just curious|"
    r"just wondering|out of interest|lol|haha))*$"
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
    return mentions(ABOUT_THE_COUNCIL, text)


# "who reads these? does it go to the council" (a paraphrase of the thirteenth set: "the
# council" named a theme, so it was told about intelligent public services): who reads
# the answers. Not with "what happens next", which the next steps answer.
WHO_READS = re.compile(
    r"\b(who (reads|sees|gets to (see|read)|looks at|will (read|see)|is (reading|going to read))"
    # "who gets to see what I write?" (set BP was shown its answers so far)
    r"( (this|these|it|them|my|our|the|what (i|we) (write|say|said|wrote|put|type)))|"
    r"where (does|do|will) (it|this|that|these|my answers?|our answers?|the answers?) (go|end up)|"
    r"(does|will) (it|this|that|these|my answers?) (go|get sent|get passed|be sent) to|"
    # "wait will the council see this??" (set BT chose intelligent public services)
    r"(will|does|do|can|could) (the )?(council|lep|government|nhs|landlord|bank|taxman|hmrc|"
    r"competitors|anyone|anybody|they|people|"
    # "can my business partner see what I put?" (set BZ added entrepreneurialism)
    r"(my|our) (business )?(partner|colleague|colleagues|boss|staff|wife|husband|co ?founder|"
    r"manager|accountant)) (else )?(see|read|get to see|find out about|know about) "
    r"(this|it|what|my|our|these)|"
    # "Will the LEP be passing any of this on to the council or to government?" (set BZ was
    # told who prepares the strategy)
    r"(pass|passing|passed|share|sharing|shared|send|sending|sent|hand|handing|give|giving) "
    r"(any of )?(this|it|that|these|them|my answers|our answers|what (i|we) (say|said|put|"
    r"write)) (on )?(with|to) (the )?(council|government|ministers|hmrc|nhs|anyone|others|"
    r"third parties))\b"
)
NEXT_STEPS = re.compile(r"\b(what happens|next steps?|what next|after this)\b")


def asks_who_reads(text: Any) -> bool:
    """ "who reads these?", "does it go to the council?"; not "what happens after this?"."""
    return mentions(WHO_READS, text) and not mentions(NEXT_STEPS, text)


def asks_about_the_bot(text: Any) -> bool:
    """ "are you a bot?", "who are you?", "am I talking to a real person?"."""
    return isinstance(text, str) and mentions(ABOUT_THE_BOT, without_addressees(text))


def asks_what_was_said(text: Any) -> bool:
    """ "can I see what I've said so far?", "what have I told you?": the answers so far are
    shown, the question asked again."""
    return mentions(SAID_SO_FAR, text) and not asks_who_reads(text)


_SAID = r"(said|say|told you|tell you|written|wrote|write|put|answered|typed)"
SAID_SO_FAR = re.compile(
    rf"\b((what|everything) (have|did) (i|we) {_SAID}|"
    rf"(what|everything) (i'?ve|i have|we'?ve|we have|i|we) {_SAID} (so far|already|up to now)|"
    r"(see|show|read|recap|list|review|check)( me)? (back )?"
    rf"(what (i'?ve|i have|i|we'?ve|we have|we) {_SAID}|"
    r"(my|our|the) (answers|replies|responses|comments|notes|views))|"
    r"(my|our) answers so far|recap|(what|anything) (have )?you (got|noted|recorded|written "
    r"down|taken down)( (from|of|about) (me|us))?( so far)?|"
    # "can you read me back what you've put down so far?", "what have you got down for our
    # details?" (set AP)
    r"(read|play) (it|that|me|us)( me| us)? back|(read|play) back (what|my|our|everything)|"
    # "Can I see a copy of what I've put so far?" (set BZ kept it as the help answer)
    rf"(see|get|have|send me) a copy of (what (i'?ve|i have|i|we'?ve|we) {_SAID}|my answers|"
    r"our answers|everything)|"
    r"what (have )?(you'?ve |you have |you )?(got|put|noted|written|taken) down( for)?)\b"
)
MAX_SO_FAR_WORDS = 14
# a question may say more round it ("Before I do that one, can you read me back what
# you've put down so far?")
MAX_SO_FAR_QUESTION_WORDS = 20


def steps_aside(text: Any) -> bool:
    """A message about the chat itself, answered and the question asked again: "are you a
    bot?", "is this the council?", "can I change what I said?", "what do you mean?", "what
    have I said so far?", "can my colleague do this too?"."""
    if not isinstance(text, str):
        return False
    words = len(normalise(text).split())
    short = words <= MAX_SO_FAR_WORDS or (
        text.rstrip().endswith("?") and words <= MAX_SO_FAR_QUESTION_WORDS
    )
    # "Can I see a copy of what I've put so far? I want to check I haven't named any of our
    # clients." (set BZ kept it as the answer): the question first, its reason after
    first = re.split(r"(?<=\?)\s+", text.strip(), maxsplit=1)[0]
    asked_first = first.endswith("?") and len(normalise(first).split()) <= MAX_SO_FAR_WORDS
    return (
        asks_about_the_bot(text)
        or asks_if_council(text)
        or asks_to_change_answer(text)
        or asks_what_the_question_means(text)
        or asks_if_others_can_take_part(text)
        or asks_for_a_call(text)
        or asks_to_start_again(text)
        or asks_about_taking_part(text)
        or (short and asks_what_was_said(text))
        or (asked_first and asks_what_was_said(first))
        or asks_who_reads(text)  # "can my business partner see what I put?" (set BZ)
    )


def asks_about_taking_part(text: Any) -> bool:
    """A grant, the cost, whether a non-owner may take part, which business (standing.py);
    the LEP, whether it is worth it, finishing later, an example (about_chat.py); figures,
    the timetable, an event, the short version, why those themes (strategy_asides.py)."""
    return (
        asks_about_the_chat(text)
        or asks_about_the_strategy(text)
        or asks_about_a_grant(text)
        or asks_about_cost(text)
        or asks_about_sales_calls(text)
        or asks_if_i_count(text)
        or asks_which_business(text)
        or doubts_it_matters(text)
    )
