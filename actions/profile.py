"""Business profile: a form where every question can be skipped. This module reads the
answers; `actions/profile_ask.py` asks the questions and `actions/profile_save.py` files the
profile once it is done."""

from __future__ import annotations

import re
from contextlib import suppress
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    SKIPPED,
    after_return,
    answer_read_as_question,
    as_text,
    channel,
    holding,
    latest_intent,
    latest_text,
    previous_user_text,
    skipped,
)
from actions.faq import answer_question
from actions.profile_non_answers import not_an_answer
from actions.profile_right import carried_on, filled_by_last_answer, redone, redone_reply
from bot.consultation import service
from bot.consultation.asides import goes_back
from bot.consultation.bucks_site import bucks_site
from bot.consultation.email_text import find_email, without_email_part
from bot.consultation.focus import focus_answer
from bot.consultation.letters import unwrapped
from bot.consultation.location_fixes import corrected_location
from bot.consultation.numbered_profile import numbered_profile
from bot.consultation.profile import (
    answer_before_change,
    answer_then_question,
    corrected_sector,
    corrected_size_band,
    size_band_for,
    tidy_profile_answer,
)
from bot.consultation.profile_checks import (
    asks_back,
    asks_which_name,
    legal_form_only,
    role_then_name,
    sector_instead,
    sent_twice,
    town_in_name,
    turnover_not_head_count,
    without_amounts,
    without_sign_off,
    years_not_head_count,
)
from bot.consultation.profile_fixes import (
    answer_before_correction,
    corrected_in_passing,
    corrected_name,
    renamed_after_answer,
)
from bot.consultation.profile_in_one import (
    profile_in_parts,
    rest_of_profile,
    whole_profile,
)
from bot.consultation.profile_passing import answer_and_more
from bot.consultation.profile_places import only_where
from bot.consultation.profile_views import PROFILE_VIEW_KEY, split_profile_view
from bot.consultation.questions import PROFILE_SLOTS, message, profile_question
from bot.consultation.recount import recounted_band
from bot.consultation.replies import asks_how_long
from bot.consultation.replies.topics import asked_topic
from bot.consultation.sent_early import half_typed_count
from bot.consultation.side_asks import mid_way_question
from bot.consultation.standing import asks_if_i_count
from bot.consultation.x_style import without_addressees

# Questions after the sector, at which the sector may be corrected
SECTOR_LATER = frozenset({"size_band", "location", "role"})


class ValidateProfileForm(FormValidationAction):
    def name(self) -> str:
        return "validate_profile_form"

    def _clean(
        self,
        slot: str,
        value: Any,
        tracker: Tracker,
        dispatcher: CollectingDispatcher | None = None,
    ) -> dict[str, Any]:
        if value == SKIPPED:
            # skipped before the form asked ("go on but skip the bits about us" at consent):
            # the form validates slots set on its way in, and must not file the marker
            return {slot: SKIPPED}
        # "Thame Tiles. Cheers, Dave", "tree surgery - Kev" after "yes - Kev": the name alone
        value = without_sign_off(value, signed_before=previous_user_text(tracker))
        # "Dear Sir or Madam, our business is called ... Kind regards, Margaret", "Thank you
        # dear. It's Tilly's Tea Room": the answer inside the letter and the thanks
        value = unwrapped(value)
        value = after_return(value)  # "Back. It's me and a part-time apprentice" (set AO)
        value = corrected_in_passing(value)  # "Chesahm, sorry, Chesham" (set AQ)
        if slot == "organisation":
            whole = whole_profile(as_text(value)) or profile_in_parts(as_text(value))
        else:  # "me and two part timers, West Street in Marlow, I own it" (set EJ)
            whole = rest_of_profile(as_text(value))
            whole = whole if slot in whole else {}
        if whole:
            # "Hi, I'll give you everything in one go to save time: we're Brightwell Lighting
            # & Grip, we hire ..., there are 16 of us, ..." (set BV filed it all as the name)
            # (the name's slot holds the whole message while it is validated)
            fields = {k: v for k, v in whole.items() if k == slot or not tracker.get_slot(k)}
            service.save_profile(tracker.sender_id, channel(tracker), **fields)
            return fields
        listed = numbered_profile(as_text(value), slot)
        if listed:  # "1) Amersham Lighting Ltd 2) lighting design 3) 12 staff ...": each field
            return self._listed(listed, tracker) or {slot: None}
        if goes_back(as_text(value), previous_user_text(tracker)):
            # "back", "undo" straight after an answer: the question before is asked again
            # (the form asks the first empty one) and its new answer replaces the old
            earlier = filled_by_last_answer(tracker) or [
                PROFILE_SLOTS[max(PROFILE_SLOTS.index(slot) - 1, 0)]
            ]
            return {slot: None, **{s: None for s in earlier}}
        if holding(value) or (slot == "size_band" and half_typed_count(value)):
            return {slot: None}  # asked again ("ab" sent before "about 5": set FL)
        if dispatcher is not None and (put_right := redone(value, tracker)):
            # "I've typed our name in the wrong box. It should say saddlery and tack shop" at
            # the head count (set BT): the field before put right; this question again
            service.save_profile(tracker.sender_id, channel(tracker), **put_right)
            dispatcher.utter_message(text=redone_reply(put_right, tracker))
            return {slot: None, **put_right}
        if dispatcher is not None and (extended := carried_on(value, tracker)):
            # "oh and interpreting, mostly for hospital outpatients" at the head count (set
            # AO filed it as the head count): joined to the field just given; asked again
            service.save_profile(tracker.sender_id, channel(tracker), **extended)
            dispatcher.utter_message(text=message("added_to_last"))
            return {slot: None, **extended}
        email = find_email(as_text(value))
        if email and dispatcher is not None:
            # "Kiln Lane Pottery. my email is jess@... if you need it" (set AK): the address
            # kept for the follow-up question (not yet agreed to), the answer without it
            with suppress(ValueError):
                service.set_contact(tracker.sender_id, channel(tracker), email, False)
            value = without_email_part(as_text(value), email)
            if not value:
                return {slot: None}  # the address alone: kept; the question asked again
        both = role_then_name(as_text(value)) if slot == "organisation" else None
        if both:  # "Head cheesemaker and co-owner. The dairy is Hambleden Valley Cheese"
            name, role = both
            fields = {"organisation": name, **({} if tracker.get_slot("role") else {"role": role})}
            service.save_profile(tracker.sender_id, channel(tracker), **fields)
            return fields
        named_town = (
            town_in_name(value, tracker.get_slot("organisation")) if slot == "location" else None
        )
        if named_town:  # "same as the name" (Buckingham Driving School)
            service.save_profile(tracker.sender_id, channel(tracker), location=named_town)
            return {"location": named_town}
        where = only_where(as_text(value)) if slot == "organisation" else None
        if where:  # "we're in Chesham by the way": the town filed, the name asked again
            service.save_profile(tracker.sender_id, channel(tracker), location=where)
            return {slot: None, "location": where}
        if (held_back := not_an_answer(slot, value, dispatcher, tracker)) is not None:
            return held_back  # a remark, a pointer, junk, pictures, "yes", "skip all this"
        # "sorry i said 8, its more like 30 if you count the drivers" (set BH): the count on
        # record taken back
        band = (
            corrected_size_band(as_text(value))
            or recounted_band(as_text(value), tracker.get_slot("size_band"))
            if slot != "size_band"
            else None
        )
        if band and dispatcher is not None:
            # "actually we're 60 staff not 6" at a later question: the head count changes
            # and the pending question is asked again
            service.save_profile(tracker.sender_id, channel(tracker), size_band=band)
            dispatcher.utter_message(text=message("size_band_corrected", band=band))
            # "iver heath. oh & its 10 not 8" (set BK): the answer before the correction stands
            answer = answer_before_correction(as_text(value), tracker.get_slot("size_band"))
            return {slot: answer, "size_band": band}
        sector = (
            corrected_sector(as_text(value)) or sector_instead(value, tracker.get_slot("sector"))
            if slot in SECTOR_LATER
            else None
        )
        if sector and dispatcher is not None and tracker.get_slot("sector") is not None:
            # "actually put us down as an engineering consultancy" later: the same way
            service.save_profile(tracker.sender_id, channel(tracker), sector=sector)
            dispatcher.utter_message(text=message("sector_corrected", sector=sector))
            head = answer_before_change(without_addressees(as_text(value)))
            if head:  # "co-owner. and can you change the sector to ..." (set AG): both kept
                return {**self._clean(slot, head, tracker, dispatcher), "sector": sector}
            return {slot: None, "sector": sector}
        name = tracker.get_slot("organisation")
        renamed = None
        if slot != "organisation" and name != SKIPPED:
            fixed = corrected_name(as_text(value), name)
            renamed = (
                (fixed, "")
                if fixed
                else renamed_after_answer(without_addressees(as_text(value)), name)
            )
        if renamed and dispatcher is not None:
            # "sorry it's Chiltern Cycles, with an s" at the next question, or "16. oh and the
            # name's Ouse Valley Finishing, not Coatings" after its answer (set AM): the name
            # changes; an answer before it is kept, else the question is asked again
            fixed, head = renamed
            service.save_profile(tracker.sender_id, channel(tracker), organisation=fixed)
            dispatcher.utter_message(text=message("organisation_corrected", name=fixed))
            kept = self._clean(slot, head, tracker, dispatcher) if head else {slot: None}
            return {**kept, "organisation": fixed}
        place = tracker.get_slot("location")
        moved = corrected_location(as_text(value), place) if slot == "role" else None
        if moved and dispatcher is not None and place not in (None, SKIPPED):
            # "sorry wrong postcode, it's HP19" at the role question: the place changes
            service.save_profile(tracker.sender_id, channel(tracker), location=moved)
            dispatcher.utter_message(text=message("location_corrected", location=moved))
            # "director. oh n its loudwater not flackwell heath" (set EQ asked the role
            # again): the role before the correction stands
            head = answer_before_correction(as_text(value), place, "location")
            kept = self._clean(slot, head, tracker, dispatcher) if head else {slot: None}
            return {**kept, "location": moved}
        if slot == "location" and dispatcher is not None and asks_if_i_count(as_text(value)):
            # "milton keynes, does that count?" (set CN was told the strategy's focus and
            # asked again): yes, and the place before the question is the location
            dispatcher.utter_message(text=message("you_count"))
            value = re.split(r"[,.;?]", without_addressees(as_text(value)), maxsplit=1)[0]
        if dispatcher is not None and mid_way_question(value):
            # "Before I give you our name, who gets to see it? ..." (set FP was told which name
            # to give), "How many more questions after this?": answered; asked again
            answer_question(dispatcher, tracker)
            return {slot: None}
        if slot == "organisation" and asks_which_name(value) and dispatcher is not None:
            # "The practice name or the group's? We were bought out ..." (set AV kept it as
            # the name): either will do; asked again
            dispatcher.utter_message(text=message("which_name"))
            return {slot: None}
        counted = slot == "size_band" and size_band_for(as_text(value)) is not None
        if (
            dispatcher is not None
            and not counted  # "like 15?" is a head count, not a question back
            and (asks_back(value) or asks_how_long(value))
            and latest_intent(tracker) != "skip"
            and not skipped(tracker, value)
        ):
            # "why do you need that?" that NLU did not take for a question: say what
            # the questions are for (and that they can be skipped), then ask again; one
            # whose words say what it asks is answered on that ("Quick one first: who gets
            # the final say?": set EP)
            topic = asked_topic(as_text(value))
            if topic == "focus":
                dispatcher.utter_message(text=focus_answer())
            else:
                dispatcher.utter_message(response=f"utter_faq/{topic or 'bot_help'}")
            return {slot: None}
        if skipped(tracker, value):
            return {slot: SKIPPED}
        if sent_twice(value, previous_user_text(tracker)) and filled_by_last_answer(tracker):
            return {slot: None}  # the last answer again (a double send): asked again
        if slot == "size_band" and turnover_not_head_count(value) and dispatcher is not None:
            # "about £2m turnover": money, not people; the head count asked for again
            dispatcher.utter_message(text=message("size_not_turnover"))
            return {slot: None}
        if slot == "size_band" and years_not_head_count(value) and dispatcher is not None:
            # "we've been trading since 1998": how long, not how many; asked again
            dispatcher.utter_message(text=message("size_not_years"))
            return {slot: None}
        if slot == "sector" and legal_form_only(value) and dispatcher is not None:
            # "we're a limited company": how it is set up, not what it does; asked again
            # ("sole trader" says the head count too)
            dispatcher.utter_message(text=message("sector_not_legal_form"))
            band = None if tracker.get_slot("size_band") else size_band_for(as_text(value))
            if band:
                service.save_profile(tracker.sender_id, channel(tracker), size_band=band)
            return {slot: None, **({"size_band": band} if band else {})}
        if slot == "size_band":  # "£2m turnover, 18 staff": the staff, not the millions
            value = without_amounts(value)
        field, view = split_profile_view(slot, without_addressees(as_text(value)))
        if view and dispatcher is not None:
            # "Double glazing. And you can put down that the road onto our estate floods"
            # (set CE filed it all as the sector): the field's words, and the view kept
            key = PROFILE_VIEW_KEY.format(slot=slot)
            value = field
            if service.record_answer(
                tracker.sender_id, channel(tracker), view, key, profile_question(slot)
            ):
                dispatcher.utter_message(text=message("profile_view_kept"))
        if slot == "location" and (site := bucks_site(as_text(value))):
            value = site  # "Head office is in London; the depot's in Aylesbury" (set CN)
        typed = service.clean_text(as_text(value), service.profile_max_chars(slot))
        text = tidy_profile_answer(slot, typed)
        # "bespoke joinery, there's 14 of us": the head count too, so it is not asked
        text, counted_too = answer_and_more(slot, text, typed, tracker.get_slot)
        if text or counted_too:  # kept as given, so leaving mid-profile keeps what was said
            service.save_profile(tracker.sender_id, channel(tracker), **{slot: text}, **counted_too)
        # "I don't have a company name, I'm a freelance photographer": no name, not asked again
        return {slot: text or (SKIPPED if counted_too else None), **counted_too}

    @staticmethod
    def _listed(listed: dict[str, str], tracker: Tracker) -> dict[str, Any]:
        """Each item of a numbered profile kept against its own question, saved."""
        fields = {
            slot: tidy_profile_answer(
                slot, service.clean_text(item, service.profile_max_chars(slot))
            )
            for slot, item in listed.items()
        }
        fields = {slot: text for slot, text in fields.items() if text}
        service.save_profile(tracker.sender_id, channel(tracker), **fields)
        return fields

    @staticmethod
    def _answered_and_asked(
        dispatcher: CollectingDispatcher, tracker: Tracker, slot: str
    ) -> dict[str, Any]:
        """ "Aylesbury. what actually happens with all this after?" (set AO): the question
        answered and the short answer before it kept."""
        if tracker.get_slot("requested_slot") != slot:
            return {}
        text = latest_text(tracker)
        first = answer_then_question(text)
        if first is None:
            return {}
        if latest_intent(tracker) != "faq" and asked_topic(text) is None:
            # "6 of us. is there a closing date for this?" (set EB: NLU read a head count,
            # and the question went unanswered): answered when its topic is plain
            return {}
        answer_question(dispatcher, tracker)
        return {slot: first}

    async def extract_organisation(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._answered_and_asked(
            dispatcher, tracker, "organisation"
        ) or answer_read_as_question(tracker, "organisation", faq=False)

    async def extract_size_band(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._answered_and_asked(
            dispatcher, tracker, "size_band"
        ) or answer_read_as_question(tracker, "size_band", faq=False)

    async def extract_location(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._answered_and_asked(dispatcher, tracker, "location") or answer_read_as_question(
            tracker, "location", faq=False
        )

    async def extract_sector(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._answered_and_asked(dispatcher, tracker, "sector") or answer_read_as_question(
            tracker, "sector"
        )

    async def extract_role(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "Manager. Sorry, who are the LEP when they're at home?" (set EB): both
        return self._answered_and_asked(dispatcher, tracker, "role") or answer_read_as_question(
            tracker, "role"
        )

    def validate_organisation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._clean("organisation", value, tracker, dispatcher)

    def validate_sector(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._clean("sector", value, tracker, dispatcher)

    def validate_size_band(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._clean("size_band", value, tracker, dispatcher)

    def validate_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._clean("location", value, tracker, dispatcher)

    def validate_role(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return self._clean("role", value, tracker, dispatcher)
