"""JSONL writer (plain, .gz or .zst by suffix)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kliping.article import Article
from kliping.read.formats import open_binary

try:
    import orjson

    def dumps(record: dict[str, Any]) -> bytes:
        try:
            return orjson.dumps(record, default=str) + b"\n"
        except (orjson.JSONEncodeError, TypeError):  # lone surrogates, huge ints: the slow, lossless way
            return (json.dumps(record, default=str) + "\n").encode("ascii")

except ImportError:  # pragma: no cover - orjson is a dependency

    def dumps(record: dict[str, Any]) -> bytes:
        return (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8", "surrogatepass")


class JsonlWriter:
    """One JSON object a line; :meth:`write_record` writes any dict (rejects, stats)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fh = open_binary(self.path, "wb")
        self.count = 0
        self.duplicates: list[Article] = []  # a file keeps every record

    def write(self, article: Article) -> None:
        self.write_record(article.to_record())

    def write_record(self, record: dict[str, Any]) -> None:
        self._fh.write(dumps(record))
        self.count += 1

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
