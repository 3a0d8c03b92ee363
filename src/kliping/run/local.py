"""The local executor: shards over all cores with multiprocessing (spawn-safe).

Each worker process builds the step list once (:func:`kliping.run.steps.build_steps`) and
processes whole shards (:func:`kliping.run.process.process_shard`); the parent only plans,
tracks done-markers, shows progress and merges.  ``workers=1`` runs in this process.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import multiprocessing as mp
import os
import queue
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

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
from kliping.run.process import process_shard, write_json_atomic
from kliping.run.shards import SHARD_BYTES, Shard, plan_shards
from kliping.run.stats import build_report, merge_counters
from kliping.run.steps import StepOptions, build_steps

#: Inputs at least this large are learned from in a first pass (``learn="auto"``).
LEARN_MIN_BYTES = 50 << 20


class RunError(Exception):
    """A run that cannot start or finish (existing output, changed inputs on --resume ...)."""


@dataclass(frozen=True)
class RunOptions:
    workers: int = 0
    """0: all cores."""
    resume: bool = False
    force: bool = False
    rejects: str | None = None
    part_format: str = "jsonl"
    shard_bytes: int = SHARD_BYTES
    read: ReadOptions = field(default_factory=ReadOptions)
    steps: StepOptions = field(default_factory=StepOptions)
    learn: str = "auto"
    """``auto``: learn from the input when it is ≥ ``learn_min_bytes`` (and no model is given);
    ``always``, ``never``."""
    learn_min_bytes: int = LEARN_MIN_BYTES
    learn_params: LearnParams = field(default_factory=LearnParams)
    default_model: bool = True
    """Use the model shipped with kliping when no other model applies."""
    progress: bool = True
    group: bool = False
    """Near-duplicate grouping pass after the run (:mod:`kliping.group`)."""
    drop_duplicates: bool = False
    """With ``group``: leave every copy but the first of a story out of the output (each one goes
    to the rejects as ``duplicate``, naming the record it copies)."""

    @property
    def n_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


# --- worker side ---------------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(
    step_options: StepOptions | None, layout: Layout | None, read: ReadOptions, progress: Any
) -> None:
    _WORKER.update(layout=layout, read=read, progress=progress)
    _WORKER["steps"] = build_steps(step_options) if step_options is not None else None


def _report(n: int) -> None:
    q = _WORKER.get("progress")
    if callable(q):
        q(n)
    elif q is not None:
        q.put(n)


def _run_task(shard: Shard) -> tuple[int, dict[str, int]]:
    steps: list[Step] = _WORKER["steps"]
    return shard.index, process_shard(shard, steps, _WORKER["layout"], _WORKER["read"], _report)


def _learn_task(args: tuple[Shard, LearnParams]) -> LineCounts:
    shard, params = args
    return learn_shard(shard, _WORKER["read"], params, _report)


# --- parent side ---------------------------------------------------------------------------------
class Progress:
    def __init__(self, enabled: bool, label: str, shards: int) -> None:
        self.enabled = enabled
        self.docs = 0
        self.start = time.perf_counter()
        self._bar: Any = None
        if enabled:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total} shards"),
                TextColumn("{task.fields[docs]:,} docs"),
                TextColumn("{task.fields[rate]:,.0f} docs/s"),
                TimeElapsedColumn(),
                transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task(label, total=shards, docs=0, rate=0.0)

    def docs_done(self, n: int) -> None:
        self.docs += n
        if self._bar is not None:
            rate = self.docs / max(time.perf_counter() - self.start, 1e-9)
            self._bar.update(self._task, docs=self.docs, rate=rate)

    def shard_done(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def skip(self, shards: int) -> None:
        """Shards already done (on --resume)."""
        if self._bar is not None:
            self._bar.update(self._task, completed=shards)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _parallel(
    fn: Callable[[Any], Any],
    tasks: Sequence[Any],
    workers: int,
    initargs: tuple[Any, ...],
    progress: Progress,
    on_result: Callable[[Any], None],
) -> None:
    """Run ``fn`` over ``tasks`` (in this process for one worker, else in a spawn pool)."""
    if not tasks:
        return
    if workers <= 1 or len(tasks) == 1:
        _init_worker(initargs[0], initargs[1], initargs[2], progress.docs_done)
        try:
            for task in tasks:
                on_result(fn(task))
                progress.shard_done()
        finally:
            _WORKER.clear()
        return
    ctx = mp.get_context("spawn")
    q: Any = ctx.Queue()
    with ctx.Pool(min(workers, len(tasks)), initializer=_init_worker, initargs=(*initargs, q)) as pool:
        results = pool.imap_unordered(fn, tasks)
        remaining = len(tasks)
        while remaining:
            try:
                result = results.next(timeout=0.2)
            except mp.TimeoutError:
                result = None
            else:
                on_result(result)
                progress.shard_done()
                remaining -= 1
            _drain(q, progress)
        _drain(q, progress)


def _drain(q: Any, progress: Progress) -> None:
    while True:
        try:
            progress.docs_done(q.get_nowait())
        except queue.Empty:
            return


def _input_fingerprint(inputs: Sequence[str]) -> list[dict[str, Any]]:
    out = []
    for p in inputs:
        path = Path(p)
        st = path.stat()
        out.append(
            {
                "path": str(path.resolve()),
                "size": st.st_size if path.is_file() else None,
                "mtime": st.st_mtime_ns,
            }
        )
    return out


def _prepare(layout: Layout, manifest: dict[str, Any], options: RunOptions) -> None:
    """Create the work folder, or check it on --resume; refuse to overwrite without --force."""
    existing = layout.manifest.exists() or (layout.single_file and layout.output.exists())
    if existing and options.force:
        if layout.single_file:
            shutil.rmtree(layout.work, ignore_errors=True)
        else:
            shutil.rmtree(layout.control, ignore_errors=True)
            for old in layout.work.glob("part-*"):
                old.unlink()
    elif existing and not options.resume:
        raise RunError(f"{layout.output} exists: add --resume to continue that run, or --force to start over")
    elif layout.manifest.exists():
        old = json.loads(layout.manifest.read_text(encoding="utf-8"))
        if old.get("key") != manifest["key"]:
            raise RunError(
                f"{layout.output}: the inputs or options differ from the run being resumed; "
                "use --force to start over"
            )
    elif not layout.single_file and layout.work.exists() and any(layout.work.glob("part-*")):
        raise RunError(f"{layout.work} holds part files of another run; use --force to start over")
    layout.control.mkdir(parents=True, exist_ok=True)
    for stale in [*layout.work.glob("tmp-*"), *layout.control.glob("tmp-*")]:
        stale.unlink(missing_ok=True)
    write_json_atomic(layout.manifest, manifest)


def _total_bytes(shards: Iterable[Shard]) -> int:
    total = 0
    for s in shards:
        paths = s.files or (s.path,)
        for p in paths:
            size = Path(p).stat().st_size
            total += (min(s.end, size) if s.end is not None else size) - s.start if not s.files else size
    return total


def learn_corpus(
    shards: Sequence[Shard],
    read: ReadOptions,
    params: LearnParams,
    workers: int,
    progress: bool = True,
) -> LearnedModel:
    """The learning pass: counts per shard on all cores, merged and pruned here."""
    counts = LineCounts()

    def merge(part: LineCounts) -> None:
        counts.merge(part)
        counts.prune(params.max_keys)

    bar = Progress(progress, "learn", len(shards))
    try:
        tasks = [(s, params) for s in shards]
        _parallel(_learn_task, tasks, workers, (None, None, read), bar, merge)  # learning writes nothing
    finally:
        bar.close()
    return counts.model(params)


class Engine(Protocol):
    """Where the passes of a run execute.  The driver (:func:`run_corpus`) plans the shards, keeps
    the done-markers, the model, the merge and the report; an engine only runs the three
    embarrassingly parallel parts: counting lines (learn), processing shards, sketching for the
    grouping.  :class:`LocalEngine` uses this machine's cores, ``kliping.run.ray.RayEngine`` a
    Ray cluster."""

    name: str

    @property
    def workers(self) -> int: ...

    def learn(
        self, shards: Sequence[Shard], read: ReadOptions, params: LearnParams, progress: bool
    ) -> LearnedModel:
        """The line counts of every shard, merged (in shard order) and pruned."""
        ...

    def process(
        self, shards: Sequence[Shard], steps: StepOptions, layout: Layout, read: ReadOptions, bar: Progress
    ) -> None:
        """Run the steps over ``shards``: each writes its part, rejects and done-marker."""
        ...

    def group(self, parts: Sequence[Path], dst: Path, stories: Path, scratch: Path) -> Any:
        """Group the articles of ``parts`` (in order) into ``dst``, the story summaries into
        ``stories`` (``scratch``: a free path of the parts' format, for the merged parts);
        returns the :class:`kliping.group.GroupReport`."""
        ...

    def close(self) -> None: ...


class LocalEngine:
    """This machine: one process (``workers=1``) or a spawn pool of ``workers`` processes."""

    name = "local"

    def __init__(self, workers: int) -> None:
        self._workers = max(1, workers)

    @property
    def workers(self) -> int:
        return self._workers

    def learn(
        self, shards: Sequence[Shard], read: ReadOptions, params: LearnParams, progress: bool
    ) -> LearnedModel:
        return learn_corpus(shards, read, params, self._workers, progress)

    def process(
        self, shards: Sequence[Shard], steps: StepOptions, layout: Layout, read: ReadOptions, bar: Progress
    ) -> None:
        _parallel(_run_task, shards, self._workers, (steps, layout, read), bar, lambda _r: None)

    def group(self, parts: Sequence[Path], dst: Path, stories: Path, scratch: Path) -> Any:
        concat_files(parts, scratch)
        return _group_module().group_file(scratch, dst, stories_path=stories, workers=self._workers)

    def close(self) -> None:
        return None


def _group_module() -> Any:
    try:
        return importlib.import_module("kliping.group")
    except ImportError as exc:
        raise RunError("--group needs kliping.group, which is not available") from exc


def run_corpus(
    inputs: Sequence[str], output: str, options: RunOptions | None = None, engine: Engine | None = None
) -> dict[str, Any]:
    """Process ``inputs`` into ``output``; returns the stats report (also saved beside the output).

    ``engine``: where the parallel passes run (default: :class:`LocalEngine` on ``options.workers``
    cores).  The output, rejects and report do not depend on the engine."""
    options = options or RunOptions()
    engine = engine or LocalEngine(options.n_workers)
    try:
        return _drive(inputs, output, options, engine)
    finally:
        engine.close()


def _drive(inputs: Sequence[str], output: str, options: RunOptions, engine: Engine) -> dict[str, Any]:
    started = time.perf_counter()
    if not inputs:
        raise InputError("no input given")
    shards = plan_shards(inputs, options.shard_bytes)
    layout = Layout.for_output(output, options.part_format, options.rejects)
    _check_writer(layout)
    if options.group and not (layout.single_file and layout.part_suffix.startswith(".jsonl")):
        raise RunError("--group needs a single JSONL or SQLite output (-o out.jsonl, out.jsonl.gz or out.db)")
    if options.drop_duplicates and not options.group:
        raise RunError("--drop-duplicates needs --group (the duplicates are found by grouping)")
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
    _prepare(layout, {"key": key, **key_data}, options)

    # --- the boilerplate model: given, learned from this input, or the shipped default ---------
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
                model = engine.learn(shards, options.read, options.learn_params, options.progress)
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

    # --- the shards not done yet ---------------------------------------------------------------
    pending = [s for s in shards if not layout.done(s).exists()]
    bar = Progress(options.progress, "run", len(shards))
    bar.skip(len(shards) - len(pending))
    try:
        engine.process(pending, step_options, layout, options.read, bar)
    finally:
        bar.close()

    counters = merge_counters(
        [json.loads(layout.done(s).read_text(encoding="utf-8"))["counters"] for s in shards]
    )
    if learned_info is not None and layout.single_file:  # keep the learned model: the work folder goes
        kept = layout.stats.with_name(layout.stats.name.replace(".stats.json", ".boilerplate-model.json.gz"))
        shutil.copyfile(layout.control / "learned-model.json.gz", kept)
        model_note = f"learned from the input ({kept})" + (
            " + shipped default" if len(step_options.model_paths) > 1 else ""
        )
    grouping = _finish(layout, shards, options, counters, engine)
    report = build_report(
        counters,
        time.perf_counter() - started,
        output=str(layout.output),
        rejects_file=str(layout.rejects),
        engine=engine.name,
        workers=engine.workers,
        shards=len(shards),
        resumed_shards=len(shards) - len(pending),
        model=model_note,
        learned=learned_info,
        grouping=grouping,
    )
    write_json_atomic(layout.stats, report)
    return report


def _check_writer(layout: Layout) -> None:
    """Fail before any work when the output's writer cannot be used."""
    name = layout.output.name.lower()
    try:
        if name.endswith((".db", ".sqlite")):
            importlib.import_module("kliping.store.sqlite").SqliteWriter  # noqa: B018
        if name.endswith(".parquet") or layout.part_suffix == ".parquet":
            from kliping.read.parquet import require_pyarrow

            require_pyarrow()
    except (ImportError, AttributeError) as exc:
        raise RunError(f"{layout.output}: the SQLite store (kliping.store.sqlite) is not available") from exc


def concat_files(sources: Iterable[Path], target: Path) -> None:
    tmp = Layout.temporary(target)
    with open(tmp, "wb") as out:
        for src in sources:
            with open(src, "rb") as fh:
                shutil.copyfileobj(fh, out, 1 << 20)
    tmp.replace(target)


def _finish(
    layout: Layout, shards: Sequence[Shard], options: RunOptions, counters: dict[str, int], engine: Engine
) -> dict[str, Any] | None:
    """Merge the rejects and, for a single output file, the parts (in input order); group when
    asked.  Returns the grouping report, if any.  ``counters`` take the records the SQLite store
    rejects (duplicate ids)."""
    layout.rejects.parent.mkdir(parents=True, exist_ok=True)
    concat_files((layout.shard_rejects(s) for s in shards), layout.rejects)
    if not layout.single_file:
        return None
    parts = [layout.part(s) for s in shards]
    group_report = None
    if options.group:
        grouped = layout.work / f"grouped{layout.part_suffix}"
        stories = layout.stats.with_name(layout.stats.name.replace(".stats.json", ".stories.jsonl"))
        report = engine.group(parts, grouped, stories, layout.work / f"all{layout.part_suffix}")
        group_report = {
            "stories_file": str(stories),
            "stories": report.stories,
            "duplicates": report.duplicates,
        }
        if options.drop_duplicates:
            group_report["dropped"] = _drop_duplicates(grouped, layout.rejects, counters)
        parts = [grouped]
    kind = layout.output.name.lower()
    if kind.endswith((".db", ".sqlite")):
        _merge_into_writer(parts, layout.output, layout.rejects, counters)
    elif kind.endswith(".parquet"):
        _merge_parquet(parts, layout.output)
    elif len(parts) == 1 and options.group:
        parts[0].replace(layout.output)
    else:  # JSONL: plain, gzip members and zstd frames all concatenate into a valid stream
        concat_files(parts, layout.output)
    shutil.rmtree(layout.work)
    return group_report


def _merge_into_writer(
    parts: Sequence[Path],
    target: Path,
    rejects: Path | None = None,
    counters: dict[str, int] | None = None,
) -> None:
    """Write the parts into the SQLite store ``target`` (built beside the parts, then moved).

    The store holds one article per id: a later record with an id already written is rejected
    as ``duplicate-id`` (appended to ``rejects``, default: beside ``target``; counted in
    ``counters``), so in = out + rejected holds."""
    from kliping.article import Article
    from kliping.read.base import Reject, excerpt
    from kliping.read.formats import open_binary
    from kliping.write.base import open_writer

    # in the work folder: a killed run leaves no stray file beside the output
    tmp = parts[0].parent / f"tmp-{os.getpid()}-{target.name}" if parts else Layout.temporary(target)
    writer = open_writer(tmp)
    try:
        for part in parts:
            with open_binary(part) as fh:
                for line in fh:
                    writer.write(Article.from_dict(json.loads(line)))
    finally:
        writer.close()
    duplicates = writer.duplicates
    if duplicates:
        with open(rejects or Layout.for_output(target).rejects, "ab") as fh:
            for article in duplicates:
                reject = Reject(
                    str(article.extra.get("path") or target),
                    0,
                    "duplicate-id",
                    f"an earlier record with id {article.id!r} is already in the store",
                    article.id,
                    excerpt(article.body),
                )
                fh.write(json.dumps(reject.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
        if counters is not None:
            counters["docs.out"] = counters.get("docs.out", 0) - len(duplicates)
            counters["rejected.duplicate-id"] = counters.get("rejected.duplicate-id", 0) + len(duplicates)
    tmp.replace(target)


def _drop_duplicates(grouped: Path, rejects: Path, counters: dict[str, int]) -> int:
    """Rewrite ``grouped`` without the records that copy another (``duplicate_of``); each one is
    appended to ``rejects`` as ``duplicate`` and counted, so in = out + rejected holds."""
    from kliping.article import Article
    from kliping.read.base import Reject, excerpt
    from kliping.read.formats import open_binary
    from kliping.write.base import open_writer

    tmp = grouped.with_name(f"dedup-{grouped.name}")
    writer = open_writer(tmp)
    dropped = 0
    try:
        with open_binary(grouped) as fh, open(rejects, "ab") as rejected:
            for line in fh:
                article = Article.from_dict(json.loads(line))
                if not article.duplicate_of:
                    writer.write(article)
                    continue
                reject = Reject(
                    str(article.extra.get("path") or article.url or grouped.name),
                    0,
                    "duplicate",
                    f"a copy of {article.duplicate_of!r} (story {article.story!r})",
                    article.id,
                    excerpt(article.body),
                )
                rejected.write(json.dumps(reject.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
                dropped += 1
    finally:
        writer.close()
    tmp.replace(grouped)
    counters["docs.out"] = counters.get("docs.out", 0) - dropped
    counters["rejected.duplicate"] = counters.get("rejected.duplicate", 0) + dropped
    return dropped


def _merge_parquet(parts: Sequence[Path], target: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = [pq.read_schema(p) for p in parts]
    try:
        schema = pa.unify_schemas(schemas, promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise RunError(
            f"cannot merge the Parquet parts into {target}: {exc}; write a folder (-o DIR)"
        ) from exc
    tmp = Layout.temporary(target)
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for part in parts:
            table = pq.read_table(part)
            for name in schema.names:
                if name not in table.column_names:
                    table = table.append_column(name, pa.nulls(len(table), type=schema.field(name).type))
            writer.write_table(table.select(schema.names).cast(schema))
    tmp.replace(target)
