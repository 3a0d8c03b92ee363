"""Speed of clean + parse + enrich against clean + parse alone, docs/s on one core.

    python bench/enrich_speed.py [--docs 2000] [--repeat 3] [--dates-only]

The dev set's articles (../shared/data/evalset/dev.jsonl) are replicated to --docs documents and
run in this one process (one core).  Both pipelines clean every document from its text (no
caching between runs); the enrich run also fills entities, quotes and dates.  The best of
--repeat runs is printed in docs/s, with the ratio enrich/clean and the target (2,000 docs/s).
"enrich alone" times enrich by itself on the articles cleaned once beforehand (steadier on a busy
machine than the derived figure, which is the difference of two noisy timings).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "evalset" / "dev.jsonl"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean_speed import best_rate, load_docs  # noqa: E402  (the same corpus and timing as the clean bench)

TARGET = 2000.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dates-only", action="store_true", help="enrich without entities and quotes")
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"missing {DEV}: run from a checkout with ../shared beside it")
    docs = load_docs(args.docs)

    from kliping.article import Article
    from kliping.core import Cleaner, CleanStep
    from kliping.enrich import EnrichStep, enrich
    from kliping.pipeline import Pipeline
    from kliping.run.process import BATCH

    cleaner = Cleaner()
    enrich(cleaner.clean("Warm up: Presiden Joko Widodo di Jakarta, Rabu, 5 Oktober 2022.", None))
    with_entities = not args.dates_only

    def run_clean() -> None:
        for text, url in docs:
            cleaner.clean(text, url)

    def run_enrich() -> None:
        for text, url in docs:
            enrich(cleaner.clean(text, url), entities=with_entities)

    pipeline = Pipeline([CleanStep(), EnrichStep()])

    def run_pipeline() -> None:
        # what `kliping run` does in each worker: batches of BATCH records through the steps
        for start in range(0, len(docs), BATCH):
            pipeline.process_batch([Article(url=url, raw=text) for text, url in docs[start : start + BATCH]])

    cleaned = [cleaner.clean(text, url) for text, url in docs]

    def run_enrich_alone() -> None:
        for article in cleaned:  # enrich replaces entities, quotes and dates: nothing carries over
            enrich(article, entities=with_entities)

    clean_rate = best_rate(run_clean, len(docs), args.repeat)
    enrich_rate = best_rate(run_enrich, len(docs), args.repeat)
    alone_rate = best_rate(run_enrich_alone, len(docs), args.repeat)
    pipeline_rate = best_rate(run_pipeline, len(docs), args.repeat) if with_entities else enrich_rate
    label = "clean+parse+enrich" + (" (dates only)" if args.dates_only else "")
    print(f"{len(docs)} docs, best of {args.repeat}, one core")
    print(f"{'clean+parse':<36}{clean_rate:>10.0f} docs/s")
    print(f"{label:<36}{enrich_rate:>10.0f} docs/s")
    print(f"{'ratio enrich/clean':<36}{enrich_rate / clean_rate:>10.2f}")
    print(f"{'enrich alone (derived)':<36}{1 / (1 / enrich_rate - 1 / clean_rate):>10.0f} docs/s")
    print(
        f"{'enrich alone (pre-cleaned articles)':<36}{alone_rate:>10.0f} docs/s  ({1e6 / alone_rate:.0f} µs/doc)"
    )
    if with_entities:
        print(
            f"{'clean+parse+enrich, as kliping run':<36}{pipeline_rate:>10.0f} docs/s  (batches of {BATCH})"
        )
    verdict = "meets" if pipeline_rate >= TARGET else "BELOW"
    print(f"target {TARGET:.0f} docs/s/core for clean+parse+enrich: {verdict}")


if __name__ == "__main__":
    main()
