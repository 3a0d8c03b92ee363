"""News in Malay, German, French, Spanish, Portuguese, Italian and Dutch, scored against labels.

``lang_a`` (ms, de, fr, es) and ``lang_b`` (pt, it, nl) were written by helpers who never read the
code, one article per outlet, and tuned on; ``lang_c`` and ``lang_d`` (other outlets of the same
languages) were first scored blind (boilerplate recall 0.69 / 0.72 with the first pass) and then
tuned on as well.  The floors pin what the general mechanisms reached, a little below it; a set no
change has been tuned on lives in ``bench/data/holdout_languages.jsonl``.
"""

from __future__ import annotations

import pytest

import kliping
from kliping.enrich import enrich
from kliping.enrich.score import Tally, score_enrich
from kliping.evaluation import Score, evaluate, load_labelled, raw_text
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures"
# set: (boilerplate recall, metadata rate, people, organizations, places, quotes)
FLOORS = {
    "lang_a": (0.98, 0.95, 0.95, 0.72, 0.82, 0.95),
    "lang_b": (0.97, 0.95, 0.90, 0.75, 0.82, 0.95),
    "lang_c": (0.85, 0.70, 0.93, 0.70, 0.82, 0.95),
    "lang_d": (0.90, 0.85, 0.90, 0.80, 0.82, 0.95),
}
FIELDS = ["title", "outlet", "dateline", "published", "authors", "agencies"]
KINDS = ["people", "organizations", "places", "quotes"]


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request: pytest.FixtureRequest) -> tuple[str, Score, dict[str, Tally]]:
    records = load_labelled(FIXTURES / f"{request.param}.jsonl")
    assert len(records) >= 9
    articles = {r["id"]: kliping.clean(raw_text(r), url=r.get("url"), id=r.get("id")) for r in records}
    score = evaluate(records, lambda r: articles[r["id"]])
    tallies = score_enrich([(enrich(articles[r["id"]]), r) for r in records])
    return request.param, score, tallies


def test_lines(scored: tuple[str, Score, dict[str, Tally]]) -> None:
    name, score, _ = scored
    assert score.content_recall == 1.0, score.misses
    assert score.boilerplate_recall >= FLOORS[name][0], score.misses


@pytest.mark.parametrize("field", FIELDS)
def test_metadata(scored: tuple[str, Score, dict[str, Tally]], field: str) -> None:
    name, score, _ = scored
    assert score.field_rate(field) >= FLOORS[name][1], [m for m in score.misses if m[1].startswith(field)]


@pytest.mark.parametrize("kind", KINDS)
def test_entities_and_quotes(scored: tuple[str, Score, dict[str, Tally]], kind: str) -> None:
    name, _, tallies = scored
    t = tallies[kind]
    assert t.f1 >= FLOORS[name][2 + KINDS.index(kind)], (round(t.f1, 3), t.extra, t.missed)
