"""Remarks about the writing, not answers: "I'm dyslexic, sorry for the spelling", "I'm
not very good with computers", "English isn't my first language" before an answer, and
"hope that helps 👍", "lmk if u need more" after one.

Found by the fifteenth set of unseen conversations (conversation_probe_p.yml): both were
stored as the answer to the question pending (the courtesy after an answer as the answer
to the next question). As the whole message they are neither a view nor a profile
answer: the writer is reassured (or thanked) and the same question asked again. With a
view in the same message they are part of it and it is kept. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.access import access_reply
from bot.consultation.pause_talk import pause_reply
from bot.consultation.replies import normalise
from bot.consultation.replies.text import short_match
from bot.consultation.small_talk import small_talk_only, thanks_alone
from bot.consultation.x_style import without_addressees

# An apology or a warning about spelling, typing, English or computers
_WRITING = r"(spelling|speling|spellings|typing|typos?|grammar|english|writing|punctuation)"
_CAN_DO = r"(computers?|technology|tech|typing|spelling|these (things|computer things)|this)"
APOLOGY = re.compile(
    r"\b((i'?m|i am|im) (a bit |very |quite |severely |slightly )?dyslexic|(i have|i'?ve got|"
    r"ive got|i got) dyslexia|dyslexia|"
    rf"(sorry|apologies|excuse me|forgive me|pardon me|pardon) (for|about) (my|the|any) "
    rf"(bad |poor |terrible |awful )?{_WRITING}( mistakes| errors)?|"
    rf"(my|(excuse|forgive|pardon)( me)? (my|the|any)) "
    rf"(bad |poor |terrible |awful )?{_WRITING}( mistakes| errors)?( is| are)?"
    r"( (bad|terrible|awful|rubbish|not great|not good|poor|shocking|atrocious))?|"
    r"english (is|isn'?t|is not) (not )?my first language|"
    rf"((i'?m|i am|im) )?(not|no) (very |that |too |much )?(good|great|clever|confident) "
    rf"(with|at|on) {_CAN_DO}|(i'?m|i am|im) (a bit |very |quite )?(slow|rubbish|hopeless|"
    rf"useless|bad|new) (at|with|to) {_CAN_DO})\b"
)
# Words that go with the apology and add nothing ("so sorry, please bear with me")
APOLOGY_FILLER = re.compile(
    r"\b(so|and|but|sorry|apologies|please|bear with me|in advance|i'?m afraid|just|"
    r"a bit|a little|really|very|oh|well|hi|hello|ok|okay|i'?m|i am|im|to let you know|"
    r"i should say|i should mention|i must say|first|firstly|before i start|"
    r"my grandson|my son|my daughter|usually does (this|it)( for me)?|"
    r"if (there are|there'?s) (any )?mistakes|for (any )?mistakes|mistakes)\b"
)


def apologises_for_writing(text: Any) -> bool:
    """The whole message apologises for the spelling, typing or English to come ("im
    dyslexic so sorry for the speling"), with nothing else said."""
    return _nothing_but(APOLOGY, APOLOGY_FILLER, text)


# After an answer: a courtesy about it ("hope that helps", "hth", "lmk if you need more",
# "happy to say more")
AFTERWORD = re.compile(
    r"\b((hope|hoping) (that|this|it|my answer|the above) (helps?|is (of )?(some )?(help|"
    r"useful|use|ok|okay|alright|what you (meant|wanted|were after|need|needed))|makes sense)"
    r"( a bit| a little| some| somewhat)?|hth|"
    r"(lmk|let me know|shout|give me a shout|just shout)( if (you|u) (need|want) (anything|any|"
    r"more|owt)( more| else)?( (info|information|detail|details))?)?|"
    r"(happy|glad) to (say|explain|expand|elaborate|go into( it)?|add)( more| further| on (that|"
    r"this|it))?( if (needed|you need|it helps|you want))?|"
    r"any (more )?questions,? (just )?(ask|shout|let me know)|"
    r"(that'?s|thats) (about )?(it|all) (for|on) (that|this) (one|question|bit))\b"
)
AFTERWORD_FILLER = re.compile(
    r"\b(anyway|so|well|ok|okay|right|and|but|i|really|just|thanks|thank you|cheers|ta|x+|"
    r"mate|all|guys)\b"
)


def afterword_only(text: Any) -> bool:
    """The whole message is a courtesy about the answer just given ("hope that helps 👍",
    "lmk if u need anything else"), not a view."""
    return _nothing_but(AFTERWORD, AFTERWORD_FILLER, text)


# After an answer, in a message of its own: the subject closed ("Right, that's the lot on the
# council and NHS.", "That's everything on the roads and so on", "@btvlep thats me done on
# the tech side": set ET kept each as the next answer, or wrapped up at the last question).
# Nothing more to add, and no answer to the question pending: thanked, asked again
CLOSED_SUBJECT = re.compile(
    # not a step on ("nothing more on the racing side, next island please": `navigation`)
    r"(?!.*\b(next|skip|skipping|move|moving|please|pls|onwards?|go on to)\b)"
    r"((right|ok|okay|so|well|anyway|and|i think|yeah|yep) )*"
    r"((that'?s|thats|that is|that was) (about )?(the lot|everything|it|all|me done|us done|"
    r"me finished|my lot|all i'?ve got|all i have|all from me)|(i'?m|im|i am|we'?re|we are) "
    r"(all )?(done|finished)|nothing (more|else)( to add)?( from me)?|no more( from me)?|"
    r"(all )?done)"
    # a subject named in a few words, not a view ("that's all on the roads, they're awful")
    r" (on|for|about|re|regarding|from me on) (?!.*\b(is|are|was|were|they|they'?re|we|it'?s|"
    r"never|can'?t|cant|don'?t|dont|won'?t|wont|need|needs|awful|terrible|rubbish|but)\b)"
    r"[a-z0-9']+( [a-z0-9']+){0,5}?"
    r"( and (so on|that|all that|stuff|the like|everything else|things like that))?"
    r"( (for now|i think|really|then|thanks|thank you|cheers))*"
)
CLOSED_SUBJECT_MAX_WORDS = 14


def closes_a_subject(text: Any) -> bool:
    """The whole message closes what the business had to say on a subject, adding nothing."""
    if not isinstance(text, str):
        return False
    norm = normalise(without_addressees(text))
    return (
        0 < len(norm.split()) <= CLOSED_SUBJECT_MAX_WORDS
        and CLOSED_SUBJECT.fullmatch(norm) is not None
    )


def _nothing_but(remark: re.Pattern[str], filler: re.Pattern[str], text: Any) -> bool:
    """The message, normalised, holds `remark` and nothing else but `filler` words."""
    if not isinstance(text, str):
        return False
    norm = normalise(text)
    if not remark.search(norm):
        return False
    return not filler.sub(" ", remark.sub(" ", norm)).split()


def remark_reply(text: Any) -> str | None:
    """The message key that answers a remark about the writing (reassurance for an
    apology, thanks for "hope that helps") or about the writer (an access need, an age or
    a health condition: access.py), or None when the message is something else."""
    access = access_reply(text)
    if access:
        return access
    if apologises_for_writing(text):
        return "writing_welcome"
    if obvious_only(text):
        return "say_it_anyway"
    if asks_to_tidy(text):
        return "spelling_kept"
    if remarks_on_the_chat(text):
        return "glad_its_easy"
    if afterword_only(text):
        return "afterword_thanks"
    if closes_a_subject(text):  # "Right, that's the lot on the council and NHS." (set ET)
        return "enough_said"
    if thanks_alone(text):  # "Thank you!" after every answer (set CM)
        return "thanks_welcome"
    if pause := pause_reply(text):  # "sorry for the gap, had the windows at the gp surgery
        return pause  # to finish" (set FF kept it as the environment answer)
    # "Lovely weather for it today, isn't it?", "Ha, you're very polite for a robot." (set CM)
    return "small_talk" if small_talk_only(text) else None


# A grumpy "isn't it obvious" or "you tell me" instead of the answer (set AC skipped the
# question on it, and the answer that followed was kept as an afterthought): the question
# is asked again, since the answer usually comes next
OBVIOUS = re.compile(
    r"\b(is(n'?t| not) it obvious|"
    r"(it'?s |its )?(pretty |bloody |fairly )?obvious( innit| isn'?t it)?|"
    r"you tell me|(you )?(can'?t|cannot) you guess|guess|what do you think)\b"
)
OBVIOUS_FILLER = re.compile(r"\b(i mean|well|surely|come on|mate|lol|ffs|oh|seriously|really)\b")


def obvious_only(text: Any) -> bool:
    """The whole message says the answer is obvious, without giving it ("@btvlep isnt it
    obvious" on X)."""
    return isinstance(text, str) and _nothing_but(OBVIOUS, OBVIOUS_FILLER, without_addressees(text))


# "can you tidy up my speling before anyone reads it? embarassing" at the play-back (set AC
# kept it as one more view): the answers stay as typed, and the spelling does not matter
TIDY = re.compile(
    r"\b(can|could|would|will|pls|please)( you| u)?( please| pls)? (tidy|fix|correct|sort|clean|"
    r"check|neaten)( up| out)? (my|the|all my|any)( bad| awful| terrible| dodgy)? "
    rf"{_WRITING}\b"
)
TIDY_MAX_WORDS = 20


def asks_to_tidy(text: Any) -> bool:
    """A short request to correct the spelling or typing of the answers."""
    return short_match(TIDY, text, TIDY_MAX_WORDS)


# "ha this is quicker than i thought it would be" at a question (set AW kept it as the
# digital science view): a remark on the chat, thanked; the question asked again
_EASY = (
    r"(much |so |a lot |way |really )?(quicker|faster|easier|shorter|less painful|less hassle|"
    r"more painless|simpler|painless|quick|easy|simple|not bad|better|"
    # "Thanks, this is a lot friendlier than the HMRC website!" (set FF kept it as the
    # digital science answer)
    r"friendlier|nicer|more pleasant|less stressful|less of a chore|more fun)"
)
_THAN = (
    r" (than (i|we) (thought|expected|feared|imagined)( (it|this) (would|'?d) be)?|"
    r"(than|compared to|compared with) (a|the|most|any|your usual) (form|forms|survey|surveys|"
    r"council|consultation|consultations)( ever is)?|than (the council|filling in a form)"
    r"( ever is)?|"
    r"than (the|a|any|most|your usual|my usual) ([\w']+ ){0,3}(website|site|form|forms|portal|"
    r"survey|surveys|questionnaire|helpline|app|tax return)( ever is| ever was)?)"
)
CHAT_REMARK = re.compile(
    r"((ha|haha|lol|oh|wow|well|blimey|ooh|gosh|actually|i must say|thanks|thank you|thx|ta)\s)*"
    rf"((this|that|it)( is|'s|s| was| has been| is being) {_EASY}({_THAN})?|{_EASY}{_THAN}|"
    # "thx for being patient im new to this" (set BT kept it as the help answer)
    r"(thanks|thank you|thx|ta) for being (so )?patient( with (me|an old \w+))?"
    r"( (i'?m|im|i am) new to (this|these|all this))?)"
    r"( (thanks|ta|lol|haha|tbh|to be fair|i must say|so far|then))*"
)


def remarks_on_the_chat(text: Any) -> bool:
    """The whole message remarks on how quick or easy the chat is, and says nothing else."""
    if not isinstance(text, str):
        return False
    norm = normalise(without_addressees(text))
    return bool(norm) and CHAT_REMARK.fullmatch(norm) is not None
