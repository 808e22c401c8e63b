"""The action server serves exactly the custom actions the domain lists."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import ActionExecutor


def test_registered_actions_match_the_domain(domain: dict[str, Any]) -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    assert sorted(executor.actions) == sorted(domain["actions"])
