"""Writers: JSONL (.gz/.zst) and Parquet round-trip Article records with passthrough fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kliping.article import Article, DateMention, Entity, Quote, Removed
from kliping.read.formats import open_binary
from kliping.write.base import open_writer, output_kind


def _articles() -> list[Article]:
    a = Article(
        id="k1",
        url="https://www.contoh.id/a",
        domain="contoh.id",
        outlet="Contoh",
        title="Judul",
        dateline="Bandung",
        published="2024-02-03",
        authors=["Rina Sari"],
        agencies=["Antara"],
        language="id",
        language_score=0.93,
        body="Paragraf satu.\nParagraf dua.",
        removed=[Removed(2, "Baca juga: x", "related")],
        entities=[Entity("Bandung", "PLACE", 0, 7)],
        quotes=[Quote("Rina Sari", "Kami siap", "kata", 3, 12)],
        dates=[DateMention("3 Februari 2024", "2024-02-03", "day", 1, 16)],
    )
    a.extra = {"source_name": "arsip", "rank": 7, "tags": ["a", "b"]}
    b = Article(id="k2", body="Tanpa metadata.")
    b.extra = {"source_name": "lain", "rank": 8, "tags": []}
    c = Article(id="k3", body="Nilai tak sejenis.")
    c.extra = {"source_name": "x", "rank": "bukan angka", "tags": ["c"], "baru": {"k": 1}}
    return [a, b, c]


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.jsonl.zst"])
def test_jsonl_round_trip(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert output_kind(path) == "jsonl"
    writer = open_writer(path)
    for art in _articles():
        writer.write(art)
    writer.close()
    with open_binary(path) as fh:
        records = [json.loads(line) for line in fh]
    assert records == [a.to_record() for a in _articles()]
    assert Article.from_dict(records[0]).to_record() == _articles()[0].to_record()


def test_parquet_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from kliping.read.base import ReadOptions
    from kliping.read.parquet import read_parquet

    path = tmp_path / "out.parquet"
    writer = open_writer(path)
    for art in _articles():
        writer.write(art)
    writer.close()
    import pyarrow.parquet as pq

    rows = pq.read_table(path).to_pylist()
    assert [r["id"] for r in rows] == ["k1", "k2", "k3"]
    assert rows[0]["removed"] == [{"line": 2, "text": "Baca juga: x", "reason": "related"}]
    assert rows[0]["quotes"][0]["speaker"] == "Rina Sari"
    # the reader merges the spilled fields back: every passthrough value survives
    got = [
        item for _pos, item in read_parquet(path, ReadOptions(text_field="body")) if isinstance(item, Article)
    ]
    assert len(got) == 3
    assert [a.extra["rank"] for a in got] == [7, 8, "bukan angka"]
    assert got[2].extra["baru"] == {"k": 1}
    assert [a.raw for a in got] == [a.body for a in _articles()]


def test_parquet_empty_file_is_valid(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "empty.parquet"
    open_writer(path).close()
    assert pq.read_table(path).num_rows == 0
    assert "body" in pq.read_schema(path).names


def test_unknown_output_suffix_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        open_writer(tmp_path / "out.xlsx")
    assert output_kind(tmp_path / "out.db") == "db"
    assert output_kind(tmp_path / "folder") is None
