"""Small helpers over iterables, shared by the stages that work in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), streaming (``itertools.batched``
    arrives with Python 3.12 and gives tuples)."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, not {size}")
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
