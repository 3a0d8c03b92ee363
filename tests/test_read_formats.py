"""Readers: each format round-trips its records into Articles; byte-range shards partition a file."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.article import Article
from kliping.read.base import ReadOptions, Reject
from kliping.read.csv import read_csv
from kliping.read.formats import detect_format
from kliping.read.jsonl import read_jsonl
from kliping.read.parquet import read_parquet
from kliping.read.text import read_text_file
from kliping.run.shards import plan_shards, read_shard

RECORDS: list[dict[str, Any]] = [
    {
        "id": "a1",
        "url": "https://www.contoh-berita.id/read/1/harga-cabai",
        "text": "Harga cabai naik di pasar.\nBaca juga: Harga bawang turun",
        "title": "Harga Cabai Naik",
        "published": "2024-05-01",
        "source_name": "arsip-1",
        "rank": 3,
    },
    {
        "id": "a2",
        "text": "Banjir surut di Kampung Melayu.",
        "authors": ["Sari Dewi"],
        "tags": ["banjir", "kota"],
    },
    {"id": "a3", "html": "<html><body><p>Gempa kecil terasa di Garut.</p></body></html>"},
]


def _articles(items: list[tuple[int, Article | Reject]]) -> list[Article]:
    out = []
    for _pos, item in items:
        assert isinstance(item, Article), item
        out.append(item)
    return out


def _check(articles: list[Article]) -> None:
    a1, a2, a3 = articles
    assert (a1.id, a1.url, a1.raw) == ("a1", RECORDS[0]["url"], RECORDS[0]["text"])
    assert a1.hints == {"title": "Harga Cabai Naik", "published": "2024-05-01"}
    assert a1.extra["source_name"] == "arsip-1"
    assert str(a1.extra["rank"]) == "3"
    assert a2.raw == RECORDS[1]["text"] and a2.hints["authors"] == ["Sari Dewi"]
    assert a3.raw is None and a3.html == RECORDS[2]["html"]
    assert "text" not in a1.extra and "html" not in a3.extra


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_jsonl_round_trip(tmp_path: Path, suffix: str) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS).encode()
    path = tmp_path / f"in{suffix}"
    if suffix.endswith(".gz"):
        data = gzip.compress(data)
    elif suffix.endswith(".zst"):
        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    assert detect_format(path) == "jsonl"
    articles = _articles(list(read_jsonl(path, ReadOptions())))
    _check(articles)
    assert articles[1].extra["tags"] == ["banjir", "kota"]


def test_jsonl_text_field_option(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "z", "isi": "Teks berita.", "text": "bukan ini"}) + "\n", encoding="utf-8"
    )
    [(_, art)] = list(read_jsonl(path, ReadOptions(text_field="isi")))
    assert isinstance(art, Article) and art.raw == "Teks berita." and art.extra["text"] == "bukan ini"


def test_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    keys = ["id", "url", "text", "html", "title", "published", "source_name", "rank", "authors"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, keys)
        writer.writeheader()
        for r in RECORDS:
            row = {k: (json.dumps(v) if isinstance(v, list) else v) for k, v in r.items() if k in keys}
            writer.writerow(row)
    items = list(read_csv(path, ReadOptions()))
    assert [pos for pos, _ in items] == [0, 1, 2]
    _check(_articles(items))


def test_csv_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,text\n1,"Baris satu.\nBaris dua."\n2,Satu baris.\n', encoding="utf-8")
    arts = _articles(list(read_csv(path, ReadOptions())))
    assert [a.raw for a in arts] == ["Baris satu.\nBaris dua.", "Satu baris."]
    assert [a.id for a in arts] == ["1", "2"]


def test_parquet_round_trip(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "in.parquet"
    keys = list(dict.fromkeys(k for r in RECORDS for k in r))
    pq.write_table(
        pa.Table.from_pylist([{k: r.get(k) for k in keys} for r in RECORDS]), path, row_group_size=2
    )
    articles = _articles(list(read_parquet(path, ReadOptions())))
    _check(articles)
    assert articles[1].extra["tags"] == ["banjir", "kota"]
    shards = plan_shards([path])
    assert [(s.format, s.start) for s in shards] == [("parquet", 0)]


def test_text_file_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "b.txt").write_text("Berita kedua.\nBaca juga: lain", encoding="utf-8")
    (folder / "a.txt").write_text("\ufeffBerita pertama.", encoding="utf-8")
    (folder / ".hidden").write_text("tidak dibaca", encoding="utf-8")
    [(_, art)] = list(read_text_file(folder / "a.txt", ReadOptions()))
    assert isinstance(art, Article) and art.raw == "Berita pertama." and art.extra["path"].endswith("a.txt")
    shards = plan_shards([folder])
    got = [item for s in shards for _src, _pos, item in read_shard(s, ReadOptions())]
    # a folder's own files first, then its sub-folders, each sorted by name
    assert [a.raw for a in got] == ["Berita pertama.", "Berita kedua.\nBaca juga: lain"]


@settings(max_examples=40, deadline=None)
@given(
    lines=st.lists(st.text(alphabet="ab é\u00a0x", max_size=30), min_size=1, max_size=40),
    shard_bytes=st.integers(min_value=1, max_value=200),
)
def test_byte_ranges_partition_the_lines(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], shard_bytes: int
) -> None:
    path = tmp_path_factory.mktemp("ranges") / "in.jsonl"
    records = [{"id": str(i), "text": t or "-"} for i, t in enumerate(lines)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    shards = plan_shards([path], shard_bytes=shard_bytes)
    ids = [
        item.id
        for s in shards
        for _src, _pos, item in read_shard(s, ReadOptions())
        if isinstance(item, Article)
    ]
    rejected = [
        item for s in shards for _src, _pos, item in read_shard(s, ReadOptions()) if isinstance(item, Reject)
    ]
    assert sorted([*ids, *(r.id or "" for r in rejected)], key=lambda x: int(x or -1)) == [
        r["id"] for r in records
    ]
    assert ids + [r.id or "" for r in rejected] != [] and len(ids) + len(rejected) == len(records)


def test_csv_bad_bytes_reject_one_row_only(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,text\n1,Baris baik.\n2,caf\xe9 rusak\n3,Baris baik lagi.\n")
    items = list(read_csv(path, ReadOptions()))
    kinds = [(pos, type(item).__name__, getattr(item, "reason", None)) for pos, item in items]
    assert kinds == [(0, "Article", None), (1, "Reject", "invalid-utf8"), (2, "Article", None)]


def test_jsonl_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "1", "text": "Satu."}\r\n\r\n{"id": "2", "text": "Dua."}\r\n')
    arts = _articles(list(read_jsonl(path, ReadOptions())))
    assert [(a.id, a.raw) for a in arts] == [("1", "Satu."), ("2", "Dua.")]
