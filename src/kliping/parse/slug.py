"""The headline as the URL spells it: most news sites put a slug of the title in the article's
address ("/2024/03/12/rain-floods-the-old-harbour-road/", "/news/rain-floods-old-harbour-123456.html").
A first line whose words cover the slug is the headline, in any language and whatever follows it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

_SLUG_MIN_WORDS = 4
"""A slug names a headline only with four words or more ("/news/world" names a section)."""
_COVER = 0.85
"""Share of the slug's words that the line must hold (slugs drop or mangle a few: "rm80000")."""
_LINE_SHARE = 0.5
"""Share of the line's words of four letters or more that the slug must hold: a lead paragraph repeats the headline's words
among many others, a headline is (nearly) its slug."""
_LONG_WORD = 4
_ALNUM_RUN = re.compile(r"[^\W_]+")
_CODE = re.compile(r"^(?=.*\d)[0-9a-z]{6,}$")
"""Ids and codes inside a slug ("20250122134512", "qx3k7n2b5rdfhj4y", "a1b2c3"), not words."""
_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cms|ece)$", re.IGNORECASE)


def _fold(text: str) -> str:
    """Lower case without accents: "Sénégal" and "senegal" are one word."""
    low = text.casefold()
    if low.isascii():
        return low  # no accents to strip (most lines): skip the decomposition
    plain = unicodedata.normalize("NFKD", low)
    if plain.isascii():
        return plain
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


_ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() else ord(" ") for c in range(128)) + bytes(range(128, 256))
"""ASCII letters and digits kept, every other ASCII character a space: ``_words``'s fast path."""


def _words(text: str) -> list[str]:
    """The runs of letters and digits of ``text``, folded ("Rain-floods, 2024!" -> rain, floods, 2024)."""
    low = _fold(text)
    if low.isascii():  # the same runs, split at C speed
        return low.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()
    return _ALNUM_RUN.findall(low)


@lru_cache(maxsize=4096)
def slug_words(url: str | None) -> frozenset[str] | None:
    """The words of the longest slug in ``url``'s path (ids, codes and numbers dropped), or None
    when no path segment reads as a headline's slug."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    best: list[str] = []
    for segment in unquote(path).split("/"):
        segment = _EXTENSION.sub("", segment)
        if segment.count("-") + segment.count("_") < _SLUG_MIN_WORDS - 1:
            continue
        words = [w for w in _words(segment.replace("_", " ").replace("-", " ")) if not _is_code(w)]
        if len(words) > len(best):
            best = words
    return frozenset(best) if len(best) >= _SLUG_MIN_WORDS else None


def _is_code(word: str) -> bool:
    return word.isdigit() or _CODE.match(word) is not None


def spells_slug(line: str, slug: frozenset[str]) -> bool:
    """Does ``line`` read as the headline that ``slug`` spells: it holds (nearly) every word of the
    slug, and the slug holds a fair share of its own words?"""
    found = _words(line)
    # (numbers are never slug words: the set operation may count them, they match nothing)
    if len(slug.intersection(found)) < _COVER * len(slug):
        return False
    words = [w for w in found if not w.isdigit()]
    # slugs drop the short words (articles, prepositions): weigh the line's longer words only
    long_words = [w for w in words if len(w) >= _LONG_WORD] or words
    return sum(map(slug.__contains__, long_words)) >= _LINE_SHARE * len(long_words)
