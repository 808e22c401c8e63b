"""What the X channel sends: the X API requests built from Rasa's replies (no network)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import requests
from requests.adapters import BaseAdapter

from bot.channels.x.client import (
    OAuthXClient,
    OutboxClient,
    XAPIError,
    client_from_settings,
    options_from_buttons,
)
from bot.channels.x.memory import Choices
from bot.channels.x.output import XOutput, is_consent_prompt
from bot.channels.x.posts import has_link, post_length, split_for_posts
from bot.config import Settings

BOT_ID = "100"
CONSENT = [
    {"title": "Yes, I'll take part", "payload": "/consent_agree"},
    {"title": "No, I just have questions", "payload": "/consent_decline"},
]
ISLANDS = [
    {"title": "Space industry", "payload": '/choose_island{"island": "space"}'},
    {
        "title": "Film, TV and the creative and digital industries: studios and more",
        "payload": '/choose_island{"island": "film"}',
    },
]


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def output(outbox: OutboxClient, reply_to: str = "", **kwargs: Any) -> XOutput:
    return XOutput(outbox, Choices(), BOT_ID, reply_to, **kwargs)


def test_dm_text_goes_to_the_v2_dm_endpoint() -> None:
    outbox = OutboxClient()
    run(output(outbox).send_text_message("x-dm-200", "Thanks, that's recorded."))
    (entry,) = outbox.entries
    assert (entry.method, entry.path) == ("POST", "/2/dm_conversations/with/200/messages")
    assert entry.json == {"text": "Thanks, that's recorded."}


def test_dm_buttons_become_quick_reply_options() -> None:
    outbox = OutboxClient()
    run(output(outbox).send_text_with_buttons("x-dm-200", "Which matter to you?", ISLANDS))
    (entry,) = outbox.entries
    assert entry.path == "/1.1/direct_messages/events/new.json"
    create = entry.json["event"]["message_create"]
    assert entry.json["event"]["type"] == "message_create"
    assert create["target"] == {"recipient_id": "200"}
    assert create["message_data"]["text"] == "Which matter to you?"
    quick = create["message_data"]["quick_reply"]
    assert quick["type"] == "options"
    assert quick["options"][0] == {
        "label": "Space industry",
        "metadata": '/choose_island{"island": "space"}',
    }
    long_one = quick["options"][1]
    assert len(long_one["label"]) <= 36
    assert long_one["label"].endswith("…")
    assert long_one["metadata"] == '/choose_island{"island": "film"}'
    assert long_one["description"].startswith("Film, TV")


def test_at_most_twenty_quick_reply_options() -> None:
    buttons = [{"title": f"Option {i}", "payload": f'/pick{{"n": {i}}}'} for i in range(25)]
    options = options_from_buttons(buttons)
    assert len(options) == 20
    assert all(len(o.label) <= 36 for o in options)


def test_when_x_refuses_quick_replies_the_options_are_sent_as_a_numbered_list() -> None:
    outbox = OutboxClient(fail={"/1.1/direct_messages/events/new.json": 403})
    run(output(outbox).send_text_with_buttons("x-dm-200", "Would you like to take part?", CONSENT))
    (entry,) = outbox.entries
    assert entry.path == "/2/dm_conversations/with/200/messages"
    assert entry.json["text"] == (
        "Would you like to take part?\n\n1. Yes, I'll take part\n2. No, I just have questions"
    )


def test_public_reply_with_buttons_is_a_numbered_list_in_reply_to_the_post() -> None:
    outbox = OutboxClient()
    run(
        output(outbox, reply_to="5001").send_text_with_buttons(
            "x-post-200", "Which matter to you?", ISLANDS[:1] + [{"title": "Film", "payload": "/f"}]
        )
    )
    (entry,) = outbox.entries
    assert entry.path == "/2/tweets"
    assert entry.json == {
        "text": "Which matter to you?\n\nReply with a number:\n1. Space industry\n2. Film",
        "reply": {"in_reply_to_tweet_id": "5001"},
    }


def test_long_public_replies_become_a_thread_of_posts() -> None:
    outbox = OutboxClient()
    out = output(outbox, reply_to="5001")
    text = " ".join(["The Oxford-Cambridge Arc could add many jobs by 2050."] * 14)
    run(out.send_text_message("x-post-200", text))
    run(out.send_text_message("x-post-200", "Anything else?"))
    posts = [e.json for e in outbox.entries]
    assert len(posts) >= 4
    assert all(post_length(p["text"]) <= 280 for p in posts)
    assert posts[0]["text"].endswith(f"(1/{len(posts) - 1})")
    # each post replies to the one before: a thread under the user's post
    assert posts[0]["reply"] == {"in_reply_to_tweet_id": "5001"}
    for index in range(1, len(posts)):
        assert posts[index]["reply"] == {"in_reply_to_tweet_id": outbox.entries[index - 1].id}
    joined = " ".join(p["text"].rsplit(" (", 1)[0] for p in posts[:-1])
    assert joined == text


def test_consent_in_public_steers_to_dm_by_name_without_a_link() -> None:
    outbox = OutboxClient()
    out = output(outbox, reply_to="5001", bot_username="@BucksLEP")
    run(
        out.send_response(
            "x-post-200",
            {
                "text": "Would you like to take part?",
                "buttons": list(CONSENT),
                "utter_action": "utter_ask_consent",
            },
        )
    )
    (entry,) = outbox.entries
    text = entry.json["text"]
    assert "public" in text
    assert "Direct Message" in text
    assert "Direct Message to @BucksLEP" in text  # named: a post with a URL costs $0.20
    assert "http" not in text and "x.com" not in text
    assert "1." not in text
    assert out.choices.resolve("x-post-200", "1") == "1"  # consent can't be given by number


def test_public_consent_buttons_are_dropped_but_other_choices_stay() -> None:
    outbox = OutboxClient()
    out = output(outbox, reply_to="5001")
    buttons = [
        {"title": "Take part after all", "payload": "/consent_agree"},
        {"title": "How can I get involved?", "payload": "How can I get involved?"},
    ]
    run(
        out.send_text_with_buttons(
            "x-post-200", "Anything else?", buttons, utter_action="utter_declined_more"
        )
    )
    (entry,) = outbox.entries
    text = entry.json["text"]
    assert text.startswith("Anything else?\n\nReply with a number:\n1. How can I get involved?")
    assert "Take part after all" not in text
    assert "Direct Message" in text
    assert out.choices.resolve("x-post-200", "1") == "How can I get involved?"


def test_consent_in_a_dm_is_offered_as_quick_replies() -> None:
    outbox = OutboxClient()
    run(
        output(outbox).send_response(
            "x-dm-200",
            {
                "text": "Would you like to take part?",
                "buttons": list(CONSENT),
                "utter_action": "utter_ask_consent",
            },
        )
    )
    (entry,) = outbox.entries
    options = entry.json["event"]["message_create"]["message_data"]["quick_reply"]["options"]
    assert [o["metadata"] for o in options] == ["/consent_agree", "/consent_decline"]


def test_consent_prompt_detection() -> None:
    assert is_consent_prompt([], "utter_ask_consent")
    assert is_consent_prompt(CONSENT)
    assert not is_consent_prompt(ISLANDS, "utter_ask_islands")


def test_no_url_ever_goes_into_an_automated_public_reply() -> None:
    outbox = OutboxClient()
    out = output(outbox, reply_to="5001")
    run(
        out.send_text_message(
            "x-post-200",
            "Read the strategy at https://www.buckslep.co.uk/lis or www.example.org, or "
            "buckslep.co.uk: all welcome.",
        )
    )
    run(output(outbox).send_text_message("x-dm-200", "The strategy: https://buckslep.co.uk"))
    public, dm = outbox.entries
    assert public.path == "/2/tweets"
    assert public.json["text"].startswith("Read the strategy at")
    assert public.json["text"].endswith("all welcome.")
    assert not has_link(public.json["text"]) and "buckslep" not in public.json["text"]
    assert has_link("see buckslep.co.uk/lis.") and has_link("http://a.b/c")
    assert not has_link("Email Lisa.McCance@sharedintelligence.net today")
    assert dm.json == {"text": "The strategy: https://buckslep.co.uk"}  # DMs may link


def test_a_gate_stops_public_replies_but_not_dms() -> None:
    outbox = OutboxClient()
    reasons: list[str] = []

    def gate(kind: str) -> str | None:
        reasons.append(kind)
        return "over budget" if kind == "public" else None

    run(output(outbox, reply_to="5001", gate=gate).send_text_message("x-post-200", "Hello"))
    run(output(outbox, gate=gate).send_text_message("x-dm-200", "Hello"))
    assert reasons == ["public", "dm"]
    assert [e.path for e in outbox.entries] == ["/2/dm_conversations/with/200/messages"]


def test_offered_choices_last_one_turn() -> None:
    outbox = OutboxClient()
    choices = Choices()
    first = XOutput(outbox, choices, BOT_ID, "5001")
    run(first.send_text_with_buttons("x-post-200", "Pick one", ISLANDS))
    assert choices.resolve("x-post-200", "1") == ISLANDS[0]["payload"]
    second = XOutput(outbox, choices, BOT_ID, "5002")  # the next turn, text only
    run(second.send_text_message("x-post-200", "Tell me more about that."))
    assert choices.resolve("x-post-200", "1") == "1"


def test_unknown_recipients_and_x_failures_do_not_raise() -> None:
    outbox = OutboxClient(fail={"/2/dm_conversations/with/200/messages": 500})
    out = output(outbox)
    run(out.send_text_message("rest-user-1", "hello"))
    run(out.send_text_message("x-dm-200", "hello"))
    run(output(OutboxClient(), reply_to="").send_text_message("x-post-200", "hello"))
    assert outbox.entries == []


def test_post_splitting_counts_like_x() -> None:
    assert post_length("a" * 280) == 280
    assert post_length("🙂") == 2
    assert post_length("see https://example.org/a/very/long/path/that/is/long") == 4 + 23
    assert split_for_posts("short") == ["short"]
    parts = split_for_posts("🙂" * 300)
    assert len(parts) == 3 and all(post_length(p) <= 280 for p in parts)


def test_thread_splits_between_lines_not_inside_a_numbered_option() -> None:
    intro = "Sorry, I didn't understand that. " * 5
    options = [f"{i}. What is question number {i} about the strategy?" for i in range(1, 6)]
    parts = split_for_posts(intro + "\n\nReply with a number:\n" + "\n".join(options))
    assert len(parts) > 1
    for option in options:
        assert sum(option in part for part in parts) == 1, option


def test_outbox_records_json_lines(tmp_path: Any) -> None:
    path = tmp_path / "var" / "x-outbox.jsonl"
    outbox = OutboxClient(path=path)
    run(output(outbox).send_text_message("x-dm-200", "hello"))
    (line,) = path.read_text().splitlines()
    assert json.loads(line)["json"] == {"text": "hello"}


# --- the real client, with a fake transport ------------------------------------------------


class RecordingAdapter(BaseAdapter):
    def __init__(self, status: int = 201, body: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.status = status
        self.body = body or {"data": {"id": "42", "dm_event_id": "43"}}
        self.requests: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        self.requests.append(request)
        answer = requests.Response()
        answer.status_code = self.status
        answer._content = json.dumps(self.body).encode()
        answer.headers["content-type"] = "application/json"
        answer.url = request.url
        answer.request = request
        return answer

    def close(self) -> None:
        pass


def oauth_client(adapter: RecordingAdapter) -> OAuthXClient:
    client = OAuthXClient("ckey", "csecret", "atoken", "asecret", api_base="https://x.test")
    client.session.mount("https://", adapter)
    return client


def test_oauth_client_signs_with_oauth1_user_context() -> None:
    adapter = RecordingAdapter()
    client = oauth_client(adapter)
    assert client.post("Thanks!", in_reply_to="5001") == "42"
    assert client.send_dm("200", "hello") == "43"
    tweet, dm = adapter.requests
    assert tweet.method == "POST" and tweet.url == "https://x.test/2/tweets"
    assert json.loads(tweet.body) == {"text": "Thanks!", "reply": {"in_reply_to_tweet_id": "5001"}}
    auth = tweet.headers["Authorization"]
    auth = auth.decode() if isinstance(auth, bytes) else auth
    assert auth.startswith("OAuth ")
    for part in (
        'oauth_consumer_key="ckey"',
        'oauth_token="atoken"',
        "oauth_signature=",
        'oauth_signature_method="HMAC-SHA1"',
    ):
        assert part in auth
    assert "csecret" not in auth and "asecret" not in auth
    assert dm.url == "https://x.test/2/dm_conversations/with/200/messages"


def test_oauth_client_raises_on_x_errors() -> None:
    client = oauth_client(RecordingAdapter(status=401, body={"title": "Unauthorized"}))
    with pytest.raises(XAPIError) as error:
        client.post("hello")
    assert error.value.status == 401


def test_real_client_only_with_all_four_oauth_values() -> None:
    assert isinstance(client_from_settings(Settings(x_consumer_secret="s")), OutboxClient)
    full = Settings(
        x_consumer_key="k", x_consumer_secret="s", x_access_token="t", x_access_token_secret="ts"
    )
    assert full.x_can_send
    assert isinstance(client_from_settings(full), OAuthXClient)
