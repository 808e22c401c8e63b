"""A plain yes or no, and acknowledgements with no view in them ("thanks", "cool", "👍")."""

from __future__ import annotations

import re
from typing import Any

from bot.consultation.replies.text import DASHES, normalise, shrug_only, whole, without_signature
from bot.consultation.x_style import without_addressees

# Thank you in the other languages businesses here write in ("diolch yn fawr", the 8th set)
OTHER_THANKS = (
    r"diolch( yn fawr)?|merci( beaucoup)?|danke( schon| sehr)?|gracias|dziekuje|obrigad[oa]|"
    r"grazie( mille)?|dank je( wel)?|shukran|dhanyavaa?d|tesekkurler|multumesc|spasibo|"
    # "JazakAllah khair, thank you for listening", "xie xie" after the goodbye (set DM kept
    # the first as one more view)
    r"jazak ?allah( khair(an)?)?|shukriya|xie ?xie|efh?aristo|efcharisto|arigato|kiitos|"
    r"dekuji|hvala|tack|takk|koszonom|koszi|salamat|dhanyabad|shukriyaa?|"
    # "Mulțumesc frumos!", "Bahut dhanvaad ji", "Salamat po, God bless" after the goodbye (set
    # EH kept two as views and did not understand two)
    r"multumesc( frumos| mult)?|(bahut )?dhanv?aa?d|blagodarya|tashakkur|obrigadinh[oa]"
)
# A yes as typed with one thumb ("k", "kk", "ye", "yeh", "yass", "okie"): "k" at the consent
# question fell back and lost a whole conversation (the ninth set); and a yes mistyped
# ("yss", "yess", "yse": the fourteenth set's "yss" fell back at the consent question)
PHONE_YES = r"k|kk|okk|oki|okie|okey|ye|yeh|yee|yass?|yus|yss+|yes{2,}|yse|ys|yeahh+|yepp+"
# "yes", "thanks", "cool": a reply, but no view to record on an open question
ACKNOWLEDGEMENT = re.compile(
    # "Oh yes definitely" to "what opportunities do you see?" (set AK): no view yet
    rf"(({PHONE_YES}|oh|ooh|ah|yes|yeah|yep|yup|ya|yea|sure|fine|good|great|cool|nice|lovely|"
    r"brilliant|perfect|"
    r"excellent|agreed|agree|true|indeed|absolutely|definitely|of course|sounds good|"
    r"grand|smashing|wonderful|marvellous|super|spot on|"
    rf"{OTHER_THANKS}|"
    r"thanks|thank you|thankyou|thx|ta|cheers|lol|haha|ha|noted|got it|understood|"
    # "Thanks, good to know" after the bot answered a question (set AO kept it as a view)
    r"will do|makes sense|interesting|good to know|useful to know|nice to know|fair enough|"
    r"that helps|i see|ah i see|that'?s (very |really |so )?(helpful|useful|good to know|"
    r"interesting))"
    r"( very much| so much| ever so much| ever so| a lot| mate| po| ji| ciao| god bless( you)?|"
    r" then| kindly| for (listening|your time|asking|the chat|everything|your help|this|that))* ?)+"
)


_THANKS = re.compile(rf"\b(thanks|thank you|thankyou|thx|cheers|ta|{OTHER_THANKS})\b")


def thanks_only(text: Any) -> bool:
    """Nothing but thanks and a word of acknowledgement ("Thank you, that's very helpful")."""
    return acknowledgement_only(text) and _THANKS.search(normalise(text)) is not None


def acknowledgement_only(text: Any) -> bool:
    """Nothing but "yes", "thanks", "cool"... (emoji and punctuation ignored)."""
    if isinstance(text, str) and not normalise(text):
        if shrug_only(text):  # "🤷": a skip, not an acknowledgement
            return False
        stripped = text.strip()  # only emoji ("👍"); a dash alone is a skip
        return bool(stripped) and stripped not in DASHES and not re.search(r"[0-9A-Za-z]", text)
    return whole(ACKNOWLEDGEMENT, text)


# A plain no or yes, whatever NLU made of it ("negative" reads as a theme, "nope not
# really" as a view): the follow-up question and the after-close reply read these.
NO_REPLY = re.compile(
    # "noo", "nahh", "nopee": a no typed with one key held (the fourteenth set)
    # "Know thanks my inbox is full enough" (set DK, dictated)
    r"(((noo+|naa*hh+|nopee+)(?=[ ,]|$)|no|nah|nope|naw|na|n|know(?= (thanks|thank you))|"
    r"negative|not really|"
    r"not for (me|us|now)|no thanks|no thank you|"
    r"no ta|i'?m (good|ok|okay|alright)|we'?re (good|ok|okay|alright)|"
    # "nah ur alright" (set AN, on X): "you're alright" thumb-typed
    r"(you'?re|your|ur|u r|youre) (alright|all right|ok|okay|good)|"
    r"not at the moment|not right now|not today|(i )?don'?t think so|definitely not|"
    # "Nay, I get enough emails", "@btvlep not this time ta" (set AP)
    r"nay|not this time|"
    # "No need, thanks.", "I think not, thank you." to the follow-up question
    r"no need|(i )?think not|"
    # "Ha, I'd say yes but I'd never read them. Best not" (set AY, to the follow-up question)
    r"best not|better not|probably not|i'?ll pass|(i'?d )?rather not|"
    r"(that'?s )?a negative|negative on that|"
    # "no grazie", "non merci", "nein danke" (set AH's bakery wrote in English and Italian)
    r"non|nein|nie|"
    # "nahi shukriya, no thanks" (set AJ's caterer wrote Hindi and Urdu with English)
    # "@btvlep no thx" (set AR was asked "yes or no?")
    r"nahi+n?|nahin|nai)( thanks| thank you| thx| thanx| ty| ta| mate| cheers| tbh| really|"
    r" to be honest| i'?m afraid| sorry| grazie| merci| danke| gracias| dziekuje| diolch|"
    r" shukriya| dhanyavaa?d| ji)*[ ,]*)+"
)
YES_REPLY = re.compile(
    # "Oh, yes please, that would be lovely." (set AC's beekeeper was told her yes was a view)
    r"((oh|ooh|ah|well|why) ?)?"
    # "fair enough, go on then" after the follow-up question was answered (set AY: read as
    # "carry on" after an aside, and asked "was that a yes or a no?")
    r"((fair enough|fine|alright|all right|right then|righto)[ ,]+)?"
    rf"(({PHONE_YES}|yes|yeah|yep|yup|yh|ya|yea|aye|sure|ok|okay|go on|go on then|why not|please|"
    r"yes please|affirmative|of course|definitely|absolutely|"
    # "Please do" to the follow-up question (set DE was asked "a yes or a no?")
    r"(yes )?please do|do please|go ahead|go for it|sure thing|feel free|by all means|"
    # "@btvlep sound" at the play-back (set AR): British for "fine"
    r"sound|sound as a pound|"
    # "sì, perfetto", "oui", "ja", "tak" (set AH)
    r"si|oui|ja|tak|perfetto|va bene|parfait|claro|certo|"
    # "haan, sab theek hai, yes" (set AJ)
    r"haa?n|haan ji|ji haa?n|ji|(sab )?(theek|thik|tik) (hai|he)|bilkul|"
    # "OK, can do" at the consent question (set EZ: read as asking what the bot does, and
    # the whole profile was lost), "yes can", "is fine", "is ok for me": a yes with its
    # subject dropped, as owners writing English as a second language put it
    r"can do|is (ok|okay|fine|alright|all right)( for (me|us))?)( then| thanks|"
    # "Yes kindly" (set ER)
    r" thank you| please| pls| plz| kindly| mate| ta| grazie| merci| danke| gracias| shukriya|"
    r" ji| (i |we )?can( do)?)*[ ,]*)+"
    r"((that would be|that'?d be|that sounds|sounds|that'?s|that is) (lovely|great|good|fine|"
    r"nice|perfect|helpful|grand|brilliant|smashing|wonderful|useful)( thanks| thank you)*)?"
)


# A yes or a no sent as an emoji alone ("@btvlep 👍" at the play-back, set AK: the mention
# left alone was read as a question about the LEP). Skin tones and variation selectors
# ride along; an acknowledgement of anything else is `acknowledgement_only`'s business.
YES_EMOJI = frozenset("👍👌✅☑✔🆗💯🤝")
NO_EMOJI = frozenset("👎❌✖🙅")
# skin tones, variation selectors, joiners and gender signs that ride along with an emoji
EMOJI_MARKS = frozenset("\ufe0f\u200d🏻🏼🏽🏾🏿♂♀")


def _emoji_only(text: str, emoji: frozenset[str]) -> bool:
    """Nothing but emoji from `emoji` (and their modifiers), spaces and punctuation."""
    signs = [c for c in without_addressees(text) if not c.isspace() and c not in "!.,"]
    return any(c in emoji for c in signs) and all(c in emoji or c in EMOJI_MARKS for c in signs)


def says_no(text: Any) -> bool:
    """The whole reply is a no ("negative", "nah", "nope not really", "no ta", "👎"), on X
    too ("@btvlep nah you're alright")."""
    return isinstance(text, str) and (
        whole(NO_REPLY, without_addressees(text)) or _emoji_only(text, NO_EMOJI)
    )


def says_yes(text: Any) -> bool:
    """The whole reply is a yes ("yes", "yeah go on then", "sure", "👍")."""
    return (
        isinstance(text, str)
        and (whole(YES_REPLY, without_addressees(text)) or _emoji_only(text, YES_EMOJI))
        and not says_no(text)
    )


# "no ta, inbox is full enough", "nah, we get enough emails thanks": a no and why, to a
# yes-or-no question (set AH was asked "was that a yes or a no?")
NO_AND_WHY = re.compile(r"(?P<no>[^,.;:!-]+)[,.;:!-]+\s*(?P<why>[^,.;:!?]{1,60})[.!]*")
# dictated, with no stop: "Know thanks my inbox is full enough full stop" (set DK)
NO_THANKS_WHY = re.compile(
    r"(?P<no>(no|nah|nope|know) (thanks|thank you|ta|cheers))\s+(?P<why>[^,;:?]{1,60}?)[.!]*",
    re.IGNORECASE,
)
NOT_ONLY_A_NO = re.compile(r"\b(but|however|yes|yeah|actually|unless|@|email me)\b")


# "nah, not unless there's grant money going, and there won't be" to the follow-up email (set
# AP was asked "yes or no?"): the "not" says the no again, so its condition takes nothing back,
# unlike "no, unless you send it monthly"
NO_NOT_UNLESS = re.compile(r"(?P<no>[^,.;:!-]+)[,.;:!-]+\s*not unless\b[^?]*")


# "@btvlep nah inbox is rammed already 😅" to the follow-up email (set EW was asked "a yes or
# a no?"): on X a no runs into its reason with no stop between. Only a word that is nothing
# but a no ("nah", "nope"), or "no" before the subject of a new clause ("no i get enough"):
# never "no problem", "no worries"
NO_RUNS_ON = re.compile(
    r"(?P<no>nah+|nope+|naw|nay|no(?= (i|i'?m|im|i'?ve|ive|we|we'?re|we'?ve|weve|my|our)\b))"
    r"\s+(?P<why>[^,.;:!?]{1,60}?)[.!\s]*",
    re.IGNORECASE,
)
# a reason that turns the no round ("nah go on then", "nah ok why not")
TURNS_ROUND = re.compile(r"\b(ok|okay|sure|go on|go ahead|why not|send (it|them|me|us)|sign me)\b")


def says_no_and_why(text: Any) -> bool:
    """A no, then a short reason that takes nothing back."""
    if not isinstance(text, str):
        return False
    plain = without_addressees(text).strip()
    unless = NO_NOT_UNLESS.fullmatch(plain)
    if unless is not None and says_no(unless["no"]):
        return True
    runs_on = NO_RUNS_ON.fullmatch(plain)
    if runs_on is not None and not (
        NOT_ONLY_A_NO.search(runs_on["why"].lower()) or TURNS_ROUND.search(runs_on["why"].lower())
    ):
        return True
    match = NO_AND_WHY.fullmatch(plain) or NO_THANKS_WHY.fullmatch(plain)
    if match is not None and says_no(match["no"]):
        return NOT_ONLY_A_NO.search(match["why"].lower()) is None
    # "Oh yes, more emails, just what I need. No thanks." (set AR was told how to get
    # involved): a short remark, then a sentence that is a plain no
    *remark, last = SENTENCE_END.split(plain)
    if (
        # "Not really, no. We're flat out." (set CD was asked "yes or no?"): a plain no,
        # then a sentence of why
        remark
        and says_no(" ".join(remark))
        and "?" not in plain
        and len(last.split()) <= REMARK_WORDS
        and NOT_ONLY_A_NO.search(last.lower()) is None
    ):
        return True
    return (
        bool(remark)
        and says_no(last)
        and "?" not in plain
        and len(" ".join(remark).split()) <= REMARK_WORDS
    )


SENTENCE_END = re.compile(r"(?<=[.!;])\s+")  # "No, thank you; we are kept informed" (set DX)
REMARK_WORDS = 12


# "oh and one more thing, parking in Wycombe is a joke" at a yes-or-no question (the
# thirteenth set asked "was that a yes or a no?" and lost it): one more view, neither
ONE_MORE = re.compile(
    r"^((oh|and|also|btw|by the way|actually|sorry|ps|p s)\b[ ,]*)*(one more thing|another thing|"
    r"forgot to (say|mention|add)|meant to (say|mention|add)|i should (say|add|mention)|"
    r"something else|also)\b"
)
VIEW_WORDS = 6
# "yes please that would be great", "no thanks, not for me right now", "depends how often
# you would email me", "will you share my email?": an answer (or a question) first
OPENS_YES_NO = re.compile(
    rf"^({PHONE_YES}|yes|yeah|yep|yup|yh|ya|yea|aye|sure|ok|okay|please|go on|why not|"
    r"definitely|absolutely|of course|no|nope|nah|naw|nay|negative|not|it depends|depends|maybe|"
    r"perhaps|possibly|probably|sort of|kind of|only if|if|what|how|who|when|why|will|would|"
    r"can|could|do|does|is|are|i'?d (like|love|rather|prefer)|that'?d|that would|sounds|happy|"
    r"go ahead|fine|great|lovely|don'?t|not interested|no need|(i'?m|we'?re) (fine|good|ok))\b"
)


def view_not_yes_no(text: Any, intent: str | None) -> bool:
    """A view of six words or more that says neither yes nor no: it opens "oh and one
    more thing", or NLU read it as one ("inform") and it does not open with a yes or no."""
    if not isinstance(text, str) or len(text.split()) < VIEW_WORDS:
        return False
    if "@" in text or says_yes(text) or says_no(text) or says_no_and_why(text):
        return False
    norm = normalise(text)
    if ONE_MORE.match(norm):
        return True
    viewed = intent in {"inform", "choose_theme", "nlu_fallback"}
    return viewed and OPENS_YES_NO.match(norm) is None


# "maybe", "possibly", "could be", "it depends", "hard to say": a hedge to an open question
# (set U kept "maybe" as the opportunities answer); no view yet, so asked for a sentence
HEDGE = re.compile(
    r"((maybe|perhaps|possibly|probably|potentially|could be|might be|might do|may be|"
    r"(it )?depends|sort of|kind of|kinda|sorta|in a way|a bit|a little|somewhat|partly|"
    r"hard to say|difficult to say|tough to say|who knows|50/50|50 50|fifty fifty|not yet|"
    r"possibly not|maybe not|perhaps not|(i )?suppose so|(i )?guess so|ish|yes and no|"
    r"yes(,)? and no|"
    # "yeah loads", "yeah a couple", "Yes, some help would be good", "Yes very much so" to an
    # open question (set BT kept each as the answer): an amount or a yes, no view yet
    r"yes|yeah|yep|yup|ye|oh|loads|lots|plenty|tons|heaps|a few|a couple|some|quite a few|"
    r"a fair bit|very much so|much so|for sure|(some )?help would be (good|great|nice|welcome|"
    r"appreciated)|that would (be good|be nice|help))"
    r"( i (guess|suppose|think))?( really| tbh| to be honest| i guess| i suppose)*"
    r"[ ,]*)+"
)


def hedge_only(text: Any) -> bool:
    """Nothing but a hedge or an amount ("maybe", "could be tbh", "yeah loads"): no view
    in it."""
    return isinstance(text, str) and whole(HEDGE, without_signature(text))
