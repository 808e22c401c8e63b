"""Action-server responses are validated as Rasa does, with the schema checked only once."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.channels import action_validation

GOOD = {
    "events": [
        {"event": "slot", "name": "organisation", "value": "Orbit Ltd"},
        {"event": "action_execution_rejected", "name": "x"},
    ],
    "responses": [{"text": "Thanks"}],
}


@pytest.fixture()
def action() -> RemoteAction:
    action_validation.install()
    return RemoteAction("action_test", None)


def test_valid_responses_pass(action: RemoteAction) -> None:
    assert action._validate_action_result(GOOD) is True
    assert action._validate_action_result({"events": [], "responses": []}) is True


@pytest.mark.parametrize(
    "bad",
    [
        {"events": "not a list"},
        {"events": [{"name": "no event key"}]},
        {"events": [{"event": "slot", "name": 5}]},
        {"responses": ["not an object"]},
        [],
    ],
)
def test_invalid_responses_raise_like_rasa(action: RemoteAction, bad: object) -> None:
    from jsonschema import validate

    with pytest.raises(ValidationError) as ours:
        action._validate_action_result(bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as rasas:
        validate(bad, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(rasas.value.message)
    assert "Failed to validate Action server response" in ours.value.message


def test_the_schema_is_checked_once(action: RemoteAction, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(action_validation, "_validator", None)
    cls = type(action_validation.response_validator())
    calls = []
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, s: calls.append(s)))
    monkeypatch.setattr(action_validation, "_validator", None)
    for _ in range(20):
        action._validate_action_result(GOOD)
    assert len(calls) == 1
