"""Which characters can start a match of a regex: lets the rule layer try, on each line, only the
start-anchored shapes that can match a line beginning with its first character.

CPython's regex engine tries every branch of an alternation in turn, so one alternation of all the
start-anchored shapes costs the same on a story sentence as on a promo line.  Split by first
character, a sentence that starts with "M" meets only the shapes that may start with "m" (or with
anything).  The answer is read from the parsed pattern (``re._parser``, the standard library's own
parser); whatever it cannot tell is "any character", so a shape is never skipped wrongly.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the standard library's regex parser: private, so any surprise means "can't tell"
    _c: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Pythons
    _parser = None

_ASCII_DIGITS = frozenset("0123456789")
_ASCII_SPACE = frozenset(" \t\n\r\f\v")
_MAX_RANGE = 128


class _Unknown(Exception):
    """The pattern starts with something whose first characters are not worked out here."""


def first_chars(pattern: str) -> frozenset[str] | None:
    """The lower-case ASCII characters a match of ``pattern`` (matched at a line's start) can begin
    with, or None when it may begin with any character or this cannot tell.  Case is ignored
    (a superset: the shape itself still decides), so the answer serves both kinds of shape.

    >>> sorted(first_chars(r"(?:Baca|read)\\s+juga"))
    ['b', 'r']
    >>> first_chars(r"\\w+") is None
    True
    """
    if _parser is None:
        return None
    try:
        chars, nullable = _first_of_sequence(list(_parser.parse(pattern)))
    except (_Unknown, re.error, RecursionError, TypeError, ValueError):
        return None
    if nullable:
        return None  # the pattern can match the empty string: any line
    return frozenset(chars)


def _first_of_sequence(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """First characters of a sequence of parsed items, and whether the sequence can match empty."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of_item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return _literal(av), False
    if op is _c.IN:
        return _charset(av), False
    if op is _c.SUBPATTERN:
        return _first_of_sequence(list(av[3]))  # (group, add_flags, del_flags, items)
    if op is _c.ATOMIC_GROUP:
        return _first_of_sequence(list(av))
    if op is _c.BRANCH:
        out: set[str] = set()
        any_nullable = False
        for branch in av[1]:
            chars, nullable = _first_of_sequence(list(branch))
            out |= chars
            any_nullable = any_nullable or nullable
        return out, any_nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        chars, nullable = _first_of_sequence(list(sub))
        return chars, nullable or low == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero width: the next item decides (a lookahead only narrows it)
    raise _Unknown(op)


def _literal(code: int) -> set[str]:
    """The ASCII characters (lower case) that can match the literal: a line whose first character
    is not ASCII takes every shape anyway, so a non-ASCII literal only adds the ASCII letters it
    folds to ("K", the Kelvin sign, matches "k" when case is ignored; "ſ" matches "s")."""
    ch = chr(code)
    forms = (ch, ch.lower(), ch.upper(), ch.casefold())
    return {f.lower() for f in forms if len(f) == 1 and f.isascii()}


def _charset(items: list[tuple[Any, Any]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out |= _literal(av)
        elif op is _c.RANGE:
            low, high = av
            if high - low > _MAX_RANGE or high >= _MAX_RANGE:
                raise _Unknown(av)
            out |= {chr(c).lower() for c in range(low, high + 1)}
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out |= _ASCII_DIGITS  # other scripts' digits are not ASCII: such a line takes every shape
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            out |= _ASCII_SPACE
        else:
            raise _Unknown(op)  # a negated set, \w, ...: any character
    return out
