"""Store benchmark: indexing speed, then search latency through the HTTP API on loopback.

    python bench/store_search.py [--docs 100000] [--searches 1000] [--keep DIR]

Builds a store of --docs articles: perturbed copies of the shipped samples, the seed and the
dev set (cleaned by kliping), with words swapped for invented Indonesian-looking words (affixed,
so the stemmer sees new forms), shuffled paragraphs, other outlets and dates.  Indexing is timed
on ``Store.add`` alone (making the copies is not timed), then the FTS optimize step.  Then it
starts a real server (``kliping serve`` = uvicorn) on a free loopback port and sends --searches
``GET /api/search`` requests, one at a time over a keep-alive connection (Python's http.client),
with a query mix drawn from the corpus: single words in other affixed forms, two-word queries,
phrases, rare invented words.  Prints p50/p95/p99 latency and the targets (p95 < 20 ms,
indexing >= 5,000 docs/s).  No peers: nothing else indexes Indonesian word forms this way.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from kliping import Article, clean  # noqa: E402
from kliping.store.sqlite import Store  # noqa: E402

OUTLETS = [
    "Tempo",
    "Kompas",
    "Detik",
    "Antara",
    "CNN Indonesia",
    "Liputan6",
    "Tribunnews",
    "Republika",
    "Kumparan",
    "The Jakarta Post",
    "Kabar Priangan",
    "Warta Kita",
]
PREFIXES = ["", "", "me", "mem", "men", "meng", "di", "ber", "ter", "pe", "pen", "per", "ke"]
SUFFIXES = ["", "", "", "kan", "an", "i", "nya", "lah"]
SYLLABLES = [c + v for c in "bcdgjklmnprstw" for v in "aiueo"] + ["ng", "ny", "ar", "an", "ur"]


def base_articles() -> list[Article]:
    """Cleaned samples, seed and dev-set articles (whatever of them this checkout has)."""
    texts: list[tuple[str, str | None, str]] = []
    samples = REPO / "samples" / "articles.jsonl"
    if samples.exists():
        for line in samples.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            texts.append((r["text"], r.get("url"), r["id"]))
    seed = SHARED / "seeds" / "000_a4f4262280191b67.txt"
    if seed.exists():
        texts.append((seed.read_text(encoding="utf-8"), None, "seed"))
    dev = SHARED / "data" / "evalset" / "dev.jsonl"
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            texts.append(("\n".join(t for _, t in r["lines"]), r.get("url"), r["id"]))
    if not texts:
        raise SystemExit("no base articles: neither samples/ nor ../shared is here")
    return [clean(text, url=url, id=aid) for text, url, aid in texts]


def invented_roots(rng: random.Random, n: int) -> list[str]:
    roots: set[str] = set()
    while len(roots) < n:
        roots.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(roots)


def copies(base: list[Article], n: int, roots: list[str], seed: int) -> Iterator[Article]:
    """``n`` perturbed copies of the base articles (deterministic for a seed)."""
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(roots))]  # Zipf-like use of the invented words
    for i in range(n):
        src = base[i % len(base)]
        paragraphs = src.body.split("\n")
        if len(paragraphs) > 2 and rng.random() < 0.5:
            head, tail = paragraphs[:1], paragraphs[1:]
            rng.shuffle(tail)
            paragraphs = head + tail
        words_used = rng.choices(roots, weights, k=12)
        out = []
        for p in paragraphs:
            words = p.split(" ")
            for _ in range(max(1, len(words) // 15)):
                w = rng.choice(words_used)
                words[rng.randrange(len(words))] = rng.choice(PREFIXES) + w + rng.choice(SUFFIXES)
            out.append(" ".join(words))
        title = src.title or out[0][:80]
        yield Article(
            id=f"bench-{i:07d}",
            url=f"https://news{i % 97}.example/read/{i}",
            outlet=OUTLETS[rng.randrange(len(OUTLETS))],
            title=f"{title} {rng.choice(words_used)}",
            published=f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            language=src.language,
            authors=list(src.authors),
            agencies=list(src.agencies),
            body="\n".join(out),
            removed=list(src.removed),
            entities=list(src.entities),
            story=f"bench-story-{i % (n // 3 + 1)}" if rng.random() < 0.2 else None,
        )


def queries(base: list[Article], roots: list[str], n: int, seed: int) -> list[str]:
    """A mix: corpus words (some re-affixed), pairs, phrases, invented words; about 5% match nothing."""
    rng = random.Random(seed + 1)
    vocab = sorted({w.strip('.,"()') for a in base for w in a.body.split() if len(w.strip('.,"()')) > 4})
    out = []
    for i in range(n):
        kind = i % 6
        if kind in (0, 1):
            out.append(rng.choice(vocab))
        elif kind == 2:
            out.append(f"{rng.choice(vocab)} {rng.choice(vocab)}")
        elif kind == 3:
            words = rng.choice(base).body.split()
            start = rng.randrange(max(1, len(words) - 2))
            out.append('"' + " ".join(words[start : start + 2]) + '"')
        elif kind == 4:
            out.append(rng.choice(PREFIXES) + rng.choice(roots) + rng.choice(SUFFIXES))
        else:
            out.append(f"{rng.choice(vocab)} -{rng.choice(vocab)}" if rng.random() < 0.8 else "zzqx" + str(i))
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(sorted_values: list[float], p: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, round(p / 100 * (len(sorted_values) - 1)))]


def build(db: Path, docs: int, vocab: int, seed: int) -> dict[str, float]:
    base = base_articles()
    roots = invented_roots(random.Random(seed), vocab)
    timed = cpu = 0.0
    stream = copies(base, docs, roots, seed)
    with Store(db) as store:
        while True:
            batch = [a for _, a in zip(range(5000), stream, strict=False)]
            if not batch:
                break
            start, start_cpu = time.perf_counter(), time.process_time()
            store.add(batch)
            timed += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
        start = time.perf_counter()
        store.optimize()
        optimize = time.perf_counter() - start
    return {"docs": docs, "add_s": timed, "add_cpu_s": cpu, "optimize_s": optimize, "base": len(base)}


def search_latency(db: Path, qs: list[str]) -> tuple[list[float], int, int]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kliping", "serve", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            try:
                conn.request("GET", "/healthz")
                conn.getresponse().read()
                break
            except OSError:
                conn.close()
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(
                        "the server did not start: " + (proc.stderr.read().decode() if proc.stderr else "")
                    ) from None
                time.sleep(0.2)
        for q in qs[:20]:  # warm the page cache and the server's connections
            conn.request("GET", "/api/search?" + urllib.parse.urlencode({"q": q}))
            conn.getresponse().read()
        times, found, errors = [], 0, 0
        for q in qs:
            start = time.perf_counter()
            conn.request("GET", "/api/search?" + urllib.parse.urlencode({"q": q}))
            response = conn.getresponse()
            body = response.read()
            times.append(time.perf_counter() - start)
            if response.status != 200:
                errors += 1
            elif json.loads(body)["total"]:
                found += 1
        conn.close()
        return times, found, errors
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=1000)
    parser.add_argument("--vocab", type=int, default=20_000, help="invented word roots mixed into the copies")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the store in this folder and keep it")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="kliping-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.db"
    db.unlink(missing_ok=True)
    built = build(db, args.docs, args.vocab, args.seed)
    rate = built["docs"] / built["add_s"]
    rate_all = built["docs"] / (built["add_s"] + built["optimize_s"])
    size = db.stat().st_size / 1e6
    print(f"store: {args.docs} docs from {built['base']:.0f} base articles, {size:.0f} MB")
    print(
        f"indexing: {rate:,.0f} docs/s (add {built['add_s']:.1f} s; with optimize {built['optimize_s']:.1f} s: "
        f"{rate_all:,.0f} docs/s)  target >= 5,000 docs/s  {'OK' if rate >= 5000 else 'MISSED'}"
    )
    # CPU time of this process (both of Store.add's threads) while adding: the part of the
    # wall time that does not depend on what else the machine is running
    print(
        f"indexing CPU: {built['add_cpu_s'] / built['docs'] * 1e6:.0f} us/doc "
        f"({built['docs'] / built['add_cpu_s']:,.0f} docs per CPU-second); load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )

    qs = queries(
        base_articles(), invented_roots(random.Random(args.seed), args.vocab), args.searches, args.seed
    )
    times, found, errors = search_latency(db, qs)
    ms = sorted(t * 1000 for t in times)
    p50, p95, p99 = (percentile(ms, p) for p in (50, 95, 99))
    print(
        f"search over HTTP ({len(ms)} queries, {found} with results, {errors} errors): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms, max {ms[-1]:.1f} ms  "
        f"target p95 < 20 ms  {'OK' if p95 < 20 else 'MISSED'}"
    )
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
