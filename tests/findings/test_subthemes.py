"""Sub-themes: every response placed once, distinct points separated, staff curation kept."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot.findings import subthemes as st
from bot.storage.models import AuditEvent, ResponseEmbedding
from bot.storage.themes import set_themes

BROADBAND = [
    "broadband fibre is slow at our unit",
    "the fibre broadband keeps dropping",
    "we need faster fibre broadband speeds",
    "broadband outages cost us fibre orders",
    "rural broadband with no fibre is hopeless",
]
TRAINS = [
    "trains to london are late every morning",
    "the rail service and trains are unreliable",
    "more trains on the rail line please",
    "rail fares and late trains hurt staff",
    "trains from aylesbury rail station are slow",
]
ROADS = [
    "potholes on the roads damage vans",
    "congestion on the roads and potholes everywhere",
    "roads gridlocked with congestion at rush hour",
    "fix the potholes and the roads junction",
    "congestion roads traffic potholes delays",
]
POWER = [
    "grid power connection capacity is full",
    "no grid power capacity for chargers",
    "power grid substation capacity years away",
]


def placed_once(found: st.ThemeSubthemes, expected: set[int]) -> None:
    ids = [r for s in found.subthemes for r in s.response_ids] + found.unassigned
    assert sorted(ids) == sorted(expected)


def members_of(found: st.ThemeSubthemes) -> list[set[int]]:
    return [set(s.response_ids) for s in found.subthemes]


def test_run_separates_distinct_points_and_places_each_response_once(
    session: Any,
    fake_encoder: Any,
    add_responses,  # noqa: ANN001
) -> None:
    b = add_responses(BROADBAND)
    t = add_responses(TRAINS)
    r = add_responses(ROADS)
    other_theme = add_responses(["film studios need sound stages"], theme="creative_digital")
    result = st.run(session, "infrastructure", actor="tester")
    assert (result.responses, result.proposed) == (15, 3)
    found = st.listing(session, "infrastructure")
    placed_once(found, set(b + t + r))
    assert sorted(members_of(found), key=min) == [set(b), set(t), set(r)]
    assert not set(other_theme) & {i for s in found.subthemes for i in s.response_ids}
    labels = {s.label for s in found.subthemes}
    assert any("broadband" in label or "fibre" in label for label in labels)
    assert any("trains" in label or "rail" in label for label in labels)
    assert all(len(s.representatives) == 3 for s in found.subthemes)
    assert session.scalar(select(AuditEvent).where(AuditEvent.action == "subthemes_run"))


def test_vectors_are_encoded_once_and_reused(session, fake_encoder, add_responses) -> None:  # noqa: ANN001
    add_responses(BROADBAND + TRAINS)
    assert st.unencoded(session, "infrastructure") == 10
    st.run(session, "infrastructure")
    assert fake_encoder == [10]
    assert st.unencoded(session, "infrastructure") == 0
    add_responses(["late trains on the rail line again"])
    st.run(session, "infrastructure")
    st.listing(session, "infrastructure")
    assert fake_encoder == [10, 1]  # only the new response was encoded
    assert len(session.scalars(select(ResponseEmbedding)).all()) == 11


def test_a_vector_from_the_taggers_int8_graph_is_encoded_again(
    session: Any,
    fake_encoder: Any,
    add_responses,  # noqa: ANN001
) -> None:
    """The tagger stores its own (int8) vector with each answer; sub-themes cluster vectors
    of the float graph, so such a row counts as not encoded yet and is replaced once."""
    import numpy as np

    from bot.findings.embeddings import GRAPH
    from bot.tagging.embed import encoder_version

    ids = add_responses(BROADBAND)
    tagger_version = encoder_version()
    assert tagger_version != encoder_version(GRAPH)
    session.add(
        ResponseEmbedding(
            response_id=ids[0],
            encoder=tagger_version,
            vector=np.ones(384, dtype=np.float32).tobytes(),
        )
    )
    session.flush()
    assert st.unencoded(session, "infrastructure") == len(ids)
    st.run(session, "infrastructure")
    assert fake_encoder == [len(ids)]
    assert st.unencoded(session, "infrastructure") == 0
    row = session.get(ResponseEmbedding, ids[0])
    assert row.encoder == encoder_version(GRAPH)


def test_rerun_keeps_curated_subthemes_and_proposes_only_for_new_points(
    session: Any,
    fake_encoder: Any,
    add_responses,  # noqa: ANN001
) -> None:
    b = add_responses(BROADBAND)
    t = add_responses(TRAINS)
    st.run(session, "infrastructure")
    found = st.listing(session, "infrastructure")
    broadband = next(s for s in found.subthemes if set(s.response_ids) == set(b))
    st.rename(session, broadband.id, "Fibre to business parks", actor="staff@example.org")

    more_broadband = add_responses(["fibre broadband at the farm is slow too"])
    roads = add_responses(ROADS)
    result = st.run(session, "infrastructure")
    found = st.listing(session, "infrastructure")
    placed_once(found, set(b + t + more_broadband + roads))
    kept = next(s for s in found.subthemes if s.id == broadband.id)
    assert kept.label == "Fibre to business parks" and kept.curated
    assert set(kept.response_ids) == set(b + more_broadband)
    assert result.joined == 1
    assert set(roads) in members_of(found)  # a new point proposed for what fits nothing
    assert any(set(t) <= m for m in members_of(found))


def test_merge_split_and_move_are_kept_and_audited(
    session: Any,
    fake_encoder: Any,
    add_responses,  # noqa: ANN001
) -> None:
    b = add_responses(BROADBAND)
    t = add_responses(TRAINS)
    r = add_responses(ROADS)
    st.run(session, "infrastructure")
    subs = {min(s.response_ids): s.id for s in st.listing(session, "infrastructure").subthemes}
    assert set(subs) == {min(b), min(t), min(r)}
    t_id, r_id = subs[min(t)], subs[min(r)]

    st.merge(session, t_id, [r_id], actor="staff@example.org")
    found = st.listing(session, "infrastructure")
    assert set(t + r) in members_of(found) and r_id not in {s.id for s in found.subthemes}

    parts = st.split(session, t_id, actor="staff@example.org")
    found = st.listing(session, "infrastructure")
    assert sorted(members_of(found), key=min) == [set(b), set(t), set(r)]
    assert all(p.curated for p in parts)

    st.move(session, b[0], "infrastructure", parts[0].id, actor="staff@example.org")
    st.move(session, b[1], "infrastructure", None, actor="staff@example.org")
    st.run(session, "infrastructure")
    found = st.listing(session, "infrastructure")
    placed_once(found, set(b + t + r))
    by_id = {s.id: set(s.response_ids) for s in found.subthemes}
    assert b[0] in by_id[parts[0].id]
    assert b[1] in found.unassigned  # staff's "unassigned" holds across runs
    actions = set(session.scalars(select(AuditEvent.action)))
    assert {"subthemes_merged", "subtheme_split", "subtheme_moved"} <= actions


def test_curation_refuses_bad_requests(session, fake_encoder, add_responses) -> None:  # noqa: ANN001
    b = add_responses(BROADBAND + TRAINS)
    film = add_responses(["film studios need sound stages"], theme="creative_digital")
    st.run(session, "infrastructure")
    sub = st.listing(session, "infrastructure").subthemes[0]
    with pytest.raises(st.SubthemeError):
        st.rename(session, sub.id, "   ", actor="x")
    with pytest.raises(st.SubthemeError):
        st.merge(session, sub.id, [sub.id], actor="x")
    with pytest.raises(st.SubthemeError):
        st.move(session, film[0], "infrastructure", sub.id, actor="x")
    with pytest.raises(st.SubthemeError):
        st.move(session, b[0], "creative_digital", sub.id, actor="x")
    with pytest.raises(st.SubthemeError):
        st.run(session, "not_a_theme")


def test_a_response_that_leaves_the_theme_leaves_its_subtheme(
    session: Any,
    fake_encoder: Any,
    add_responses,  # noqa: ANN001
) -> None:
    b = add_responses(BROADBAND + TRAINS)
    st.run(session, "infrastructure")
    set_themes(session, b[0], ["digital_science"], source="staff", actor="staff@example.org")
    st.run(session, "infrastructure")
    found = st.listing(session, "infrastructure")
    placed_once(found, set(b[1:]))


def test_too_few_responses_are_unassigned(session, fake_encoder, add_responses) -> None:  # noqa: ANN001
    ids = add_responses(POWER[:2])
    st.run(session, "infrastructure")
    found = st.listing(session, "infrastructure")
    assert found.subthemes == [] and found.unassigned == ids


def test_cli_prints_the_contract_json(database_url, session, fake_encoder, add_responses) -> None:  # noqa: ANN001
    from bot.cli import main

    ids = add_responses(BROADBAND + TRAINS + POWER[:1])
    session.commit()
    out = CliRunner().invoke(main, ["subthemes", "--theme", "infrastructure", "--format", "json"])
    assert out.exit_code == 0, out.output + out.stderr
    data = json.loads(out.stdout)
    assert data["theme"] == "infrastructure"
    assert all(set(s) == {"id", "label", "response_ids"} for s in data["subthemes"])
    listed = [i for s in data["subthemes"] for i in s["response_ids"]] + data["unassigned"]
    assert sorted(listed) == sorted(ids)
    assert len(data["subthemes"]) == 2

    bad = CliRunner().invoke(main, ["subthemes", "--theme", "nope"])
    assert bad.exit_code != 0 and "nope" in bad.stderr


def test_real_encoder_finds_known_subthemes_on_the_labelled_set() -> None:
    """The MiniLM encoder and the app's clustering on one theme of benchmarks/data."""
    from pathlib import Path

    from bot.findings import cluster as maths
    from bot.findings.embeddings import encode

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "subthemes.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    rows = [r for r in rows if r["theme"] == "creative_digital"]
    labels = maths.cluster(encode([r["text"] for r in rows]))
    truth = [r["subtheme"] for r in rows]
    assert maths.purity(truth, labels) >= 0.8
    assert maths.adjusted_rand(truth, labels) >= 0.5
