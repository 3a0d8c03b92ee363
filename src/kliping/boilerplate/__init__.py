"""Cleaning layers: outlet and generic rules, repetition inside a document, learned lines."""

from __future__ import annotations

from typing import Protocol


class LineModel(Protocol):
    """A learned boilerplate model (see :mod:`kliping.boilerplate.learned`)."""

    def is_boilerplate(self, domain: str | None, key: int) -> bool: ...
