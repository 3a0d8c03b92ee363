"""Two-pass drivers: pass 1 sketches every document, pass 2 writes them back with stories filled.

:func:`group_articles` works on any re-readable source of Articles (a callable returning a fresh
iterable each time), so it does not care which reader or executor produced them.
:func:`group_file` is the streaming file version behind ``kliping group``: it reads an Article
JSONL file (plain, .gz or .zst) twice, sketches in worker processes, caches the sketches in a
folder beside the output (``OUTPUT.group-cache/``, reused by a rerun after a crash and removed
after success), writes the output and the story summary to temporary names and renames them at
the end.  Memory stays flat apart from the index (:meth:`StoryIndex.memory`).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from kliping.article import Article
from kliping.group import minhash
from kliping.group.stories import Grouping, Memory, Sketch, StoryIndex, sketch
from kliping.iterutils import chunks
from kliping.read.formats import open_binary, stream_errors
from kliping.text import text_id

MapFn = Callable[[Callable[[Article], Sketch], Iterable[Article]], Iterable[Sketch]]
_BATCH = 512


class GroupInputError(ValueError):
    """A record of the input cannot be grouped (not JSON, not an object, no usable body)."""


@dataclass(slots=True)
class GroupReport:
    """What a grouping run did."""

    docs: int = 0
    stories: int = 0
    duplicates: int = 0
    written: int = 0
    candidates: int = 0
    links: int = 0
    memory: Memory = field(default_factory=lambda: Memory(0, 0))
    cache_reused: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "stories": self.stories,
            "duplicates": self.duplicates,
            "written": self.written,
            "candidates": self.candidates,
            "links": self.links,
            "index_bytes": self.memory.bytes,
            "index_bytes_per_doc": round(self.memory.per_doc, 1),
            "cache_reused": self.cache_reused,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def group_articles(
    articles: Callable[[], Iterable[Article]], *, drop_duplicates: bool = False, map_fn: MapFn = map
) -> tuple[Grouping, Iterator[Article]]:
    """Pass 1 now (sketch with ``map_fn``, e.g. a pool's ``imap``; build the index); pass 2 lazily.

    ``articles()`` must yield the same articles in the same order each time it is called.
    Returns the grouping (stories, memory, summaries) and the iterator of pass 2: the articles
    with ``story`` and ``duplicate_of`` filled (duplicates left out when ``drop_duplicates``).
    """
    grouping = StoryIndex().extend(map_fn(sketch, articles())).build()

    def second_pass() -> Iterator[Article]:
        seen = 0
        for position, article in enumerate(articles()):
            if position >= grouping.docs:
                raise ValueError(
                    f"the second pass yields more than the {grouping.docs} articles of the first"
                )
            grouping.apply(position, article)
            seen = position + 1
            if not (drop_duplicates and article.duplicate_of is not None):
                yield article
        if seen != grouping.docs:
            raise ValueError(f"the second pass yields {seen} articles, the first {grouping.docs}")

    return grouping, second_pass()


def write_stories(grouping: Grouping, path: str | Path) -> int:
    """Write the story summaries as JSONL (temp name, then rename); returns the number written."""
    target = Path(path)
    tmp = _temp_name(target)
    count = 0
    with open_binary(tmp, "wb") as fh:
        for record in grouping.stories():
            fh.write(orjson.dumps(record) + b"\n")
            count += 1
    os.replace(tmp, target)
    return count


# --- the file version -------------------------------------------------------------------------
def _temp_name(path: Path) -> Path:
    """A name beside ``path`` keeping its suffixes (so that .gz / .zst still compress)."""
    return path.with_name(f".tmp-{os.getpid()}-{path.name}")


def _parse(line: bytes, lineno: int, source: str) -> dict[str, Any]:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise GroupInputError(f"{source}:{lineno}: not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise GroupInputError(f"{source}:{lineno}: a JSON {type(record).__name__}, not an Article object")
    body = record.get("body")
    if body is not None and not isinstance(body, str):
        raise GroupInputError(f"{source}:{lineno}: 'body' is a {type(body).__name__}, not a string")
    return record


def _record_id(record: dict[str, Any]) -> str:
    rid = record.get("id")
    return str(rid) if rid else text_id(record.get("body") or "")


def _numbered_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, line) of every non-blank line; a damaged stream is a clear error."""
    try:
        with open_binary(path) as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    yield lineno, line
    except stream_errors() as exc:
        raise GroupInputError(f"{path}: damaged compressed stream ({type(exc).__name__}: {exc})") from exc


def sketch_lines(batch: list[tuple[int, bytes]], source: str = "input") -> list[Sketch]:
    """Sketches of a batch of JSONL lines (the worker function of pass 1)."""
    out = []
    for lineno, line in batch:
        record = _parse(line, lineno, source)
        try:
            article = Article.from_dict(record)
        except (KeyError, TypeError, ValueError) as exc:
            raise GroupInputError(f"{source}:{lineno}: not an Article record ({exc!r})") from None
        out.append(sketch(article))
    return out


def _sketch_batch(args: tuple[list[tuple[int, bytes]], str]) -> list[Sketch]:
    return sketch_lines(*args)


def _cache_meta(path: Path) -> dict[str, Any]:
    st = path.stat()
    return {
        "input": str(path.resolve()),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "signature": minhash.VERSION,
    }


def _load_cache(folder: Path, meta: dict[str, Any]) -> StoryIndex | None:
    try:
        saved = json.loads((folder / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if saved != meta:
        return None
    try:
        return StoryIndex.load(folder)
    except (OSError, ValueError):
        return None


def _save_cache(index: StoryIndex, folder: Path, meta: dict[str, Any]) -> None:
    tmp = folder.with_name(folder.name + f".tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    index.save(tmp)
    (tmp / "meta.json").write_text(json.dumps(meta), "utf-8")  # written last: marks the cache complete
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)


def sketch_file(path: str | Path, workers: int = 1) -> StoryIndex:
    """Pass 1 over an Article JSONL file: the index of its sketches (in ``workers`` processes)."""
    src = Path(path)
    index = StoryIndex()
    batches = ((batch, str(src)) for batch in chunks(_numbered_lines(src), _BATCH))
    if workers <= 1:
        for args in batches:
            index.extend(_sketch_batch(args))
        return index
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for sketches in pool.imap(_sketch_batch, batches, chunksize=1):
            index.extend(sketches)
    return index


def rewrite_file(grouping: Grouping, src: Path, out: IO[bytes], *, drop_duplicates: bool = False) -> int:
    """Pass 2: every record of ``src`` with ``story`` and ``duplicate_of`` set; returns records written."""
    written = 0
    position = -1
    for position, (lineno, line) in enumerate(_numbered_lines(src)):
        record = _parse(line, lineno, str(src))
        if position >= grouping.docs or _record_id(record) != grouping.index.ids[position]:
            raise GroupInputError(f"{src}:{lineno}: the input changed since its signatures were computed")
        if drop_duplicates and grouping.is_duplicate(position):
            continue
        record["story"] = grouping.story(position)
        record["duplicate_of"] = grouping.duplicate_of(position)
        out.write(orjson.dumps(record) + b"\n")
        written += 1
    if position + 1 != grouping.docs:
        raise GroupInputError(f"{src}: {position + 1} records where the first pass saw {grouping.docs}")
    return written


def group_file(
    input_path: str | Path,
    output_path: str | Path,
    *,
    stories_path: str | Path | None = None,
    drop_duplicates: bool = False,
    workers: int | None = None,
    keep_cache: bool = False,
) -> GroupReport:
    """``kliping group``: group an Article JSONL file into ``output_path`` (see the module docstring)."""
    src, dst = Path(input_path), Path(output_path)
    if src.resolve() == dst.resolve():
        raise GroupInputError(f"{dst}: the output must not overwrite the input")
    report = GroupReport()
    cache = dst.with_name(dst.name + ".group-cache")
    meta = _cache_meta(src)
    t0 = time.perf_counter()
    index = _load_cache(cache, meta)
    report.cache_reused = index is not None
    if index is None:
        index = sketch_file(src, workers or os.cpu_count() or 1)
        _save_cache(index, cache, meta)
        index = StoryIndex.load(cache)
    t1 = time.perf_counter()
    grouping = index.build()
    t2 = time.perf_counter()
    tmp = _temp_name(dst)
    try:
        with open_binary(tmp, "wb") as out:
            report.written = rewrite_file(grouping, src, out, drop_duplicates=drop_duplicates)
        if stories_path is not None:
            write_stories(grouping, stories_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, dst)
    t3 = time.perf_counter()
    if not keep_cache:
        shutil.rmtree(cache, ignore_errors=True)
    report.docs = grouping.docs
    report.stories = len(grouping)
    report.duplicates = grouping.duplicates
    report.candidates = grouping.candidates
    report.links = grouping.links
    report.memory = index.memory()
    report.seconds = {"sketch": t1 - t0, "cluster": t2 - t1, "write": t3 - t2}
    return report
