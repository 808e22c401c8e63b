"""Attack probe s45 on the chat entries: Rasa's streamed REST answers (`?stream=true`)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import requests

from tests.channels.test_rest import start_served
from tests.conftest import free_port


@pytest.fixture()
def rest_url() -> Iterator[str]:
    """The REST channel on a real Sanic server (tests/channels/test_rest.py's echo handler:
    "fail after replying" raises once it has replied, as a turn whose save failed)."""
    port = free_port()
    child = start_served(port)
    yield f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    child.terminate()
    child.join(10)


def _post(url: str, message: str) -> tuple[int, object]:
    body = json.dumps({"sender": "s45-stream", "message": message})
    answer = requests.post(url, data=body, timeout=(5, 10))
    return answer.status_code, answer.json()


def test_a_streamed_turn_cannot_skip_the_failed_turn_answer(rest_url: str) -> None:
    """Rasa's REST channel streams replies for `?stream=true`: the 200 and the replies went
    out before the turn was saved, so a turn that then failed (the database away) was not
    answered 503 for the client to send again, and its stream never ended (Rasa waits for a
    "done" that a failed turn never sends): the connection hung until the client gave up,
    one per failed message. No client of ours streams; asking to is a clear 400 now and
    nothing is run."""
    status, answer = _post(rest_url + "?stream=true", "fail after replying")
    assert status == 400
    assert isinstance(answer, dict) and answer["error"]["code"] == "stream_unsupported"
    assert "stream" in answer["error"]["message"]
    status, answer = _post(rest_url + "?stream=TRUE", "hello")  # Rasa reads any case
    assert status == 400
    # without it (or "false", as Rasa reads it) the turn runs and answers as before
    status, answer = _post(rest_url + "?stream=false", "hello")
    assert status == 200 and answer == [
        {"recipient_id": "s45-stream", "text": "echo hello via rest"}
    ]
    status, answer = _post(rest_url, "fail after replying")
    assert status == 503 and isinstance(answer, dict)
    assert answer["error"]["code"] == "unavailable"


@pytest.mark.parametrize(
    ("query", "streams"),
    [("", False), ("stream=false", False), ("stream=True", True), ("stream=1", False)],
)
def test_stream_requested_reads_the_query_as_rasa_does(query: str, streams: bool) -> None:
    from rasa.utils.endpoints import bool_arg
    from sanic import Sanic
    from sanic.request import Request

    from bot.channels.rest import stream_requested

    app = Sanic.get_app("s45_stream_probe", force_create=True)
    request = Request(f"/webhooks/rest/webhook?{query}".encode(), {}, "1.1", "POST", None, app)
    assert stream_requested(request) is streams
    assert bool_arg(request, "stream", default=False) is streams  # Rasa's own reading
