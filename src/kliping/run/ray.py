"""The Ray executor: the local executor's run, with the per-shard work spread over a Ray cluster.

Nothing about *what* is computed lives here: the shard plan (:func:`plan_shards`), the reader
(:func:`read_shard`), the step list (:func:`build_steps`), the per-shard worker
(:func:`process_shard`, which writes the part file, the shard's rejects and its done-marker with
the same writers), the learning counts (:func:`learn_shard`), the stats report and the final
merge are the local executor's.  Only *where* the shards run changes:

- the learn pass: one Ray Data row per shard, ``map_batches`` with a callable class that counts
  the lines of a shard; the driver merges the counts in shard order and prunes (as locally);
- the run pass: one row per pending shard, ``map_batches`` with a callable class that builds the
  steps once per actor and processes whole shards; the per-shard counters come back to the
  driver, which merges them and writes the report;
- the grouping pass (``--group``): sketches per part file in parallel, the index and the
  clustering on the driver (:class:`kliping.group.StoryIndex`), then the rewrite.

Part files, rejects and done-markers are written by the actors to the output folder, so on a
multi-node cluster the output must be on a file system every node sees (see ``docs/ray.md``).
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from kliping.boilerplate.learned import (
    DEFAULT_MODEL,
    LearnedModel,
    LearnParams,
    LineCounts,
    default_model_available,
    load_model,
)
from kliping.pipeline import Step
from kliping.read.base import InputError, ReadOptions
from kliping.resources import data_path
from kliping.run.layout import Layout
from kliping.run.learn import learn_shard
from kliping.run.local import (
    RunError,
    RunOptions,
    _check_writer,
    _concat,
    _input_fingerprint,
    _merge_into_writer,
    _merge_parquet,
    _prepare,
    _total_bytes,
)
from kliping.run.process import process_shard, write_json_atomic
from kliping.run.shards import Shard, plan_shards
from kliping.run.stats import build_report, merge_counters
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
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": progress}
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

    ds = ray.data.from_items([{"shard": json.dumps(r)} for r in rows], override_num_blocks=len(rows))
    ds = ds.map_batches(
        worker,
        fn_constructor_args=constructor_args,
        batch_size=1,
        batch_format="numpy",
        concurrency=max(1, min(actors, len(rows))),
        num_cpus=1,
    )
    results = {int(row["index"]): bytes(row["payload"]) for row in ds.iter_rows()}
    missing = sorted({int(r["index"]) for r in rows} - results.keys())
    if missing:
        raise RunError(f"the Ray engine lost the results of tasks {missing}")
    for index in sorted(results):
        on_result(index, results[index])


# --- passes --------------------------------------------------------------------------------------
def learn_corpus_ray(
    session: _Session, shards: Sequence[Shard], read: ReadOptions, params: LearnParams, actors: int
) -> LearnedModel:
    """The learning pass on the cluster: counts per shard in actors, merged (in shard order) and
    pruned on the driver, exactly as :func:`kliping.run.local.learn_corpus` does."""
    counts = LineCounts()

    def merge(_index: int, payload: bytes) -> None:
        counts.merge(pickle.loads(payload))
        counts.prune(params.max_keys)

    _map_rows(session, [s.to_dict() for s in shards], ShardLearner, (read, params), actors, merge)
    return counts.model(params)


def _group_pass_ray(
    session: _Session, parts: Sequence[Path], dst: Path, layout: Layout, actors: int
) -> dict[str, Any]:
    """Grouping with the sketches computed per part file on the cluster; the index, clustering and
    rewrite on the driver (same result as :func:`kliping.group.group_file` on the merged parts)."""
    from kliping.group import StoryIndex, write_stories
    from kliping.group.passes import rewrite_file
    from kliping.read.formats import open_binary

    index = StoryIndex()
    rows = [{"index": i, "part": str(p)} for i, p in enumerate(parts)]
    _map_rows(
        session, rows, PartSketcher, (), actors, lambda _i, payload: index.extend(pickle.loads(payload))
    )
    grouping = index.build()
    merged = layout.work / f"all{layout.part_suffix}"
    _concat(parts, merged)
    stories = layout.stats.with_name(layout.stats.name.replace(".stats.json", ".stories.jsonl"))
    tmp = Layout.temporary(dst)
    try:
        with open_binary(tmp, "wb") as out:
            rewrite_file(grouping, merged, out)
        write_stories(grouping, stories)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(dst)
    return {"stories_file": str(stories), "stories": len(grouping), "duplicates": grouping.duplicates}


def _finish_ray(
    session: _Session, layout: Layout, shards: Sequence[Shard], options: RunOptions, actors: int
) -> dict[str, Any] | None:
    """:func:`kliping.run.local._finish` with the grouping pass on the cluster."""
    layout.rejects.parent.mkdir(parents=True, exist_ok=True)
    _concat((layout.shard_rejects(s) for s in shards), layout.rejects)
    if not layout.single_file:
        return None
    parts = [layout.part(s) for s in shards]
    group_report = None
    if options.group:
        grouped = layout.work / f"grouped{layout.part_suffix}"
        group_report = _group_pass_ray(session, parts, grouped, layout, actors)
        parts = [grouped]
    kind = layout.output.name.lower()
    if kind.endswith((".db", ".sqlite")):
        _merge_into_writer(parts, layout.output)
    elif kind.endswith(".parquet"):
        _merge_parquet(parts, layout.output)
    elif len(parts) == 1 and options.group:
        parts[0].replace(layout.output)
    else:
        _concat(parts, layout.output)
    shutil.rmtree(layout.work)
    return group_report


def run_corpus_ray(
    inputs: Sequence[str],
    output: str,
    options: RunOptions | None = None,
    ray_options: RayOptions | None = None,
) -> dict[str, Any]:
    """:func:`kliping.run.local.run_corpus` on Ray: same inputs, options, files and report."""
    options = options or RunOptions()
    ray_options = ray_options or RayOptions()
    started = time.perf_counter()
    if not inputs:
        raise InputError("no input given")
    shards = plan_shards(inputs, options.shard_bytes)
    layout = Layout.for_output(output, options.part_format, options.rejects)
    _check_writer(layout)
    if options.group and not (layout.single_file and layout.part_suffix.startswith(".jsonl")):
        raise RunError("--group needs a single JSONL or SQLite output (-o out.jsonl, out.jsonl.gz or out.db)")
    key_data = {
        "inputs": _input_fingerprint(inputs),
        "shards": [s.to_dict() for s in shards],
        "read": asdict(options.read),
        "steps": asdict(options.steps),
        "learn": options.learn,
        "default_model": options.default_model,
        "layout": str(layout.part_suffix),
    }
    key = hashlib.sha256(json.dumps(key_data, sort_keys=True, default=str).encode()).hexdigest()
    session = _Session(ray_options, options.progress)
    try:
        actors = ray_options.actors or (options.workers if options.workers > 0 else session.cpus())
        _prepare(layout, {"key": key, **key_data}, options)

        # --- the boilerplate model: given, learned from this input, or the shipped default -----
        step_options = options.steps
        model_note: str | None = None
        learned_info: dict[str, Any] | None = None
        if not step_options.model_paths:
            paths: list[str] = []
            learned_path = layout.control / "learned-model.json.gz"
            wants_learning = options.learn == "always" or (
                options.learn == "auto" and _total_bytes(shards) >= options.learn_min_bytes
            )
            if wants_learning:
                if learned_path.exists():
                    model = load_model(learned_path)
                else:
                    model = learn_corpus_ray(session, shards, options.read, options.learn_params, actors)
                    model.save(learned_path)
                learned_info = {**model.info, "boilerplate_keys": model.size}
                paths.append(str(learned_path))
                model_note = f"learned from the input ({learned_path})"
            if options.default_model and default_model_available():
                paths.append(str(data_path(DEFAULT_MODEL)))
                model_note = (model_note + " + shipped default") if model_note else "shipped default"
            step_options = replace(step_options, model_paths=tuple(paths))
        else:
            model_note = ", ".join(step_options.model_paths)

        # --- the shards not done yet: counters come back to the driver -------------------------
        by_index: dict[int, dict[str, int]] = {}
        pending = []
        for s in shards:
            done = layout.done(s)
            if done.exists():
                by_index[s.index] = json.loads(done.read_text(encoding="utf-8"))["counters"]
            else:
                pending.append(s)

        def collect(index: int, payload: bytes) -> None:
            by_index[index] = json.loads(payload)

        _map_rows(
            session,
            [s.to_dict() for s in pending],
            ShardRunner,
            (step_options, layout, options.read),
            actors,
            collect,
        )
        counters = merge_counters([by_index[s.index] for s in shards])
        if learned_info is not None and layout.single_file:
            kept = layout.stats.with_name(
                layout.stats.name.replace(".stats.json", ".boilerplate-model.json.gz")
            )
            shutil.copyfile(layout.control / "learned-model.json.gz", kept)
            model_note = f"learned from the input ({kept})" + (
                " + shipped default" if len(step_options.model_paths) > 1 else ""
            )
        grouping = _finish_ray(session, layout, shards, options, actors)
    finally:
        session.close()
    report = build_report(
        counters,
        time.perf_counter() - started,
        output=str(layout.output),
        rejects_file=str(layout.rejects),
        workers=actors,
        shards=len(shards),
        resumed_shards=len(shards) - len(pending),
        model=model_note,
        learned=learned_info,
        grouping=grouping,
        engine="ray",
    )
    write_json_atomic(layout.stats, report)
    return report
