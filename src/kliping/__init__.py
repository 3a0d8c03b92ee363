"""kliping: clean, structured, deduplicated, searchable news articles from noisy scraped text."""

from __future__ import annotations

__version__ = "0.1.0"

from kliping.article import Article, DateMention, Entity, Quote, Removed
from kliping.core import Cleaner, CleanStep, clean
from kliping.pipeline import Pipeline, Rejected, Stats, Step

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
    "Stats",
    "Step",
    "__version__",
    "clean",
]
