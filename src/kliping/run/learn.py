"""The learning pass over shards: line-key counts per domain (free of multiprocessing)."""

from __future__ import annotations

from collections.abc import Callable

from kliping.boilerplate.learned import LearnParams, LineCounts
from kliping.outlets import registered_domain
from kliping.pipeline import Rejected, Stats
from kliping.read.base import ReadOptions, Reject
from kliping.run.shards import Shard, read_shard
from kliping.run.steps import HtmlStep


def learn_shard(
    shard: Shard,
    read_options: ReadOptions,
    params: LearnParams,
    progress: Callable[[int], None] | None = None,
) -> LineCounts:
    """Counts of one shard (records that cannot be read are skipped here; the run rejects them)."""
    counts = LineCounts()
    html = HtmlStep()
    stats = Stats()
    pending = 0
    for i, (_source, _pos, item) in enumerate(read_shard(shard, read_options)):
        pending += 1
        if progress is not None and pending >= 500:
            progress(pending)
            pending = 0
        if isinstance(item, Reject):
            continue
        if item.raw is None:
            try:
                html.process(item, stats)
            except (Rejected, ImportError):
                continue
        if item.raw is not None:
            counts.add(registered_domain(item.url), item.raw, params)
        if i % 20_000 == 19_999:
            counts.prune(params.max_keys)
    if progress is not None and pending:
        progress(pending)
    counts.prune(params.max_keys)
    return counts
