"""The step list (one place for every executor) and HTML records through a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kliping.core import CleanStep
from kliping.run.local import RunOptions, run_corpus
from kliping.run.steps import HtmlStep, StepOptions, build_steps


def test_step_order_and_enrich_switch() -> None:
    steps = build_steps(StepOptions(enrich=False))
    assert [type(s) for s in steps] == [HtmlStep, CleanStep]
    default = build_steps(StepOptions())
    assert [type(s) for s in default[:2]] == [HtmlStep, CleanStep]


def test_html_records_are_extracted_text_records_untouched(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = (
        "<html><head><title>Banjir di Kudus</title></head><body><nav>Beranda | Nasional</nav><article>"
        "<h1>Banjir Rendam Tiga Desa di Kudus</h1>"
        "<p>KUDUS - Banjir merendam tiga desa di Kabupaten Kudus sejak Minggu malam setelah hujan deras "
        "mengguyur wilayah itu selama enam jam tanpa henti.</p>"
        "<p>Warga mengungsi ke balai desa dan masjid terdekat, sementara petugas membagikan makanan.</p>"
        "</article><footer>Hak cipta dilindungi</footer></body></html>"
    )
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "h", "url": "https://www.contoh.id/banjir", "html": page})
        + "\n"
        + json.dumps({"id": "t", "text": "Harga cabai di Pasar Kramat Jati turun dua ribu rupiah pekan ini."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    report = run_corpus([str(src)], str(out), RunOptions(workers=1, progress=False, learn="never"))
    assert report["balanced"] and report["docs_out"] == 2
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert "Warga mengungsi" in records["h"]["body"] and "Beranda" not in records["h"]["body"]
    assert "<p>" not in records["h"]["body"] and "html" not in records["h"]
    assert records["t"]["body"].startswith("Harga cabai")
