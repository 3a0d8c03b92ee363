"""The labelled dev set: line recall and metadata, without any corpus learning."""

from __future__ import annotations

from pathlib import Path

import pytest

import kliping
from kliping.evaluation import Score, evaluate, load_labelled, raw_text
from tests.conftest import DEV_SET


@pytest.fixture(scope="module")
def score(shared: Path) -> Score:
    records = load_labelled(DEV_SET)
    assert len(records) >= 30
    return evaluate(records, lambda r: kliping.clean(raw_text(r), url=r.get("url"), id=r.get("id")))


def test_content_lines_kept(score: Score) -> None:
    assert score.content_recall >= 0.995, [m for m in score.misses if m[1] == "content dropped"]


def test_boilerplate_lines_removed(score: Score) -> None:
    assert score.boilerplate_recall >= 0.95, [m for m in score.misses if m[1].endswith("kept")]


@pytest.mark.parametrize("field", ["outlet", "dateline", "published", "authors", "agencies"])
def test_metadata_matches(score: Score, field: str) -> None:
    assert score.field_rate(field) >= 0.95, [m for m in score.misses if m[1].startswith(field)]


def test_without_url_metadata_still_found(shared: Path) -> None:
    """Outlet and dateline come from the text itself when no URL is given."""
    records = load_labelled(DEV_SET)
    score = evaluate(records, lambda r: kliping.clean(raw_text(r)))
    assert score.field_rate("outlet") >= 0.95
    assert score.field_rate("dateline") >= 0.95
    assert score.content_recall >= 0.995
