"""Fixtures for the staff review app's HTTP tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from tests.review.seed import ADMIN_EMAIL, PASSWORD, REVIEWER_EMAIL, Seeded, seed

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheaper scrypt parameters in tests only (production keeps werkzeug's defaults)."""
    from bot.storage import staff

    monkeypatch.setattr(staff, "HASH_METHOD", "scrypt:4096:8:1")


@pytest.fixture()
def seeded(session) -> Seeded:  # noqa: ANN001
    data = seed(session)
    session.commit()
    return data


@pytest.fixture()
def app(database_url: str, seeded: Seeded) -> Iterator[Flask]:
    from bot.web.app import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": database_url})
    yield app


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def csrf_from(client: FlaskClient, path: str = "/staff/login") -> str:
    html = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client: FlaskClient, email: str = REVIEWER_EMAIL, password: str = PASSWORD):  # noqa: ANN201
    token = csrf_from(client)
    return client.post(
        "/staff/login", data={"email": email, "password": password, "csrf_token": token}
    )


@pytest.fixture()
def reviewer(client: FlaskClient) -> FlaskClient:
    assert login(client).status_code == 302
    return client


@pytest.fixture()
def admin(client: FlaskClient) -> FlaskClient:
    assert login(client, ADMIN_EMAIL).status_code == 302
    return client


RESPONSE_EDIT_RE = re.compile(r"^/staff/responses/(\d+)/(?:themes|stance|review)$")
VERSION_RE = re.compile(r'name="(version_\w+)" value="(\d+)"')


def post(client: FlaskClient, path: str, data: dict | None = None, page: str = "/staff/"):  # noqa: ANN201
    """POST with a valid CSRF token taken from `page`. A response's edit forms also carry the
    versions its page shows now, as a page just read would (unless `data` gives them): a save
    without them counts as read before any change (staff probe s45: lost edits,
    tests/review/test_stale_edits.py)."""
    payload = dict(data or {})
    edit = RESPONSE_EDIT_RE.match(path)
    if edit:
        shown = client.get(f"/staff/responses/{edit.group(1)}").get_data(as_text=True)
        for name, value in VERSION_RE.findall(shown):
            payload.setdefault(name, value)
    payload["csrf_token"] = csrf_from(client, page)
    return client.post(path, data=payload)


# --- a response page's forms as a browser sends them (tests/review/test_stale_edits.py) ---


class Forms(HTMLParser):
    """The POST forms of a page with what a browser would send (buttons kept apart)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self._form = {"action": a.get("action", ""), "fields": [], "buttons": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form["fields"].append((a["name"], a.get("value", "on")))
        elif tag == "button" and a.get("name"):
            self._form["buttons"].append((a["name"], a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form["fields"].append((a["name"], ""))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self._form["fields"].append((self._select, a.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            name, value = self._form["fields"][-1]
            self._form["fields"][-1] = (name, value + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def read_form(client: FlaskClient, rid: int, suffix: str, button: str | None = None) -> dict:
    """The form on response `rid`'s page posting to `…/suffix` (and offering `button`)."""
    parser = Forms()
    parser.feed(client.get(f"/staff/responses/{rid}").get_data(as_text=True))
    for form in parser.forms:
        if not form["action"].endswith(f"/{rid}/{suffix}"):
            continue
        if button is not None and ("action", button) not in form["buttons"]:
            continue
        form["button"] = button
        return form
    raise AssertionError(f"no {suffix} form {button or ''} on response {rid}")


def send(client: FlaskClient, form: dict, change: dict | None = None, **kwargs):  # noqa: ANN003, ANN201
    """Submit `form` as read, with `change` replacing fields (a list for repeated names)."""
    data = MultiDict(p for p in form["fields"] if p[0] not in (change or {}))
    for name, value in (change or {}).items():
        for v in value if isinstance(value, list) else [value]:
            data.add(name, v)
    if form.get("button"):
        data.add("action", form["button"])
    return client.post(form["action"], data=data, **kwargs)
