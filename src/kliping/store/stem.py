"""Indonesian stemming for the search index (Sastrawi's algorithm), with a per-word cache.

The same :func:`stem_text` runs on the indexed text and on the query, so "tolak" finds
"menolak" and "penolakan".  Words are cut the way FTS5's ``unicode61`` tokenizer cuts them
(runs of letters and digits), lower-cased; only plain ASCII alphabetic words go through the
stemmer (Sastrawi drops every other character), the rest are kept as they are.

Every new word form is a cache miss, and a large corpus has hundreds of thousands (names,
foreign and rare words, affixed forms).  Two things keep a miss cheap.  Sastrawi only ever
returns a word other than the input when that is a root from its dictionary, reached by
taking suffixes (particles, possessives, derivational endings) off the end and up to three
prefixes off the front (a nasal one may recode the next letter: meN-, peN-), and infixes
(-el-, -em-, -er-, -in-: kinerja -> kerja).  :func:`may_have_root` checks that necessary
condition with set look-ups, and only the words that pass are stemmed; they are stemmed by
:mod:`kliping.store.ecs`, Sastrawi's algorithm over Sastrawi's dictionary without Sastrawi's
per-word overhead.  ``tests/test_store_stem.py`` and ``tests/test_store_ecs.py`` pin that the
result equals plain Sastrawi on real and invented words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from kliping.store import ecs

#: A token as FTS5 unicode61 sees it: letters and digits (not ``_``).
WORD: Final = re.compile(r"[^\W_]+")
_CACHE_LIMIT: Final = 1_000_000
#: ASCII letters lower-cased, every other ASCII character a space.
_ASCII_TOKENS: Final = str.maketrans(
    {c: (c.lower() if c.isalnum() else " ") for c in map(chr, range(128)) if c.isupper() or not c.isalnum()}
)
#: Endings Sastrawi removes: particle, then possessive, then derivational suffix.
_PARTICLES: Final = ("", "lah", "kah", "tah", "pun")
_POSSESSIVES: Final = ("", "ku", "mu", "nya")
_DERIVATIONAL: Final = ("", "is", "isme", "isasi", "i", "kan", "an")
_ENDING_SET: Final = frozenset(a + b + c for c in _PARTICLES for b in _POSSESSIVES for a in _DERIVATIONAL)
#: The prefixes Sastrawi's rules take off (plain di-/ke-/se-, ku-/kau-, and the disambiguated
#: be-, te-, me-, pe- families); it takes off at most three, one after the other.
_PIECES: Final = (
    "di", "ke", "se", "ku", "kau", "be", "ber", "bel", "te", "ter", "tel", "me", "mem", "men",
    "meng", "meny", "menge", "pe", "pem", "pen", "peng", "peny", "penge", "per", "pel",
)  # fmt: skip
_CONSONANTS: Final = frozenset("bcdfghjklmnpqrstvwxyz")
_VOWELS: Final = frozenset("aiueo")
_INFIXES: Final = ("el", "em", "er", "in")
#: First letters a nasal prefix replaces (mem+ukul <- pukul, men+ulis <- tulis, meny+apu <- sapu).
_RECODED: Final = {
    "mem": ("m", "p"), "pem": ("m", "p"), "men": ("n", "t"), "pen": ("n", "t"),
    "meng": ("k", "ng"), "peng": ("k", "ng"), "meny": ("s", "ny"), "peny": ("s", "ny"),
}  # fmt: skip
#: Prefix steps followed: Sastrawi takes off three prefixes at most; one more for an infix.
_STEPS: Final = 4

#: Sastrawi's root words.
ROOTS: Final = frozenset(ecs.DICTIONARY)
#: Roots with an infix after their first consonant (gemetar, kinerja): Sastrawi takes it out.
_INFIXED: Final = frozenset(
    r[0] + infix + r[1:]
    for r in ROOTS
    if len(r) > 1 and r[0] in _CONSONANTS and r[1] in _VOWELS
    for infix in _INFIXES
)
_FULL: Final = ROOTS | _INFIXED
#: The prefix pieces by their first two letters.
_PIECES_BY_HEAD: Final = {
    head: tuple(p for p in _PIECES if p[:2] == head) for head in {p[:2] for p in _PIECES}
}
#: The lengths of the endings that end with each letter.
_ENDING_LENGTHS: Final = {
    last: tuple(sorted({len(e) for e in _ENDING_SET if e.endswith(last)}))
    for last in {e[-1] for e in _ENDING_SET if e}
}


class _Cache(dict[str, str]):
    """Word -> stem; a missing word is stemmed (and kept) on look-up."""

    def __missing__(self, word: str) -> str:
        return _stem_miss(word)


_cache = _Cache()


#: What :func:`_reaches_root` found for the words it searched, by the steps left (plain dicts
#: of strings and booleans: the garbage collector need not look into them).
_SEARCHED: Final[list[dict[str, bool]]] = [{} for _ in range(_STEPS + 1)]


def _reaches_root(word: str, steps: int = _STEPS) -> bool:
    """Whether taking prefixes (and infixes) off ``word`` can reach a root."""
    if word in _FULL:
        return True
    if steps == 0 or len(word) < 4:
        return False
    head = word[:2]
    infixed = word[0] in _CONSONANTS and word[1:3] in _INFIXES and word[3] in _VOWELS
    if not infixed and head not in _PIECES_BY_HEAD:
        return False  # nothing to take off
    searched = _SEARCHED[steps]
    found = searched.get(word)
    if found is not None:
        return found
    found = infixed and _reaches_root(word[0] + word[3:], steps - 1)
    for piece in _PIECES_BY_HEAD.get(head, ()) if not found else ():
        n = len(piece)
        if n >= len(word) or not word.startswith(piece):
            continue
        rest = word[n:]
        if _reaches_root(rest, steps - 1) or (
            rest[0] in _VOWELS and any(_reaches_root(c + rest, steps - 1) for c in _RECODED.get(piece, ()))
        ):
            found = True
            break
    if len(searched) >= _CACHE_LIMIT:
        searched.clear()
    searched[word] = found
    return found


def may_have_root(word: str) -> bool:
    """Whether Sastrawi could reduce ``word`` (lower-case ASCII letters) to a root other than itself.

    A necessary condition, checked with set look-ups: after taking an ending off, the word is
    a root (or an infixed root), or prefixes (each possibly recoding the next letter, or
    followed by an infix) lead to one."""
    if word in ROOTS:
        return False  # a root is its own stem
    if _reaches_root(word):
        return True
    longest = len(word) - 2
    for n in _ENDING_LENGTHS.get(word[-1:], ()):
        if n <= longest and word[-n:] in _ENDING_SET and _reaches_root(word[:-n]):
            return True
    return False


def _stem_miss(word: str) -> str:
    plain_word = word.isascii() and word.isalpha() and len(word) > 3
    stem = (ecs.stem(word) or word) if plain_word and may_have_root(word) else word
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[word] = stem
    return stem


def sastrawi(word: str) -> str:
    """Plain Sastrawi on one word (no shortcut, no cache): the reference for the tests."""
    return ecs.sastrawi(word)


def stem_word(word: str) -> str:
    """The stem of one lower-cased token (cached)."""
    return _cache[word]


def tokens(text: str) -> list[str]:
    """The lower-cased tokens of ``text`` (:data:`WORD`); ASCII text takes a faster way to the
    same tokens (every ASCII character but a letter or digit becomes a space)."""
    if text.isascii():
        return text.translate(_ASCII_TOKENS).split()
    return WORD.findall(text.lower())


def stem_tokens(text: str) -> list[str]:
    """The stems of the tokens of ``text``, in order."""
    return list(map(_cache.__getitem__, tokens(text)))


def stem_text(text: str) -> str:
    """``text`` as the index stores it: its stems, separated by spaces."""
    return " ".join(map(_cache.__getitem__, tokens(text)))


def token_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, stem)`` for every token of ``text`` (for highlighting the original text)."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), _cache[match.group().lower()]
