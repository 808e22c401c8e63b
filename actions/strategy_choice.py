"""The choice of islands or seabed drivers in the strategy form. Split from
`actions/consultation.py`, which reads the answers to the questions the choice queues; a
choice changed mid-way is `actions/choice_changes.py`."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    as_text,
    channel,
    fix_theme_typos,
    holding,
    previous_user_text,
    profile_on_record,
    skipped,
)
from actions.faq import SURE, answer_question, faq_choice
from actions.profile_right import put_profile_right
from actions.strategy_ask import KINDS
from actions.strategy_state import (
    DONE,
    asked_before,
    finished,
    islands_passed,
    keep_view,
    keep_view_beside_none,
    past_the_profile,
)
from bot.consultation import service
from bot.consultation.amendments import ADDED, amend_answer
from bot.consultation.answer_parts import without_list_marks
from bot.consultation.asides import (
    answered,
    asks_about_taking_part,
    asks_who_reads,
    continues_answer,
)
from bot.consultation.boundaries import boundary_reply
from bot.consultation.choice_changes import (
    islands_after_all,
    swapped_in_choice,
)
from bot.consultation.choice_help import (
    asks_bot_to_choose,
    asks_how_to_choose,
    asks_which_fits,
    chosen_after_a_lead_in,
)
from bot.consultation.choice_places import positional_choice
from bot.consultation.choice_view import (
    ChoiceView,
    choice_and_view,
    chosen_with_view,
    view_beside_none,
)
from bot.consultation.choices import (
    choice_before_question,
    dismisses_the_list,
    none_after_asking,
    numbered_choice,
    outside_the_islands,
    refers_back,
    seabed_named,
    turned_down,
    unfinished_choice,
)
from bot.consultation.focus import focus_answer
from bot.consultation.involvement import involvement_reply
from bot.consultation.later_pieces import about_the_last, points_back
from bot.consultation.leaving import stops_here
from bot.consultation.navigation import first_in_choice
from bot.consultation.none_choice import means_none
from bot.consultation.openings import reading
from bot.consultation.pause_talk import pause_reply
from bot.consultation.profile_fixes import first_sentence_without_fixes
from bot.consultation.question_help import asks_what_a_theme_is
from bot.consultation.questions import (
    match_themes,
    message,
    named_themes,
    question,
    question_queue,
    theme_names,
)
from bot.consultation.remarks import remark_reply
from bot.consultation.replies import (
    after_change_of_mind,
    asked_topic,
    asks_if_it_counts,
    asks_the_difference,
    asks_to_finish,
    asks_what_it_covers_of,
    asks_what_it_is,
    looks_like_question,
    takes_back_last_answer,
    thanks_only,
    withdrawn_with_reason,
)
from bot.consultation.replies.topics import STRATEGY_ONLY_TOPICS
from bot.consultation.side_asks import mid_way_question
from bot.consultation.spelling import dictated_names
from bot.consultation.strategy_asides import (
    asks_about_the_others,
    asks_what_it_covers,
    counts_as_reply,
)
from bot.consultation.withdrawals import withdraw_answer
from bot.consultation.x_style import without_addressees
from bot.strategy import ISLAND_IDS

# the topics a question at a choice is answered on, whatever themes its words name ("the
# islands" and "the seabed" are the lists' own words: "none of the islands?" chooses)
CHOICE_ASIDE_TOPICS = STRATEGY_ONLY_TOPICS - {"islands_seabed"}


def carried_on_at_the_choice(text: str, among: Any, tracker: Tracker) -> bool:
    """A message that carries the last answer on ("but ...", "and ...", "Forgot to say ...":
    `later_pieces`) and names none of the themes offered: joined to that answer
    (`amendments`); True when it was."""
    plain = without_addressees(text)
    before = previous_user_text(tracker)
    if not ((continues_answer(plain) and answered(before)) or points_back(plain, before)):
        return False
    # "and skills too", "but none of them really": a choice; not "oh on the last one, also
    # an apprenticeship ..." (set FT chose skills from it)
    choosing = named_themes(plain, among) or means_none(plain) or dismisses_the_list(plain, among)
    if choosing and not about_the_last(plain):
        return False
    said = service.recorded_answers(tracker.sender_id)
    return bool(said) and amend_answer(tracker.sender_id, said[-1].response_id, plain, ADDED)


def replaced_at_the_choice(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "Sorry, ignore that, it's not what I meant. What would really help is ..." at the
    choice after the last island answer (set CQ chose two drivers from its words): that
    answer replaced and said so; True when it was (the choice is asked again)."""
    replacement = takes_back_last_answer(without_addressees(text))
    # "can you scrap that last answer? my partner would not want it in" (set FT): nothing
    # in its place
    withdrawn = replacement == "" and withdrawn_with_reason(text)
    if not (replacement or withdrawn) or not answered(previous_user_text(tracker)):
        return False
    said = service.recorded_answers(tracker.sender_id)
    key = said[-1].question_key if said else None
    if not key or not key.startswith(("island:", "seabed:")):
        return False
    if not withdraw_answer(tracker.sender_id, key):
        return False
    if withdrawn:
        dispatcher.utter_message(text=message("answer_withdrawn"))
        return True
    service.record_answer(tracker.sender_id, channel(tracker), text, key, question(key).text)
    dispatcher.utter_message(text=message("answer_replaced"))
    return True


def makes_a_choice(text: str, among: Any, kind: str) -> bool:
    """The text picks from the list, by name, number or description, or picks none."""
    return bool(
        means_none(text)
        or numbered_choice(text, among)
        or match_themes(fix_theme_typos(text), kind)
    )


def choose(
    slot: str,
    answer_slot: str,
    value: Any,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
) -> dict[str, Any]:
    """A choice of islands or seabed drivers read from the reply (names, numbers, "none",
    a view beside the choice, a question instead of one); the slots to set."""
    kind, _ = KINDS[slot]
    if isinstance(value, list):
        # a choice already made, validated again as the form restarts ("carry on")
        return {slot: value}
    # "hi, it's traffic": the view after a greeting; "1. infrastructure\n2. environment"
    text = without_list_marks(reading(dictated_names(as_text(value))))
    among = KINDS[slot][1]
    if unfinished_choice(text, among):
        return {slot: None}  # "skills and": the rest comes next (asked again meanwhile)
    before = previous_user_text(tracker) or ""
    if unfinished_choice(before, among):
        text = f"{before} {text}"  # "skills and" + "infrastructure"
    if holding(text):
        return {slot: None}  # asked again
    if asks_to_finish(text) or stops_here(text):
        # "can we leave it there? got a firing to watch" at the seabed choice (set EL was
        # given the person to ring): the questions end, the play-back follows
        return {
            "islands": list(tracker.get_slot("islands") or []),
            "pending_questions": [],
            **past_the_profile(tracker),
            **finished(tracker),
        }
    if thanks_only(text):  # "Thank you, that's very helpful" after an answer (set BT)
        dispatcher.utter_message(text=message("thanks_welcome"))
        return {slot: None}
    if asks_how_to_choose(text):  # "is it ok to just pick one?", "what if i put the wrong one?"
        dispatcher.utter_message(text=message("how_to_choose"))
        return {slot: None}
    if asks_who_reads(text):  # "wait will the council see this??" (set BT chose the council)
        answer_question(dispatcher, tracker)
        return {slot: None}
    if asks_bot_to_choose(text):  # "dunno, you pick the ones that fit a vineyard" (set AQ)
        dispatcher.utter_message(text=message("choice_is_yours"))
        return {slot: None}
    # sorry for a pause is read as sent, its apology not yet set aside (set FF)
    remark = remark_reply(text) or boundary_reply(text) or pause_reply(value)
    if remark:  # "sorry, I'm not very good with computers": reassured, asked again
        dispatcher.utter_message(text=message(remark))
        return {slot: None}
    profile_fixed, _ = put_profile_right(text, dispatcher, tracker)
    if profile_fixed:
        # "before I pick, I told you 8 but ... more like 30", "I put Aylesbury but the
        # workshop's in Haddenham" (set AG): the profile put right, said; the choice again,
        # unless a sentence before the correction made it ("None of those. Could you also
        # change my role to partner?": set BD)
        first = first_sentence_without_fixes(text, profile_on_record(tracker))
        if first is None or not makes_a_choice(first, among, kind):
            return {slot: None, **profile_fixed}
        return {**profile_fixed, **choose(slot, answer_slot, first, dispatcher, tracker)}
    if carried_on_at_the_choice(text, among, tracker):
        # "@btvlep but the power company wants 40 grand first" after the last island answer,
        # sent as a second DM (set AF chose Infrastructure from it): joined to that answer,
        # and said, so the business knows where it went (set DB), then the choice again
        dispatcher.utter_message(text=message("added_to_last"))
        return {slot: None}
    if replaced_at_the_choice(text, dispatcher, tracker):
        return {slot: None}
    if asks_what_it_covers(text):
        # "is there anything in this for care homes?": what the strategy covers, not a
        # choice of the theme its words name ("homes"); the choice again
        dispatcher.utter_message(text=focus_answer())
        return {slot: None}
    asks_about_one = (
        asks_if_it_counts(text) or asks_what_it_covers_of(text) or asks_what_a_theme_is(text)
    )  # sets BE and DM
    if (asks_about_one or asks_the_difference(text)) and (named := named_themes(text)):
        # "whats the difference between digital science and intelligent public services"
        # (set AT chose both) is asked the same way
        # "is broadband infrastructure?", "does software count as digital?" (set AF had the
        # FAQ's general answer): what those themes cover; the choice again
        dispatcher.utter_message(text=counts_as_reply(named))
        return {slot: None}
    if slot == "seabed" and tracker.get_slot("islands") == [] and (late := islands_after_all(text)):
        # "Hang on, I said none too quickly. Put us down for film and TV." (set DH): those
        # islands' questions, then this choice again
        dispatcher.utter_message(text=message("chosen", names=theme_names(late)))
        queue = question_queue(late)
        return {"islands": late, "pending_questions": queue, "island_answer": None, slot: None}
    # "Before I pick, is any of this tied to funding we could apply for?" (set EB chose
    # entrepreneurialism from "funding"): a grant, the cost, the timetable, answered
    asks = (
        asks_about_taking_part(text)
        or asks_about_the_others(text)
        or mid_way_question(text)  # "how many more after this?", "the seabed list again?" (FP)
        or involvement_reply(text) is not None  # "can i email over ... a 6 page pdf" (set FY)
        or asks_what_it_is(text)
        # "Is this anything to do with the government's net zero push?" (set EP): what its
        # words ask, not the theme they name ("net zero"); the lists' own words may choose
        or (looks_like_question(text) and asked_topic(text) in CHOICE_ASIDE_TOPICS)
    )
    if first := choice_before_question(text, among):
        # "Digital science, and quickly: is this the same thing as the national ...?" (set
        # AO): the question answered and the choice taken
        answer_question(dispatcher, tracker)
        text = first
    elif asks:
        # "why those ones?", "and the other four?", "whats all this seabed business then"
        answer_question(dispatcher, tracker)
        return {slot: None}
    elif asks_which_fits(text):
        # "which of those would an electrician come under?" (set EY chose the island the
        # tagger read into "electrician"): the business's call, said; the choice again
        dispatcher.utter_message(text=message("choice_is_yours"))
        return {slot: None}
    if rest_of := chosen_after_a_lead_in(text):
        text = rest_of  # "The council would wish to comment on housing growth, ..." (set DX)
    # "Motorsport and space, but can we do space first? It's most of our work now." (set
    # DH): the order kept for below; the request and its reason no part of the choice
    ordered = first_in_choice(text, among)
    if ordered:
        text = ordered[1]
    said = None  # a view given with the choice, kept as the answer to its first question
    # "creative i suppose... actually no, none of them are really us" (set AG): none
    if skipped(tracker, text) or means_none(text) or means_none(after_change_of_mind(text)):
        chosen: list[str] = []
        keep_view_beside_none(text, dispatcher, tracker, slot)  # "none, but staff can't ..."
    elif dismisses_the_list(text, KINDS[slot][1]) or none_after_asking(text):
        # "the islands thing is daft", "rockets and film studios? for a kennels? none"
        chosen = []
        keep_view_beside_none(text, dispatcher, tracker, slot)
    else:
        fixed = fix_theme_typos(after_change_of_mind(text))  # "space - no wait, medtech"
        # "skills and housing, we can't keep young staff ...": the names, then a view
        said = choice_and_view(text, KINDS[slot][1])
        # "2", "1 and 4": by place in the list shown, else by name
        placed = positional_choice(fixed, KINDS[slot][1])  # "the last two on your list"
        if placed:  # "Of the drivers you list, skills and the last one matter most" (set DY)
            picked = {*placed, *named_themes(fixed)}
            placed = [t for t in KINDS[slot][1] if t in picked]
        chosen = (
            # "Infrastructure and housing. No, scratch housing, I meant environment." (set ED)
            swapped_in_choice(text, KINDS[slot][1])
            or numbered_choice(fixed, KINDS[slot][1])
            or placed
            # the names before a view, not words in it ("Skills. I'm 61 ... on apprentice
            # money": set BL chose entrepreneurialism too)
            or (chosen_with_view(said, KINDS[slot][1]) if said else match_themes(fixed, kind))
        )
        down = turned_down(fixed, KINDS[slot][1])  # "creative no, mobility yes ..."
        chosen = [t for t in chosen if t not in down]
        if not chosen and refers_back(text):  # "that one then", after asking about it
            chosen = named_themes(previous_user_text(tracker) or "", KINDS[slot][1])
        if not chosen and slot == "islands":
            said = choice_and_view(text, KINDS["seabed"][1])
            seabed = seabed_named(fixed)
            if seabed and said is None and (view := view_beside_none(text, ISLAND_IDS)):
                # "none really, but we can't find apprentices anywhere": the view is
                # the answer on the driver it names
                said = ChoiceView(seabed, view)
            if seabed:  # "environment" at the islands question: on to the seabed
                dispatcher.utter_message(text=message("chosen", names=theme_names(seabed)))
                pending = keep_view(said, seabed, question_queue(seabed), dispatcher, tracker)
                return {
                    "islands": [],
                    **past_the_profile(tracker),
                    "island_answer": DONE,
                    "seabed": seabed,
                    "pending_questions": pending,
                    "seabed_answer": None if pending else DONE,
                }
        if not chosen and slot == "islands" and outside_the_islands(text):
            # "what about tourism?", "just the general stuff": none of the islands; on
            # to the seabed drivers
            dispatcher.utter_message(text=message("islands_other_sector"))
            keep_view_beside_none(text, dispatcher, tracker)
            return islands_passed(tracker)
        if (
            not chosen
            and "?" in text
            and (faq_choice(tracker)[1] >= SURE or asked_topic(text) in STRATEGY_ONLY_TOPICS)
        ):
            # "can someone call me? easier on the phone": a question, not a choice; "Will we
            # see a draft first?" however unsure NLU was (set EP)
            answer_question(dispatcher, tracker)
            return {slot: None}
        if not chosen and asked_before(tracker, slot):
            # unclear twice: move on rather than ask the same list a third time
            dispatcher.utter_message(response="utter_choice_moving_on")
        elif not chosen:
            dispatcher.utter_message(text=message(f"{slot}_unclear"))
            return {slot: None}
    queue = question_queue(chosen)
    if ordered:
        queue = sorted(queue, key=lambda k: question(k).theme_id not in ordered[0])
    if chosen:
        dispatcher.utter_message(text=message("chosen", names=theme_names(chosen)))
        queue = keep_view(said, chosen, queue, dispatcher, tracker)
    return {
        slot: chosen,
        "pending_questions": queue,
        answer_slot: None if queue else DONE,
        **past_the_profile(tracker),
    }
