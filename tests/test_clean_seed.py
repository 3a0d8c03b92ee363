"""The seed article through `kliping clean --json`, pinned by a golden file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import kliping
from tests.conftest import GOLDEN, SEED, UPDATE_GOLDEN

STORY_PARAGRAPHS = 9


def _cli_json(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "kliping", "clean", str(SEED), "--json", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def test_seed_acceptance(shared: Path) -> None:
    record = _cli_json("--no-enrich")
    body = record["body"].split("\n")
    assert len(body) == STORY_PARAGRAPHS
    assert body[0].startswith("Kazakhstan menolak permintaan Rusia")
    assert body[-1].startswith("Astana telah menyerukan")
    assert not any("Baca berita dengan sedikit iklan" in p for p in body)
    assert not any(p.startswith("TEMPO.CO") for p in body)
    assert "REUTERS | NESA AQILA" not in record["body"]
    assert record["outlet"] == "Tempo"
    assert record["dateline"] == "Jakarta"
    assert record["published"] == "2022-10-05"
    assert record["agencies"] == ["Reuters"]
    assert record["authors"] == ["Nesa Aqila"]
    assert record["language"] == "id"
    reasons = [(r["line"], r["reason"]) for r in record["removed"]]
    assert reasons == [(1, "promo"), (3, "promo"), (5, "promo"), (6, "promo"), (14, "credit")]


def test_seed_golden(shared: Path) -> None:
    """The whole record of `kliping clean SEED --json` (enrichment included) is pinned."""
    record = _cli_json()
    golden = GOLDEN / "seed.json"
    if UPDATE_GOLDEN:
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), "golden file missing: run KLIPING_UPDATE_GOLDEN=1 pytest tests/test_clean_seed.py"
    assert record == json.loads(golden.read_text(encoding="utf-8"))


def test_api_matches_cli(shared: Path) -> None:
    article = kliping.clean(SEED.read_text(encoding="utf-8"))
    record = _cli_json("--no-enrich")
    assert article.to_dict() == record
