"""kliping: clean, structured, deduplicated, searchable news articles from noisy scraped text.

The API mirrors the command line: :func:`clean` (``kliping clean``), :func:`run_corpus` with
:class:`RunOptions` (``kliping run``), :func:`group_file` (``kliping group``).  The corpus-level
names are imported on first use, so ``import kliping`` stays light.
"""

from __future__ import annotations

__version__ = "0.1.0"

from kliping.article import Article, DateMention, Entity, Quote, Removed
from kliping.core import Cleaner, CleanStep, clean
from kliping.pipeline import Pipeline, Rejected, Stats, Step

_LAZY = {
    "run_corpus": "kliping.run.local",
    "RunOptions": "kliping.run.local",
    "group_file": "kliping.group",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kliping' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "Article",
    "CleanStep",
    "Cleaner",
    "DateMention",
    "Entity",
    "Pipeline",
    "Quote",
    "Rejected",
    "Removed",
    "RunOptions",
    "Stats",
    "Step",
    "__version__",
    "clean",
    "group_file",
    "run_corpus",
]
