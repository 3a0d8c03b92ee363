"""The Writer protocol and dispatch by output suffix."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

from kliping.article import Article

OutputKind = Literal["jsonl", "parquet", "db"]


class Writer(Protocol):
    duplicates: list[Article]
    """Records the writer did not keep because one with the same id is in already (only the
    SQLite store, which holds one article per id, refuses any): the caller rejects them."""

    def write(self, article: Article) -> None: ...

    def close(self) -> None: ...


def output_kind(path: str | Path) -> OutputKind | None:
    """The writer a file name asks for, or ``None`` when it names no known format (a folder)."""
    name = Path(path).name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz", ".ndjson.zst")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".db", ".sqlite")):
        return "db"
    return None


def open_writer(path: str | Path) -> Writer:
    """A writer for ``path`` chosen by its suffix (optional dependencies imported only when used)."""
    kind = output_kind(path)
    if kind == "jsonl":
        from kliping.write.jsonl import JsonlWriter

        return JsonlWriter(path)
    if kind == "parquet":
        from kliping.write.parquet import ParquetWriter

        return ParquetWriter(path)
    if kind == "db":
        try:
            from kliping.store.sqlite import SqliteWriter
        except ImportError as exc:
            raise ValueError(f"{path}: the SQLite store (kliping.store.sqlite) is not available") from exc
        writer: Writer = SqliteWriter(path)
        return writer
    raise ValueError(f"{path}: unknown output format (use .jsonl, .jsonl.gz, .jsonl.zst, .parquet or .db)")
