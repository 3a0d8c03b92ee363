"""Nothing lost: every bad record is rejected with a reason, and in = out + rejected."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kliping.cli import cli
from kliping.run.local import RunError, RunOptions, run_corpus

GOOD = "JAKARTA - Harga beras di Pasar Induk Cipinang naik dua persen pekan ini, kata pedagang.\nBaca juga: Harga gula"


def _jsonl(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def _corpus(root: Path) -> Path:
    src = root / "in"
    src.mkdir()
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (src / "latin1.txt").write_bytes("Berita caf\u00e9 di Bandung.".encode("latin-1"))
    (src / "empty.txt").write_bytes(b"   \n")
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    lines = _jsonl([{"id": "j1", "text": GOOD}]) + b'{"id": "j2", "text": "tanpa penutup\n'
    lines += _jsonl(
        [{"id": "j3", "judul": "tidak ada teks"}, {"id": "j4", "text": ""}, {"id": "j5", "text": 42}]
    )
    lines += b'{"id": "j6", "text": "caf\xe9"}\n' + b"[1, 2]\n"
    lines += _jsonl([{"id": "big", "text": "a" * (50 << 20)}])
    lines += _jsonl([{"id": "j7", "text": GOOD + " tujuh"}])
    (src / "mixed.jsonl").write_bytes(lines)
    whole = gzip.compress(_jsonl([{"id": f"g{i}", "text": GOOD + f" {i}"} for i in range(50)]))
    (src / "truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    return src


def test_rejects_matrix(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    report = run_corpus([str(src)], str(tmp_path / "out.jsonl"), RunOptions(workers=1, progress=False))
    rejects = [
        json.loads(x) for x in (tmp_path / "out.rejects.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    by_reason: dict[str, list[dict[str, Any]]] = {}
    for r in rejects:
        by_reason.setdefault(str(r["reason"]), []).append(r)
    assert set(by_reason) == {
        "binary-file",
        "invalid-utf8",
        "empty-text",
        "malformed-json",
        "missing-field",
        "bad-field",
        "not-an-object",
        "too-large",
        "truncated-compressed",
    }
    assert len(by_reason["invalid-utf8"]) == 2  # the latin-1 file and the JSONL line
    assert len(by_reason["empty-text"]) == 2  # the blank file and the empty field
    assert by_reason["too-large"][0]["source"].endswith("mixed.jsonl")
    assert len(by_reason["too-large"][0]["record"]) <= 300
    assert all(r["detail"] for r in rejects)
    assert {r.get("id") for r in by_reason["missing-field"]} == {"j3"}

    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"j1", "j7"} <= {o["id"] for o in out}
    assert report["docs_in"] == report["docs_out"] + report["rejected_total"]
    assert report["balanced"] and report["docs_out"] == len(out) and report["rejected_total"] == len(rejects)
    saved = json.loads((tmp_path / "out.stats.json").read_text(encoding="utf-8"))
    assert saved["rejected"] == report["rejected"]


def test_cli_run_prints_balanced_stats(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl([{"id": "a", "url": "https://www.tempo.co/x", "text": GOOD}]) + b"not json\n")
    result = CliRunner().invoke(cli, ["run", str(src), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    stats = json.loads((tmp_path / "out" / "stats.json").read_text(encoding="utf-8"))
    assert (stats["docs_in"], stats["docs_out"], stats["rejected"]) == (2, 1, {"malformed-json": 1})
    assert (tmp_path / "out" / "part-00000.jsonl").exists()
    # the same output again without --resume or --force is refused, clearly
    again = CliRunner().invoke(cli, ["run", str(src), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert again.exit_code != 0 and "--resume" in again.output


def test_parquet_outputs_single_file_and_folder(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl([{"id": f"p{i}", "text": GOOD, "asal": i} for i in range(40)]))
    options = RunOptions(workers=1, progress=False, learn="never", shard_bytes=1500)
    report = run_corpus([str(src)], str(tmp_path / "out.parquet"), options)
    assert report["shards"] > 1
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column("id").to_pylist() == [f"p{i}" for i in range(40)]
    assert table.column("asal").to_pylist() == list(range(40))
    folder = tmp_path / "parts"
    run_corpus(
        [str(src)], str(folder), RunOptions(workers=1, progress=False, learn="never", part_format="parquet")
    )
    assert sorted(p.name for p in folder.glob("part-*")) == ["part-00000.parquet"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.one_of(
            st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ")),
            st.builds(lambda t: json.dumps({"text": t}).encode(), st.text(max_size=40)),
            st.builds(lambda t: json.dumps({"id": t, "text": GOOD}).encode(), st.text(max_size=10)),
        ),
        max_size=25,
    )
)
@example(lines=[b"\xef\xbb\xbf"])
def test_every_nonblank_line_is_counted_once(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    src = root / "in.jsonl"
    src.write_bytes(b"".join(line + b"\n" for line in lines))
    report = run_corpus(
        [str(src)], str(root / "out.jsonl"), RunOptions(workers=1, progress=False, learn="never")
    )
    # a UTF-8 byte-order mark opening the file is not a record
    records = [lines[0].removeprefix(b"\xef\xbb\xbf"), *lines[1:]] if lines else []
    assert report["docs_in"] == sum(1 for line in records if line.strip())
    assert report["balanced"]
    out = (root / "out.jsonl").read_bytes().count(b"\n")
    rejected = (root / "out.rejects.jsonl").read_bytes().count(b"\n")
    assert (out, rejected) == (report["docs_out"], report["rejected_total"])


def test_sqlite_output_dispatch(tmp_path: Path) -> None:
    """``-o out.db`` goes to the SQLite store when it exists, else fails before doing any work."""
    import importlib.util

    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl([{"id": "s1", "text": GOOD}]))
    options = RunOptions(workers=1, progress=False, learn="never", rejects=str(tmp_path / "rej.jsonl"))
    if importlib.util.find_spec("kliping.store.sqlite") is None:
        with pytest.raises(RunError, match="SQLite store"):
            run_corpus([str(src)], str(tmp_path / "out.db"), options)
        assert not (tmp_path / "out.db.parts").exists()
    else:
        report = run_corpus([str(src)], str(tmp_path / "out.db"), options)
        assert report["docs_out"] == 1 and (tmp_path / "out.db").exists()
        assert (tmp_path / "rej.jsonl").exists()


def test_every_reject_reason_in_the_code_is_in_the_vocabulary() -> None:
    """Readers and steps reject with reasons from REJECT_REASONS (a fixed vocabulary, like removal
    reasons): a new reason must be added there, with its meaning."""
    import re

    from kliping.read.base import REJECT_REASONS

    src = Path(__file__).resolve().parents[1] / "src" / "kliping"
    call = re.compile(r"\b(?:Reject|Rejected|_step_reject)\((?P<args>[^()]*)")
    found: set[str] = set()
    for path in src.rglob("*.py"):
        for m in call.finditer(path.read_text(encoding="utf-8")):
            found.update(re.findall(r'"([a-z]+(?:-[a-z0-9]+)*)"', m.group("args")))
    assert {"binary-file", "no-article", "dropped", "error"} <= found  # the scan sees the calls
    assert found <= set(REJECT_REASONS), found - set(REJECT_REASONS)
