"""Run the steps over one shard and write its part file, rejects and done-marker.

Free of multiprocessing: the local executor calls it in worker processes, a Ray executor can
call it in tasks.  Every record read ends up in the part file or in the rejects, counted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kliping.article import Article
from kliping.pipeline import Pipeline, Rejected, Stats, Step
from kliping.read.base import ReadOptions, Reject, excerpt
from kliping.run.layout import Layout
from kliping.run.shards import Shard, read_shard
from kliping.write.base import open_writer
from kliping.write.jsonl import JsonlWriter

#: Report progress every this many records.
PROGRESS_EVERY = 200
#: Records run through the steps together (each step over the batch, then the next: faster).
BATCH = 64


def write_json_atomic(path: Path, data: Any) -> None:
    tmp = Layout.temporary(path)
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def _step_reject(source: str, position: int, article: Article, reason: str, detail: str) -> Reject:
    text = article.raw if article.raw is not None else (article.html or "")
    return Reject(source, position, reason, detail, article.id, excerpt(text))


def process_shard(
    shard: Shard,
    steps: Sequence[Step],
    layout: Layout,
    read_options: ReadOptions,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Process ``shard`` to completion; returns its counters (also saved in its done-marker)."""
    stats = Stats()
    pipeline = Pipeline(steps)
    part, rejects_path = layout.part(shard), layout.shard_rejects(shard)
    tmp_part, tmp_rejects = layout.temporary(part), layout.temporary(rejects_path)
    writer = open_writer(tmp_part)
    rejects = JsonlWriter(tmp_rejects)
    pending = 0
    batch: list[tuple[str, int, Article]] = []

    def flush() -> None:
        outcomes = pipeline.process_batch([item for _, _, item in batch], stats)
        for (source, position, item), out in zip(batch, outcomes, strict=True):
            if isinstance(out, Article):
                writer.write(out)
                stats.incr("docs.out")
                stats.incr(f"language.{out.language or 'unknown'}")
                stats.incr(f"outlet.{out.outlet or 'unknown'}")
                continue
            if isinstance(out, Rejected):
                reject = _step_reject(source, position, item, out.reason, out.detail)
            elif isinstance(out, Exception):  # a bug or a pathological record: rejected, never lost
                reject = _step_reject(source, position, item, "error", f"{type(out).__name__}: {out}")
            else:
                reject = _step_reject(source, position, item, "dropped", "a step dropped the record")
            rejects.write_record(reject.to_dict())
            stats.incr(f"rejected.{reject.reason}")
        batch.clear()

    try:
        for source, position, item in read_shard(shard, read_options):
            stats.incr("docs.in")
            pending += 1
            if progress is not None and pending >= PROGRESS_EVERY:
                progress(pending)
                pending = 0
            if isinstance(item, Reject):
                rejects.write_record(item.to_dict())
                stats.incr(f"rejected.{item.reason}")
                continue
            batch.append((source, position, item))
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
    except BaseException:
        writer.close()
        rejects.close()
        tmp_part.unlink(missing_ok=True)
        tmp_rejects.unlink(missing_ok=True)
        raise
    writer.close()
    rejects.close()
    if progress is not None and pending:
        progress(pending)
    tmp_part.replace(part)
    tmp_rejects.replace(rejects_path)
    counters = stats.to_dict()
    write_json_atomic(layout.done(shard), {"shard": shard.to_dict(), "counters": counters})
    return counters
