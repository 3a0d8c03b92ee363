"""Learned boilerplate: per-domain counts, thresholds, bounded memory, the model file, the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kliping
from kliping.boilerplate.learned import LearnedModel, LearnParams, LineCounts, learn, load_model
from kliping.evaluation import evaluate, load_labelled, raw_text
from kliping.outlets import registered_domain
from kliping.run.local import RunOptions, run_corpus
from kliping.text import line_hash
from tests.conftest import DEV_SET

PROMO = "Meja Kota bersama Pak Darto setiap pagi di halaman tujuh"


def _tag(i: int) -> str:
    """A word unique to ``i`` (digits alone would normalise to the same key)."""
    return "".join(chr(97 + (i // 26**k) % 26) for k in range(3))


def _doc(i: int, promo: bool = True) -> str:
    t = _tag(i)
    lines = [f"Paragraf pembuka berita {t} tentang pasar ikan di pelabuhan.", f"Isi kedua artikel {t}."]
    return "\n".join([*lines, PROMO] if promo else lines)


def test_line_seen_in_many_docs_of_a_domain_is_boilerplate() -> None:
    model = learn([("contoh.id", _doc(i)) for i in range(10)])
    assert model.is_boilerplate("contoh.id", line_hash(PROMO))
    assert model.is_boilerplate("contoh.id", line_hash(PROMO.upper() + " !"))  # normalised key
    assert not model.is_boilerplate("contoh.id", line_hash(_doc(3).split("\n")[0]))
    assert not model.is_boilerplate("lain.id", line_hash(PROMO))  # another known domain? no: unknown


def test_syndicated_copies_on_different_outlets_do_not_count() -> None:
    story = "Presiden meresmikan bendungan baru di Jawa Tengah pada Selasa, kata juru bicara istana."
    docs = [
        (f"outlet{k}.id", f"Berita lokal {_tag(k)} {_tag(i)}.\n{story if i == 0 else ''}")
        for k in range(8)
        for i in range(5)
    ]
    model = learn(docs)
    for k in range(8):
        assert not model.is_boilerplate(f"outlet{k}.id", line_hash(story))
    assert not model.is_boilerplate(None, line_hash(story))


def test_fraction_threshold_on_a_large_domain() -> None:
    docs = [("besar.id", _doc(i, promo=(i < 5))) for i in range(1000)]
    assert not learn(docs, LearnParams(min_docs=3, min_fraction=0.01)).is_boilerplate(
        "besar.id", line_hash(PROMO)
    )
    assert learn(docs, LearnParams(min_docs=3, min_fraction=0.004)).is_boilerplate(
        "besar.id", line_hash(PROMO)
    )


def test_global_list_for_unknown_domains() -> None:
    short = "Simak video pilihan berikut ini"
    docs = [(f"o{k}.id", f"Isi unik {_tag(k)} {_tag(i)}.\n{short}") for k in range(4) for i in range(3)]
    model = learn(docs)
    assert model.is_boilerplate(None, line_hash(short))
    assert model.is_boilerplate("tak-dikenal.id", line_hash(short))


def test_pruning_bounds_memory_and_keeps_frequent_lines() -> None:
    counts = LineCounts()
    params = LearnParams(max_keys=500)
    for i in range(2000):
        counts.add("contoh.id", _doc(i), params)
        counts.prune(params.max_keys)
        assert counts.size <= params.max_keys
    model = counts.model(params)
    assert counts.error > 0
    assert model.is_boilerplate("contoh.id", line_hash(PROMO))


def test_counts_merge_like_one_pass() -> None:
    params = LearnParams()
    docs = [("a.id", _doc(i)) for i in range(9)] + [("b.id", _doc(i, False)) for i in range(4)]
    whole, left, right = LineCounts(), LineCounts(), LineCounts()
    for d, t in docs:
        whole.add(d, t, params)
    for d, t in docs[:5]:
        left.add(d, t, params)
    for d, t in docs[5:]:
        right.add(d, t, params)
    left.merge(right)
    assert left.lines == whole.lines and left.docs == whole.docs


def test_model_file_round_trip(tmp_path: Path) -> None:
    model = learn([("contoh.id", _doc(i)) for i in range(10)])
    path = tmp_path / "m.json.gz"
    model.save(path)
    loaded = load_model(path)
    assert loaded.domains == model.domains and loaded.global_keys == model.global_keys
    assert path.stat().st_size < 2000
    (tmp_path / "bad.json.gz").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="cannot read"):
        load_model(tmp_path / "bad.json.gz")
    with pytest.raises(ValueError, match="not a kliping"):
        LearnedModel.from_dict({"format": "x"})


def test_cleaner_records_learned_reason() -> None:
    model = learn([("contoh.id", _doc(i)) for i in range(10)])
    assert PROMO in kliping.clean(_doc(99), url="https://www.contoh.id/a/1").body.split(
        "\n"
    )  # no rule knows it
    art = kliping.clean(_doc(99), url="https://www.contoh.id/a/1", model=model)
    assert PROMO not in art.body.split("\n")
    assert any(r.reason == "learned" and r.text == PROMO for r in art.removed)


def test_dev_set_with_learning_from_the_dev_corpus(shared: Path) -> None:
    """Acceptance: learning from dev itself, boilerplate recall ≥ 0.98, content recall ≥ 0.995."""
    records = load_labelled(DEV_SET)
    model = learn((registered_domain(r["url"]), raw_text(r)) for r in records)
    assert model.size > 0
    score = evaluate(
        records, lambda r: kliping.clean(raw_text(r), url=r.get("url"), id=r.get("id"), model=model)
    )
    assert score.boilerplate_recall >= 0.98, [m for m in score.misses if m[1].endswith("kept")]
    assert score.content_recall >= 0.995, [m for m in score.misses if m[1] == "content dropped"]


def test_run_learns_from_its_input(shared: Path, tmp_path: Path) -> None:
    """The two-pass run (learn, then clean) over the dev corpus, through the executor."""
    records = load_labelled(DEV_SET)
    src = tmp_path / "dev.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(
                json.dumps({"id": r["id"], "url": r["url"], "text": raw_text(r)}, ensure_ascii=False) + "\n"
            )
    out = tmp_path / "out.jsonl"
    options = RunOptions(workers=1, progress=False, learn="always", default_model=False)
    report = run_corpus([str(src)], str(out), options)
    assert report["model"].startswith("learned from the input")
    assert report["learned"]["docs"] == len(records) and report["learned"]["boilerplate_keys"] > 0
    kept = load_model(tmp_path / "out.boilerplate-model.json.gz")  # kept beside the output for reuse
    assert kept.size == report["learned"]["boilerplate_keys"]
    by_id = {
        o["id"]: kliping.Article.from_dict(o)
        for o in map(json.loads, out.read_text(encoding="utf-8").splitlines())
    }
    score = evaluate(records, lambda r: by_id[r["id"]])
    assert score.boilerplate_recall >= 0.98 and score.content_recall >= 0.995
    assert report["docs_out"] == len(records)


def test_shipped_model_is_learned_from_the_samples() -> None:
    """The default model is what `kliping learn samples/articles.jsonl --min-docs 2` gives (regenerate
    it with that command when the samples change)."""
    samples = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"
    shipped = load_model()
    assert shipped.size > 0
    records = [json.loads(line) for line in samples.read_text(encoding="utf-8").splitlines() if line.strip()]
    relearned = learn(((registered_domain(r["url"]), r["text"]) for r in records), LearnParams(min_docs=2))
    assert relearned.domains == shipped.domains and relearned.global_keys == shipped.global_keys
