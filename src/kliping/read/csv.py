"""CSV reader: a header row, then one record a row (optionally .gz or .zst).

Bytes that are not UTF-8 are kept as escapes while parsing, so one bad row is rejected as
``invalid-utf8`` without losing the rows around it.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from kliping.read.base import Item, ReadOptions, Reject, excerpt
from kliping.read.formats import open_binary, stream_error_reason, stream_errors
from kliping.read.records import record_to_article


def read_csv(path: str | Path, options: ReadOptions) -> Iterator[Item]:
    source = str(path)
    # A field over the text limit must reach record_to_article to be rejected as too-large.
    csv.field_size_limit(min(sys.maxsize, max(options.max_bytes * 2, 1 << 20)))
    try:
        fh = open_binary(path)
    except OSError as exc:
        yield 0, Reject(source, 0, "unreadable-file", str(exc))
        return
    errors = stream_errors()
    row = -1
    with fh, io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        reader = csv.reader(text)
        try:
            header = next(reader, None)
            if header is None:
                return
            while True:
                row += 1
                try:
                    cells = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    yield row, Reject(source, row, "malformed-csv", str(exc))
                    continue
                if not any(cells):
                    row -= 1
                    continue
                if len(cells) > len(header):
                    detail = f"{len(cells)} cells, header has {len(header)}"
                    yield row, Reject(source, row, "malformed-csv", detail, None, excerpt(",".join(cells)))
                    continue
                record = {k: v for k, v in zip(header, cells, strict=False)}
                yield row, record_to_article(record, options, source, row)
        except errors as exc:
            reason = stream_error_reason(exc)
            yield (
                row,
                Reject(source, row, reason, f"{type(exc).__name__}: {exc} (the rest of the file is lost)"),
            )
