"""The seed article: people, places, Vrublevskiy's quote and "pada Agustus lalu"."""

from __future__ import annotations

from pathlib import Path

import kliping
from kliping.enrich import enrich
from tests.conftest import SEED


def test_seed_enrich(shared: Path) -> None:
    article = enrich(kliping.clean(SEED.read_text(encoding="utf-8")))
    people = {e.text for e in article.entities if e.label == "PERSON"}
    places = {e.text for e in article.entities if e.label == "PLACE"}
    assert {"Vladimir Putin", "Petro Vrublevskiy", "Maria Zakharova", "Aibek Smadiyarov"} <= people
    assert {"Kazakhstan", "Rusia", "Ukraina", "Astana", "Moskow", "Kyiv"} <= places
    # the short mention "Vrublevskiy" is merged into the full name, with its own offsets
    short = [e for e in article.entities if article.body[e.start : e.end] == "Vrublevskiy"]
    assert short and all(e.text == "Petro Vrublevskiy" for e in short)
    quote = [q for q in article.quotes if q.text.startswith("semakin banyak orang Rusia")]
    assert len(quote) == 1
    assert quote[0].speaker == "Petro Vrublevskiy"
    assert article.body[quote[0].start : quote[0].end] == quote[0].text
    august = [d for d in article.dates if d.text.endswith("Agustus lalu")]
    assert [(d.value, d.precision) for d in august] == [("2022-08", "month")]


def test_no_enrich_leaves_fields_empty(shared: Path) -> None:
    article = kliping.clean(SEED.read_text(encoding="utf-8"))
    enrich(article, entities=False)
    assert article.entities == [] and article.quotes == []
    assert article.dates
