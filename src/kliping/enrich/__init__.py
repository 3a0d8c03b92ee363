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

from kliping.article import Article, Entity
from kliping.enrich.dates import find_dates
from kliping.enrich.entities import agency_names, extract_entities, lexicon
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
        language = _malay_or(article.language, article.body)
        found = extract_entities(article.body, language, title=article.title, dateline=article.dateline)
        article.entities = [
            e
            for e in found
            if (f := e.text.casefold()) not in exclude
            and f not in agencies
            and (outlet is None or _outlet_key(e.text) != outlet)
        ]
        article.quotes = find_quotes(article.body, article.entities, language)
        _add_speakers(article, language)
    article.dates = find_dates(article.body, article.published, article.language)
    return article


def _speaker_name(name: str) -> bool:
    """Two to five words, each capitalised or a lowercase particle between them ("Abc Def", "Abc da
    Def Ghi"), not in capitals throughout: the shape of a person's name."""
    words = name.split()
    return (
        2 <= len(words) <= 5
        and not name.isupper()
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or (w.islower() and len(w) <= 3) for w in words)
    )


# Words of Malay that Indonesian spells or says otherwise ("karena", "bahwa", "yaitu", "setelah",
# "kasus", "polisi" is policy, "rumah sakit", "uang")
_MALAY_WORDS = frozenset(
    (
        "kerana",
        "bahawa",
        "iaitu",
        "selepas",
        "mahupun",
        "memaklumkan",
        "sebarang",
        "kes",
        "polis",
        "hospital",
        "wang",
    )
)


def _malay_or(language: str | None, body: str) -> str | None:
    """The language whose word lists enrich a text: Malay for a text taken for Indonesian that uses
    two Malay words Indonesian does not ("kerana", "selepas"), else the text's language."""
    if language != "id":
        return language
    low = body.casefold()
    hits = 0
    for w in _MALAY_WORDS:
        at = low.find(w)
        while at >= 0:
            end = at + len(w)
            if (at == 0 or not low[at - 1].isalpha()) and (end == len(low) or not low[end].isalpha()):
                hits += 1
                if hits >= 2:
                    return "ms"
                break
            at = low.find(w, end)
    return language


def _add_speakers(article: Article, language: str | None) -> None:
    """A quote's speaker that the entity rules did not find ('"…", relató Abc Marina Def' where a
    word of the name is also a town's) is a person: add the name where the body writes it after
    the quote (or anywhere), unless it is already some entity or holds a title word.  Languages
    other than Indonesian and English."""
    if not article.quotes or language in (None, "id", "en"):
        return  # Indonesian and English: their rules name every speaker they attribute
    known = {e.text.casefold() for e in article.entities}
    titles = lexicon(language).titles
    for q in article.quotes:
        name = q.speaker
        if not name or name.casefold() in known or not _speaker_name(name):
            continue
        if any(w.casefold() in titles for w in name.split()):
            continue  # "Presidente Abc Def": a role and a name the rules could not split
        at = article.body.find(name, q.end)
        if at < 0:
            at = article.body.find(name)
        if at < 0:
            continue
        known.add(name.casefold())
        article.entities.append(Entity(name, "PERSON", at, at + len(name)))


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
