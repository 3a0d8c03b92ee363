"""Entities and quotes on the outlets the dev set does not have (``tests/fixtures/blind_*.jsonl``,
see tests/test_clean_unseen.py): F1 per kind, the dev set's matching rules."""

from __future__ import annotations

import pytest

import kliping
from kliping.enrich import enrich
from kliping.enrich.score import Tally, score_enrich
from kliping.evaluation import load_labelled, raw_text
from tests.conftest import REPO

THRESHOLD = 0.85
SETS = ["blind_id.jsonl", "blind_en.jsonl", "blind_mixed.jsonl"]


@pytest.fixture(scope="module", params=SETS)
def tallies(request: pytest.FixtureRequest) -> dict[str, Tally]:
    records = load_labelled(REPO / "tests" / "fixtures" / request.param)
    pairs = [(enrich(kliping.clean(raw_text(r), url=r.get("url"), id=r.get("id"))), r) for r in records]
    return score_enrich(pairs)


@pytest.mark.parametrize("kind", ["people", "organizations", "places", "quotes"])
def test_f1(tallies: dict[str, Tally], kind: str) -> None:
    t = tallies[kind]
    assert t.tp > 0
    assert t.f1 >= THRESHOLD, (round(t.f1, 3), t.extra, t.missed)
