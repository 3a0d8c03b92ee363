"""The sample articles that ship with the project, scored against their labels."""

from __future__ import annotations

import json

import pytest

import kliping
from kliping.evaluation import Score, evaluate, load_labelled, raw_text
from tests.conftest import REPO

SAMPLES = REPO / "samples"


@pytest.fixture(scope="module")
def score() -> Score:
    return evaluate(load_labelled(SAMPLES / "labels.jsonl"), lambda r: kliping.clean(raw_text(r)))


def test_labels_describe_the_shipped_articles() -> None:
    articles = {json.loads(line)["id"]: json.loads(line) for line in (SAMPLES / "articles.jsonl").open()}
    for record in load_labelled(SAMPLES / "labels.jsonl"):
        assert raw_text(record) == articles[record["id"]]["text"]


def test_lines(score: Score) -> None:
    assert score.content_recall == 1.0, score.misses
    assert score.boilerplate_recall >= 0.98, score.misses


@pytest.mark.parametrize("field", ["outlet", "dateline", "published", "authors", "agencies", "title"])
def test_metadata_from_text_alone(score: Score, field: str) -> None:
    assert score.field_rate(field) >= 0.95, [m for m in score.misses if m[1].startswith(field)]
