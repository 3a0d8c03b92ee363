"""``kliping run ... -o corpus.db``: the run writes the store, and records in = out + rejected
still holds (a repeated id is rejected as ``duplicate-id``, never silently replaced)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kliping.cli import cli
from kliping.run.local import RunOptions, run_corpus
from kliping.store.sqlite import Store
from tests.test_store_data import SAMPLES

TEXT = "JAKARTA - Warga menolak rencana kenaikan tarif angkutan kota, kata pengurus paguyuban.\nBaca juga: Harga gula"


def _inputs(root: Path) -> Path:
    src = root / "in"
    src.mkdir()
    records = [
        {"id": "r1", "text": TEXT},
        {"id": "r2", "text": TEXT.replace("tarif", "ongkos")},
        {"id": "r1", "text": "Berita lain dengan id yang sama tentang penolakan warga."},
        {"id": "r3", "text": "   "},
    ]
    lines = "".join(json.dumps(r) + "\n" for r in records) + "{not json\n"
    (src / "a.jsonl").write_text(lines, encoding="utf-8")
    (src / "same1.txt").write_text("Satu kabar yang tidak punya id dan terbit dua kali.", encoding="utf-8")
    (src / "same2.txt").write_text("Satu kabar yang tidak punya id dan terbit dua kali.", encoding="utf-8")
    return src


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_run_to_a_store_balances_and_rejects_repeated_ids(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    options = RunOptions(workers=1, progress=False, learn="never")
    report = run_corpus([str(src)], str(tmp_path / "out.db"), options)
    rejects = _lines(tmp_path / "out.rejects.jsonl")
    with Store(tmp_path / "out.db", readonly=True) as store:
        stored = len(store)
        first = store.get("r1")
        ids = {a.id for a in store}
        assert store.search("tolak").total >= 1
    assert report["docs_in"] == 7
    assert report["docs_out"] == stored == 3
    assert report["rejected"] == {"duplicate-id": 2, "empty-text": 1, "malformed-json": 1}
    assert report["balanced"] and report["docs_in"] == stored + len(rejects)
    assert first is not None and "tarif" in first.body  # the first copy of r1 is kept
    duplicate = [r for r in rejects if r["reason"] == "duplicate-id"]
    assert len(duplicate) == 2 and "r1" in {r["id"] for r in duplicate}
    assert {r["id"] for r in duplicate} <= ids  # the id of the text file read second is the first's
    assert not list(tmp_path.glob("tmp-*")) and not (tmp_path / "out.db.parts").exists()


def test_the_store_holds_what_the_jsonl_output_holds(tmp_path: Path) -> None:
    options = RunOptions(workers=1, progress=False, learn="never")
    run_corpus([str(SAMPLES)], str(tmp_path / "out.jsonl"), options)
    run_corpus([str(SAMPLES)], str(tmp_path / "out.db"), options)
    records = _lines(tmp_path / "out.jsonl")
    with Store(tmp_path / "out.db", readonly=True) as store:
        assert [store.record(str(r["id"])) for r in records] == records


def test_resume_and_force_on_a_store_output(tmp_path: Path) -> None:
    src = _inputs(tmp_path)
    runner = CliRunner()
    args = ["run", str(src), "-o", str(tmp_path / "out.db"), "-j", "1", "-q", "--learn", "never"]
    assert runner.invoke(cli, args).exit_code == 0
    again = runner.invoke(cli, args)
    assert again.exit_code != 0 and "--resume" in again.output
    forced = runner.invoke(cli, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    stats = json.loads((tmp_path / "out.stats.json").read_text(encoding="utf-8"))
    with Store(tmp_path / "out.db", readonly=True) as store:
        assert len(store) == stats["docs_out"] == 3
    assert len(_lines(tmp_path / "out.rejects.jsonl")) == stats["rejected_total"] == 4


def test_grouped_run_fills_stories_in_the_store(tmp_path: Path) -> None:
    options = RunOptions(workers=1, progress=False, learn="never", group=True)
    report = run_corpus([str(SAMPLES)], str(tmp_path / "out.db"), options)
    assert report["balanced"]
    with Store(tmp_path / "out.db", readonly=True) as store:
        kazakh = [a for a in store if "Kazakhstan" in a.body]
        stories = {a.story for a in kazakh if a.story}
        assert stories
        assert len(store.story(next(iter(stories)))) >= 2


def test_index_command_loads_jsonl_twice_without_duplicates(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out.jsonl"
    run_corpus([str(SAMPLES)], str(out), RunOptions(workers=1, progress=False, learn="never"))
    db = tmp_path / "idx.db"
    for _ in range(2):
        result = runner.invoke(cli, ["index", str(out), "-o", str(db), "-q"])
        assert result.exit_code == 0, result.output
    with Store(db, readonly=True) as store:
        assert len(store) == len(_lines(out))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "body": "fine"}\n[1, 2]\n', encoding="utf-8")
    result = runner.invoke(cli, ["index", str(bad), "-o", str(db)])
    assert result.exit_code != 0 and "bad.jsonl:2: not an Article record" in result.output
