"""Speed of one document's clean + parse, side by side with trafilatura and jusText, one core.

    python bench/clean_speed.py [--docs 2000] [--repeat 3]

The dev set's articles (../shared/data/evalset/dev.jsonl) are replicated to --docs documents.
kliping gets the scraped text; trafilatura and jusText get the same text wrapped as HTML, one
<p> per line (what they need to run at all), jusText with its Indonesian stoplist.  Each tool runs
in this one process on one core; the best of --repeat runs is reported, in docs/s, with ratios.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "evalset" / "dev.jsonl"
TARGET = 10_000.0


def load_docs(n: int) -> list[tuple[str, str | None]]:
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    base = [("\n".join(t for _, t in r["lines"]), r.get("url")) for r in records]
    return [base[i % len(base)] for i in range(n)]


def as_html(text: str) -> str:
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    return f"<html><head><meta charset='utf-8'></head><body><article>{paras}</article></body></html>"


def best_rate(fn: Callable[[], None], n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return n / best


WARM_UP = 5


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--peer-docs", type=int, default=None, help="docs for the (slow) peers; default --docs")
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"missing {DEV}: run from a checkout with ../shared beside it")
    docs = load_docs(args.docs)
    peer_docs = docs[: args.peer_docs or args.docs]
    pages = [as_html(t) for t, _ in peer_docs]

    from kliping.article import Article
    from kliping.core import Cleaner
    from kliping.run.process import BATCH

    cleaner = Cleaner()
    for text, url in docs[:WARM_UP]:  # untimed: lazy models, compiled patterns and first-call set-up
        cleaner.clean(text, url)

    def run_kliping() -> None:
        # as `kliping run` does: batches of BATCH articles, each made from its text here
        for start in range(0, len(docs), BATCH):
            cleaner.clean_batch([Article(url=url, raw=text) for text, url in docs[start : start + BATCH]])

    def run_kliping_one() -> None:
        for text, url in docs:
            cleaner.clean(text, url)

    results: dict[str, float] = {
        "kliping clean+parse": best_rate(run_kliping, len(docs), args.repeat),
        "kliping, one clean() a doc": best_rate(run_kliping_one, len(docs), args.repeat),
    }

    try:
        import trafilatura

        def run_trafilatura() -> None:
            for page in pages:
                trafilatura.extract(page)

        results[f"trafilatura {trafilatura.__version__}"] = best_rate(
            run_trafilatura, len(pages), args.repeat
        )
    except ImportError:
        print("trafilatura not installed: pip install 'kliping[bench]'", file=sys.stderr)

    try:
        import justext

        stoplist = justext.get_stoplist("Indonesian")

        def run_justext() -> None:
            for page in pages:
                justext.justext(page, stoplist)

        results["jusText (Indonesian)"] = best_rate(run_justext, len(pages), args.repeat)
    except ImportError:
        print("jusText not installed: pip install 'kliping[bench]'", file=sys.stderr)

    base = results["kliping clean+parse"]
    print(f"{len(docs)} docs (peers: {len(pages)}), one core, best of {args.repeat}")
    print(f"{'tool':32s} {'docs/s/core':>12s} {'kliping ×':>10s}")
    for name, rate in results.items():
        print(f"{name:32s} {rate:12,.0f} {base / rate:10.1f}")
    verdict = "meets" if base >= TARGET else "BELOW"
    print(f"target {TARGET:,.0f} docs/s/core for clean+parse: {verdict}")


if __name__ == "__main__":
    main()
