"""A run killed with SIGKILL mid-way resumes without losing or duplicating a record."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kliping.run.local import RunError, RunOptions, run_corpus
from kliping.run.steps import StepOptions

PARAS = [
    "BANDUNG - Pemerintah kota meresmikan jembatan baru di atas Sungai Cikapundung pada Senin pagi.",
    "Jembatan sepanjang 40 meter itu menghubungkan dua kelurahan yang selama ini terpisah.",
    "Baca juga: Warga Keluhkan Macet di Jalan Asia Afrika",
    "Wali kota mengatakan pembangunan menghabiskan anggaran sekitar Rp 12 miliar.",
    "ADVERTISEMENT",
]


def _write_input(path: Path, n: int) -> list[str]:
    ids = [f"doc-{i:05d}" for i in range(n)]
    with open(path, "w", encoding="utf-8") as fh:
        for i, doc_id in enumerate(ids):
            text = "\n".join([*PARAS[:2], f"Catatan nomor {i} untuk arsip.", *PARAS[2:]])
            fh.write(json.dumps({"id": doc_id, "url": f"https://www.contoh.id/{i}", "text": text}) + "\n")
    return ids


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_sigkill_then_resume_matches_a_clean_run(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    expected = _write_input(src, 6000)
    out = tmp_path / "out.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "kliping",
        "run",
        str(src),
        "-o",
        str(out),
        "--workers",
        "2",
        "--shard-size",
        "60k",
        "--learn",
        "never",
        "--no-enrich",
        "-q",
    ]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    control = tmp_path / "out.jsonl.parts" / "_kliping"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list(control.glob("part-*.done.json"))) >= 3:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed: make the input larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list(control.glob("part-*.done.json")))
    assert not out.exists() and done_before >= 3

    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    stats = json.loads((tmp_path / "out.stats.json").read_text(encoding="utf-8"))
    assert stats["resumed_shards"] >= done_before
    got = _ids(out)
    assert len(got) == len(set(got)), "duplicated records after resume"
    assert got == expected

    clean = tmp_path / "clean.jsonl"
    run_corpus(
        [str(src)],
        str(clean),
        RunOptions(workers=1, progress=False, learn="never", steps=StepOptions(enrich=False)),
    )
    assert _ids(clean) == got
    assert clean.read_bytes() == out.read_bytes()


def test_resume_refuses_changed_inputs(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write_input(src, 20)
    out = tmp_path / "out"
    run_corpus(
        [str(src)],
        str(out),
        RunOptions(workers=1, progress=False, learn="never", steps=StepOptions(enrich=False)),
    )
    _write_input(src, 21)
    with pytest.raises(RunError, match="differ"):
        run_corpus([str(src)], str(out), RunOptions(workers=1, progress=False, learn="never", resume=True))
    report = run_corpus(
        [str(src)], str(out), RunOptions(workers=1, progress=False, learn="never", force=True)
    )
    assert report["docs_out"] == 21
