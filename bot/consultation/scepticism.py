"""Sceptical owners who take part all the same: doubts that anyone reads the answers,
sarcasm about one more strategy, and "don't get me started" before the view itself.

Found by set BW of unseen conversations (conversation_probe_bw.yml). "does anyone actually
read these answers or does a computer just count the words?" at a question was told who the
strategy is for; "is this just a box-ticking exercise ...?", "will anything I type here change
a single thing?" and "im stopping there, ... nobody will read it anyway" were kept as views;
"oh great, another strategy" before consent got "I didn't understand"; "ha, environment.
don't get me started" was kept as the environment answer, and the view that followed went
in as an afterthought. A doubt is answered with why the answers matter (who reads them), a
sarcastic remark with a fair word and the question again, and a "don't get me started"
is held: "Go on", and the next message is the answer. A doubt with a subject in it ("what's
the point of consulting when the A41 is still gridlocked?") is a view and stays one: the
tagger must find nothing in it. `about_chat.doubts_it_matters` is the one entry point: its
short "what's the point" patterns, then these, which reach longer messages (up to 26 words)
and the wordings above. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise
from bot.consultation.subject import names_a_subject
from bot.consultation.x_style import without_addressees

MAX_WORDS = 26

_WHO = (
    r"(anyone|anybody|any ?one|a human|a person|a real person|a real human|any human|someone|"
    r"somebody|people|you|you lot|they|a computer|the lep|the council)"
)
_REALLY = r"((actually|really|even|ever|properly|genuinely|honestly|seriously) )*"
_OUR_WORDS = (
    r"(this|these|it|them|this stuff|all this|any of this|these (answers|dms|messages|"
    r"chats|responses|things|forms|surveys)|the answers|my answers|our answers|what (i|we) "
    r"(say|said|write|wrote|type|typed|put))"
)
DOUBTS = re.compile(
    # "does anyone actually read these answers", "does a human actually read these dms"
    rf"\b(does|do|will|would|is|are|can) {_WHO}( (at|in|from) the (lep|council|other end))?"
    rf"( there)? {_REALLY}(read|reads|reading|look at|looking at|listen to|listening to|go "
    rf"through|going through|take any notice of|care about) {_OUR_WORDS}|"
    rf"\bwho {_REALLY}(reads|looks at|sees|will read|is going to read) {_OUR_WORDS}|"
    # "is this just a box-ticking exercise", "already decided everything and just want to say
    # you asked"
    r"\bbox[ -]?tick\w*|\btick[ -]?box\w*|\btick(ing)? (a|the|some) box(es)?\b|\blip service\b|"
    r"\bwindow dressing\b|\btalking shop\b|\bpr (exercise|stunt)\b|\bdone deal\b|"
    r"\b(already|all) decided\b|\bdecided (everything|it all|already)\b|"
    r"\bmade (up )?(your|their) minds?( up)?\b|"
    r"\b(say|said|claim) (you|they|you'?ve|they'?ve) (asked|consulted|listened)\b|"
    # "will anything I type here change a single thing?"
    rf"\b(will|would|does|can|could|is) (anything|any of (this|it)|this|it|what (i|we) "
    rf"(say|type|write|put)|my (answers?|views?)|our (answers?|views?))( (i|we) (type|say|"
    # (not "does it do anything for hairdressers?", which asks what the strategy covers)
    rf"write|put))?( (here|in here|in this))? {_REALLY}(change|changing|make|making|"
    r"achieve) (a single thing|anything|any difference|a difference|a thing|a blind bit of "
    r"difference|jack|squat|owt|a jot)\b|"
    # "what would actually happen to what I said, then?"
    rf"\bwhat (would|will|does|do|is going to) {_REALLY}happen (to|with) {_OUR_WORDS}|"
    # "or do they go in a spreadsheet nobody opens", "straight in a drawer"
    r"\b(go|goes|end up|ends up|get (put|filed|stuck)|gets (put|filed|stuck)) (straight |just )?"
    r"(in|into|on|in the|into the) (a |the )?(drawer|bin|spreadsheet|void|black hole|shredder|"
    r"filing cabinet|pile)\b|"
    # "Nothing will change anyway. It never does.", "@btvlep ffs nothing ever changes round
    # here so idk why im even bothering" (set CU kept both as views)
    r"\bnothing (will|ever|is going to|'?s going to|gonna) (ever )?(change|changes|happen|"
    r"come of (it|this))\b|\bnothing ever changes\b|\bwhy (am )?(i|im|i'?m) (even )?"
    r"bother(ing)?\b|\bwaste of (breath|effort)\b|"
    # "or does a computer just count the words?"
    r"\b(a |the )?(computer|algorithm|ai|robot|machine|bot) (just )?(count|counts|skim|skims|"
    r"sort|sorts|process|processes|read|reads) (the |my |our |these )?(words|answers|them|it)\b"
)
# "oh great, another strategy", "oh look, the LEP wants to hear from small firms. thats a
# first", "here we go again": sarcasm about the consultation, no view in it
SARCASM = re.compile(
    r"((oh|ah|well|wow|ha|haha|lol|right|yeah|great|brilliant|marvellous|wonderful|"
    r"fantastic|lovely|super|look|ooh|cor|blimey) )*"
    r"((another|more|yet another|one more) (strategy|strategies|consultation|consultations|"
    r"survey|surveys|questionnaire|form|forms|plan|plans|chatbot|bot|initiative|report)"
    r"( then| again)?|here we go again|heard (it|that|this|all this) (all )?before|"
    r"wonders (will )?never cease|(that'?s|thats|that is) a first|"
    r"(the )?(lep|council|government) (wants?|wanting|is asking|asks) to (hear|know) "
    r"(from|what)( [\w']+){1,6} (that'?s|thats|that is) (a first|new)|"
    r"(the )?(lep|council) (has |have )?never done (a thing|anything|owt|a lot|much) for "
    r"(us|me|small firms|firms like us|people like us)( (before|yet|in \d+ years))?)"
    r"( (then|again|lol|haha|eh|mate|is it|innit))*"
)
# "don't get me started", "where do I even start", "how long have you got?": the view is
# on its way ("ha, environment. don't get me started": a word or two of subject may lead)
VENT_OPENER = re.compile(
    r"((ha|haha|oh|ah|well|right|ok|okay|god|blimey|ooh|hmm|lol|yeah|honestly) )*"
    r"([\w']+ ){0,2}?"
    r"((don'?t|do not) (get|start) me (started|going|on that|on it)|"
    r"where (do|would|shall|to) (i |we )?(even |ever )?(start|begin)|"
    r"how (long|much time) have (you|u) got|(you|u) (don'?t|do not) want to know|"
    r"(oh )?(boy|god|lord|dear)( oh (boy|dear|lord))?)"
    r"( (lol|haha|mate|honestly|tbh|then))*"
)


# "who actually reads all this? does my name end up in some report?" (set H) asks about
# privacy: the privacy answer says who reads it and that reports use anonymised quotes
PRIVACY = re.compile(
    r"\b(my|our|the business'?s?|company'?s?) (name|details|data|email)|\bnamed\b|"
    r"\b(reports?|anonym\w*|identif\w*|personal|gdpr|data protection|confidential)\b"
)


def _plain(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    plain = without_addressees(text)
    norm = normalise(plain)
    if not norm or len(norm.split()) > MAX_WORDS:
        return None
    return plain


def doubts_the_consultation(text: Any) -> bool:
    """A short message doubting that anyone reads the answers or that the consultation is
    genuine, with no subject of its own."""
    plain = _plain(text)
    if plain is None or DOUBTS.search(normalise(plain)) is None:
        return False
    if UNSURE_WHAT_HELPS.search(normalise(plain)):
        # "honestly no clue what would help, ive done loads of these surveys & nothing ever
        # changes" (set DP was reassured and asked again): an answer, kept as the view
        return False
    return PRIVACY.search(normalise(plain)) is None and not names_a_subject(plain)


UNSURE_WHAT_HELPS = re.compile(
    r"\b(no (clue|idea)|dunno|don'?t know|not sure|couldn'?t (tell you|say)) what (would|could|"
    r"might|will) (help|make a difference|change anything)\b"
)


def sarcastic_only(text: Any) -> bool:
    """The whole message is sarcasm about the consultation ("oh great, another strategy")."""
    plain = _plain(text)
    return plain is not None and SARCASM.fullmatch(normalise(plain)) is not None


def vents_first(text: Any) -> bool:
    """The whole message announces a view to come ("don't get me started")."""
    plain = _plain(text)
    return plain is not None and VENT_OPENER.fullmatch(normalise(plain)) is not None
