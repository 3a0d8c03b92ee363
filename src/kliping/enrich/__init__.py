"""enrich: entities, quotes and dates inside an article's text, offline (no model, no download).

``enrich(article)`` fills ``article.entities``, ``article.quotes`` and ``article.dates`` from
``body``, ``title``, ``dateline``, ``published`` and ``language``.  ``EnrichStep`` is the pipeline
step (``kliping run --enrich``); it can leave entities and quotes out (``entities=False``) and
still resolve dates.

Offsets: every entity, quote and date with ``start >= 0`` points into ``body``; article-level
entities that are not in the body (the dateline city, names only in the title) carry
``start == end == -1``.  See :mod:`kliping.enrich.entities`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from kliping.article import Article
from kliping.enrich.dates import find_dates
from kliping.enrich.entities import agency_names, extract_entities
from kliping.enrich.quotes import find_quotes
from kliping.pipeline import Stats, Step

__all__ = ["EnrichStep", "enrich", "extract_entities", "find_dates", "find_quotes"]


def enrich(article: Article, *, entities: bool = True) -> Article:
    """Fill ``entities``, ``quotes`` and ``dates`` of ``article`` (in place; returns it)."""
    if not isinstance(article.body, str):
        raise TypeError(f"Article.body must be str, not {type(article.body).__name__}")
    if entities:
        exclude = {a.casefold() for a in article.agencies}
        outlet = _outlet_key(article.outlet) if article.outlet else None
        agencies = agency_names()
        found = extract_entities(
            article.body, article.language, title=article.title, dateline=article.dateline
        )
        article.entities = [
            e
            for e in found
            if (f := e.text.casefold()) not in exclude
            and f not in agencies
            and (outlet is None or _outlet_key(e.text) != outlet)
        ]
        article.quotes = find_quotes(article.body, article.entities, article.language)
    article.dates = find_dates(article.body, article.published)
    return article


@lru_cache(maxsize=65_536)
def _outlet_key(name: str) -> str:
    """A name as an outlet's: folded, accents and everything but letters and digits dropped
    ("Việt Nam News" and "Vietnam News" are one outlet).  Cached per name: entity names recur."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(filter(str.isalnum, plain))


class EnrichStep(Step):
    """Pipeline step: :func:`enrich` on every article, counting what it found."""

    name = "enrich"

    def __init__(self, *, entities: bool = True) -> None:
        self.entities = entities

    def process(self, article: Article, stats: Stats) -> Article | None:
        enrich(article, entities=self.entities)
        stats.incr("enrich.articles")
        stats.incr("enrich.entities", len(article.entities))
        stats.incr("enrich.quotes", len(article.quotes))
        stats.incr("enrich.dates", len(article.dates))
        return article

    def config(self) -> dict[str, Any]:
        return {"name": self.name, "entities": self.entities}
