"""The Ray engine: the run's parallel passes on a Ray cluster, through Ray Data.

Nothing about *what* is computed lives here: the driver (:func:`kliping.run.local.run_corpus`)
plans the shards, chooses the model, keeps the done-markers, merges and writes the report, exactly
as for a local run; :class:`RayEngine` only runs the three embarrassingly parallel parts elsewhere:

- the learn pass: one Ray Data row per shard, ``map_batches`` with a callable class that counts
  the lines of a shard (:func:`kliping.run.learn.learn_shard`); the driver merges the counts in
  shard order and prunes, as locally;
- the run pass: one row per pending shard, ``map_batches`` with a callable class that builds the
  steps once per actor (:func:`kliping.run.steps.build_steps`) and processes whole shards
  (:func:`kliping.run.process.process_shard`: part file, rejects, done-marker);
- the grouping pass (``--group``): sketches per part file in parallel, the index and the
  clustering on the driver (:class:`kliping.group.StoryIndex`), then the rewrite.

Part files, rejects and done-markers are written by the actors to the output folder, so on a
multi-node cluster the output must be on a file system every node sees (see ``docs/ray.md``).
"""

from __future__ import annotations

import json
import logging
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kliping.boilerplate.learned import LearnedModel, LearnParams, LineCounts
from kliping.pipeline import Step
from kliping.read.base import ReadOptions
from kliping.run.layout import Layout
from kliping.run.learn import learn_shard
from kliping.run.local import Progress, RunError, RunOptions, concat_files, run_corpus
from kliping.run.process import process_shard
from kliping.run.shards import Shard
from kliping.run.steps import StepOptions, build_steps


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide the Ray engine runs."""

    address: str | None = None
    """``None``: reuse the Ray instance of this process if there is one, else start a local one;
    ``auto``: the running cluster this machine belongs to; ``ray://host:port``: a remote cluster."""
    num_cpus: int | None = None
    """CPUs of a local instance started here (``None``: all cores).  Ignored with an address."""
    actors: int = 0
    """Shards processed at once (one actor each); 0: ``RunOptions.workers``, else the cluster's CPUs."""


# --- Ray session ---------------------------------------------------------------------------------
def _require_ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RunError("--engine ray needs Ray: pip install 'kliping[ray]'") from exc
    return ray


class _Session:
    """Connects to (or starts) Ray; shuts down only what it started."""

    def __init__(self, options: RayOptions, progress: bool) -> None:
        self.ray = _require_ray()
        self.started = False
        if not self.ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": progress,
                "logging_level": logging.INFO if progress else logging.WARNING,
            }
            if options.address is None:
                if options.num_cpus is not None:
                    kwargs["num_cpus"] = options.num_cpus
            else:
                kwargs["address"] = options.address
            try:
                self.ray.init(**kwargs)
            except ConnectionError as exc:
                raise RunError(f"cannot reach the Ray cluster at {options.address!r}: {exc}") from exc
            self.started = True
        from ray.data import DataContext

        DataContext.get_current().enable_progress_bars = progress
        if not progress:
            logging.getLogger("ray.data").setLevel(logging.WARNING)

    def cpus(self) -> int:
        return max(1, int(self.ray.cluster_resources().get("CPU", 1)))

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()


# --- actors (callable classes for map_batches) ---------------------------------------------------
def _shards_of(batch: dict[str, Any]) -> Iterator[Shard]:
    for text in batch["shard"]:
        yield Shard.from_dict(json.loads(str(text)))


def _rows(indexes: list[int], payloads: list[bytes]) -> dict[str, Any]:
    import numpy as np

    data = np.empty(len(payloads), dtype=object)
    data[:] = payloads
    return {"index": np.asarray(indexes, dtype=np.int64), "payload": data}


class ShardRunner:
    """Builds the steps once per actor; processes whole shards (part file, rejects, done-marker)."""

    def __init__(self, step_options: StepOptions, layout: Layout, read: ReadOptions) -> None:
        self.steps: list[Step] = build_steps(step_options)
        self.layout = layout
        self.read = read

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        indexes, payloads = [], []
        for shard in _shards_of(batch):
            counters = process_shard(shard, self.steps, self.layout, self.read)
            indexes.append(shard.index)
            payloads.append(json.dumps(counters).encode())
        return _rows(indexes, payloads)


class ShardLearner:
    """Line-key counts of whole shards (the learn pass)."""

    def __init__(self, read: ReadOptions, params: LearnParams) -> None:
        self.read = read
        self.params = params

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        indexes, payloads = [], []
        for shard in _shards_of(batch):
            indexes.append(shard.index)
            payloads.append(pickle.dumps(learn_shard(shard, self.read, self.params)))
        return _rows(indexes, payloads)


class PartSketcher:
    """Grouping sketches of whole part files (pass 1 of the grouping)."""

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from kliping.group.passes import sketch_lines
        from kliping.read.formats import open_binary

        indexes, payloads = [], []
        for text in batch["shard"]:
            item = json.loads(str(text))
            path = Path(item["part"])
            with open_binary(path) as fh:
                lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip()]
            indexes.append(int(item["index"]))
            payloads.append(pickle.dumps(sketch_lines(lines, str(path))))
        return _rows(indexes, payloads)


def _map_rows(
    session: _Session,
    rows: Sequence[dict[str, Any]],
    worker: type,
    constructor_args: tuple[Any, ...],
    actors: int,
    on_result: Callable[[int, bytes], None],
) -> None:
    """One Ray Data row per task (``rows``: dicts with ``index``), ``actors`` actors of 1 CPU;
    ``on_result(index, payload)`` on the driver, in row order."""
    if not rows:
        return
    import ray.data

    items = ray.data.from_items([{"shard": json.dumps(r)} for r in rows], override_num_blocks=len(rows))
    ds = items.map_batches(
        worker,
        fn_constructor_args=constructor_args,
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=max(1, min(actors, len(rows)))),
        num_cpus=1,
    )
    results = {int(row["index"]): bytes(row["payload"]) for row in ds.iter_rows()}
    missing = sorted({int(r["index"]) for r in rows} - results.keys())
    if missing:
        raise RunError(f"the Ray engine lost the results of tasks {missing}")
    for index in sorted(results):
        on_result(index, results[index])


# --- the engine ------------------------------------------------------------------------------------
class RayEngine:
    """:class:`kliping.run.local.Engine` on Ray: connects (or starts a local instance) on creation,
    shuts down on :meth:`close` only what it started."""

    name = "ray"

    def __init__(
        self, options: RayOptions | None = None, *, workers: int = 0, progress: bool = False
    ) -> None:
        self.options = options or RayOptions()
        self.session = _Session(self.options, progress)
        self._actors = self.options.actors or (workers if workers > 0 else self.session.cpus())

    @property
    def workers(self) -> int:
        return self._actors

    def learn(
        self, shards: Sequence[Shard], read: ReadOptions, params: LearnParams, progress: bool
    ) -> LearnedModel:
        counts = LineCounts()

        def merge(_index: int, payload: bytes) -> None:
            counts.merge(pickle.loads(payload))
            counts.prune(params.max_keys)

        _map_rows(
            self.session, [s.to_dict() for s in shards], ShardLearner, (read, params), self._actors, merge
        )
        return counts.model(params)

    def process(
        self, shards: Sequence[Shard], steps: StepOptions, layout: Layout, read: ReadOptions, bar: Progress
    ) -> None:
        def done(_index: int, payload: bytes) -> None:
            bar.docs_done(int(json.loads(payload).get("docs.in", 0)))
            bar.shard_done()

        _map_rows(
            self.session,
            [s.to_dict() for s in shards],
            ShardRunner,
            (steps, layout, read),
            self._actors,
            done,
        )

    def group(self, parts: Sequence[Path], dst: Path, stories: Path, scratch: Path) -> Any:
        from kliping.group import StoryIndex, write_stories
        from kliping.group.passes import GroupReport, rewrite_file
        from kliping.read.formats import open_binary

        index = StoryIndex()

        def add(_index: int, payload: bytes) -> None:
            index.extend(pickle.loads(payload))

        rows = [{"index": i, "part": str(p)} for i, p in enumerate(parts)]
        _map_rows(self.session, rows, PartSketcher, (), self._actors, add)
        grouping = index.build()
        concat_files(parts, scratch)
        tmp = Layout.temporary(dst)
        try:
            with open_binary(tmp, "wb") as out:
                written = rewrite_file(grouping, scratch, out)
            write_stories(grouping, stories)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        tmp.replace(dst)
        return GroupReport(
            docs=len(index), stories=len(grouping), duplicates=grouping.duplicates, written=written
        )

    def close(self) -> None:
        self.session.close()


def run_corpus_ray(
    inputs: Sequence[str],
    output: str,
    options: RunOptions | None = None,
    ray_options: RayOptions | None = None,
) -> dict[str, Any]:
    """:func:`kliping.run.local.run_corpus` on Ray: same inputs, options, files and report."""
    options = options or RunOptions()
    os.environ.setdefault("RAY_DISABLE_USAGE_STATS", "1")
    engine = RayEngine(ray_options, workers=options.workers, progress=options.progress)
    return run_corpus(inputs, output, options, engine=engine)
