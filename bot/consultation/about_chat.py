"""Questions about the consultation itself that the FAQ has no answer for: "what's the
LEP?", "what's the point, nothing ever changes", "can I save this and finish it later?",
"can you give me an example?", "did that send ok?", "is that enough?", "should I answer as
the business or as me?".

Found by the fifteenth set of unseen conversations (conversation_probe_o.yml): the LEP
question was told who prepares the strategy but never what a LEP is; "what's the point"
at the consent question got "I didn't understand"; "finish it later" was kept as the
answer; an example was answered with the bot's help text. Each is answered and the
pending question asked again; nothing is stored. Short questions only, so a view that
mentions the LEP ("the LEP should fund a skills hub") stays a view. No Rasa imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.consultation.questions import message
from bot.consultation.replies import normalise, short_match
from bot.consultation.replies.questions import REMARK_IS_A_VIEW
from bot.consultation.replies.text import short
from bot.consultation.scepticism import doubts_the_consultation, sarcastic_only
from bot.consultation.x_style import without_addressees

MAX_WORDS = 16
EXAMPLE_KINDS = frozenset({"opportunities", "barriers", "help", "views"})
EXAMPLE_REPLY = "example"  # the reply key chosen by the question asked (`example_for`)


def _short_and_matches(pattern: re.Pattern[str], text: Any) -> bool:
    """A short message (at most MAX_WORDS words, normalised) in which `pattern` is found;
    the @handles an X DM opens with are no words of it ("@btvlep is that enough?")."""
    if isinstance(text, str):
        text = without_addressees(text)
    return short_match(pattern, text, MAX_WORDS)


def _asks_first(pattern: re.Pattern[str], text: Any) -> str | None:
    """What follows the message's first question when that question, short, is `pattern`
    ("Can I just put it as a list? Easier on my phone." -> " Easier on my phone."); "" when
    the whole message is; None otherwise."""
    if _short_and_matches(pattern, text):
        return ""
    if not isinstance(text, str) or "?" not in text:
        return None
    asked, _, after = text.partition("?")
    return after if _short_and_matches(pattern, asked) else None


_LEAD = (
    r"^((hi|hello|hey|sorry|so|ok|okay|oh|um|erm|and|but|quick question|sorry but|wait|"
    r"before i (do|start|answer|agree)|first) )*"
)

# "what's the LEP?", "what does LEP stand for", "who are BTVLEP?", "what's a local
# enterprise partnership?"
_LEP = r"(the |a |an |this |your )?(lep|btvlep|btv lep|local enterprise partnership)"
WHAT_LEP = re.compile(
    _LEAD + r"(what'?s|whats|what is|what are|who'?s|whos|who is|who are|what does|what do|"
    # "@btvlep wots the LEP when its at home" (set CR: "didn't understand" as a first message)
    r"wot'?s|wots|wot is|wat'?s|wats|wat is)"
    rf" {_LEP}( stand for| mean| do| then| exactly| when it'?s at home)*$|"
    + _LEAD
    + rf"(what|who) (is|are) {_LEP}( (exactly|then|anyway|again|please))*$|"
    + _LEAD
    + rf"{_LEP}( means what| meaning| stands for what)?$"
)


# "the LEP has never done a thing for us. what even is it?" (set BW got "I didn't
# understand"): the LEP named, then asked about
LEP_THEN_WHAT = re.compile(
    rf"\b{_LEP}\b.*\b(what|who) (even |exactly |actually |on earth |the hell )?"
    r"(is it|is that|are they|are you|do they do|do they even do)$"
)


def asks_what_the_lep_is(text: Any) -> bool:
    """ "what's the LEP?", "what does LEP stand for?", "LEP?", "the LEP has never done a
    thing for us. what even is it?": what the LEP is."""
    # "Before I do, who are the LEP? I've seen the name on letters but never known what it
    # is." (set CR): the question, whatever explains it after
    return _asks_first(WHAT_LEP, text) is not None or _short_and_matches(LEP_THEN_WHAT, text)


# Whether taking part is worth it: "what's the point, nothing ever changes round here",
# "will this actually make any difference?", "does anyone even read these?" (set O), and what
# it does for the business: "what's in it for me?", "why should I bother?", "what do we get
# out of this?" (set D's question, left to the FAQ selector, got the definition of a
# strategy once the model was retrained for the fifteenth set; set P). One answer for both.
# Only the doubt itself: "what's the point of HS2 if it doesn't stop here?" and "does anyone
# care about the A413's potholes?" are views, kept as answers (the words after the doubt
# decide).
_DOUBT_ENDS = (
    r"(?=$| (nothing|if nothing|when nothing|nobody|no one|noone|really|anyway|though|then|tbh|"
    r"honestly|seriously|lol|i mean)\b)"
)
DOUBTS = re.compile(
    r"\b(what'?s|whats|what is|is there) (the|any) point( (of|in) (this|it|doing this|"
    r"taking part|answering|these|filling (this|it) in))?" + _DOUBT_ENDS + "|"
    r"\b(will|does|would|is) (this|it|any of this|taking part|my answer|my view|my opinion)"
    r"( (actually|really|even|ever))? (make|change|making) (any|a|the slightest) "
    r"(difference|change)" + _DOUBT_ENDS + "|"
    r"\bnothing (ever )?(changes|happens|gets done)\b.*\b(point|why bother|bother)\b|"
    r"\b(why|should i) bother" + _DOUBT_ENDS + "|"
    r"\b(does|will|do) (anyone|anybody|they|you) (actually |really |ever |even )*"
    r"(listen|read (these|this|them|it)|care|take any notice|act on (it|this|these))"
    r"( (to|about) (this|it|us|what (we|i) (say|said|write)|our views|any of (it|this)))?"
    + _DOUBT_ENDS
)
WHATS_IN_IT = re.compile(
    r"^((so|but|ok|okay|and|sorry|honestly|hmm|right) )*("
    r"what'?s in (it|this) for (me|us|my business|our business|my company)|"
    r"what (do|would|will) (i|we|my business) get (out of|from) (it|this|doing (it|this))|"
    r"why (should|would) (i|we) (bother|take part|do (it|this)|fill (it|this) in)|"
    r"(what'?s|what is) the (point|benefit)( (of|in) (it|this|taking part|doing (it|this)))?"
    r"( for (me|us|my business|our business))?|"
    r"how (does|will|would) (it|this|taking part) (help|benefit) (me|us|my business|our business))"
    r"( (then|exactly|really|though|mate))*$"
)


def doubts_it_matters(text: Any) -> bool:
    """A short message doubting that taking part makes any difference, that anyone reads
    the answers ("or does a computer just count the words?"), or asking what is in it for
    the business."""
    return (
        _short_and_matches(DOUBTS, text)
        or _short_and_matches(WHATS_IN_IT, text)
        or doubts_the_consultation(text)
    )


# "can I save this and finish it later?", "can I come back to this later?", "is it ok to do
# the rest tomorrow?", "can I pause this?"
_OBJ = (
    r"( (this|it|the rest( of (this|it))?|the survey|the questions|my answers|the chat|"
    r"this chat))?( off)?"
)
_VERB = (
    r"(save|pause|stop|leave|finish|complete|do|come back( to (this|it))?|carry on|continue|"
    r"pick (this|it) (back )?up|return( to (this|it))?)"
)
_WHEN = r"(later|another time|tomorrow|tonight|next week|some other time|in a bit|after)"
LATER = re.compile(
    r"\b(can|could|may|is it ok(ay)? if|is it possible to|do you mind if) (i|we) "
    rf"{_VERB}{_OBJ} (and|then) (come back|return|pick (this|it) (back )?up)\b|"
    rf"\b(can|could|may|is it ok(ay)? if|is it possible to) (i|we) {_VERB}{_OBJ}"
    rf"( (and|then) {_VERB}{_OBJ})* (on )?{_WHEN}\b|"
    r"\b(can|could) (i|we|you) (save|pause) (this|it|my (answers|progress))\b|"
    r"\bis it ok(ay)? to (finish|do) (this|it|the rest) (later|another time|tomorrow)\b|"
    r"\b(will|does) (it|this) (save|remember) (my|our) (progress|answers|place)\b|"
    # "sorry quick q, is this saving as i go? phone's on 4%" (set DH kept it as the answer)
    r"\b(is|are) (this|it|my answers|what i say|what i'?ve said) (being )?(sav(ing|ed)|kept|"
    r"stored|recorded)( (as i go|as we go|so far|already|along the way))?\b"
    # not where: "where does all this end up? is it stored on some database" (set EY was
    # told its progress is kept) asks about the data, answered from the privacy notice
    r"(?! (on|in|at|by|with|somewhere|anywhere|online|securely|safely|where)\b)|"
    r"\b(does|will|do) (this|it|you) (save|keep|store) (as i go|as we go|what i'?ve (said|put|"
    r"typed)|my answers)\b"
)


def asks_to_finish_later(text: Any) -> bool:
    """A short question asking whether the chat can be left and finished later."""
    return _short_and_matches(LATER, text)


# "If I think of more once we've finished, can I still add it?" (set EB kept it as the
# answer to the infrastructure question), "can I add to this later?", "could we send more
# next week?": one more view is welcome any time
ADD_LATER = re.compile(
    r"\b(can|could|may|is it ok(ay)? if|is it ok(ay)? to) (i|we) (still |always |also )?"
    r"(come back (\w+ ){0,2}?(and|to) )?(add|send|tell you|say)\b"
)
LATER_ON = re.compile(
    r"\b(later|another time|next week|tomorrow|afterwards|after (this|that|we'?ve|i'?ve)|"
    r"once (we'?ve|i'?ve|we are|i am|this is|it'?s) (finished|done)|think of (more|something|"
    r"anything)|come back|occurs to (me|us)|remember (more|something))\b"
)


def asks_to_add_later(text: Any) -> bool:
    """A short question asking whether more can be added after the chat."""
    return (
        isinstance(text, str)
        and "?" in text
        and _short_and_matches(ADD_LATER, text)
        and _short_and_matches(LATER_ON, text)
    )


# "can you give me an example?", "any examples?", "what would a good answer look like?"
# The whole message only: "we could give you some examples of where the A41 floods" and "any
# example of real support for start-ups would help" are views.
EXAMPLE = re.compile(
    _LEAD + r"((can|could|would) (you|u) |please )?"
    r"((give|show|send|tell) (me|us) (an |a |some |any )?(example|examples|idea|sample)"
    r"( (answer|answers|response|reply))?|"
    r"(an|any|some) examples?|(example|sample) (answer|answers|response)|"
    r"what (would|does|might) (a |an )?(good |typical |example )?(answer|response|reply) "
    r"(look|be|sound) like|what (do|did) other (people|businesses) (say|put|write)|"
    r"(do|have) (you|u) (got|have) (an |any )?examples?)"
    r"( (please|then|maybe|first|of (an answer|that|the kind of thing)|to go on|"
    r"of (a )?good (answer|one)))*"
    # "... of what you're after", "... of what you mean by barriers", "... of the sort of
    # help you mean" (set CY)
    r"( of (what|the (sort|kind|type) of [\w' ]{1,20}?) (you|u)\b[\w' ]*)?$"
)


def asks_for_an_example(text: Any) -> bool:
    """A short request for an example of the kind of answer wanted, and at most a remark
    after it that says why ("Can you give me an example? Not sure how much detail you
    want": set CY kept it as the answer)."""
    why = _asks_first(EXAMPLE, text)
    if why is None:
        return False
    why = re.sub(r"\bhow much( detail)? (you|u) (want|need|are after)\b", " ", normalise(why))
    return not REMARK_IS_A_VIEW.search(why)


# "did that send ok? typing between dogs", "did you get that?" (set AQ's dog groomer had it
# kept as her answer to the infrastructure question, tagged infrastructure)
RECEIVED = re.compile(
    _LEAD + r"((did|has|have) (that|this|it|my (answer|message|reply)|the (last )?(one|message|"
    r"answer)) (send|sent|go through|gone through|come through|arrive|arrived|get through|"
    r"work)|(did|do|have) (you|u) (get|got|receive|received|see) (that|this|it|my (answer|"
    r"message|reply)))( ok| okay| alright| all right| properly| then| through| mate)*$"
)
# "Is that enough or do you want more on that one?" after a long answer (set AQ's bookkeeper
# had it kept as her answer to the next question). The whole question only: "is it enough
# to just have broadband" is a view.
ENOUGH = re.compile(
    _LEAD + r"((is|was) (that|this) (enough|ok|okay|alright|all right|fine|sufficient|too long|"
    r"too much|what you (want|wanted|need|needed|were after))|"
    # "@btvlep too long?" after a long answer (set AV kept it as the next answer)
    r"(too long|too much|too wordy|not enough|enough detail))( detail| info| information)?"
    r"( (or|and) (do|did|would) (you|u) (want|need|like) (more|any more|anything else)"
    r"( detail| info| information)?( (on|about|for) (that|this|it)( one)?)?)?( then| lol| sorry)?$"
)
# "Before I write this one, is there a word limit on these? I could go on for pages" (set
# AW kept it as the barriers answer): how much to write, asked before the answer
HOW_MUCH = re.compile(
    r"\b(is there (a|any) (word|character|length|size) (limit|count|maximum|max)|"
    # "Is there a limit to how much I can write here?" (set FN was told "You're doing it
    # now!"), "is there a max length?", "can I write as much as I like?"
    r"is there (a|any) (limit|maximum|max|cap) (to|on) (how long (my|our|an|the|each) (answers?|"
    r"repl(y|ies)|messages?|responses?) (can|may|should) be|the (length|size|number of words))|"
    r"is there (a|any) (max|maximum) (length|size)|"
    r"how (much|long|many words) (i|we) (can|may|could|should) (write|put|say|type)|"
    r"(can|may|could) (i|we) (write|put|say|type) as much as (i|we) (like|want)|"
    r"(what'?s|what is) the (word|character) (limit|count)|how many (words|characters)|"
    r"how (long|much|detailed) (should|do|can|must) (i|we|my answers?|the answers?|it) "
    r"(be|write|go|put|make it)|(do|should) (you|u) want (a |the )?(long|short|brief|detailed) "
    r"(answer|version|one))\b"
)
HOW_MUCH_MAX_WORDS = 25
HOW_MUCH_REMARK_WORDS = 7
# "... I warn you that I tend to go on." (set FR kept the question as the answer): a longer
# remark beside the question, about the writer's own length
GOING_ON = re.compile(
    r"\b(go(es)? on|going on|ramble|rambling|waffle|waffling|wordy|long[- ]?winded|write (a lot|"
    r"too much|pages|an essay|a novel)|essay|novel)\b"
)


def asks_how_much_to_write(text: Any) -> bool:
    """The message asks how long an answer may be, with at most a short remark beside the
    question ("I could go on for pages"), and no view."""
    if not isinstance(text, str):
        return False
    plain = without_addressees(text)
    if short(plain, HOW_MUCH_MAX_WORDS) is None:
        return False
    asked, mark, rest = plain.partition("?")
    if not mark or HOW_MUCH.search(normalise(asked)) is None:
        return False
    remark = normalise(rest)
    words = len(remark.split())
    return words <= HOW_MUCH_REMARK_WORDS or (
        words <= HOW_MUCH_MAX_WORDS // 2
        and GOING_ON.search(remark) is not None
        and " about " not in f" {remark} "  # "I could write pages about the A41 ...": a view
    )


# "Can I say something that isn't strictly about the practice?", "is it ok to mention
# something off topic?" (set AV): permission to stray, answered yes and the question asked
# again, so the view that follows is kept against it
MAY_I = re.compile(
    _LEAD + r"(can|could|may|is it ok(ay)? (if|to)|am i allowed to|do you mind if) (i |we )?"
    r"(say|mention|add|raise|bring up|talk about|tell you|put) (something|a thing|one thing|"
    r"anything|a point|a wider point)( (else|more))?"
    r"( (that|which) (is(n'?t| not)|does(n'?t| not)|might not be|may not be) [\w' ]{1,40}|"
    r" (off|slightly off|a bit off) (topic|subject)| (outside|beyond) [\w' ]{1,30}| else| more|"
    r" (about|on) [\w' ]{1,30})?( (please|first|here|too|as well))*$"
)


# "@btvlep ok to answer in a list?" (set AZ kept it as the digital science answer)
AS_A_LIST = re.compile(
    _LEAD + r"((is it |is that )?(ok|okay|alright|fine)|can (i|we)|could (i|we)|is it ok if (i|we)"
    r"|do you mind if (i|we)|should (i|we)) (to )?(just )?(answer|reply|do (it|this|them)|"
    r"put (it|them)|"
    r"write (it|them)|give (it|them)( to you)?|send (it|them))( to you)? (in|as) (a )?(list|bullet "
    r"points?|bullets|points|numbered list|one message|separate messages|a few messages)"
    r"( (then|please|instead))?$|"
    # "Do you want full sentences or will notes do?" (set FF kept it as the infrastructure
    # answer): sentences or notes, whichever is easiest
    + _LEAD
    + r"((do|would|will) you (want|need|like|prefer)|(should|must|do|shall) (i|we) (write|use|"
    r"give|do|put it in)) (it in )?(full |complete |proper |whole )?(sentences|paragraphs|prose|"
    r"words|detail)( or (will |would |can i (just )?(do|use|give|write) |are |is )?(just )?"
    r"(notes|bullet points?|bullets|a list|lists|a few words|short answers?|keywords|one liners)"
    r"( (do|be ok|be okay|be fine|ok|okay|suffice|work))?)?( please)?$|"
    + _LEAD
    + r"(will|would|can|do|are|is) (just )?(notes|bullet points?|bullets|a few words|"
    r"short answers?|keywords|one liners) (do|be ok|be okay|be fine|ok|okay|suffice|work)"
    r"( for you)?$"
)


def asks_about_the_form_of_answer(text: Any) -> bool:
    """A short question whether an answer may come as a list or over several messages ("Can
    I just put it as a list? Easier on my phone.": set CX kept it as the answer)."""
    return _asks_first(AS_A_LIST, text) is not None


def asks_to_stray(text: Any) -> bool:
    """A short question asking whether something beside the question may be said."""
    return _short_and_matches(MAY_I, text)


# "Should I answer as the business or as me personally?" (set AQ's soap maker had it kept
# as her answer on infrastructure)
ANSWER_AS = re.compile(
    _LEAD + r"(should|do|shall|can|could) (i|we) (answer|reply|respond|speak|write|do this|"
    r"fill this in) (as|for|on behalf of) ((the|my|our) )?(business|company|firm|shop|"
    r"organisation|me|myself)\b.*\b(or|and) (as |for )?((the|my|our) )?(business|company|"
    r"firm|shop|organisation|me|myself|personally|individual)\b"
)


def asks_whose_view(text: Any) -> bool:
    """A short question whether to answer for the business or for oneself."""
    return _short_and_matches(ANSWER_AS, text)


def asks_if_received(text: Any) -> bool:
    """A short message whose first sentence asks whether the last message came through
    ("did that send ok? typing between dogs"; not "did that send the council into a
    panic")."""
    if not isinstance(text, str) or short(text, MAX_WORDS) is None:
        return False
    first = re.split(r"[?.!\n]", without_addressees(text).strip(), maxsplit=1)[0]
    return RECEIVED.fullmatch(normalise(first)) is not None


def asks_if_enough(text: Any) -> bool:
    """The whole message asks whether the last answer says enough."""
    return _short_and_matches(ENOUGH, text)


# Each question about the chat and the message that answers it, in the order they are
# tried; an example is the one answer that depends on the question asked
ANSWERED_BY: tuple[tuple[Callable[[Any], bool], str], ...] = (
    (asks_what_the_lep_is, "what_is_lep"),
    (doubts_it_matters, "why_it_matters"),
    (sarcastic_only, "fair_scepticism"),
    (asks_to_add_later, "add_later"),
    (asks_to_finish_later, "finish_later"),
    (asks_for_an_example, EXAMPLE_REPLY),
    (asks_if_received, "came_through"),
    (asks_if_enough, "enough_said"),
    (asks_whose_view, "answer_as_business"),
    (asks_how_much_to_write, "any_length"),
    (asks_to_stray, "say_anything"),
    (asks_about_the_form_of_answer, "any_form"),
)


def asks_about_the_chat(text: Any) -> bool:
    """Any of the above: the LEP, whether it is worth it, finishing later, an example, did
    it send, is it enough, how much to write, whether to stray, a list."""
    return any(asks(text) for asks, _ in ANSWERED_BY)


def example_for(question_key: str | None) -> str:
    """An example answer to the question asked (its key's last part: "opportunities",
    "barriers", "help", "views"); a seabed one when no question is pending."""
    kind = (question_key or "").rsplit(":", 1)[-1]
    return message(f"example_{kind}" if kind in EXAMPLE_KINDS else "example_views")


def about_the_chat_reply(text: Any, question_key: str | None) -> str | None:
    """The answer to a question about the chat itself, or None when it is none of these."""
    for asks, key in ANSWERED_BY:
        if asks(text):
            return example_for(question_key) if key == EXAMPLE_REPLY else message(key)
    return None
