"""A fake stack for widget tests: our real LimitedSocketIOInput on Sanic with a scripted
bot instead of a trained Rasa model (fast, deterministic), plus our Flask web app.

    python tests/widget/fake_rasa.py RASA_PORT [WEB_PORT]

With WEB_PORT it also serves the web app (demo page + widget) on that port in a thread and
sets PUBLIC_RASA_URL / ALLOWED_ORIGINS to match (unless already set), so
http://127.0.0.1:WEB_PORT/ shows a working widget without `make train`.
Reads MAX_MESSAGE_CHARS like the real server. Test hooks on the Rasa port:
GET /test/received (messages the bot got, with the turn's message id), POST /test/kick
(server drops every socket).
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from typing import Any

from rasa.core.channels.channel import UserMessage
from sanic import Sanic, response
from sanic.request import Request
from sanic_cors import CORS

from bot.channels.socketio import LimitedSocketIOInput
from bot.config import settings

CONSENT = [
    {"title": "Yes, I agree", "payload": "/consent_yes"},
    {"title": "No thanks", "payload": "/consent_no"},
]
ISLANDS = [
    {"title": "Space", "payload": '/choose_island{"island": "space"}'},
    {
        "title": "Medical technologies",
        "payload": '/choose_island{"island": "medical_technologies"}',
    },
]

received: list[dict[str, Any]] = []


async def scripted_bot(message: UserMessage) -> None:
    out = message.output_channel
    sid = message.sender_id
    text = message.text or ""
    received.append(
        {
            "sender_id": sid,
            "text": text,
            "channel": message.input_channel,
            "message_id": message.message_id,  # the widget's id for the message
        }
    )
    if text == "/greet":
        await out.send_text_with_buttons(
            sid,
            "Hello! I'm the consultation assistant for the Buckinghamshire Local "
            "Industrial Strategy.\n\nWe keep what you tell us so the consultation team "
            "can read it: see the [privacy notice](/privacy).\nDo you agree to take part?",
            CONSENT,
        )
    elif text == "/consent_yes":
        await out.send_text_with_buttons(
            sid, "Thank you. Which of these matters most to your business?", ISLANDS
        )
    elif text.startswith("/choose_island"):
        await out.send_text_message(sid, "What opportunities do you see for your business there?")
    elif text == "forget me":
        await out.send_text_message(sid, "Done: I've deleted everything you told me.")
        # What a Rasa response with `custom: {data: {bucks_lis: forgotten}}` emits.
        await out.send_custom_json(sid, {"data": {"bucks_lis": "forgotten"}})
    elif text == "slow":
        await asyncio.sleep(1.5)
        await out.send_text_message(sid, "Sorry for the wait.")
    elif text == "answer, then slow":  # the replies come at once, the ack 3 s later
        await out.send_text_message(sid, "Here is your answer straight away.")
        await asyncio.sleep(3)
    else:
        await out.send_text_message(
            sid,
            f"Thanks, I noted: {text}\nMore at https://example.org/lis. "
            "Or [write to us](mailto:lis@example.org), but not [this](javascript:alert(1)).",
        )


def build_app() -> Sanic:
    app = Sanic("fake_rasa_widget")
    # What `rasa run --cors ORIGIN...` does (rasa.server.configure_cors, without importing
    # TensorFlow); bot/stack.py passes ALLOWED_ORIGINS. Polling responses get their CORS
    # headers from here, as in production.
    app.config.CORS_AUTOMATIC_OPTIONS = True
    app.config.CORS_SUPPORTS_CREDENTIALS = True
    app.config.CORS_EXPOSE_HEADERS = "filename"
    CORS(app, resources={r"/*": {"origins": settings().allowed_origins}}, automatic_options=True)
    channel = LimitedSocketIOInput.from_credentials(
        {
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
            "session_persistence": True,
        }
    )
    app.blueprint(channel.blueprint(scripted_bot), url_prefix="/webhooks/socketio")

    @app.get("/test/received")
    async def get_received(_: Request) -> response.HTTPResponse:
        return response.json(received)

    @app.post("/test/kick")
    async def kick(_: Request) -> response.HTTPResponse:
        sio = channel.sio
        sids = [sid for sid, _eio in sio.manager.get_participants("/", None)]
        for sid in sids:
            await sio.disconnect(sid)
        return response.json({"kicked": len(sids)})

    return app


def serve_web(port: int) -> None:
    from werkzeug.serving import make_server

    from bot.web.app import create_app

    server = make_server("127.0.0.1", port, create_app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()


if __name__ == "__main__":
    rasa_port = int(sys.argv[1])
    if len(sys.argv) > 2:
        web_port = int(sys.argv[2])
        os.environ.setdefault("PUBLIC_RASA_URL", f"http://127.0.0.1:{rasa_port}")
        os.environ.setdefault("ALLOWED_ORIGINS", f"http://127.0.0.1:{web_port}")
        serve_web(web_port)
    build_app().run(host="127.0.0.1", port=rasa_port, access_log=False, workers=1)
