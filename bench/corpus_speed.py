"""Corpus speed and scaling: ``kliping run`` beside trafilatura, jusText and datatrove's filters.

    python bench/corpus_speed.py [--docs 20000] [--peer-docs 20000] [--rss 10000,100000]

The corpus: the dev set's articles (../shared/data/evalset/dev.jsonl) replicated to --docs
records (unique ids), as JSONL with ``id``, ``url``, ``text``.  Measured in one run:

- kliping: ``kliping run`` in a subprocess with 1 and 2 workers (wall time, start-up included;
  ``--learn never --no-enrich``: cleaning + parsing only, like the peers), and ``kliping learn``;
- trafilatura and jusText (the text wrapped as HTML, one ``<p>`` per line, which they need to
  run at all; jusText with its Indonesian stoplist), in this process, one core;
- datatrove's C4QualityFilter and FineWebQualityFilter on ``Document(text)``, one core.  Their
  default word tokenizer needs spaCy, which is not installed here: a regex word tokenizer
  (``\\w+`` and punctuation) stands in, with datatrove's own sentence splitter.

kliping's wall times are the best of --repeat runs (the machine is shared); the CPU time of
the runs gives the parallel efficiency independent of other load.  Rates are docs/s per core; ratios are kliping's docs/s/core over each peer's.  Peak RSS of
``kliping run --workers 1`` at each --rss size is the maximum resident set of the run's
process (``getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper process per size).
Targets (issue 3): ≥ 10,000 docs/s/core, 2 workers ≥ 1.8x one, RSS(100k) within 10% of RSS(10k).
The machine is shared: absolute timings are noisy, ratios less so.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "evalset" / "dev.jsonl"


def base_docs() -> list[dict[str, str]]:
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"url": r["url"], "text": "\n".join(t for _, t in r["lines"])} for r in records]


def write_corpus(path: Path, n: int) -> list[str]:
    base = base_docs()
    texts = []
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            doc = base[i % len(base)]
            texts.append(doc["text"])
            fh.write(
                json.dumps({"id": f"d{i:07d}", "url": doc["url"], "text": doc["text"]}, ensure_ascii=False)
            )
            fh.write("\n")
    return texts


def as_html(text: str) -> str:
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    return f"<html><head><meta charset='utf-8'></head><body><article>{paras}</article></body></html>"


def kliping_cmd(src: Path, out: Path, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "kliping", "run", str(src), "-o", str(out), "--workers", str(workers),
        "--learn", "never", "--no-enrich", "--force", "-q",
    ]  # fmt: skip


def time_subprocess(cmd: list[str], repeat: int = 1) -> tuple[float, float]:
    """Best wall time of ``repeat`` runs, and the CPU time (user + sys, all processes) of that run."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, cwd=REPO)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (wall, cpu))
    return best


def rate_in_process(fn: Callable[[str], object], docs: list[str]) -> float:
    start = time.perf_counter()
    for doc in docs:
        fn(doc)
    return len(docs) / (time.perf_counter() - start)


def peers(docs: list[str]) -> dict[str, float]:
    rates: dict[str, float] = {}
    htmls = [as_html(t) for t in docs]
    try:
        import trafilatura

        it = iter(htmls)
        rates["trafilatura"] = rate_in_process(lambda _d: trafilatura.extract(next(it)), docs)
    except ImportError:
        print("trafilatura: not installed")
    try:
        import justext

        stop = justext.get_stoplist("Indonesian")
        it2 = iter(htmls)
        rates["jusText"] = rate_in_process(lambda _d: justext.justext(next(it2), stop), docs)
    except ImportError:
        print("jusText: not installed")
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter, FineWebQualityFilter
        from datatrove.utils.word_tokenizers import WhitespaceTokenizer

        class RegexWords(WhitespaceTokenizer):
            _word = re.compile(r"\w+|[^\w\s]")

            def word_tokenize(self, text: str) -> list[str]:
                return self._word.findall(text)

        tok = RegexWords()
        for name, cls in (
            ("datatrove C4QualityFilter", C4QualityFilter),
            ("datatrove FineWebQualityFilter", FineWebQualityFilter),
        ):
            filt = cls(language=tok)

            def run_filter(doc: str, f: Any = filt) -> object:
                return f.filter(Document(text=doc, id="x"))

            rates[name] = rate_in_process(run_filter, docs)
    except ImportError as exc:
        print(f"datatrove: not usable ({exc})")
    return rates


def peak_rss_kb(cmd: list[str]) -> int:
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], check=True, capture_output=True, text=True, cwd=REPO
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--peer-docs", type=int, default=None, help="docs for the peers (default: --docs)")
    ap.add_argument("--repeat", type=int, default=3, help="kliping runs per setting (best wall time)")
    ap.add_argument("--rss", default="10000,100000", help="corpus sizes for peak RSS ('' to skip)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="kliping-bench-") as tmp_name:
        tmp = Path(tmp_name)
        src = tmp / "corpus.jsonl"
        texts = write_corpus(src, args.docs)
        size_mb = src.stat().st_size / 1e6
        print(f"corpus: {args.docs:,} docs, {size_mb:.1f} MB, from {DEV.name}; {os.cpu_count()} cores\n")

        results: dict[str, float] = {}
        t1, cpu1 = time_subprocess(kliping_cmd(src, tmp / "out1", 1), args.repeat)
        t2, cpu2 = time_subprocess(kliping_cmd(src, tmp / "out2", 2), args.repeat)
        results["kliping run, 1 worker"] = args.docs / t1
        results["kliping run, 2 workers"] = args.docs / t2 / 2
        tl, _ = time_subprocess(
            [
                sys.executable,
                "-m",
                "kliping",
                "learn",
                str(src),
                "-o",
                str(tmp / "m.json.gz"),
                "-j",
                "1",
                "-q",
            ]
        )
        results["kliping learn, 1 worker"] = args.docs / tl

        peer_docs = texts[: args.peer_docs or args.docs]
        peer_rates = peers(peer_docs)

        one = results["kliping run, 1 worker"]
        print(f"{'tool':34} {'docs/s/core':>12} {'kliping 1 worker ÷ tool':>24}")
        for name, rate in results.items():
            print(f"{name:34} {rate:12,.0f} {'':>24}")
        for name, rate in peer_rates.items():
            print(f"{name:34} {rate:12,.0f} {one / rate:23.2f}x")
        speedup = t1 / t2
        print(
            f"\n2 workers vs 1: {speedup:.2f}x wall-clock speed-up ({t1:.1f} s -> {t2:.1f} s; target ≥ 1.8x)"
        )
        print(
            f"CPU time, 1 worker {cpu1:.1f} s, 2 workers {cpu2:.1f} s: parallel efficiency {cpu1 / cpu2:.2f}, "
            f"i.e. {2 * cpu1 / cpu2:.2f}x on two idle cores"
        )
        print(f"kliping run, 1 worker: {one:,.0f} docs/s/core (target ≥ 10,000)")

        sizes = [int(s) for s in args.rss.split(",") if s.strip()]
        if sizes:
            rss: dict[int, int] = {}
            for n in sizes:
                corpus = tmp / f"rss-{n}.jsonl"
                write_corpus(corpus, n)
                rss[n] = peak_rss_kb(kliping_cmd(corpus, tmp / f"rss-out-{n}", 1))
                corpus.unlink()
                print(f"peak RSS, kliping run --workers 1, {n:,} docs: {rss[n] / 1024:,.1f} MB")
            if len(sizes) >= 2:
                first, last = rss[sizes[0]], rss[sizes[-1]]
                print(f"RSS {sizes[-1]:,} / {sizes[0]:,} docs: {last / first:.3f} (target ≤ 1.10)")


if __name__ == "__main__":
    main()
