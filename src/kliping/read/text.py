"""Text-file reader: one article a file (a folder of them is one article per file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kliping.article import Article
from kliping.read.base import Item, ReadOptions, Reject, excerpt
from kliping.read.formats import compression_of, open_binary, stream_error_reason, stream_errors

_SNIFF = 8192


def read_text_file(path: str | Path, options: ReadOptions) -> Iterator[Item]:
    """The article in ``path`` (``extra["path"]`` records where it came from), or a Reject."""
    source = str(path)
    limit = options.max_bytes
    try:
        if compression_of(path) is None and Path(path).stat().st_size > limit:
            yield 0, Reject(source, 0, "too-large", f"file is over the limit of {limit} bytes")
            return
        with open_binary(path) as fh:
            data = fh.read(limit + 1)
    except stream_errors() as exc:
        yield 0, Reject(source, 0, stream_error_reason(exc), f"{type(exc).__name__}: {exc}")
        return
    except OSError as exc:
        yield 0, Reject(source, 0, "unreadable-file", str(exc))
        return
    if len(data) > limit:
        yield (
            0,
            Reject(source, 0, "too-large", f"file is over the limit of {limit} bytes", None, excerpt(data)),
        )
        return
    if b"\x00" in data[:_SNIFF]:
        yield 0, Reject(source, 0, "binary-file", "NUL bytes: not a text file", None, excerpt(data[:64]))
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield 0, Reject(source, 0, "invalid-utf8", str(exc), None, excerpt(data))
        return
    if not text.strip():
        yield 0, Reject(source, 0, "empty-text", "the file is empty")
        return
    yield 0, Article(raw=text, extra={"path": source})
