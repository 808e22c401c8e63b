"""Validate action-server responses with a validator built once, not on every call.

Rasa 3.6's `RemoteAction._validate_action_result` calls `jsonschema.validate`, which
re-checks the (fixed) response schema against its meta-schema on every custom action. With
the jsonschema Rasa pins (4.17) that check is most of Rasa's CPU time per turn: measured
with py-spy on `bucks-lis run`, 53% of the Rasa process's busy samples. The replacement
validates each response against the same schema with the same errors (`best_match`), and
checks the schema itself once.
"""

from __future__ import annotations

from typing import Any

from rasa.core.actions.action import RemoteAction

_validator = None


def response_validator():  # noqa: ANN201
    """The jsonschema validator of Rasa's action response format (checked and built once)."""
    global _validator
    if _validator is None:
        from jsonschema.validators import validator_for

        schema = RemoteAction.action_response_format_spec()
        cls = validator_for(schema)
        cls.check_schema(schema)
        _validator = cls(schema)
    return _validator


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    from jsonschema.exceptions import best_match

    error = best_match(response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            "from the Action endpoint is valid."
        )
        raise error
    return True


def install() -> None:
    """Replace RemoteAction._validate_action_result (idempotent)."""
    RemoteAction._validate_action_result = _validate_action_result
