"""Parquet writer (pyarrow, the ``[parquet]`` extra).

The Article fields have a fixed schema.  Input fields that pass through get their column type
from the first batch; a later value that does not fit that type (or a field first seen later)
goes, JSON-encoded, into the ``_extra`` column, which the Parquet reader merges back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from kliping.article import FIELDS, Article
from kliping.read.parquet import EXTRA_COLUMN, require_pyarrow

_BATCH: Final = 2000


def article_schema() -> Any:
    import pyarrow as pa

    s = pa.string()
    i = pa.int64()
    return pa.schema(
        [
            ("id", s),
            ("url", s),
            ("domain", s),
            ("outlet", s),
            ("title", s),
            ("dateline", s),
            ("published", s),
            ("authors", pa.list_(s)),
            ("agencies", pa.list_(s)),
            ("language", s),
            ("language_score", pa.float64()),
            ("body", s),
            ("removed", pa.list_(pa.struct([("line", i), ("text", s), ("reason", s)]))),
            ("entities", pa.list_(pa.struct([("text", s), ("label", s), ("start", i), ("end", i)]))),
            (
                "quotes",
                pa.list_(pa.struct([("speaker", s), ("text", s), ("cue", s), ("start", i), ("end", i)])),
            ),
            (
                "dates",
                pa.list_(pa.struct([("text", s), ("value", s), ("precision", s), ("start", i), ("end", i)])),
            ),
            ("story", s),
            ("duplicate_of", s),
        ]
    )


class ParquetWriter:
    def __init__(self, path: str | Path, batch_rows: int = _BATCH) -> None:
        require_pyarrow()
        self.path = Path(path)
        self.batch_rows = batch_rows
        self._rows: list[dict[str, Any]] = []
        self._extra_types: dict[str, Any] | None = None
        self._writer: Any = None
        self.count = 0
        self.duplicates: list[Article] = []  # a file keeps every record

    def write(self, article: Article) -> None:
        self.write_record(article.to_record())

    def write_record(self, record: dict[str, Any]) -> None:
        self._rows.append(record)
        self.count += 1
        if len(self._rows) >= self.batch_rows:
            self._flush()

    def _infer_extra_types(self, rows: list[dict[str, Any]]) -> dict[str, Any]:
        import pyarrow as pa

        types: dict[str, Any] = {}
        keys = dict.fromkeys(k for row in rows for k in row if k not in FIELDS)
        for key in keys:
            try:
                typ = pa.array([row.get(key) for row in rows]).type
            except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
                continue
            if not pa.types.is_null(typ):
                types[key] = typ
        return types

    def _flush(self) -> None:
        if not self._rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows, self._rows = self._rows, []
        if self._extra_types is None:
            self._extra_types = self._infer_extra_types(rows)
        base = article_schema()
        columns: dict[str, Any] = {
            f.name: pa.array([row.get(f.name) for row in rows], type=f.type) for f in base
        }
        overflow: list[dict[str, Any]] = [{} for _ in rows]
        for key, typ in self._extra_types.items():
            values = [row.get(key) for row in rows]
            try:
                columns[key] = pa.array(values, type=typ)
            except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
                columns[key] = pa.nulls(len(rows), type=typ)
                for spill, value in zip(overflow, values, strict=True):
                    if value is not None:
                        spill[key] = value
        for spill, row in zip(overflow, rows, strict=True):
            for key, value in row.items():
                if key not in FIELDS and key not in self._extra_types:
                    spill[key] = value
        columns[EXTRA_COLUMN] = pa.array(
            [json.dumps(s, ensure_ascii=False, default=str) if s else None for s in overflow],
            type=pa.string(),
        )
        table = pa.table(columns)
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, table.schema, compression="zstd")
        self._writer.write_table(table)

    def close(self) -> None:
        self._flush()
        if self._writer is None:  # no rows: still a valid (empty) file with the Article columns
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = article_schema().append(pa.field(EXTRA_COLUMN, pa.string()))
            pq.write_table(schema.empty_table(), self.path, compression="zstd")
        else:
            self._writer.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
