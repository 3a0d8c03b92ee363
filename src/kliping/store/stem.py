"""Indonesian stemming for the search index (PySastrawi), with a per-word cache.

The same :func:`stem_text` runs on the indexed text and on the query, so "tolak" finds
"menolak" and "penolakan".  Words are cut the way FTS5's ``unicode61`` tokenizer cuts them
(runs of letters and digits), lower-cased; only plain ASCII alphabetic words go through
Sastrawi (it drops every other character), the rest are kept as they are.

Sastrawi costs about a millisecond for a word it cannot reduce to one of its root words
(names, foreign and rare words: most of the cache misses of a large corpus).  It only ever
returns a word other than the input when that is a root from its dictionary, reached by
taking suffixes (particles, possessives, derivational endings) off the end and prefixes off
the front, with the first letter of the root possibly recoded after a nasal (meN-, peN-).
:func:`may_have_root` checks that necessary condition with a few set look-ups, and Sastrawi
runs only for the words that pass; ``tests/test_store_stem.py`` pins that the result equals
plain Sastrawi on real and invented words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

#: A token as FTS5 unicode61 sees it: letters and digits (not ``_``).
WORD: Final = re.compile(r"[^\W_]+")
_CACHE_LIMIT: Final = 1_000_000
#: Endings Sastrawi removes: particle, then possessive, then derivational suffix.
_PARTICLES: Final = ("", "lah", "kah", "tah", "pun")
_POSSESSIVES: Final = ("", "ku", "mu", "nya")
_DERIVATIONAL: Final = ("", "is", "isme", "isasi", "i", "kan", "an")
_ENDINGS: Final = tuple(
    sorted({a + b + c for c in _PARTICLES for b in _POSSESSIVES for a in _DERIVATIONAL}, key=len)
)
#: Every prefix Sastrawi removes starts with one of these.
_PREFIX_STARTS: Final = frozenset({"di", "ke", "se", "be", "me", "pe", "te", "ku", "ka"})

_factory = StemmerFactory()
_stemmer = _factory.create_stemmer()
_delegate = getattr(_stemmer, "delegatedStemmer", None)
_stem_one = getattr(_delegate, "stem_word", None) or _stemmer.stem  # the uncached, unnormalised path
ROOTS: Final = frozenset(w for w in _factory.get_words() if w)
#: Roots without their first letter (the letter a nasal prefix may have replaced).
_ROOT_TAILS: Final = frozenset(w[1:] for w in ROOTS if len(w) > 2)
_cache: dict[str, str] = {}


def may_have_root(word: str) -> bool:
    """Whether Sastrawi could reduce ``word`` (lower-case ASCII letters) to a root other than itself."""
    if word in ROOTS:
        return False  # a root is its own stem
    prefixed = word[:2] in _PREFIX_STARTS
    for ending in _ENDINGS:
        if ending and not word.endswith(ending):
            continue
        core = word[: len(word) - len(ending)] if ending else word
        if len(core) < 2:
            continue
        if ending and core in ROOTS:
            return True
        if not prefixed:
            continue
        for cut in range(2, len(core) - 1):
            tail = core[cut:]
            if tail in ROOTS or (tail in _ROOT_TAILS and core[cut - 1] in "mngyr"):
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
    stem = _cache.get(word)
    return stem if stem is not None else _stem_miss(word)


def stem_tokens(text: str) -> list[str]:
    """The stems of the tokens of ``text``, in order."""
    get = _cache.get
    out = []
    for word in WORD.findall(text.lower()):
        stem = get(word)
        out.append(stem if stem is not None else _stem_miss(word))
    return out


def stem_text(text: str) -> str:
    """``text`` as the index stores it: its stems, separated by spaces."""
    return " ".join(stem_tokens(text))


def token_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, stem)`` for every token of ``text`` (for highlighting the original text)."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), stem_word(match.group().lower())
