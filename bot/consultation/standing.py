"""Questions about taking part itself: "will this get me a grant?", "does it cost
anything?", "I just work here, the boss is away - can I still do it?", "I'm a student,
can I still have my say?", "I own two businesses, which one shall I do?".

Found by the fourteenth set of unseen conversations (conversation_probe_n.yml): the grant
question half way was stored as the answer, the cost question got the strategy's focus,
an employee was told "you're doing it now!" and a student's first message "I didn't
understand", and the owner of two businesses the strategy's focus. Each is answered
plainly and the pending question asked again; nothing is stored. Short questions only,
so a view that mentions grants ("we need grants for kit, will the LEP help?") stays a
view. No Rasa imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.consultation.about_chat import asks_how_much_to_write
from bot.consultation.participation import asks_if_others_can_take_part
from bot.consultation.replies import looks_like_question, short, view_and_question
from bot.consultation.x_style import without_addressees

MAX_WORDS = 20
# "Hello, I run a flower shop. Before I start, is there any money ... at the end of this?"
GRANT_MAX_WORDS = 24

# "will filling this in get me a grant?", "is there funding if I do this?", "do we get money
# for taking part?": what taking part brings. Money alone is not enough: "are there grants
# for apprenticeships?" and "can we get funding for EV chargers?" are views about support.
TAKING_PART = (
    r"(taking part|take part|fill(ing)? (this|it) in|doing (this|it)|do this|answering (this|"
    r"these|the questions)|responding|(this|the) (survey|consultation|chat|questionnaire|form))"
)
MONEY = r"(grants?|funding|funded|money|cash|paid|pay (me|us)|payment|reward|voucher|incentive)"
GRANT = re.compile(
    rf"\b{TAKING_PART}\b.*\b{MONEY}\b|\b{MONEY}\b.*\b{TAKING_PART}\b|"
    rf"\b(will|would|does|could|can) (this|it) (get|give|earn|bring|lead to|mean)\b.*\b{MONEY}\b|"
    # "is there any money for small shops at the end of this?", "is any of this tied to funding
    # we could apply for?", "is there grant money tied to this consultation?" (set EB)
    rf"\b{MONEY}\b.*\b(at the end of|out of|tied to|attached to|linked to|off the back of) "
    r"(any of )?(this|it|all this|the consultation|this consultation|the strategy)\b|"
    rf"\b(any of )?(this|it) (tied|linked|attached) to (any )?{MONEY}"
)
# "does it cost anything?", "is this free?", "do I have to pay?", "is there a fee?": about
# this chat, so the question is the whole message (bar a greeting or thanks). "how much does
# it cost to rent a unit?" and "will it cost us more if HS2 closes the road?" are views.
COST = re.compile(
    r"^((hi|hello|hey|sorry|quick question|just checking|and|so|but|oh) )*("
    r"(does|will|would) (it|this|taking part|this survey|this chat) cost( (me|us))?( anything| "
    r"money| a penny| owt)?|how much (does|is|will) (it|this|taking part)( cost)?|"
    r"is (it|this|taking part|this survey|this chat) free|"
    r"(do|will|would) (i|we) (have|need) to pay( (for|to do) (this|it|taking part))?( anything)?|"
    r"is there (a|any) (fee|charge|cost)( (for|to) (this|it|take part|taking part))?|"
    r"any (fees?|charges?|costs?)( (for|to) (this|it|take part|taking part))?|"
    r"(is|are) (it|this|there) (chargeable|charged))( (then|at all|or|thanks|thank you|cheers))*$"
)
# bodies that are not firms but have a stake: "can a school take part too?"
NOT_A_FIRM = (
    r"(school|academy|college|parish council|town council|charity|students'? union|union|"
    r"university|gp practice|surgery|housing association|church|community group|cic|"
    r"community interest company|trust)s?"
)
# "I just work here", "I'm not the owner", "I'm a student", "I'm not a business": someone
# who wonders whether their view counts ...
NOT_THE_BUSINESS = (
    r"\b(i (just|only) work (here|there|for)|(i'?m|i am) not (the|a) (owner|boss|director|"
    r"manager|business|company|firm)|not a business|the (boss|owner|manager|md) (is|'?s) "
    r"(away|out|off|on holiday|not here|busy)|(i'?m|i am) (just )?(a|an) (student|researcher|"
    r"employee|member of staff|apprentice|temp|resident|local resident|volunteer|intern)|"
    r"(i'?m|i am) (retired|unemployed|between jobs|self employed)|"
    # "I'm only the receptionist", "I'm just an employee here"
    r"(i'?m|i am) (only|just) (the|a|an|one of the) [a-z]+|"
    # "I'm the business manager at a secondary school", "im the clerk to a parish council",
    # "we're students, not a business" (set CJ was told what the strategy focuses on)
    rf"(i'?m|i am|im|we'?re|we are) (the |a |an )?([a-z']+ ){{0,4}}(at|of|to|for|from) (a|an|the|"
    rf"our) ([a-z']+ ){{0,3}}?{NOT_A_FIRM}|we'?re (all )?students|"
    # on the county's edge (set CN): "we're just over the border in Thame", "so
    # Bedfordshire", "Strictly speaking that's Northamptonshire", "milton keynes"
    r"(just )?(over|outside|across) the (border|county( line)?)|not (in|inside) "
    r"(bucks|buckinghamshire)|(in|so|that'?s|thats|it'?s|its) (oxfordshire|bedfordshire|"
    r"berkshire|northamptonshire|hertfordshire|milton keynes)|^(milton keynes|slough|reading|"
    r"oxford|thame|tring|leighton buzzard|luton|watford))\b"
)
# ... and asks whether they may take part
MAY_I = (
    r"\b((can|could|may|should) (i|we) (still |even |also )?(do|take part|have (my|a|our) say|"
    r"fill|answer|join|help|respond|contribute|give)|(is|would) (that|it) (be )?(ok|okay|"
    r"alright|fine|allowed)|am i allowed|(does|do|will|would) (it|my (view|answer|opinion)s?|"
    r"that|i) (still )?count|is this (for|only for|just for) (me|businesses)|"
    # "can a school take part too?", "are students allowed to do this?"
    rf"(can|could|may|does|do) (a|an|our|the) {NOT_A_FIRM} (also |still |even )?(take part|"
    rf"have (its|their|a) say|do this|respond|join in|count)|"
    r"are (students|schools|charities|volunteers) (allowed|able|welcome)|"
    r"does (that|this|it) (rule (us|me) out|count|matter|disqualify (us|me))|is (this|it) "
    r"only for (firms|businesses|companies) (inside|in) (bucks|buckinghamshire))\b"
)
ASKS_IF_I_COUNT = re.compile(
    rf"{NOT_THE_BUSINESS}.*{MAY_I}|{MAY_I}.*{NOT_THE_BUSINESS}|"
    # "is this only for firms inside bucks?" (set CN): asked on its own
    r"\bis (this|it) only for (firms|businesses|companies) (inside|in) (bucks|buckinghamshire)\b"
)


def _short_question(text: Any, max_words: int = MAX_WORDS) -> str | None:
    """The normalised message when it is a short question, else None."""
    if not isinstance(text, str) or not looks_like_question(text):
        return None
    return short(text, max_words)


def asks_about_a_grant(text: Any) -> bool:
    """ "will filling this in get me a grant?": not a grant application; say so."""
    norm = _short_question(text, GRANT_MAX_WORDS)
    return norm is not None and GRANT.search(norm) is not None


def asks_about_cost(text: Any) -> bool:
    """ "does it cost anything?", "is this free?": it is free."""
    norm = _short_question(text)
    return norm is not None and COST.search(norm) is not None


# "Will I get sales calls off the back of this?", "are you going to sell my details?" (set
# AX was told "didn't understand" at the consent question): no
SALES = re.compile(
    r"\b((sales|cold|marketing|spam) (calls?|emails?|messages?)|spam|spammed|"
    r"(sell|selling|sold|pass|passing|share|sharing) (on )?(my|our) (details|data|number|"
    r"email|info|information)|(on|onto|added to) (a|your|any) (mailing|marketing) list|"
    r"(try|trying) to sell (me|us) (something|anything|owt)|"
    # "so you can fill my inbox with newsletters?" (set BW was asked "yes or no?" again)
    r"(fill|flood|clog|spam) (up )?(my|our) (inbox|email|emails|in tray)|newsletters?)\b"
)


def asks_about_sales_calls(text: Any) -> bool:
    """ "will I get sales calls off the back of this?": nobody will sell anything."""
    norm = _short_question(text)
    return norm is not None and SALES.search(norm) is not None


COUNT_MAX_WORDS = 32  # "Hello. I'm the business manager at a secondary school in ...?"


def asks_if_i_count(text: Any) -> bool:
    """ "I just work here, the boss is away - can I still do it?", "I'm a student, can I
    still have my say?": yes, anyone with a stake in the county's economy."""
    norm = _short_question(without_addressees(text), COUNT_MAX_WORDS) if text else None
    return norm is not None and ASKS_IF_I_COUNT.search(norm) is not None


# "I own two businesses, which one shall I do?", "we run three companies, does it matter
# which?": one business per chat, the other in a chat of its own
SEVERAL = re.compile(
    r"\b((i|we)('?ve| have)? (own|run|have|manage|got) (two|2|three|3|several|a few|multiple|"
    r"more than one|a couple of) (businesses|companies|firms|shops|brands)|"
    r"more than one (business|company|firm))\b"
)


def asks_which_business(text: Any) -> bool:
    """ "I own two businesses, which one shall I do?": one per chat."""
    norm = _short_question(text)
    return norm is not None and SEVERAL.search(norm) is not None


# Each question about taking part and the message that answers it, in the order tried
STANDING_REPLIES: tuple[tuple[Callable[[Any], bool], str], ...] = (
    (asks_if_i_count, "you_count"),  # "I just work here, can I still do it?"
    (asks_if_others_can_take_part, "others_welcome"),  # "can my colleague do it too?"
    (asks_about_a_grant, "no_grant"),  # "will this get me a grant?": not an application
    (asks_about_cost, "costs_nothing"),  # "does it cost anything?"
    (asks_about_sales_calls, "no_sales_calls"),  # "will I get sales calls from this?"
    (asks_which_business, "one_business_a_chat"),  # "I own two, which one shall I do?"
    # "... could double the team next year. Is there a word limit on these, by the way?" (set
    # ET): asked after the view, which is kept
    (asks_how_much_to_write, "any_length"),
)


def standing_reply_key(text: Any) -> str | None:
    """The message key answering a question about taking part, or None."""
    return next((key for asks, key in STANDING_REPLIES if asks(text)), None)


# "a small cleanroom unit on westcott venture park at a rent we can afford. is there grant
# money tied to this consultation or not?" (set EB was told the strategy's focus, and the
# view lost), "Is there actually money attached to any of this? Either way, what would help
# most is ..." (set EC): the view kept and the question about taking part answered
def view_then_standing_question(text: Any) -> tuple[str, str] | None:
    """A view and a question beside it about taking part (a grant, the cost, sales calls, a
    colleague): (the view, the message key that answers), or None."""
    split = view_and_question(without_addressees(text)) if isinstance(text, str) else None
    key = standing_reply_key(split[1]) if split else None
    return (split[0], key) if split and key else None
