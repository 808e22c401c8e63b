"""Sorry for the answer just given, with nothing more: "Sorry, long-winded!", "ha sorry,
rant over", "Sorry, that came out a bit ranty", "Sorry, I'm a slow typer", "Apologies,
typing this between call-outs" (set AO kept each as an answer or an afterthought); "Sorry,
that turned into a bit of a speech", "Sorry, getting on my soapbox there", "@btvlep didnt
mean to write war n peace there", "probably far too much detail" (set ET kept them as the
next answer, or as one more view at the play-back). No view: `pauses.holding` reads them
with the other pauses, so the question is asked again. Split from pauses.py (past 400
lines). No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.text import sentences, whole
from bot.consultation.x_style import without_addressees

# what a long answer is called when its writer apologises for it
_SPEECH = (
    r"(speech|essay|novel|saga|sermon|lecture|rant|ramble|monologue|thesis|book|epic|"
    r"war and peace|war n peace)"
)
_OWN_ANSWER_PART = (
    r"((sorry|soz|sry|apologies)( about that| for that)? )*("
    r"(for (the|my|that|this) )?(rant|essay|novel|ramble|rambling|moan|waffle|whinge|"
    r"long (message|answer|reply|one)|typos?|spelling)|"
    rf"rant over|end of rant|moan over|/rant|(a )?bit of an? ({_SPEECH}|moan|whinge)( there)?|"
    # "Sorry, that was more of a moan than an answer!" (set FF kept it as the skills answer)
    rf"(that|it|this) (was|is|'s|s|turned into|came out as) ((more of|a bit of|bit of|rather|"
    rf"more|a bit more of|mostly) )?an? ({_SPEECH}|moan|whinge|grumble|grouse)"
    r"( than an? (answer|reply|view))?( there)?|"
    r"(that|it|this) (came out|was|got|is|sounds?|sounded) (a bit |rather |quite |very |so |"
    r"too |a little )?(ranty|long|long winded|longwinded|rambling|harsh|negative|blunt|grumpy|"
    r"much|moany|rude)|long winded|longwinded|"
    # "Apologies, these are rather long." (set FR): the answers so far, with the apology
    # ("they are rather long" alone may be waiting lists)
    r"(sorry|soz|sry|apologies) (these|my (answers?|replies|messages?)) (are|were|have been|"
    r"got|came out|re) "
    r"(all )?(a bit |rather |quite |very |so |too |a little |terribly |awfully )?"
    r"(long|long winded|longwinded|rambling|wordy|ranty)|"
    r"(i |that |it |this )?(went|go|goes|going) on (a bit|a while|and on)|(i )?(do )?go on|"
    r"(for )?going on( (a bit|so|so much|like that))?|(i )?(went|go|going) off on (one|a tangent)|"
    r"(for )?(the|my) length( of (that|it|this|my (answer|reply|message)))?|"
    r"(i )?got (a bit )?carried away|(i )?rambled( on| a bit)?|"
    r"(i'?m|im|i am) (a )?(slow|bad|terrible|rubbish) (typer|typist|at typing|speller)|"
    r"typing (this |on my phone |with one (hand|thumb) )*(between|in between|on|from|while|"
    r"at|during) [a-z' ]{1,30}|on (my|a|the) (phone|mobile)( (between|in between|on|at|during) "
    r"[a-z' ]{1,30})?|(that'?s|thats) (all|it) from me( for now)?|"
    # "that turned into a bit of a speech", "didn't mean to write war and peace there"
    rf"(that|it|this) (turned|turns|has turned) into (a bit of |quite )?(a |an )?{_SPEECH}|"
    rf"(i )?(didn'?t|didnt|did not|never) mean(t)? to (write|go on|rant|ramble|waffle|"
    rf"moan|type)( (so much|that much|for so long|so long|(a |an )?{_SPEECH}))?|"
    r"(getting|got|get|climbing|climbed|standing|stood) on (my|me) soap ?box|"
    r"(i'?ll |ill |let me )?(get|step|climb) (off|down from) (my|me) soap ?box|"
    r"(probably |maybe |perhaps |possibly )?(far |way |much |a bit |rather )?(too much|more "
    r"than you (needed|wanted|asked for))( (detail|info|information))?"
    r")( there| again)?"
)
# "sorry for the typos, on my phone between takes" (set AV kept it as the help answer): one
# or more of these, in any order
OWN_ANSWER = re.compile(
    rf"((ha|haha|oh|oops|ok|right) )*{_OWN_ANSWER_PART}(( and| but|,)? {_OWN_ANSWER_PART})*"
    r"( sorry| lol| haha| x)*"
)


# "Apologies, these are rather long. My granddaughter says nobody reads past the first
# line." (set FR kept it as the environment answer): the apology, then one short sentence
# beside it that names no subject the tagger sees; not a short answer or a number after
# the apology ("Sorry, that was long. Two of us." at the head count)
ASIDE_MIN_WORDS, ASIDE_MAX_WORDS = 5, 14


def sorry_for_own_answer(text: Any) -> bool:
    """The whole message apologises for the answer just given or how it is typed, maybe
    with a short aside of no subject: no view."""
    if not isinstance(text, str):
        return False
    text = without_addressees(text)
    if whole(OWN_ANSWER, text):
        return True
    said = sentences(text)
    if len(said) != 2 or not whole(OWN_ANSWER, said[0]):
        return False
    aside = said[1]
    if not ASIDE_MIN_WORDS <= len(aside.split()) <= ASIDE_MAX_WORDS or re.search(r"[?\d]", aside):
        return False
    from bot.consultation.subject import names_a_subject  # the tagger: loaded late

    return not names_a_subject(aside)
