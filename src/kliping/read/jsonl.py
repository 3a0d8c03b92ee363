"""JSONL reader: one JSON object a line, optionally .gz or .zst, by byte range for plain files.

A byte range ``[start, end)`` owns the lines that *start* inside it, so ranges cut anywhere
partition a file's lines exactly (each line read once).  A line over the size limit is
skipped in chunks, never held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from kliping.read.base import Item, ReadOptions, Reject, excerpt
from kliping.read.formats import compression_of, open_binary, stream_error_reason, stream_errors
from kliping.read.records import record_to_article

try:
    import orjson

    _loads: Any = orjson.loads
    _JSONError: type[Exception] = orjson.JSONDecodeError
except ImportError:  # pragma: no cover - orjson is a dependency
    import json

    _loads = json.loads
    _JSONError = ValueError

_CHUNK = 1 << 20


def _skip_rest_of_line(fh: IO[bytes]) -> int:
    """Consume up to and including the next newline; returns the bytes consumed."""
    n = 0
    while True:
        chunk = fh.readline(_CHUNK)
        n += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return n


def parse_line(line: bytes, options: ReadOptions, source: str, position: int) -> Item:
    """One JSONL line -> (position, Article or Reject)."""
    try:
        record = _loads(line)
    except _JSONError as exc:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as uexc:
            return position, Reject(source, position, "invalid-utf8", str(uexc), None, excerpt(line))
        return position, Reject(source, position, "malformed-json", str(exc), None, excerpt(line))
    if not isinstance(record, dict):
        detail = f"a JSON {type(record).__name__}, not an object"
        return position, Reject(source, position, "not-an-object", detail, None, excerpt(line))
    return position, record_to_article(record, options, source, position)


def read_jsonl(
    path: str | Path, options: ReadOptions, start: int = 0, end: int | None = None
) -> Iterator[Item]:
    """Records of ``path`` whose line starts in ``[start, end)`` (a range only for uncompressed files)."""
    source = str(path)
    if compression_of(path) is not None and (start or end is not None):
        raise ValueError(f"{source}: byte ranges need an uncompressed file")
    limit = options.max_bytes
    errors = stream_errors()
    try:
        fh = open_binary(path)
    except OSError as exc:
        yield 0, Reject(source, 0, "unreadable-file", str(exc))
        return
    with fh:
        pos = 0
        try:
            if start:
                fh.seek(start - 1)
                pos = start - 1 + _skip_rest_of_line(fh)
            while end is None or pos < end:
                line = fh.readline(limit + 1)
                if not line:
                    break
                line_pos = pos
                pos += len(line)
                if len(line) > limit and not line.endswith(b"\n"):
                    pos += _skip_rest_of_line(fh)
                    detail = f"line of {pos - line_pos} bytes is over the limit of {limit}"
                    yield line_pos, Reject(source, line_pos, "too-large", detail, None, excerpt(line))
                    continue
                if line_pos == 0 and line.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark
                    line = line[3:]
                if not line.strip():
                    continue
                yield parse_line(line, options, source, line_pos)
        except errors as exc:
            reason = stream_error_reason(exc)
            detail = f"{type(exc).__name__}: {exc} (the rest of the file after byte {pos} is lost)"
            yield pos, Reject(source, pos, reason, detail)
