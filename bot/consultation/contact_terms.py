"""A reply to the follow-up email question that says yes or no in more words than a yes or
no, and the terms a business puts on being contacted: "sign me up for updates but please
don't ring me", "ok but only if it's about funding, nothing else", "yes, email only and not
before January: tom@...", "please don't contact me but do use my views".

Found by set Y of unseen conversations (conversation_probe_y.yml): the first was kept as a
view and the question asked again, the second asked "was that a yes or a no?", the third
kept the address and lost the terms, the fourth was answered with how to get involved. A
yes is a yes whatever terms come with it; the terms are kept where staff read them (the
reply itself, stored against the follow-up question) so nobody rings a business that asked
not to be rung or writes before January to one that said January. A no that asks for the
views to be kept is a no to contact only: nothing is deleted.

Only terms about being contacted make a yes with terms ("yes but honestly the A41 is the
real problem" is a view at the follow-up question, read as before). No Rasa imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.consultation.email_text import find_email
from bot.consultation.replies import normalise
from bot.consultation.x_style import without_addressees

FOLLOW_UP_KEY = "follow_up"  # the question key the terms are kept against

_YES = (
    r"yes|yeah|yep|yup|ya|aye|ok|okay|sure|fine|go on|go on then|why not|happy to|of course|"
    r"please do|yes please|absolutely|definitely|alright|"
    # "I suppose so, if it's not too often" (set CD said goodbye)
    r"i suppose( so)?|suppose so|i guess( so)?|guess so|i think so|think so"
)
YES_FIRST = re.compile(rf"^(({_YES})\b[ ,.!:-]*)+")
# "sign me up", "keep me posted", "send me updates", "you can email me"
SIGNS_UP = re.compile(
    # not "Please don't add me to anything." (set CT was asked for its address)
    r"\b(?<!don't )(?<!dont )(?<!do not )(?<!never )(?<!no need to )"
    r"(sign (me|us) up|put (me|us) (down|on)|add (me|us)|count (me|us) in|"
    r"keep (me|us) (posted|updated|informed|in the loop|on (the|your) (mailing )?list)|"
    r"^(yes )?(that|it) would be (very |most |really )?(helpful|useful|welcome|appreciated)"
    r"( yes| thanks| thank you| please)*$|(send|email) (me|us) (updates|news|"
    r"the (updates|news|outcome|results))|i'?d like (updates|to hear|to be kept)|"
    r"(you can|feel free to|happy for you to|fine to) (email|contact) (me|us)|"
    # "@btvlep yes, drop me an email" (set DI was asked "a yes or a no?")
    r"drop (me|us) (an? )?(email|e-mail|line|note|message)|"
    # "Great. And yes to the emails." after a question answered (set EP: "a yes or a no?")
    r"yes( please)? (to|for) (the |your |any |some )?(e-?mails?|updates?|follow ?ups?|"
    r"newsletters?|news)\b|"
    # "Yes, I should like that very much." (set DQ was asked "a yes or a no?")
    r"(i|we) ?('d|would|should) (very much |really |certainly )?(like|love|welcome|appreciate|"
    r"be glad of) (that|it|this|them)( very much)?( thanks| thank you| please)*$|"
    # "We would welcome updates, yes.", "Yes, I should like to receive updates.", "the Guild
    # would welcome updates", "Updates would be welcome." (set EU was asked "a yes or a no?")
    r"(would|should|'d) (very much |really |certainly |greatly )?(like|love|welcome|appreciate|"
    r"value|be (glad|happy|pleased|grateful|delighted) (of|for|to (receive|get|have|hear)))"
    r"( to (receive|get|have|hear|be sent))? (any |the |some |further |more |regular |occasional |"
    r"those |these )?(updates?|news|e-?mails?|information|newsletters?|correspondence|the outcome|"
    r"how it (goes|turns out|ends)|what happens)|"
    r"(updates?|news|e-?mails?|information) would be (most |very |much )?(welcome|welcomed|"
    r"appreciated|helpful|useful)|(being|to be) kept (informed|updated|posted|in the loop)|"
    r"(email|e-mail|message) (me|us)( please| pls)?$|"
    # "@btvlep Yes, send on email", "please send by email" (set EH: "a yes or a no?")
    r"^(yes,? |ok,? |please,? )*(please )?send (it |them |me |us )?(on|by|via|to|in|through) "
    r"(the )?(e-?mail|mail)( please| pls)?$)\b"
    # "Both please!": the question offers emails about the strategy and further consultation
    # (set BN was asked "was that a yes or a no?")
    r"|^((yes|yeah|oh|ooh) )?both( of (them|those|those things))?( please| pls| thanks| ta| yes)*$"
)
# terms about contact: how, when, how often, about what
TERMS = re.compile(
    # not "ok yes, email is fine" alone (set DT kept it as terms): that is a plain yes
    r"\b(email only|only (by |via |over )?email|by email only|"
    r"emails? (is|are) fine(?= (but|just|as long|so long|only|though))|"
    r"(don'?t|do not|please don'?t|never|no need to) (ring|call|phone|text|whatsapp) (me|us)|"
    r"no (phone )?calls|no phoning|no ringing|"
    r"not (before|until|till|til) \w+|(after|from) (christmas|new year|jan\w*|feb\w*|mar\w*|"
    r"apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|next (week|month|year))|"
    r"only (if|about|when|for|on) |just (about|for|on) |nothing else|"
    r"not too (often|many|much)|once a (week|month|quarter|year)|(monthly|quarterly)\b|"
    # set AP: "so long as it's not every week", "provided it isn't passed on to anyone",
    # "go on, but send it to me not him"
    r"not every (day|week|month)|(so|as) long as |provided |providing |on condition |"
    # set CD: "go on then, if it's only now and then", "yes but only the odd one please"
    r"now and (then|again)|(the )?odd (one|email|update)|occasional(ly)?|every so often|"
    r"(isn'?t|is not|not|never) (passed|shared|sold|given) (on|to)|no (spam|marketing|sales)|"
    r"(send|email) (it|them|emails?|updates) to (me|us|my)\b|"
    # set CB (someone answering for the owner): "Yes please, but it should go to Gary
    # rather than me", "best use his: gary@..."
    r"(it|they|emails?|updates|that|those) (should|can|could|must|need to) go to |"
    r"rather than (me|us|mine)\b|instead of (me|mine)\b|"
    r"(use|send (it|them) to|to) (his|her|their|the (boss|owner|md|director|office)'?s?) "
    r"(email|address|inbox)|\b(use|best use) (his|hers|theirs)\b)"
)
# "yes, but one spam email and im unsubscribing" (set BW was asked "yes or no?"): a yes with
# a warning, which asks nothing of staff (no terms kept)
WARNS = re.compile(
    r"\b((one|a single|any) (spam|junk|marketing|sales) (email|message)|unsubscrib\w*|"
    r"(block|report) (you|u|it) as spam)\b"
)
# a no to contact, whatever else it says ("please don't contact me but do use my views")
REFUSES = re.compile(
    r"\b((don'?t|do not|please don'?t|no need to|never) (contact|email|e ?mail|get in touch "
    r"with|bother|chase|follow up with) (me|us)|no (more )?(contact|emails?|follow ?ups?|"
    r"updates)( (please|thanks|ta))?\b|(leave|keep|take) (me|us) (off|out of) (it|the list|"
    r"your list|any list|mailing lists?)|"
    # "I'll pass on the emails, thank you." (set BG kept it as one more view)
    r"(i'?ll|i will|we'?ll|we will|think i'?ll|gonna) (pass|give (it|them|that|those) a miss)"
    r"( on( the)? (emails?|updates|that|those|them))?( thanks| thank you| ta)?$|"
    r"\bpass on( the)? (emails?|updates)\b|"
    # "And no to the emails." (as "yes to the emails" in `SIGNS_UP`: set EP)
    r"no( thanks| thank you)? (to|for) (the |your |any )?(e-?mails?|updates?|follow ?ups?|"
    r"newsletters?)\b|"
    # "No. Please don't add me to anything.", "I'd rather not be on a mailing list" (set CT)
    r"(don'?t|do not|never) (add|sign|put) (me|us)\b|(rather not|don'?t want to|do not want to) "
    r"be on (a|any|the|your) (mailing |email )?lists?\b|"
    # "I would prefer not to be contacted further, thank you.", "Thank you, but I shall not
    # need further emails.", "That won't be necessary." (set EU was asked "a yes or a no?")
    r"(prefer|rather|sooner) not (to )?(be (contacted|e-?mailed|sent|written to|kept informed|"
    r"updated|on (a|any|the|your))|receive|get|have)\b|"
    r"(shall|will|won'?t|do not|don'?t|shan'?t|do) (not )?need (any )?(further |more )?"
    r"(e-?mails?|updates|contact|correspondence|to hear)\b|"
    r"^((that|it) )?(won'?t|will not|shan'?t|isn'?t|is not|not) (be )?(really )?(necessary|"
    r"needed|required)\b|^((thanks|thank you),? )?but no( thanks| thank you)?$)"
)


@dataclass(frozen=True)
class ContactReply:
    """What a reply to the follow-up question decides: `wants` contact or not, and the
    `terms` to keep (the reply without its address) when there are any."""

    wants: bool
    terms: str | None = None


def contact_reply(text: Any) -> ContactReply | None:
    """The decision in a worded reply to the follow-up question, or None when the reply is
    a plain yes or no (read as before), a question, or a view."""
    if not isinstance(text, str) or not text.strip():
        return None
    email = find_email(text)
    said = without_addressees(text.replace(email, " ") if email else text)
    norm = normalise(said)
    if not norm or norm.endswith("?") or said.rstrip().endswith("?"):
        return None
    signs_up = SIGNS_UP.search(norm) is not None
    if REFUSES.search(norm) and not signs_up:
        return ContactReply(wants=False)
    if not (signs_up or email or YES_FIRST.match(norm)):
        return None
    if TERMS.search(norm):
        return ContactReply(wants=True, terms=_tidy(said))
    if WARNS.search(norm) and YES_FIRST.match(norm):
        return ContactReply(wants=True)
    # "sign me up for updates", "keep me posted": a yes; "yes please" and an address alone
    # are read as before
    return ContactReply(wants=True) if signs_up else None


def yes_on_terms(text: Any) -> bool:
    """A yes that opens the reply and puts terms on it ("yes but only the odd one please",
    "I suppose so, if it's not too often"): a yes whatever NLU read (set CD: read as
    declining, and the questions stopped or the goodbye came)."""
    if not isinstance(text, str):
        return False
    reply = contact_reply(text)
    return (
        reply is not None
        and reply.wants
        and reply.terms is not None
        and YES_FIRST.match(normalise(without_addressees(text))) is not None
    )


def _tidy(text: str) -> str:
    """The reply as the business wrote it, without the gap or the trailing mark left by
    taking its address out."""
    return re.sub(r"\s+", " ", text).strip(" ,.:;-")
