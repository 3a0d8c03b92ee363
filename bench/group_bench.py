"""Story grouping at corpus scale: kliping vs datatrove's MinHash dedup, side by side.

Builds ``--docs`` synthetic articles from the dev set's clean bodies with known story groups:

- distinct stories: 5-11 sentences drawn from the pool of all dev sentences, each sentence with
  its numbers replaced and about half of its capitalised words swapped for other names, so two
  stories rarely share a sentence word for word;
- copies of a story (1-8 per story): each with its own boilerplate line (a promo line the
  cleaner missed), and one or two light edits: a sentence dropped, a sentence added, 1-3 words
  changed, two paragraphs swapped.

Then, in one run, on the same bodies:

- kliping: ``kliping.group.group_file`` on a JSONL file (parse, sketch in ``--workers``
  processes, index, cluster, rewrite: the whole ``kliping group`` command);
- datatrove: MinhashDedupSignature -> MinhashDedupBuckets -> MinhashDedupCluster
  (``save_cluster_id``) on in-memory Documents, signature and bucket stages spread over the
  same number of processes; once with datatrove's defaults and once with kliping's shingle and
  band settings (``--no-datatrove-tuned`` to skip).

datatrove runs unchanged, with three adaptations to this environment (see the functions below):
its dedup package ``__init__`` needs ``tokenizers`` (absent), its word tokenizers need spaCy
(absent: a ``\\w+`` WordTokenizer is passed instead), and it hands ``str`` to xxhash 4.

Prints pairwise precision / recall (pairs of documents put in one story) and wall time, with ratios.

    python bench/group_bench.py --docs 100000
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import re
import struct
import sys
import tempfile
import time
from collections import Counter
from math import comb
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "evalset" / "dev.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from kliping import clean  # noqa: E402
from kliping.group import group_file, minhash  # noqa: E402

BOILERPLATE = [
    "Baca juga: {}",
    "Simak berita terbaru lainnya di kanal Google News kami.",
    "Dapatkan update berita pilihan setiap hari, gabung di saluran WhatsApp kami.",
    "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
    "Ikuti kami di media sosial untuk informasi {}.",
    "Artikel ini telah tayang dengan judul {}",
    "Tonton video pilihan berikut ini: {}",
]
WORDS = [
    "sekitar",
    "hampir",
    "lebih",
    "kurang",
    "sebanyak",
    "tercatat",
    "diperkirakan",
    "telah",
    "sudah",
    "akan",
]
_SENT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")
_NUM = re.compile(r"\d+")
_CAP = re.compile(r"\b[A-Z][a-z]{2,}\b")


def dev_sentences() -> tuple[list[str], list[str]]:
    rows = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    sentences: list[str] = []
    names: set[str] = set()
    for row in rows:
        body = clean("\n".join(text for _label, text in row["lines"]), url=row["url"]).body
        for para in body.split("\n"):
            for sent in _SENT.split(para):
                if len(sent.split()) >= 6:
                    sentences.append(sent)
                    names.update(_CAP.findall(sent))
    return sentences, sorted(names)


def vary(sentence: str, rng: random.Random, names: list[str]) -> str:
    """A new sentence from an old one: fresh numbers, about half the capitalised words renamed."""
    sentence = _NUM.sub(lambda m: str(rng.randint(2, 9999)), sentence)
    return _CAP.sub(lambda m: rng.choice(names) if rng.random() < 0.5 else m.group(0), sentence)


def make_story(rng: random.Random, pool: list[str], names: list[str]) -> list[list[str]]:
    sents = [vary(s, rng, names) for s in rng.sample(pool, rng.randint(5, 11))]
    paras: list[list[str]] = []
    while sents:
        take = rng.choice((1, 2))
        paras.append(sents[:take])
        sents = sents[take:]
    return paras


def make_copy(
    story: list[list[str]], rng: random.Random, pool: list[str], names: list[str], first: bool
) -> str:
    paras = [list(p) for p in story]
    edits = [] if first else rng.sample(["drop", "add", "words", "swap"], rng.choice((1, 2)))
    for edit in edits:
        if edit == "drop" and sum(len(p) for p in paras) > 4:
            p = rng.randrange(len(paras))
            paras[p].pop(rng.randrange(len(paras[p])))
            paras = [p for p in paras if p]
        elif edit == "add":
            paras.insert(rng.randrange(len(paras) + 1), [vary(rng.choice(pool), rng, names)])
        elif edit == "words":
            p = rng.randrange(len(paras))
            s = rng.randrange(len(paras[p]))
            words = paras[p][s].split()
            for _ in range(rng.randint(1, 3)):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            paras[p][s] = " ".join(words)
        elif edit == "swap" and len(paras) > 1:
            i = rng.randrange(len(paras) - 1)
            paras[i], paras[i + 1] = paras[i + 1], paras[i]
    lines = [" ".join(p) for p in paras]
    promo = rng.choice(BOILERPLATE).format(vary(rng.choice(pool), rng, names)[:80])
    lines.insert(rng.choice((0, len(lines))), promo)
    return "\n".join(lines)


def make_corpus(n: int, seed: int) -> tuple[list[str], list[int]]:
    rng = random.Random(seed)
    pool, names = dev_sentences()
    bodies: list[str] = []
    truth: list[int] = []
    story = 0
    while len(bodies) < n:
        paras = make_story(rng, pool, names)
        copies = 1 if rng.random() < 0.4 else rng.randint(2, 8)
        for c in range(min(copies, n - len(bodies))):
            bodies.append(make_copy(paras, rng, pool, names, first=c == 0))
            truth.append(story)
        story += 1
    order = list(range(n))
    rng.shuffle(order)
    return [bodies[i] for i in order], [truth[i] for i in order]


def pairwise(truth: list[int], pred: list[Any]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering (pairs of documents placed together)."""
    both = sum(comb(c, 2) for c in Counter(zip(truth, pred, strict=True)).values())
    pred_pairs = sum(comb(c, 2) for c in Counter(pred).values())
    true_pairs = sum(comb(c, 2) for c in Counter(truth).values())
    return (both / pred_pairs if pred_pairs else 1.0), (both / true_pairs if true_pairs else 1.0)


# --- kliping -------------------------------------------------------------------------------------
def run_kliping(bodies: list[str], workdir: Path, workers: int) -> tuple[list[Any], float, dict[str, Any]]:
    import orjson

    src = workdir / "articles.jsonl"
    with src.open("wb") as fh:
        for i, body in enumerate(bodies):
            fh.write(orjson.dumps({"id": f"d{i}", "outlet": f"o{i % 7}", "published": None, "body": body}))
            fh.write(b"\n")
    out = workdir / "grouped.jsonl"
    t0 = time.perf_counter()
    report = group_file(src, out, stories_path=workdir / "stories.jsonl", workers=workers)
    seconds = time.perf_counter() - t0
    pred: list[Any] = []
    with out.open("rb") as fh:
        for i, line in enumerate(fh):
            rec = orjson.loads(line)
            pred.append(rec["story"] or f"single-{i}")
    return pred, seconds, report.to_dict()


# --- datatrove -----------------------------------------------------------------------------------
def _import_datatrove_minhash() -> Any:
    """datatrove's MinHash module.  ``datatrove.pipeline.dedup/__init__`` also imports the exact-substring
    steps, which need the optional ``tokenizers`` package; when that is missing, the package is registered
    without its ``__init__`` so that the (unchanged) MinHash module still loads."""
    import importlib
    import types

    try:
        return importlib.import_module("datatrove.pipeline.dedup.minhash")
    except ModuleNotFoundError as exc:
        if exc.name != "tokenizers":
            raise
    import datatrove.pipeline

    pkg = types.ModuleType("datatrove.pipeline.dedup")
    pkg.__path__ = [str(Path(datatrove.pipeline.__file__).parent / "dedup")]
    sys.modules["datatrove.pipeline.dedup"] = pkg
    return importlib.import_module("datatrove.pipeline.dedup.minhash")


def _patch_datatrove_xxhash() -> None:
    """datatrove 0.10 passes ``str`` to xxhash, which xxhash >= 4 refuses: encode first (same hashes)."""
    import xxhash
    from datatrove.utils.hashes import xxhash as dt_xxhash

    def xxhash32(data: str | bytes) -> int:
        return xxhash.xxh32_intdigest(data.encode("utf-8") if isinstance(data, str) else data)

    def xxhash64(data: str | bytes) -> int:
        return xxhash.xxh64_intdigest(data.encode("utf-8") if isinstance(data, str) else data)

    probe: Any = "probe"
    try:
        xxhash.xxh64_intdigest(probe)
    except TypeError:
        dt_xxhash.xxhash32 = xxhash32
        dt_xxhash.xxhash64 = xxhash64


def _regex_tokenizer() -> Any:
    """A datatrove WordTokenizer splitting on ``\\w+`` (its bundled ones need spaCy, not installed here)."""
    from datatrove.utils.word_tokenizers import WordTokenizer

    class RegexTokenizer(WordTokenizer):
        def word_tokenize(self, text: str) -> list[str]:
            return re.findall(r"\w+", text)

        def sent_tokenize(self, text: str) -> list[str]:
            return [s for s in text.split("\n") if s]

        def span_tokenize(self, text: str) -> list[tuple[int, int]]:
            return [m.span() for m in re.finditer(r"[^\n]+", text)]

    return RegexTokenizer()


def _dt_signature(args: tuple[list[str], int, int, str, tuple[int, int, int]]) -> None:
    from datatrove.data import Document

    dt = _import_datatrove_minhash()
    MinhashConfig, MinhashDedupSignature = dt.MinhashConfig, dt.MinhashDedupSignature

    texts, rank, offset, folder, (ngram, buckets, per_bucket) = args
    _patch_datatrove_xxhash()
    config = MinhashConfig(n_grams=ngram, num_buckets=buckets, hashes_per_bucket=per_bucket)
    step = MinhashDedupSignature(output_folder=f"{folder}/sigs", config=config, language=_regex_tokenizer())
    docs = (Document(text=t, id=str(offset + i)) for i, t in enumerate(texts))
    for _ in step.run(docs, rank=rank, world_size=0) or ():
        pass


def _dt_buckets(args: tuple[int, str, tuple[int, int, int]]) -> None:
    dt = _import_datatrove_minhash()
    MinhashConfig, MinhashDedupBuckets = dt.MinhashConfig, dt.MinhashDedupBuckets

    rank, folder, (ngram, buckets, per_bucket) = args
    config = MinhashConfig(n_grams=ngram, num_buckets=buckets, hashes_per_bucket=per_bucket)
    step = MinhashDedupBuckets(
        input_folder=f"{folder}/sigs", output_folder=f"{folder}/buckets", config=config
    )
    for _ in step.run(None, rank=rank, world_size=buckets) or ():
        pass


def run_datatrove(
    bodies: list[str], workdir: Path, workers: int, params: tuple[int, int, int]
) -> tuple[list[Any], float]:
    dt = _import_datatrove_minhash()
    MinhashConfig, MinhashDedupCluster = dt.MinhashConfig, dt.MinhashDedupCluster

    folder = str(workdir)
    ngram, buckets, per_bucket = params
    shard = -(-len(bodies) // workers)
    parts = [(bodies[i * shard : (i + 1) * shard], i, i * shard, folder, params) for i in range(workers)]
    t0 = time.perf_counter()
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        pool.map(_dt_signature, parts)
        pool.map(_dt_buckets, [(b, folder, params) for b in range(buckets)])
    config = MinhashConfig(n_grams=ngram, num_buckets=buckets, hashes_per_bucket=per_bucket)
    cluster = MinhashDedupCluster(
        input_folder=f"{folder}/buckets",
        output_folder=f"{folder}/clusters",
        config=config,
        save_cluster_id=True,
    )
    for _ in cluster.run(None, 0, 1) or ():
        pass
    seconds = time.perf_counter() - t0
    pred: list[Any] = [f"single-{i}" for i in range(len(bodies))]
    for rank, _texts, offset, _f, _p in [(p[1], p[0], p[2], p[3], p[4]) for p in parts]:
        path = Path(folder) / "clusters" / f"{rank:06d}.clusters"
        if not path.exists():
            continue
        data = path.read_bytes()
        for doc, cid in struct.iter_unpack("<2I", data):
            pred[offset + doc] = f"c{cid}"
    return pred, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-datatrove", action="store_true")
    ap.add_argument("--no-datatrove-tuned", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    bodies, truth = make_corpus(args.docs, args.seed)
    stories = len(set(truth))
    grouped = sum(c for c in Counter(truth).values() if c > 1)
    print(
        f"corpus: {len(bodies)} docs, {stories} true stories, {grouped} docs in stories of 2+,"
        f" {sum(comb(c, 2) for c in Counter(truth).values())} true pairs ({time.perf_counter() - t0:.1f}s to make)"
    )
    results: dict[str, tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="group-bench-") as tmp:
        (Path(tmp) / "kliping").mkdir()
        pred, secs, report = run_kliping(bodies, Path(tmp) / "kliping", args.workers)
        results["kliping"] = (*pairwise(truth, pred), secs)
        print(f"kliping report: {json.dumps(report)}")
        peers: list[tuple[str, tuple[int, int, int]]] = []
        if not args.no_datatrove:
            peers.append(("datatrove (defaults 5-gram, 14x8)", (5, 14, 8)))
            if not args.no_datatrove_tuned:
                peers.append(
                    (
                        f"datatrove ({minhash.SHINGLE}-gram, {minhash.BANDS}x{minhash.ROWS} like kliping)",
                        (minhash.SHINGLE, minhash.BANDS, minhash.ROWS),
                    )
                )
        for k, (name, params) in enumerate(peers):
            folder = Path(tmp) / f"datatrove{k}"
            folder.mkdir()
            dpred, dsecs = run_datatrove(bodies, folder, args.workers, params)
            results[name] = (*pairwise(truth, dpred), dsecs)

    print(f"\n{'tool':<44} {'precision':>9} {'recall':>7} {'seconds':>8}")
    for name, (p, r, s) in results.items():
        print(f"{name:<44} {p:9.4f} {r:7.4f} {s:8.1f}")
    kp, kr, ks = results["kliping"]
    for name, (p, r, s) in results.items():
        if name != "kliping":
            print(
                f"kliping / {name}: precision x{kp / p if p else float('inf'):.3f}, recall x{kr / r if r else float('inf'):.3f}, time x{ks / s:.2f} (kliping {s / ks:.1f}x faster)"
            )
    targets = kp >= 0.99 and kr >= 0.95 and (args.docs < 100_000 or ks <= 60)
    print(
        f"targets (precision >= 0.99, recall >= 0.95, <= 60 s for 100k docs): {'met' if targets else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
