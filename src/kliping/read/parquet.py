"""Parquet reader (pyarrow, the ``[parquet]`` extra), by row-group range."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kliping.read.base import InputError, Item, ReadOptions, Reject
from kliping.read.records import record_to_article

_BATCH = 1024
#: The column where the Parquet writer spills input fields that did not fit a typed column.
EXTRA_COLUMN = "_extra"


def require_pyarrow() -> Any:
    """Import pyarrow.parquet, or fail with the install hint."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError("Parquet needs pyarrow: pip install 'kliping[parquet]'") from exc
    return pq


def row_groups(path: str | Path) -> list[int]:
    """Rows in each row group of ``path`` (used to plan shards)."""
    pq = require_pyarrow()
    meta = pq.ParquetFile(path).metadata
    return [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]


def read_parquet(
    path: str | Path, options: ReadOptions, start: int = 0, end: int | None = None
) -> Iterator[Item]:
    """Records of row groups ``[start, end)`` of ``path``; positions are row numbers in the file."""
    pq = require_pyarrow()
    source = str(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        yield 0, Reject(source, 0, "unreadable-file", f"{type(exc).__name__}: {exc}")
        return
    meta = pf.metadata
    end = meta.num_row_groups if end is None else end
    row = sum(meta.row_group(i).num_rows for i in range(start))
    for group in range(start, end):
        try:
            batches = list(pf.iter_batches(batch_size=_BATCH, row_groups=[group]))
        except Exception as exc:
            n = meta.row_group(group).num_rows
            detail = f"row group {group} ({n} rows) unreadable: {type(exc).__name__}: {exc}"
            yield row, Reject(source, row, "unreadable-file", detail)
            row += n
            continue
        for batch in batches:
            for record in batch.to_pylist():
                spilled = record.pop(EXTRA_COLUMN, None)
                if spilled:
                    record.update(json.loads(spilled))
                yield row, record_to_article(record, options, source, row)
                row += 1
