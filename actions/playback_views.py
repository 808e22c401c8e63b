"""Views kept at the play-back: one more view offered there ("my business partner says add
that parking is a nightmare"), one added with the yes ("yes but add that ..."), a numbered
answer put right, changes to several answers at once. Split from `actions.playback` (past
400 lines); a few lines each over `bot.consultation`.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.close import asking_follow_up
from actions.common import channel, fix_theme_typos, latest_text, previous_user_text
from actions.profile_right import put_profile_right
from bot.consultation import amendments, service
from bot.consultation.afterthoughts import adds_to_last_answer, view_at_playback
from bot.consultation.named_changes import reword_named_answer
from bot.consultation.playback_fixes import ITEMS_MAX, correct_played_back
from bot.consultation.playback_replies import (
    confirms_formally,
    yes_and_a_remark,
    yes_then_addition,
)
from bot.consultation.questions import message
from bot.consultation.remarks import asks_to_tidy
from bot.consultation.replies import says_no_and_why
from bot.consultation.said_theme_changes import rethemed_answer
from bot.consultation.sentence_split import finishes_the_answer, finishes_the_sentence
from bot.consultation.taking_out import take_out_answers
from bot.consultation.theme_corrections import item_changes, item_changes_reply
from bot.consultation.x_style import without_addressees, without_own_tags


def change_each_item(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A correction in parts that each point at their own answers ("Put skills on 1 as well,
    ..., and take housing off 3"), or at all of them ("put environment on all of them"): set
    AY kept both as views. Applied part by part and said back; False for anything else (one
    change to one answer goes the usual way)."""
    fixed = fix_theme_typos(text)
    if not item_changes(fixed, ITEMS_MAX):  # most messages: no answers read
        return False
    count = len(service.recorded_answers(tracker.sender_id))
    changes = item_changes(fixed, count)
    if not changes or (len(changes) == 1 and len(changes[0].items) == 1):
        return False
    for change in changes:
        for n in change.items:
            service.correct_themes(tracker.sender_id, add=change.add, remove=change.remove, item=n)
    dispatcher.utter_message(text=item_changes_reply(changes, count))
    return True


def keep_view_at_playback(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """One more view at the play-back ("my business partner says add that parking is a
    nightmare"), however NLU read it: kept like a view after the questions, and said so;
    or a numbered answer put right ("number 1 should say the A413"), kept beside it. False
    when the message is neither (a theme change, a question)."""
    text = latest_text(tracker)
    if confirms_formally(text):  # "I have read the summary and it is accurate." (set DX)
        return False
    if rethemed := rethemed_answer(tracker.sender_id, text):
        # "That last one's about housing really, not environment" (set GA was asked which
        # themes to change): the themes put right on that answer
        dispatcher.utter_message(text=rethemed)
        return True
    if change_each_item(text, dispatcher, tracker):
        return True  # the play-back is shown again with the changes
    if yes_and_a_remark(without_own_tags(without_addressees(text))):
        return False  # "Yes, that is what the business wants to say.": a yes, no view
    if asking_follow_up(tracker) and says_no_and_why(text):
        # "Nay, I get enough emails as it is", read as a question or not read at all (set
        # AP kept it as a view): a no the contact form reads
        return False
    if asks_to_tidy(text):  # "can you tidy up my speling?": kept as typed, said so
        dispatcher.utter_message(text=message("spelling_kept"))
        return True
    if taken := take_out_answers(tracker.sender_id, text):
        # "take out what I said about the council": that answer gone, consent untouched
        dispatcher.utter_message(text=taken)
        return True
    # "can I change the housing one? what I meant was ..." (set FI): in its place
    fixed = correct_played_back(tracker.sender_id, text) or reword_named_answer(
        tracker.sender_id, text
    )
    if fixed:  # "no, number 1 should say the A413": joined to answer 1
        dispatcher.utter_message(text=fixed)
        return True
    fixes, view_too = put_profile_right(text, dispatcher, tracker)
    if fixes and not view_too:
        # "Looks right, but we're 11 now, two new physios started on Monday" (set AQ kept
        # it as a view and the head count at 9): the detail put right, said so, not a view
        return True
    said = service.recorded_answers(tracker.sender_id) if adds_to_last_answer(text) else []
    if not said and finishes_the_sentence(text, before := previous_user_text(tracker)):
        # "r too narrow for the tanker ..." after "the lanes round burnham beeches" (set FL)
        said = service.recorded_answers(tracker.sender_id)
        said = said if said and finishes_the_answer(text, before, said[-1].text) else []
    if said and amendments.amend_answer(
        tracker.sender_id, said[-1].response_id, text, amendments.ADDED
    ):
        # "oh and parking. customers leave cars on the verge" (set AO kept it as a view of
        # its own): it carries on the last answer, joined to it as at a question
        dispatcher.utter_message(text=message("added_to_last"))
        return True
    if not view_at_playback(text):
        return False
    if service.repeats_an_answer(tracker.sender_id, text, service.AFTER_CLOSE):
        # the same view sent again at the play-back (set V): kept once, said so
        dispatcher.utter_message(text=message("already_noted"))
        return True
    if not service.record_answer(
        tracker.sender_id, channel(tracker), text, service.AFTER_CLOSE, None
    ):
        return False
    dispatcher.utter_message(text=message("view_added"))
    return True


def added_beside_yes(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "yes but add that parking is a nightmare too" at the play-back (set BO was shown the
    play-back again): the view kept and said so, the yes standing."""
    view = yes_then_addition(latest_text(tracker))
    said = amendments.add_beside_yes(tracker.sender_id, channel(tracker), view) if view else None
    if said:
        dispatcher.utter_message(text=message(said))
    return said is not None
