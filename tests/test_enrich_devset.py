"""Entities and quotes on the labelled dev set: F1 per kind (shared/data/README.md matching)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kliping
from kliping.enrich import enrich
from kliping.enrich.score import Tally, score_enrich
from kliping.evaluation import load_labelled, raw_text
from tests.conftest import DEV_SET

THRESHOLD = 0.85


@pytest.fixture(scope="module")
def tallies(shared: Path) -> dict[str, Tally]:
    records = load_labelled(DEV_SET)
    assert len(records) >= 30
    pairs = []
    for record in records:
        article = kliping.clean(raw_text(record), url=record.get("url"), id=record.get("id"))
        pairs.append((enrich(article), record))
    return score_enrich(pairs)


@pytest.mark.parametrize("kind", ["people", "organizations", "places", "quotes"])
def test_f1(tallies: dict[str, Tally], kind: str) -> None:
    t = tallies[kind]
    assert t.tp > 0
    assert t.f1 >= THRESHOLD, (round(t.f1, 3), t.extra, t.missed)
