"""Shards: independent slices of the input, each read, processed and written on its own.

A shard is (input file, range): a byte range of an uncompressed JSONL file (lines belong to the
range they start in), a row-group range of a Parquet file, a whole compressed or CSV file, or
a run of text files of a folder.  Planning is deterministic (same inputs, same shards), which is
what makes ``--resume`` safe.  Nothing here knows about processes: the local and the Ray
executors share it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

from kliping.read.base import InputError, Item, ReadOptions
from kliping.read.formats import Format, compression_of, detect_format

#: Default bytes of input per shard.
SHARD_BYTES: Final = 8 << 20
#: Text files (one article each) per shard.
FILES_PER_SHARD: Final = 500
#: Plans aim at this many shards at least (see :func:`plan_shards`).
MIN_SHARDS: Final = 16


@dataclass(frozen=True)
class Shard:
    index: int
    format: Format
    path: str
    """The input file (for a run of text files: the first one)."""
    start: int = 0
    end: int | None = None
    """Byte range (JSONL) or row-group range (Parquet); ``None``: to the end."""
    files: tuple[str, ...] = field(default=())
    """The text files of this shard (text format only)."""

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["files"] = list(self.files)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Shard:
        return cls(
            index=int(data["index"]),
            format=data["format"],
            path=data["path"],
            start=int(data.get("start") or 0),
            end=data.get("end"),
            files=tuple(data.get("files") or ()),
        )


def input_files(inputs: Sequence[str | Path]) -> list[Path]:
    """The files named by ``inputs`` (folders walked in sorted order, hidden entries skipped)."""
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(Path(root, n) for n in sorted(names) if not n.startswith("."))
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"no such file or folder: {item}")
    return files


def _line_ranges(size: int, shard_bytes: int) -> list[tuple[int, int | None]]:
    if size <= shard_bytes:
        return [(0, None)]
    cuts = list(range(0, size, shard_bytes))
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], None], strict=True)]


def plan_shards(
    inputs: Sequence[str | Path],
    shard_bytes: int = SHARD_BYTES,
    files_per_shard: int = FILES_PER_SHARD,
    min_shards: int = MIN_SHARDS,
) -> list[Shard]:
    """Split the inputs into shards, in input order.

    Shards are at most ``shard_bytes``, and smaller (down to 1 MB) when that gives fewer than
    ``min_shards`` shards, so that a mid-sized input still spreads over all cores.  The plan
    depends on the inputs only (not on the number of workers): a run resumes with any --workers.
    """
    files = input_files(inputs)
    total = sum(p.stat().st_size for p in files if detect_format(p) == "jsonl" and compression_of(p) is None)
    shard_bytes = min(shard_bytes, max(1 << 20, total // max(1, min_shards)))
    shards: list[Shard] = []
    pending_text: list[str] = []

    def add(
        fmt: Format, path: str, start: int = 0, end: int | None = None, files: tuple[str, ...] = ()
    ) -> None:
        shards.append(Shard(len(shards), fmt, path, start, end, files))

    def flush_text() -> None:
        while pending_text:
            batch = tuple(pending_text[:files_per_shard])
            del pending_text[:files_per_shard]
            add("text", batch[0], files=batch)

    for path in files:
        fmt = detect_format(path)
        if fmt == "text":
            pending_text.append(str(path))
            if len(pending_text) >= files_per_shard:
                flush_text()
            continue
        flush_text()
        if fmt == "jsonl" and compression_of(path) is None:
            for start, end in _line_ranges(path.stat().st_size, shard_bytes):
                add("jsonl", str(path), start, end)
        elif fmt == "parquet":
            from kliping.read.parquet import row_groups

            try:
                groups = row_groups(path)
            except InputError:
                raise
            except Exception:  # unreadable: one shard, whose reader rejects the file with a reason
                add("parquet", str(path))
                continue
            start, acc = 0, 0
            for i, rows in enumerate(groups):
                acc += rows
                if acc >= 10_000:
                    add("parquet", str(path), start, i + 1)
                    start, acc = i + 1, 0
            if start < len(groups) or not groups:
                add("parquet", str(path), start, None)
        else:
            add(fmt, str(path))
    flush_text()
    return shards


def read_shard(shard: Shard, options: ReadOptions) -> Iterator[tuple[str, int, Any]]:
    """``(source, position, Article | Reject)`` for every record of the shard, in input order."""
    if shard.format == "text":
        from kliping.read.text import read_text_file

        for path in shard.files:
            for pos, item in read_text_file(path, options):
                yield path, pos, item
        return
    items: Iterator[Item]
    if shard.format == "jsonl":
        from kliping.read.jsonl import read_jsonl

        items = read_jsonl(shard.path, options, shard.start, shard.end)
    elif shard.format == "csv":
        from kliping.read.csv import read_csv

        items = read_csv(shard.path, options)
    elif shard.format == "parquet":
        from kliping.read.parquet import read_parquet

        items = read_parquet(shard.path, options, shard.start, shard.end)
    else:  # pragma: no cover - Format is closed
        raise ValueError(f"unknown shard format {shard.format!r}")
    for pos, item in items:
        yield shard.path, pos, item
