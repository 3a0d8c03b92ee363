"""Indonesian stemming for the search index (PySastrawi), with a per-word cache.

The same :func:`stem_text` runs on the indexed text and on the query, so "tolak" finds
"menolak" and "penolakan".  Words are cut the way FTS5's ``unicode61`` tokenizer cuts them
(runs of letters and digits), lower-cased; only plain ASCII alphabetic words go through
Sastrawi (it drops every other character), the rest are kept as they are.

Sastrawi costs about a millisecond for a word it cannot reduce to one of its root words
(names, foreign and rare words: most of the cache misses of a large corpus).  It only ever
returns a word other than the input when that is a root from its dictionary, reached by
taking suffixes (particles, possessives, derivational endings) off the end and up to three
prefixes off the front (a nasal one may recode the next letter: meN-, peN-), and infixes
(-el-, -em-, -er-, -in-: kinerja -> kerja).  :func:`may_have_root` checks that necessary
condition with set look-ups, and Sastrawi runs only for the words that pass; ``tests/test_store_stem.py`` pins that the result equals
plain Sastrawi on real and invented words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

#: A token as FTS5 unicode61 sees it: letters and digits (not ``_``).
WORD: Final = re.compile(r"[^\W_]+")
_CACHE_LIMIT: Final = 1_000_000
#: Endings Sastrawi removes: particle, then possessive, then derivational suffix.
_PARTICLES: Final = ("", "lah", "kah", "tah", "pun")
_POSSESSIVES: Final = ("", "ku", "mu", "nya")
_DERIVATIONAL: Final = ("", "is", "isme", "isasi", "i", "kan", "an")
_ENDING_SET: Final = frozenset(a + b + c for c in _PARTICLES for b in _POSSESSIVES for a in _DERIVATIONAL)
_LONGEST_ENDING: Final = max(map(len, _ENDING_SET))
#: The prefixes Sastrawi's rules take off (plain di-/ke-/se-, ku-/kau-, and the disambiguated
#: be-, te-, me-, pe- families); it takes off at most three, one after the other.
_PIECES: Final = (
    "di", "ke", "se", "ku", "kau", "be", "ber", "bel", "te", "ter", "tel", "me", "mem", "men",
    "meng", "meny", "menge", "pe", "pem", "pen", "peng", "peny", "penge", "per", "pel",
)  # fmt: skip
_CONSONANTS: Final = frozenset("bcdfghjklmnpqrstvwxyz")
_VOWELS: Final = frozenset("aiueo")
_INFIXES: Final = ("el", "em", "er", "in")
_LONGEST_PIECE: Final = max(map(len, _PIECES))
#: First letters a nasal prefix replaces (mem+ukul <- pukul, men+ulis <- tulis, meny+apu <- sapu).
_RECODED: Final = {
    "mem": ("m", "p"), "pem": ("m", "p"), "men": ("n", "t"), "pen": ("n", "t"),
    "meng": ("k", "ng"), "peng": ("k", "ng"), "meny": ("s", "ny"), "peny": ("s", "ny"),
}  # fmt: skip
#: Prefix steps followed: Sastrawi takes off three prefixes at most; one more for an infix.
_STEPS: Final = 4

_factory = StemmerFactory()
_stemmer = _factory.create_stemmer()
_delegate = getattr(_stemmer, "delegatedStemmer", None)
_stem_one = getattr(_delegate, "stem_word", None) or _stemmer.stem  # the uncached, unnormalised path
ROOTS: Final = frozenset(w for w in _factory.get_words() if w)
#: Roots with an infix after their first consonant (gemetar, kinerja): Sastrawi takes it out.
_INFIXED: Final = frozenset(
    r[0] + infix + r[1:]
    for r in ROOTS
    if len(r) > 1 and r[0] in _CONSONANTS and r[1] in _VOWELS
    for infix in _INFIXES
)
_FULL: Final = ROOTS | _INFIXED
_PIECE_SET: Final = frozenset(_PIECES)


class _Cache(dict[str, str]):
    """Word -> stem; a missing word is stemmed (and kept) on look-up."""

    def __missing__(self, word: str) -> str:
        return _stem_miss(word)


_cache = _Cache()


@lru_cache(maxsize=1 << 18)
def _reaches_root(word: str, steps: int = _STEPS) -> bool:
    """Whether taking prefixes (and infixes) off ``word`` can reach a root."""
    if word in _FULL:
        return True
    if steps == 0 or len(word) < 4:
        return False
    infixed = word[0] in _CONSONANTS and word[1:3] in _INFIXES and word[3] in _VOWELS
    if infixed and _reaches_root(word[0] + word[3:], steps - 1):
        return True
    for n in range(2, min(len(word) - 1, _LONGEST_PIECE) + 1):
        piece = word[:n]
        if piece not in _PIECE_SET:
            continue
        rest = word[n:]
        if _reaches_root(rest, steps - 1):
            return True
        if rest[0] in _VOWELS and any(_reaches_root(c + rest, steps - 1) for c in _RECODED.get(piece, ())):
            return True
    return False


def may_have_root(word: str) -> bool:
    """Whether Sastrawi could reduce ``word`` (lower-case ASCII letters) to a root other than itself.

    A necessary condition, checked with set look-ups: after taking an ending off, the word is
    a root (or an infixed root), or prefixes (each possibly recoding the next letter, or
    followed by an infix) lead to one."""
    if word in ROOTS:
        return False  # a root is its own stem
    for n in range(min(_LONGEST_ENDING, len(word) - 2) + 1):
        if n and word[-n:] not in _ENDING_SET:
            continue
        if _reaches_root(word[: len(word) - n]):
            return True
    return False


def _stem_miss(word: str) -> str:
    plain_word = word.isascii() and word.isalpha() and len(word) > 3
    stem = (_stem_one(word) or word) if plain_word and may_have_root(word) else word
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[word] = stem
    return stem


def sastrawi(word: str) -> str:
    """Plain Sastrawi on one word (no shortcut, no cache): the reference for the tests."""
    return str(_stem_one(word))


def stem_word(word: str) -> str:
    """The stem of one lower-cased token (cached)."""
    return _cache[word]


def stem_tokens(text: str) -> list[str]:
    """The stems of the tokens of ``text``, in order."""
    return list(map(_cache.__getitem__, WORD.findall(text.lower())))


def stem_text(text: str) -> str:
    """``text`` as the index stores it: its stems, separated by spaces."""
    return " ".join(map(_cache.__getitem__, WORD.findall(text.lower())))


def token_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, stem)`` for every token of ``text`` (for highlighting the original text)."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), _cache[match.group().lower()]
