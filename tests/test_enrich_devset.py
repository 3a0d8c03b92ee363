"""Entities and quotes on labelled articles: F1 per kind (shared/data/README.md matching).

The dev set (issue 7's Must-show), and the blind sets of outlets the dev set does not have
(``tests/fixtures/blind_*.jsonl``, see tests/test_clean_unseen.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kliping
from kliping.enrich import enrich
from kliping.enrich.score import Tally, score_enrich
from kliping.evaluation import load_labelled, raw_text
from tests.conftest import DEV_SET, REPO

THRESHOLD = 0.85
FIXTURES = REPO / "tests" / "fixtures"
SETS = {
    "dev": DEV_SET,
    "blind_id": FIXTURES / "blind_id.jsonl",
    "blind_en": FIXTURES / "blind_en.jsonl",
    "blind_mixed": FIXTURES / "blind_mixed.jsonl",
    "blind_regional": FIXTURES / "blind_regional.jsonl",
    "blind_asia": FIXTURES / "blind_asia.jsonl",
}


@pytest.fixture(scope="module", params=list(SETS))
def tallies(request: pytest.FixtureRequest, shared: Path) -> dict[str, Tally]:
    records = load_labelled(SETS[request.param])
    assert len(records) >= 10
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
