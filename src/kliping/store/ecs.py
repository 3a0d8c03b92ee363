"""Sastrawi's stemmer (Enhanced Confix Stripping), step for step, without its per-word overhead.

PySastrawi builds a context object per word, walks some fifty visitor objects for every prefix
it tries, matches each rule by compiling its pattern from a string, and compiles every
intermediate word as a regular expression (to find the part a rule removed): a few hundred
microseconds a word.  :func:`stem` follows the same algorithm over the same shipped
dictionary (``Sastrawi/Stemmer/data/kata-dasar.txt``): the same rules with the same patterns,
in the same order, with the same quirks (a rule group yields its *last* rule's result unless an
earlier one reaches a root; a confix-precedence trial that fails starts over; the "loop
pengembalian akhiran" puts suffixes back one by one).  The rules are only tried when the word
starts with a letter they can match.  ``tests/test_store_ecs.py`` pins every rule group against
Sastrawi's own rule objects, and the whole stemmer against Sastrawi on real and invented words.

Only plain words are handled here: lower-case ASCII letters, longer than three (Sastrawi stops
short words, and treats hyphenated words as reduplications); :func:`stem` hands anything else to
Sastrawi itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

Rule = Callable[[str], str | None]

_stemmer = StemmerFactory().create_stemmer()
_delegate = _stemmer.delegatedStemmer
#: Sastrawi's dictionary of root words, the very mapping its stemmer looks words up in.
DICTIONARY: Final[dict[str, str]] = _delegate.get_dictionary().words
_sastrawi_word: Callable[[str], str] = _delegate.stem_word

_C: Final = "[bcdfghjklmnpqrstvwxyz]"
_CONSONANTS: Final = "bcdfghjklmnpqrstvwxyz"


def _rule(pattern: str, build: Callable[[re.Match[str]], str | None]) -> Rule:
    """A disambiguator: ``build(match)`` when ``pattern`` matches the start of the word, else ``None``."""
    match = re.compile(pattern).match

    def apply(word: str) -> str | None:
        m = match(word)
        return build(m) if m else None

    return apply


def _exactly(word: str, result: str) -> Rule:
    def apply(candidate: str) -> str | None:
        return result if candidate == word else None

    return apply


def _either(first: Rule, second: Rule) -> Rule:
    def apply(word: str) -> str | None:
        found = first(word)
        return found if found is not None else second(word)

    return apply


def _joined(m: re.Match[str]) -> str:
    return "".join(m.groups())


def _lead(letters: str) -> Callable[[re.Match[str]], str]:
    return lambda m: letters + "".join(m.groups())


def _unless_er(group: int) -> Callable[[re.Match[str]], str | None]:
    """All groups joined, unless group ``group`` starts with "er" (the rule's P != 'er')."""
    return lambda m: None if m.group(group).startswith("er") else "".join(m.groups())


def _unless_r(build: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str | None]:
    """``build``, unless the first group is "r" (the rule's C != 'r')."""
    return lambda m: None if m.group(1) == "r" else build(m)


def _er_after(cut: int) -> Callable[[re.Match[str]], str]:
    """Groups joined with "er" put back after the first ``cut`` (CAerV, CerV, C1erC2 rules)."""

    def build(m: re.Match[str]) -> str:
        g = m.groups()
        return "".join(g[:cut]) + "er" + "".join(g[cut:])

    return build


#: Sastrawi's prefix rule groups (``VisitorProvider``), in its order: the letters a word must start
#: with for the group to match anything, and its rules (Sastrawi's patterns, verbatim).
PREFIX_GROUPS: Final[tuple[tuple[str, tuple[Rule, ...]], ...]] = (
    ("b", (_rule(r"^ber([aiueo].*)$", _joined), _rule(r"^ber([aiueo].*)$", _lead("r")))),  # 1a, 1b
    ("b", (_rule(r"^ber([bcdfghjklmnpqrstvwxyz])([a-z])(.*)", _unless_er(3)),)),  # 2
    ("b", (_rule(r"ber([bcdfghjklmnpqrstvwxyz])([a-z])er([aiueo])(.*)", _unless_r(_er_after(2))),)),  # 3
    ("b", (_exactly("belajar", "ajar"),)),  # 4
    ("b", (_rule(r"be([bcdfghjklmnpqstvwxyz])(er[bcdfghjklmnpqrstvwxyz])(.*)$", _joined),)),  # 5
    ("t", (_rule(r"^ter([aiueo].*)$", _joined), _rule(r"^ter([aiueo].*)$", _lead("r")))),  # 6a, 6b
    ("t", (_rule(r"^ter([bcdfghjklmnpqrstvwxyz])er([aiueo].*)$", _unless_r(_er_after(1))),)),  # 7
    (
        "t",
        (
            _rule(
                r"^ter([bcdfghjklmnpqrstvwxyz])(.*)$",
                lambda m: None if m.group(1) == "r" or m.group(2).startswith("er") else _joined(m),
            ),
        ),
    ),  # 8
    (
        "t",
        (_rule(r"^te([bcdfghjklmnpqrstvwxyz])er([bcdfghjklmnpqrstvwxyz])(.*)$", _unless_r(_er_after(1))),),
    ),  # 9
    ("m", (_rule(r"^me([lrwy])([aiueo])(.*)$", _joined),)),  # 10
    ("m", (_rule(r"^mem([bfv])(.*)$", _joined),)),  # 11
    ("m", (_rule(r"^mempe(.*)$", _lead("pe")),)),  # 12
    ("m", (_rule(r"^mem([aiueo])(.*)$", _lead("m")), _rule(r"^mem([aiueo])(.*)$", _lead("p")))),  # 13a, b
    ("m", (_rule(r"^men([cdjstz])(.*)$", _joined),)),  # 14
    ("m", (_rule(r"^men([aiueo])(.*)$", _lead("n")), _rule(r"^men([aiueo])(.*)$", _lead("t")))),  # 15a, b
    ("m", (_rule(r"^meng([ghqk])(.*)$", _joined),)),  # 16
    (
        "m",
        (
            _rule(r"^meng([aiueo])(.*)$", _joined),  # 17a
            _rule(r"^meng([aiueo])(.*)$", _lead("k")),  # 17b
            _rule(r"^menge(.*)$", _joined),  # 17c
            _rule(r"^meng([aiueo])(.*)$", _lead("ng")),  # 17d
        ),
    ),
    ("m", (_rule(r"^meny([aiueo])(.*)$", _lead("ny")), _rule(r"^meny([aiueo])(.*)$", _lead("s")))),  # 18a, b
    ("m", (_rule(r"^memp([abcdfghijklmopqrstuvwxyz])(.*)$", _lead("p")),)),  # 19
    ("p", (_rule(r"^pe([wy])([aiueo])(.*)$", _joined),)),  # 20
    ("p", (_rule(r"^per([aiueo])(.*)$", _joined), _rule(r"^pe(r[aiueo])(.*)$", _joined))),  # 21a, b
    ("p", (_rule(r"^per([bcdfghjklmnpqrstvwxyz])([a-z])(.*)$", _unless_er(3)),)),  # 23
    ("p", (_rule(r"^per([bcdfghjklmnpqrstvwxyz])([a-z])er([aiueo])(.*)$", _unless_r(_er_after(2))),)),  # 24
    ("p", (_rule(r"^pem([bfv])(.*)$", _joined),)),  # 25
    ("p", (_rule(r"^pem([aiueo])(.*)$", _lead("m")), _rule(r"^pem([aiueo])(.*)$", _lead("p")))),  # 26a, b
    ("p", (_rule(r"^pen([cdjstz])(.*)$", _joined),)),  # 27
    ("p", (_rule(r"^pen([aiueo])(.*)$", _lead("n")), _rule(r"^pen([aiueo])(.*)$", _lead("t")))),  # 28a, b
    ("p", (_rule(r"^peng([bcdfghjklmnpqrstvwxyz])(.*)$", _joined),)),  # 29
    (
        "p",
        (
            _rule(r"^peng([aiueo])(.*)$", _joined),  # 30a
            _rule(r"^peng([aiueo])(.*)$", _lead("k")),  # 30b
            _rule(r"^penge(.*)$", _joined),  # 30c
        ),
    ),
    ("p", (_rule(r"^peny([aiueo])(.*)$", _lead("ny")), _rule(r"^peny([aiueo])(.*)$", _lead("s")))),  # 31a, b
    ("p", (_either(_exactly("pelajar", "ajar"), _rule(r"^pe(l[aiueo])(.*)$", _joined)),)),  # 32
    ("p", (_rule(r"^pe([bcdfghjklmnpqrstvwxyz])(.*)$", _unless_er(2)),)),  # 34
    ("t", (_rule(r"^ter([bcdfghjkpqstvxz])(er[bcdfghjklmnpqrstvwxyz])(.*)$", _joined),)),  # 35
    ("p", (_rule(r"^pe([bcdfghjkpqstvxz])(er[bcdfghjklmnpqrstvwxyz])(.*)$", _joined),)),  # 36
    *(
        (
            _CONSONANTS,
            (
                _rule(rf"^({_C})({infix}[aiueo])(.*)$", _joined),  # 37a-40a: CerV -> CerV
                _rule(rf"^({_C}){infix}([aiueo])(.*)$", _joined),  # 37b-40b: CerV -> CV
            ),
        )
        for infix in ("er", "el", "em", "in")
    ),
    ("k", (_rule(r"^ku(.*)$", _joined),)),  # 41
    ("k", (_rule(r"^kau(.*)$", _joined),)),  # 42
)

#: The prefix rule groups that can match a word starting with each letter, in Sastrawi's order.
_GROUPS_BY_LETTER: Final[dict[str, tuple[tuple[Rule, ...], ...]]] = {
    letter: tuple(rules for first, rules in PREFIX_GROUPS if letter in first)
    for letter in map(chr, range(97, 123))
}
_NO_GROUPS: Final[tuple[tuple[Rule, ...], ...]] = ()
_PLAIN_PREFIXES: Final = ("di", "ke", "se")
_PARTICLES: Final = ("lah", "kah", "tah", "pun")
_POSSESSIVES: Final = ("nya", "ku", "mu")
#: Derivational suffixes, longest first: Sastrawi's ``(is|isme|isasi|i|kan|an)$`` removes the
#: leftmost match, which is the longest ending.
_DERIVATIONAL: Final = ("isasi", "isme", "kan", "is", "an", "i")
_SUFFIX_TYPES: Final = frozenset(("DS", "PP", "P"))
_PREFIX_STEPS: Final[dict[str, str | None]] = {}
_PREFIX_STEPS_LIMIT: Final = 1 << 17


def run_group(rules: tuple[Rule, ...], word: str) -> str | None:
    """One prefix rule group on ``word``, as Sastrawi's ``AbstractDisambiguatePrefixRule`` does:
    the first result that is a root, else the *last* rule's result (which may be ``None``)."""
    result = None
    for rule in rules:
        result = rule(word)
        if result in DICTIONARY:
            break
    return result


def prefix_step(word: str) -> str | None:
    """What one round of Sastrawi's prefix visitors leaves of ``word`` (``None``: nothing
    removed), remembered (in a plain dict of strings, which the garbage collector skips)."""
    try:
        return _PREFIX_STEPS[word]
    except KeyError:
        pass
    if len(_PREFIX_STEPS) >= _PREFIX_STEPS_LIMIT:
        _PREFIX_STEPS.clear()
    result = _PREFIX_STEPS[word] = _prefix_step(word)
    return result


def _prefix_step(word: str) -> str | None:
    """The first visitor that removes something ends the round, and so does finding the word in
    the dictionary after any visitor; a visitor that removes nothing changes nothing, so only
    the rule groups that can match the word's first letter are tried."""
    if word.startswith(_PLAIN_PREFIXES):  # RemovePlainPrefix comes first
        return word[2:]
    if word in DICTIONARY:
        return None
    for rules in _GROUPS_BY_LETTER.get(word[:1], _NO_GROUPS):
        result = run_group(rules, word)
        if result is not None:
            return result
    return None


class _Removal:
    __slots__ = ("removed", "result", "subject", "type")

    def __init__(self, subject: str, result: str, removed: str, kind: str) -> None:
        self.subject = subject
        self.result = result
        self.removed = removed
        self.type = kind


class _Context:
    """Sastrawi's ``Context`` for one word (same steps; see the module doc)."""

    __slots__ = ("current", "original", "removals")

    def __init__(self, word: str) -> None:
        self.original = word
        self.current = word
        self.removals: list[_Removal] = []

    def _remove(self, result: str, kind: str) -> None:
        # Sastrawi: re.sub(result, '', current, count=1); result is letters only, so a literal
        current = self.current
        self.removals.append(_Removal(current, result, current.replace(result, "", 1), kind))
        self.current = result

    # --- suffixes (particle, possessive pronoun, derivational suffix) --------------------------
    def remove_suffixes(self) -> None:
        for endings, kind in ((_PARTICLES, "P"), (_POSSESSIVES, "PP"), (_DERIVATIONAL, "DS")):
            word = self.current
            for ending in endings:
                if word.endswith(ending):
                    self._remove(word[: len(word) - len(ending)], kind)
                    break
            if self.current in DICTIONARY:
                return

    # --- prefixes ----------------------------------------------------------------------------
    def remove_prefixes(self) -> None:
        for _ in range(3):
            result = prefix_step(self.current)
            if result is None:
                return  # nothing removed: the next round would see the same word
            self._remove(result, "DP")
            if result in DICTIONARY:
                return

    # --- the whole word ----------------------------------------------------------------------
    def run(self) -> str:
        self.start()
        return self.current if self.current in DICTIONARY else self.original

    def start(self) -> None:
        if self.current in DICTIONARY:
            return
        if _precedence_adjusted(self.original):  # prefix before suffix first, for these confixes
            self.remove_prefixes()
            if self.current in DICTIONARY:
                return
            self.remove_suffixes()
            if self.current in DICTIONARY:
                return
            self.current = self.original
            self.removals = []
        self.remove_suffixes()
        if self.current in DICTIONARY:
            return
        self.remove_prefixes()
        if self.current in DICTIONARY:
            return
        self.put_suffixes_back()

    def put_suffixes_back(self) -> None:
        """ECS "loop pengembalian akhiran": undo the prefixes, then put the suffixes back one by
        one (last removed first; -kan also as -k), each time trying the prefixes again."""
        if self.removals:
            self.current = self.removals[0].subject
        self.removals = [r for r in self.removals if r.type != "DP"]
        removals = list(self.removals)
        current = self.current
        for removal in reversed(removals):
            if removal.type not in _SUFFIX_TYPES:
                continue
            if removal.removed == "kan":
                self.current = removal.result + "k"
                self.remove_prefixes()
                if self.current in DICTIONARY:
                    return
                self.current = removal.result + "kan"
            else:
                self.current = removal.subject
            self.remove_prefixes()
            if self.current in DICTIONARY:
                return
            self.removals = removals
            self.current = current


def _precedence_adjusted(word: str) -> bool:
    """Sastrawi's ``PrecedenceAdjustmentSpecification``: be-...-lah, be-...-an, me-...-i,
    di-...-i, pe-...-i, ter-...-i (prefix and suffix not overlapping)."""
    n = len(word)
    return (
        (word.startswith("be") and ((word.endswith("lah") and n >= 5) or (word.endswith("an") and n >= 4)))
        or (word.startswith(("me", "di", "pe")) and word.endswith("i") and n >= 3)
        or (word.startswith("ter") and word.endswith("i") and n >= 4)
    )


def is_plain(word: str) -> bool:
    """Whether :func:`stem` handles ``word`` itself (lower-case ASCII letters, more than three)."""
    return len(word) > 3 and word.isascii() and word.isalpha() and word.islower()


def stem(word: str) -> str:
    """The stem Sastrawi's ``stem_word`` gives ``word`` (computed here for plain words)."""
    if not is_plain(word):
        return _sastrawi_word(word)
    return _Context(word).run()


def sastrawi(word: str) -> str:
    """Plain Sastrawi on one word (no cache): the reference the tests compare with."""
    return str(_sastrawi_word(word))
