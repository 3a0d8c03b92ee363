"""The Ray engine beside the local engine, on this machine, in one run.

    python bench/ray_engine.py [--docs 20000] [--repeat 1]

The corpus: the dev set's articles (../shared/data/evalset/dev.jsonl) replicated to --docs records
with unique ids, as JSONL (``id``, ``url``, ``text``).  Each setting is a full ``kliping run``
(``--learn never --no-enrich``, 2 MB shards), timed end to end (Ray's start-up included, since a
user pays it):

- local engine, 2 workers;
- Ray engine on a local Ray instance with 2 CPUs, then with 1 CPU: "cold" starts Ray inside the run
  (what one ``kliping run --engine ray`` costs), "warm" runs on an instance started beforehand (what
  each run costs on a running cluster: the scaling without Ray's start-up).

Prints docs/s for each, Ray 2 CPUs ÷ Ray 1 CPU (scaling) and Ray ÷ local (overhead), and checks
that every setting wrote the same records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "evalset" / "dev.jsonl"


def make_corpus(path: Path, n: int) -> None:
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            r = records[i % len(records)]
            text = "\n".join(t for _, t in r["lines"])
            fh.write(json.dumps({"id": f"{r['id']}-{i}", "url": r.get("url"), "text": text}) + "\n")


def digest(path: Path) -> str:
    lines = sorted(path.read_bytes().splitlines())
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:16]


def timed(fn: Callable[[], dict[str, Any]]) -> tuple[float, dict[str, Any]]:
    start = time.perf_counter()
    report = fn()
    return time.perf_counter() - start, report


def _seconds(wall: float, report: dict[str, Any]) -> float:
    """The run's own time: without Ray's start-up when the setting started Ray beforehand."""
    return float(report.get("_elapsed", wall))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=1, help="runs per setting (best wall time)")
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"missing {DEV}: run from a checkout with ../shared beside it")
    os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")
    from kliping.run.local import RunOptions, run_corpus
    from kliping.run.ray import RayOptions, run_corpus_ray
    from kliping.run.steps import StepOptions

    work = Path(tempfile.mkdtemp(prefix="kliping-ray-bench-"))
    try:
        corpus = work / "corpus.jsonl"
        make_corpus(corpus, args.docs)
        size_mb = corpus.stat().st_size / 1e6
        print(f"corpus: {args.docs:,} docs, {size_mb:.1f} MB, from dev.jsonl; {os.cpu_count()} cores")

        def options(workers: int) -> RunOptions:
            return RunOptions(
                workers=workers,
                progress=False,
                learn="never",
                force=True,
                shard_bytes=2 << 20,
                steps=StepOptions(enrich=False),
            )

        import ray

        def warm(cpus: int) -> Callable[[Path], dict[str, Any]]:
            def run(out: Path) -> dict[str, Any]:
                if ray.is_initialized():
                    ray.shutdown()
                ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level="warning")
                start = time.perf_counter()
                report = run_corpus_ray([str(corpus)], str(out), options(cpus), RayOptions())
                report["_elapsed"] = time.perf_counter() - start
                ray.shutdown()
                return report

            return run

        settings: list[tuple[str, Callable[[Path], dict[str, Any]]]] = [
            ("local engine, 2 workers", lambda out: run_corpus([str(corpus)], str(out), options(2))),
            ("local engine, 1 worker", lambda out: run_corpus([str(corpus)], str(out), options(1))),
            (
                "ray engine, 2 CPUs, cold",
                lambda out: run_corpus_ray([str(corpus)], str(out), options(2), RayOptions(num_cpus=2)),
            ),
            (
                "ray engine, 1 CPU, cold",
                lambda out: run_corpus_ray([str(corpus)], str(out), options(1), RayOptions(num_cpus=1)),
            ),
            ("ray engine, 2 CPUs, warm", warm(2)),
            ("ray engine, 1 CPU, warm", warm(1)),
        ]
        rates: dict[str, float] = {}
        digests: dict[str, str] = {}
        for name, run in settings:
            out = work / (name.replace(" ", "_").replace(",", "") + ".jsonl")
            best = min(_seconds(*timed(lambda run=run, out=out: run(out))) for _ in range(args.repeat))
            rates[name] = args.docs / best
            digests[name] = digest(out)
            print(f"  {name:<26} {rates[name]:>9,.0f} docs/s  ({best:.1f} s)", flush=True)
        print()
        print(f"{'setting':<28}{'docs/s':>10}")
        for name, rate in rates.items():
            print(f"{name:<28}{rate:>10,.0f}")
        print()
        loc2, loc1 = rates["local engine, 2 workers"], rates["local engine, 1 worker"]
        print(f"local 2 workers / 1 worker: {loc2 / loc1:.2f}x")
        for kind in ("cold", "warm"):
            r2, r1 = rates[f"ray engine, 2 CPUs, {kind}"], rates[f"ray engine, 1 CPU, {kind}"]
            print(
                f"ray ({kind}) 2 CPUs / 1 CPU: {r2 / r1:.2f}x;  "
                f"ray ({kind}) 2 CPUs / local 2 workers: {r2 / loc2:.2f}x"
            )
        same = len(set(digests.values())) == 1
        print(f"same records from every setting: {'yes' if same else 'NO ' + str(digests)}")
        if not same:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
