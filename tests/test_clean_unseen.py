"""Outlets the dev set does not have (our own fixture articles in their formats): the general
mechanisms, not dev-tuned phrases, must carry them."""

from __future__ import annotations

import pytest

import kliping
from kliping.evaluation import Score, evaluate, load_labelled, raw_text
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "unseen.jsonl"


@pytest.fixture(scope="module")
def score() -> Score:
    return evaluate(load_labelled(FIXTURES), lambda r: kliping.clean(raw_text(r), url=r.get("url")))


def test_every_content_line_kept(score: Score) -> None:
    assert score.content_recall == 1.0, score.misses


def test_boilerplate_removed(score: Score) -> None:
    assert score.boilerplate_recall >= 0.95, score.misses


@pytest.mark.parametrize("field", ["outlet", "dateline", "published", "authors", "agencies"])
def test_metadata(score: Score, field: str) -> None:
    assert score.field_rate(field) == 1.0, [m for m in score.misses if m[1].startswith(field)]
