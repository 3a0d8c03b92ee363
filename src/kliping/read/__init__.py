"""Readers: turn input files into a stream of Articles (or Rejects, with a reason).

Formats, chosen by file suffix (see :func:`kliping.read.formats.detect_format`):

- ``.jsonl`` / ``.ndjson`` / ``.json`` (also ``.gz`` / ``.zst``): one JSON object a line;
- ``.csv`` (also ``.gz`` / ``.zst``): a header row, one record a row;
- ``.parquet``: needs pyarrow (``pip install 'kliping[parquet]'``);
- anything else: a text file holding one article.  A folder is read file by file.

Readers know nothing of processes or executors: the local and Ray executors both call
:func:`kliping.run.shards.read_shard`.
"""

from kliping.read.base import InputError, ReadOptions, Reject
from kliping.read.records import record_to_article

__all__ = ["InputError", "ReadOptions", "Reject", "record_to_article"]
