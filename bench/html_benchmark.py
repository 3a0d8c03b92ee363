"""Article-body extraction: kliping vs trafilatura on the public article-extraction benchmark.

Runs, in one process and on the same pages:

* ``kliping``: :class:`kliping.extract.html.ExtractStep` then :class:`kliping.core.CleanStep`; the
  body scored is the cleaned ``Article.body`` (the benchmark's ground truth has no title); also
  ``kliping (fast)``, with ``ExtractStep(fast=True)``;
* ``trafilatura`` (the version kliping uses) with its defaults, and with the settings that score
  best on this benchmark (``favor_precision=True, include_comments=False``).

Metric (the benchmark's, see ../shared/data/README.md): word tokens (``\\w+``), 4-token shingles
with counts; per page TP/FP/FN normalised by their sum, summed over pages; P = TP/(TP+FP),
R = TP/(TP+FN), F1.  Speed is pages per second over the whole set (HTML bytes in, text out;
decompression and one warm-up page outside the timing).  Exit status 1 when kliping's F1 (default mode) is
below the best trafilatura's or below ``--min-f1`` (full set only).

    python bench/html_benchmark.py            # all 181 pages
    python bench/html_benchmark.py --docs 40  # the first 40 pages (by key)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    tp = fp = fn = 0.0
    for key, text in truth.items():
        a, b, c = page_counts(text, predicted.get(key, ""))
        tp, fp, fn = tp + a, fp + b, fn + c
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(
    pages: dict[str, bytes], urls: dict[str, str], extract: Callable[[bytes, str], str]
) -> tuple[dict[str, str], float]:
    out: dict[str, str] = {}
    first = next(iter(pages))
    extract(pages[first], urls[first])  # warm-up: lazy imports and first-call set-up are not timed
    start = time.perf_counter()
    for key, html in pages.items():
        out[key] = extract(html, urls[key])
    return out, len(pages) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--docs", type=int, default=None, help="only the first N pages (by key)")
    parser.add_argument("--min-f1", type=float, default=0.965, help="kliping's F1 target (full set)")
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    args = parser.parse_args(argv)

    import trafilatura

    from kliping.article import Article
    from kliping.core import CleanStep
    from kliping.extract.html import ExtractStep, to_text
    from kliping.pipeline import Pipeline, Rejected, Stats

    truth_all = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth_all)[: args.docs] if args.docs else sorted(truth_all)
    truth = {k: truth_all[k]["articleBody"] for k in keys}
    urls = {k: truth_all[k]["url"] for k in keys}
    pages = {k: gzip.decompress((args.data / "html" / f"{k}.html.gz").read_bytes()) for k in keys}

    stats = Stats()
    rejected: set[str] = set()

    def kliping(fast: bool) -> Callable[[bytes, str], str]:
        pipeline = Pipeline([ExtractStep(fast=fast), CleanStep()])

        def body(html: bytes, url: str) -> str:
            try:
                article = pipeline.process(Article(url=url, html=to_text(html)), stats)
            except Rejected as exc:
                rejected.add(f"{url}: {exc}")
                return ""
            return article.body if article is not None else ""

        return body

    def trafilatura_default(html: bytes, url: str) -> str:
        return trafilatura.extract(html, url=url) or ""

    def trafilatura_best(html: bytes, url: str) -> str:
        return trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or ""

    systems: list[tuple[str, Callable[[bytes, str], str]]] = [
        ("kliping", kliping(fast=False)),
        ("kliping (fast)", kliping(fast=True)),
        ("trafilatura (defaults)", trafilatura_default),
        ("trafilatura (favor_precision, no comments)", trafilatura_best),
    ]
    results: dict[str, dict[str, float]] = {}
    for name, fn in systems:
        predicted, speed = run(pages, urls, fn)
        p, r, f = score(truth, predicted)
        results[name] = {"precision": p, "recall": r, "f1": f, "pages_per_s": speed}

    print(f"article-extraction-benchmark: {len(keys)} pages, trafilatura {trafilatura.__version__}")
    print(f"{'system':<44} {'precision':>9} {'recall':>7} {'F1':>7} {'pages/s':>8}")
    for name, res in results.items():
        print(
            f"{name:<44} {res['precision']:>9.4f} {res['recall']:>7.4f} {res['f1']:>7.4f} {res['pages_per_s']:>8.1f}"
        )
    kl = results["kliping"]
    best_name = max((n for n in results if not n.startswith("kliping")), key=lambda n: results[n]["f1"])
    best = results[best_name]
    print(
        f"kliping / {best_name}: F1 {kl['f1'] / best['f1']:.4f}x, "
        f"speed {kl['pages_per_s'] / best['pages_per_s']:.2f}x"
    )
    default = results["trafilatura (defaults)"]
    print(f"kliping / trafilatura (defaults): speed {kl['pages_per_s'] / default['pages_per_s']:.2f}x")
    fast = results["kliping (fast)"]
    print(
        f"kliping (fast) / {best_name}: F1 {fast['f1'] / best['f1']:.4f}x, "
        f"speed {fast['pages_per_s'] / best['pages_per_s']:.2f}x"
    )
    if rejected:
        print(f"kliping rejected {len(rejected)} pages:", *sorted(rejected), sep="\n  ")
    if args.json:
        args.json.write_text(json.dumps({"pages": len(keys), "results": results}, indent=2))

    if args.docs is None:
        ok = kl["f1"] >= best["f1"] and kl["f1"] >= args.min_f1
        print("PASS" if ok else f"FAIL: kliping F1 must be >= {best['f1']:.4f} and >= {args.min_f1}")
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
