"""Staff probe s46: a sub-theme changed under a colleague.

Officer B opens a theme's sub-themes page; officer A presses *Find sub-themes*, which
replaces the proposals. B's rename, merge, split or move then went to whatever sub-theme
had that id now: SQLite gives a deleted proposal's id to a new one (B renamed another
sub-theme, silently); PostgreSQL answered a bare 404 and B's typed name was lost. Each form
now carries a fingerprint of the sub-themes its page showed; a save against one replaced or
changed since is refused (409, audited as `conflict`) with the page as it is now, saying who
changed it, and the typed name kept. Each test failed on the code before the fix (8 Dec).
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Sequence

import numpy as np
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.storage.models import AuditEvent, ResponseSubtheme, Subtheme
from tests.findings.conftest import responses_adder, word_vectors
from tests.findings.test_subthemes import BROADBAND, ROADS, TRAINS
from tests.review.conftest import Forms, csrf_from, login, send
from tests.review.seed import ADMIN_EMAIL, REVIEWER_EMAIL

THEME = "infrastructure"
PAGE = f"/staff/findings/{THEME}"


@pytest.fixture(autouse=True)
def fake_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.findings import embeddings

    def encode(texts: Sequence[str]) -> np.ndarray:
        return word_vectors(texts)

    monkeypatch.setattr(embeddings, "encode", encode)


@pytest.fixture()
def responses(session, seeded) -> dict[str, list[int]]:  # noqa: ANN001
    add = responses_adder(session)
    out = {"broadband": add(BROADBAND), "trains": add(TRAINS)}
    session.commit()
    out["add_roads"] = lambda: add(ROADS)  # type: ignore[assignment]
    return out


@pytest.fixture()
def officers(app: Flask, responses) -> tuple[FlaskClient, FlaskClient]:  # noqa: ANN001
    """Officer A (a reviewer) and officer B (an admin), each signed in on their own client."""
    a, b = app.test_client(), app.test_client()
    assert login(a, REVIEWER_EMAIL).status_code == 302
    assert login(b, ADMIN_EMAIL).status_code == 302
    return a, b


def forms(client: FlaskClient) -> list[dict]:
    parser = Forms()
    parser.feed(client.get(PAGE).get_data(as_text=True))
    return parser.forms


def form_for(client: FlaskClient, suffix: str) -> dict:
    """The sub-themes page's form posting to `…suffix`, as a browser would send it."""
    for form in forms(client):
        if form["action"].endswith(suffix):
            return form
    raise AssertionError(f"no form {suffix} on {PAGE}")


def find_again(client: FlaskClient) -> None:
    assert send(client, form_for(client, f"/findings/{THEME}/run")).status_code == 302


def subthemes(session) -> dict[int, str]:  # noqa: ANN001
    session.expire_all()
    return {s.id: s.label for s in session.scalars(select(Subtheme))}


def placement(session, rid: int) -> int | None:  # noqa: ANN001
    session.expire_all()
    row = session.get(ResponseSubtheme, (rid, THEME))
    return None if row is None else row.subtheme_id


def conflicts(session) -> list[AuditEvent]:  # noqa: ANN001
    session.expire_all()
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == "conflict")))


def text_of(answer) -> str:  # noqa: ANN001
    return html_lib.unescape(answer.get_data(as_text=True))


def test_a_rename_after_a_colleague_found_sub_themes_again_is_refused(
    officers: tuple[FlaskClient, FlaskClient],
    session,  # noqa: ANN001
    responses,  # noqa: ANN001
) -> None:
    """B opens the page; A adds responses and finds sub-themes again; B's rename named a
    sub-theme that was replaced. SQLite gave its id to a new proposal, which B renamed."""
    a, b = officers
    find_again(a)
    before = subthemes(session)
    last = max(before)
    rename_b = form_for(b, f"/subthemes/{last}/rename")
    responses["add_roads"]()
    session.commit()
    find_again(a)
    after = subthemes(session)
    assert set(after) & set(before), "SQLite reuses a replaced proposal's id"
    refused = send(b, rename_b, {"label": "Rail <b>links</b>"})
    assert refused.status_code == 409
    assert "Rail <b>links</b>" not in subthemes(session).values()
    assert subthemes(session) == after
    page = refused.get_data(as_text=True)
    assert "Rail &lt;b&gt;links&lt;/b&gt;" in page and "Rail <b>links" not in page
    said = text_of(refused)
    assert "found this theme's sub-themes again" in said and REVIEWER_EMAIL in said
    assert "not saved" in said
    # the page is the current one: its forms carry the sub-themes as they are now
    assert all(f"/subthemes/{sid}/rename" in page for sid in after)
    # the typed name is kept in a box on the page, to give to the sub-theme it was meant for
    assert 'value="Rail &lt;b&gt;links&lt;/b&gt;"' in page
    [event] = conflicts(session)
    assert event.actor == ADMIN_EMAIL and "Rail" not in str(event.detail)
    assert event.detail["aspect"] == "subtheme" and event.detail["action"] == "rename"


def _parse(page: str) -> list[dict]:
    parser = Forms()
    parser.feed(page)
    return parser.forms


def test_merge_split_and_move_from_an_older_page_are_refused(
    officers: tuple[FlaskClient, FlaskClient],
    session,  # noqa: ANN001
    responses,  # noqa: ANN001
) -> None:
    a, b = officers
    find_again(a)
    ids = sorted(subthemes(session))
    first, second = ids[0], ids[1]
    merge_b = form_for(b, f"/subthemes/{first}/merge")
    split_b = form_for(b, f"/subthemes/{second}/split")
    rid = responses["broadband"][0]
    where = placement(session, rid)
    move_b = form_for(b, f"/responses/{rid}/move")
    other = next(s for s in ids if s != where)
    responses["add_roads"]()
    session.commit()
    find_again(a)
    now = subthemes(session)
    placed = {r: placement(session, r) for r in responses["broadband"] + responses["trains"]}
    assert send(b, merge_b, {"into": str(second)}).status_code == 409
    assert send(b, split_b).status_code == 409
    assert send(b, move_b, {"subtheme": str(other)}).status_code == 409
    assert subthemes(session) == now
    assert {r: placement(session, r) for r in placed} == placed
    assert [e.detail["action"] for e in conflicts(session)] == ["merge", "split", "move"]
    # moving to "Unassigned" names no sub-theme: nothing to mistake, so it saves
    assert send(b, move_b, {"subtheme": ""}).status_code == 302
    assert placement(session, rid) is None


def test_a_sub_theme_merged_away_is_a_conflict_not_a_bare_404(
    officers: tuple[FlaskClient, FlaskClient],
    session,  # noqa: ANN001
) -> None:
    """The id gone (PostgreSQL never reuses one; here a colleague merged it away): B got a
    404 page and the typed name was lost."""
    a, b = officers
    find_again(a)
    keep, gone = sorted(subthemes(session))[:2]
    rename_b = form_for(b, f"/subthemes/{gone}/rename")
    assert send(a, form_for(a, f"/subthemes/{gone}/merge"), {"into": str(keep)}).status_code == 302
    assert gone not in subthemes(session)
    refused = send(b, rename_b, {"label": "Faster fibre"})
    assert refused.status_code == 409
    said = text_of(refused)
    assert "merged" in said and REVIEWER_EMAIL in said and "Faster fibre" in said
    assert "Faster fibre" not in subthemes(session).values()
    assert len(conflicts(session)) == 1


def test_a_colleagues_rename_is_shown_and_yours_kept_in_the_box(
    officers: tuple[FlaskClient, FlaskClient],
    session,  # noqa: ANN001
) -> None:
    a, b = officers
    find_again(a)
    sid = min(subthemes(session))
    rename_b = form_for(b, f"/subthemes/{sid}/rename")
    assert send(a, form_for(a, f"/subthemes/{sid}/rename"), {"label": "Rail"}).status_code == 302
    refused = send(b, rename_b, {"label": "Trains & fares"})
    assert refused.status_code == 409
    assert subthemes(session)[sid] == "Rail"
    said = text_of(refused)
    assert "renamed" in said and REVIEWER_EMAIL in said
    again = next(
        f
        for f in _parse(refused.get_data(as_text=True))
        if f["action"].endswith(f"/subthemes/{sid}/rename")
    )
    assert dict(again["fields"])["label"] == "Trains & fares"
    # pressing Rename on the page shown saves it knowingly
    assert send(b, again).status_code == 302
    assert subthemes(session)[sid] == "Trains & fares"
    # the same name again (a double click, or the colleague typed the same) is harmless
    assert send(a, form_for(a, f"/subthemes/{sid}/rename"), {"label": "Same"}).status_code == 302
    assert send(b, again, {"label": "Same"}).status_code == 302
    assert len(conflicts(session)) == 1


def test_forms_read_after_the_change_save_as_before(
    officers: tuple[FlaskClient, FlaskClient],
    session,  # noqa: ANN001
    responses,  # noqa: ANN001
) -> None:
    """A curated sub-theme is kept by a run: a page read before the run still names it
    rightly, so its rename, a move into it and a star all save."""
    a, b = officers
    find_again(a)
    sid = min(subthemes(session))
    assert send(a, form_for(a, f"/subthemes/{sid}/rename"), {"label": "Kept"}).status_code == 302
    rename_b = form_for(b, f"/subthemes/{sid}/rename")
    rid = responses["broadband"][-1]
    move_b = form_for(b, f"/responses/{rid}/move")
    star_b = form_for(b, f"/responses/{rid}/star")
    find_again(a)
    assert subthemes(session)[sid] == "Kept"
    assert send(b, move_b, {"subtheme": str(sid)}).status_code == 302
    assert placement(session, rid) == sid
    assert send(b, rename_b, {"label": "Kept and renamed"}).status_code == 302
    assert subthemes(session)[sid] == "Kept and renamed"
    assert send(b, star_b).status_code == 302
    assert conflicts(session) == []


def test_a_form_without_the_fingerprint_cannot_say_which_sub_theme_it_showed(
    officers: tuple[FlaskClient, FlaskClient],
    session,  # noqa: ANN001
) -> None:
    """An old page or a script sends only the id, which may name a replaced proposal: it
    counts as read before the sub-theme now at that id was made, and is refused."""
    a, _ = officers
    find_again(a)
    sid = min(subthemes(session))
    token = csrf_from(a, PAGE)
    bare = a.post(
        f"/staff/findings/subthemes/{sid}/rename", data={"csrf_token": token, "label": "X"}
    )
    assert bare.status_code == 409 and subthemes(session)[sid] != "X"
    assert "not saved" in text_of(bare)
    bad = a.post(
        f"/staff/findings/subthemes/{sid}/rename",
        data={"csrf_token": token, "label": "X", "seen": "<script>"},
    )
    assert bad.status_code == 400
    # an unknown id with nothing saying what the page showed is still a plain 404
    gone = a.post(
        "/staff/findings/subthemes/99999/rename", data={"csrf_token": token, "label": "X"}
    )
    assert gone.status_code == 404
