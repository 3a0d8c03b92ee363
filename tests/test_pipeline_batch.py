"""Batches: the same results as one Article at a time, and one record's failure costs no other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kliping.article import Article
from kliping.core import Cleaner, CleanStep
from kliping.evaluation import load_labelled, raw_text
from kliping.pipeline import Pipeline, Rejected, Stats, Step
from kliping.read.base import ReadOptions
from kliping.run.layout import Layout
from kliping.run.process import BATCH, process_shard
from kliping.run.shards import plan_shards
from tests.conftest import DEV_SET

REPO = Path(__file__).resolve().parents[1]


def _texts() -> list[tuple[str, str | None]]:
    texts = [(raw_text(r), r.get("url")) for r in load_labelled(DEV_SET)]
    for line in (REPO / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts.append((record["text"], record.get("url")))
    return texts


def test_clean_batch_equals_one_at_a_time(shared: Path) -> None:
    texts = _texts()
    cleaner = Cleaner()
    one = [cleaner.clean(text, url).to_dict() for text, url in texts]
    batch = cleaner.clean_batch([Article(url=url, raw=text) for text, url in texts])
    assert [a.to_dict() for a in batch] == one
    assert len({a["language"] for a in one}) >= 2  # the deferred language step ran on each


def test_clean_batch_checks_every_input_before_touching_any() -> None:
    good = Article(raw="Harga beras naik lagi di Pasar Induk Cipinang pekan ini.")
    bad = Article(raw=None, body=None)  # type: ignore[arg-type]
    before = good.to_dict()
    with pytest.raises(TypeError, match="must be str"):
        Cleaner().clean_batch([good, bad])
    assert good.to_dict() == before


class _Picky(Step):
    """Rejects records whose text says "tolak", drops "buang", fails on "rusak"."""

    name = "picky"

    def process(self, article: Article, stats: Stats) -> Article | None:
        stats.incr("picky.seen")
        text = article.raw or ""
        if "tolak" in text:
            raise Rejected("no-article", "told to")
        if "rusak" in text:
            raise ValueError("broken record")
        return None if "buang" in text else article


class _BatchThatFails(CleanStep):
    """A batch override that raises whenever a bad record is in the batch (before counting)."""

    def process_batch(self, articles: list[Article], stats: Stats) -> list[Article | None]:  # type: ignore[override]
        if any("rusak" in (a.raw or "") for a in articles):
            raise ValueError("batch broken")
        return super().process_batch(articles, stats)

    def process(self, article: Article, stats: Stats) -> Article | None:
        if "rusak" in (article.raw or ""):
            raise ValueError("broken record")
        return super().process_batch([article], stats)[0]


def test_pipeline_batch_pins_each_failure_on_its_record() -> None:
    words = ["satu", "tolak", "dua", "buang", "rusak", "tiga"]
    articles = [Article(id=w, raw=f"Warga desa {w} berkumpul di balai desa pada Senin pagi.") for w in words]
    stats = Stats()
    out = Pipeline([_BatchThatFails(), _Picky()]).process_batch(articles, stats)
    kinds = [type(o).__name__ for o in out]
    assert kinds == ["Article", "Rejected", "Article", "NoneType", "ValueError", "Article"]
    assert isinstance(out[1], Rejected) and out[1].reason == "no-article"
    # the failed clean batch was redone one by one and counted once; "rusak" never reached picky
    assert stats.counters["clean.docs"] == 5
    assert stats.counters["picky.seen"] == 5


def test_process_shard_batches_lose_nothing(tmp_path: Path) -> None:
    n = BATCH * 2 + 7
    src = tmp_path / "in.jsonl"
    lines = []
    for i in range(n):
        word = "tolak" if i % 11 == 3 else "rusak" if i % 13 == 5 else "buang" if i % 17 == 2 else "baik"
        lines.append(json.dumps({"id": f"d{i}", "text": f"Berita nomor {i} tentang warga {word} di Kudus."}))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = ReadOptions()
    (shard,) = plan_shards([str(src)], shard_bytes=1 << 30, min_shards=1)
    layout = Layout.for_output(tmp_path / "out.jsonl")
    layout.control.mkdir(parents=True)
    counters = process_shard(shard, [_BatchThatFails(), _Picky()], layout, options)
    rejected = sum(v for k, v in counters.items() if k.startswith("rejected."))
    assert counters["docs.in"] == n == counters["docs.out"] + rejected
    assert counters["rejected.error"] == sum(1 for i in range(n) if i % 13 == 5)
    assert counters["rejected.no-article"] == sum(1 for i in range(n) if i % 11 == 3 and i % 13 != 5)
    written = [json.loads(x)["id"] for x in layout.part(shard).read_text(encoding="utf-8").splitlines()]
    assert written == sorted(written, key=lambda s: int(s[1:]))  # input order kept
    assert len(written) == counters["docs.out"]
