"""An email address in what a business typed, as typed ("tom@x.co.uk", "my email is
tom@x.co.uk.") or spelled out against spam bots ("sam dot patel at gmail dot com", "sam
[at] gmail [dot] com": the ninth set of unseen conversations lost one). No Rasa imports.

"bob at gmail" has no domain ending and is not an address: the business is asked again.
"""

from __future__ import annotations

import re

EMAIL_IN_TEXT = re.compile(r"[^\s<>\"',;:()]+@[^\s<>\"',;:()]+")
_AT = r"\s*(?:@|[(\[]\s*at\s*[)\]]|\sat\s)\s*"
# a dot with spaces round it ("kate @ deli .co.uk", as a phone's autocorrect leaves it)
# only before a common address ending, so "I'm at work. later" is no address
_ENDING = r"(?=(?:co|com|org|net|uk|gov|ac|nhs|sch|ltd|plc|me|io|biz|info)\b)"
_DOT = rf"(?:\.|\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+|\s*\.\s*{_ENDING})"
SPELLED = re.compile(
    rf"(?<![\w.])(?P<local>[a-z0-9_%+-]+(?:{_DOT}[a-z0-9_%+-]+)*){_AT}"
    rf"(?P<domain>[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*{_DOT}[a-z]{{2,}})\b",
    re.IGNORECASE,
)


def _joined(part: str) -> str:
    return re.sub(_DOT, ".", part).strip()


def find_email(text: str | None) -> str | None:
    """The address in the text, typed or spelled out; None when there is none."""
    match = EMAIL_IN_TEXT.search(text or "")
    if match:
        return match.group(0).rstrip(".")
    spelled = SPELLED.search(text or "")
    if spelled is None:
        return None
    return f"{_joined(spelled.group('local'))}@{_joined(spelled.group('domain'))}".lower()


# "I haven't got email", "no email, could somebody ring me?", "we don't do email, phone me
# on 01844 ..." (the fifteenth set asked for an address again): no address to give, so
# the follow-up is by phone or not at all
NO_EMAIL = re.compile(
    r"\b((i|we)('ve|'d| have)? (haven'?t|have not|havent|don'?t|do not|dont|never|not) (got |"
    r"have |had |use |do |really use |bother with )?(an? |any )?e-?mails?( address)?|"
    r"(no|not got an?|without an?|not on) e-?mails?( address)?|"
    # "not email, im under a horse all day. can someone phone me?" (set AL)
    r"not (by |via )?e-?mails?(?=\s*([,.;!]|$|(please|pls|thanks|ta|but|i'?m|im|just)\b))|"
    r"(don'?t|do not|dont) (do|use|have) (computers?|the internet|internet))\b",
    re.IGNORECASE,
)


def no_email_given(text: str | None) -> bool:
    """The business has no email address to give ("I haven't got email dear"), with or
    without asking to be phoned instead; an address in the message is one to use."""
    text = text or ""
    return find_email(text) is None and NO_EMAIL.search(text) is not None


# "btw happy for you to email me about all this, tom@x.co.uk" inside an answer (set AA):
# an offer to be contacted, not only an address in passing
OFFER = re.compile(
    r"\b((e-?mail|contact|write to|reach|ping) (me|us)|get in touch|happy (for you )?to (be "
    r"contacted|hear (back|more))|(you can|feel free to|do) (e-?mail|contact)|keep me (posted|"
    r"updated|in the loop)|"
    # "you can send any updates to kev@..." (set AI, at the play-back)
    r"send (me |us )?(any |the |your )?(updates|news|info|information|details)( to)?)\b",
    re.IGNORECASE,
)
KEPT_FOR_FOLLOW_UP = "[email kept for follow-up]"


def offered_email(text: str | None) -> str | None:
    """The address a business offers for follow-up inside another answer, or None."""
    email = find_email(text)
    return email if email and OFFER.search(text or "") else None


def without_offered_email(text: str, email: str) -> str:
    """The answer with the offered address taken out (it is kept as the contact, not as
    words of the view that staff read and reports quote)."""
    return text.replace(email, KEPT_FOR_FOLLOW_UP) if email in text else text


# A part of a profile answer that carries an address ("Kiln Lane Pottery. my email is
# jess@... if you need it" at the name question, set AK): the parts are split at sentence
# ends, commas and dashes, never inside the address
_PARTS = re.compile(r"(?<=[.!?;])\s+|,\s*|\s+[-\u2013\u2014]\s+")


def without_email_part(text: str, email: str) -> str:
    """The answer without the part of it that gives the address ("" when that is all)."""
    kept = [part for part in _PARTS.split(text) if email not in part and find_email(part) is None]
    return " ".join(part.strip() for part in kept if part.strip()).strip().rstrip(".,;:-")


# "yes please, use the email I put at the start", "same address as before" to the follow-up
# question (set AK: kept as a view after the close, and asked again): a yes, to the address
# given earlier in the chat
EARLIER_EMAIL = re.compile(
    r"\b(use|same|it'?s|that|to) (the |my |that )?(e-?mail|address|e-?mail address)"
    r"( (i|we) (put|gave|sent|typed|mentioned|left|wrote)( you)?|"
    r" ((from|at|as) )?(the start|above|earlier|before|already)| you (have|got|already have))|"
    r"\b(you('ve| have) (already )?got|you already have) (my|our|the) (e-?mail|address)\b",
    re.IGNORECASE,
)


def points_to_earlier_email(text: str | None) -> bool:
    """The reply asks for the address given earlier to be used, and gives none itself."""
    return find_email(text) is None and EARLIER_EMAIL.search(text or "") is not None


# At the email question, no address after all: "Actually, leave it, I get enough emails as
# it is", "@btvlep just DM me on here" (set AV refused each as a malformed address)
NO_ADDRESS_AFTER_ALL = re.compile(
    r"\b(leave it|forget (it|that|about it)|never ?mind|don'?t bother|scrap (it|that)|"
    r"on second thoughts?|changed? my mind|(get|have|got) enough e-?mails|"
    r"(dm|direct message|message|pm|tweet|reply to|contact|reach|find) (me|us)"
    r"( (on|via|through|over) (here|x|twitter|this|dms?|this chat))?|"
    r"(on|via|through|over) (here|dms?|x|twitter|this chat)( instead)?)\b",
    re.IGNORECASE,
)
# The same, beside a yes to the play-back: "yep all good, no emails ta", "Sorted. No to the
# emails, thanks" (sets AV and AY were asked which themes to change)
NO_EMAILS = re.compile(
    r"^(and |but )?(no|not|don'?t|do not|dont) (need (to )?|want (any )?|bother (with )?|"
    r"send (me |us )?(any )?|(e-?mail|contact) (me|us)|to )?(the )?(e-?mails?|updates|"
    r"follow[- ]?ups?|contact)( (ta|thanks|thank you|cheers|please|pls|though|for me|mate))*$",
    re.IGNORECASE,
)
# and the yes: "That's better. Yes to emails", "thats right now. go on then, email me", "And
# yes, you can email me" (set AY was asked which themes to change, or not asked for the
# address)
YES_EMAILS = re.compile(
    r"^(and |so )?((yes|yeah|yep|ok|okay|sure|go on( then)?|please)[ ,]+)*"
    r"(yes )?(to (the )?(e-?mails?|updates|follow[- ]?ups?)|(you can |please |do |happy for "
    r"you to )?e-?mail me( (then|please|about it|with updates))?|happy to be e-?mailed|"
    r"sign me up|keep me (posted|updated|in the loop))( (please|pls|thanks|ta|then))*"
    r"(:? ?\S+@\S+)?$",
    re.IGNORECASE,
)


def follow_up_after(text: str) -> tuple[str, bool] | None:
    """(what comes before, the answer) when a message ends by answering the follow-up
    question ("yep all good, no emails ta" -> ("yep all good", False); "That's better. Yes to
    emails" -> ("That's better", True)); None when it does not end so."""
    text = text.strip()
    for brk in re.finditer(r"[,;.!]+\s*| and (?=yes|no\b)| but ", text):
        head = text[: brk.start()].strip()
        rest = " ".join(text[brk.end() :].replace(",", " ").split()).strip(" .!;:-")
        if head and NO_EMAILS.match(rest):
            return head, False
        if head and YES_EMAILS.match(rest):
            return head, True
    return None


def no_address_after_all(text: str | None) -> bool:
    """The reply to "What email address?" takes the offer back or asks to be reached
    elsewhere, with no address in it."""
    plain = re.sub(r"(?<!\w)@\w+", " ", text or "")  # the handles an X DM opens with
    return (
        find_email(plain) is None and "@" not in plain and bool(NO_ADDRESS_AFTER_ALL.search(plain))
    )
