"""The words a reply to the consent question is read with: a yes in English and in the
languages local businesses greet the bot in, the filler that adds nothing to it, the
conditions that put the consultation off, and the words that take the agreement back
later (moved here from `consent_reply`, past 400 lines). Shared by `consent_reply` (does
the reply agree?) and `consent_details` (what else does a yes bring with it?). No Rasa
imports.
"""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies import normalise

# Yes in English and in the languages local businesses greet the bot in (accents are
# dropped by `normalise`: "sí" -> "si", "d’accord" -> "d'accord").
YES_WORDS = (
    r"yes|yeah|yep|yup|ya|yeh|aye|ok|okay|okey|sure|fine|alright|all right|go on|go ahead|"
    r"go for it|why not|happy to|of course|cool|oui|d'accord|bien sur|volontiers|si|claro|"
    r"vale|por supuesto|ja|gerne|naturlich|tak|jasne|dobrze|sim|com certeza|da|haan|ji|"
    r"evet|tamam|naam|iawn|wrth gwrs|"
    # "Ow, yes. I can answer" (Sinhala), "Ndiyo" (Swahili), "Hai" (Japanese), "네" (Korean),
    # "taip" (Lithuanian), "igen" (Hungarian), "ano" (Czech): set DZ and DT
    r"ow|ndiyo|hai|taip|igen|ano|po|oo|opo|네|예|"
    # "Dobre, yes, we can start" (Bulgarian "good": set EH was "still not getting it" to
    # every answer after), "bine" (Romanian), "certo" (Italian), "sige" (Tagalog)
    r"dobre|dobro|dobra|bine|certo|sige|"
    # "Certainly" (set EJ: "didn't understand", then "still not getting it" to every answer)
    r"certainly|definitely|absolutely|gladly|indeed|surely|by all means|"
    # "OK, can do" (set EZ was told what the bot does, and the whole profile was lost), "is
    # fine", "yes can": a yes with its subject dropped, in a second language
    r"can do|is (ok|okay|fine|alright)"
)
# Words that add nothing to a yes ("ok then", "oui merci"); "can" only after one ("yes can")
FILLER = r"then|please|thanks|merci|gracias|danke|dziekuje|obrigado|diolch|mate|fine|sure|can"
FOREIGN_YES = re.compile(rf"(({YES_WORDS})( |$))+(({FILLER})( |$))*")
CONDITIONAL_YES = re.compile(
    rf"^(({YES_WORDS}) )+(({FILLER}) )*(but|as long as|so long as|provided|providing|"
    rf"if|only if|on condition)\b"
)
# A condition that puts the consultation off, or refuses: not agreement
PUT_OFF = re.compile(
    r"\b(later|not now|not right now|another time|some other time|tomorrow|next week|not today|"
    r"no time|(can'?t|cannot) (do|make) it|don'?t want|not interested|rather not|no thanks)\b"
)
# Agreement in a letter's words: "I am content for our responses to be recorded on that
# basis.", "We're happy for you to use what we say", "I consent to my responses being
# used", "you have our agreement", "no objection" (set EU's surveyor was read as declining)
_RECORDED = (
    r"record|recorded|recording|use|used|using|kept|keep|keeping|note|noted|noting|store|"
    r"stored|storing|include|included|share|shared|quote|quoted|publish|published"
)
CONSENTS = re.compile(
    r"\b((i|we) ?('m|'re| am| are) (very |quite |perfectly |entirely |more than )?(content|happy|"
    r"glad|willing|comfortable|agreeable|fine|ok|okay|pleased) (for|with) (you|your team|them|"
    rf"it|this|that|our|my|the|what)\b([\w' ]{{0,40}}?)\b({_RECORDED})\b|"
    r"(i|we) (hereby |do |happily |willingly )?(consent|agree)( to (this|that|it|the (terms|above|"
    r"recording|use)|take part|taking part|participat\w+|you (recording|using|keeping)))?$|"
    r"(i|we) (hereby |do |happily |willingly )?consent to\b|"
    r"(you have|you'?ve got|you have got) (my|our) (full )?(consent|agreement|permission|blessing)|"
    r"(i|we) (give|grant) (you )?((my|our) )?(full )?(consent|permission|agreement)|"
    r"(consent|permission) (is )?(given|granted)|(i|we) (have|raise) no objections?|"
    r"no objections?( (from me|from us|here|at all))?$)"
)


# Words that really withdraw from taking part, once the questions are done or nearly done
# ("actually I don't want to take part any more", "count me out", "I withdraw"); NLU's
# decline alone is not enough there: set Y's "my colleague wants to do this too, can I
# forward it to her?" and "take out what I said about the council" were read as declines
WITHDRAWS = re.compile(
    r"\b((don'?t|do not|no longer|not) (want to |wish to )?(take part|participate|be part|"
    r"be included|do this|continue|carry on)|changed? my mind|withdraw( me| my (consent|"
    r"answers|views|responses))?\b|opt(ing)? out|count (me|us) out|(don'?t|do not) use (any of )?"
    r"(it|my (answers|views|responses)|what i (said|told you))\b(?! (about|on|re|regarding)\b)|"
    r"rather not (take part|do this))"
)


def withdraws_consent(text: Any) -> bool:
    """The message takes back the agreement to take part (not one answer: "take out what I
    said about the council")."""
    return isinstance(text, str) and WITHDRAWS.search(normalise(text)) is not None
