"""Writers: Articles out, one record each (``Article.to_record()``: input fields pass through).

:func:`open_writer` picks the writer by the output's suffix: ``.jsonl`` (``.gz``/``.zst``),
``.parquet`` (pyarrow), ``.db`` (the SQLite store, :mod:`kliping.store.sqlite`).
"""

from kliping.write.base import Writer, open_writer, output_kind

__all__ = ["Writer", "open_writer", "output_kind"]
