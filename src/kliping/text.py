"""Small pure text helpers shared by the cleaning, learning and grouping stages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import xxhash

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")
_DIGIT = re.compile(r"\d")
# ASCII fast path of normalise_line: one byte table lowers letters, turns digits into 0 and
# punctuation and control characters into spaces (the same result as the general path).
_ASCII_BYTES = bytes(
    ord("0")
    if chr(i).isdigit()
    else ord(" ")
    if not chr(i).isalnum() and chr(i) != "_"
    else ord(chr(i).lower())
    for i in range(128)
) + bytes(range(128, 256))


def collapse_ws(text: str) -> str:
    """Collapse runs of white space into one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def normalise_line(line: str) -> str:
    """The key under which a line is compared with other lines.

    Case-folded, NFKC, punctuation and white space folded, digits replaced by ``0`` so that
    "Copyright 2008 - 2023" and "Copyright 2008 - 2024" share a key.
    """
    if line.isascii():
        return " ".join(line.encode("ascii").translate(_ASCII_BYTES).decode("ascii").split())
    return _normalise_any(line)


def _normalise_any(line: str) -> str:
    """:func:`normalise_line` for any text (the ASCII fast path must agree with it)."""
    text = _DIGIT.sub("0", unicodedata.normalize("NFKC", line).casefold())
    return " ".join(_NON_WORD.sub(" ", text).split())


def line_hash(line: str) -> int:
    """64-bit hash of :func:`normalise_line` (what the learned model stores)."""
    return xxhash.xxh3_64_intdigest(normalise_line(line).encode("utf-8", "surrogatepass"))


def body_hash(body: str) -> str:
    """Stable hex id of a cleaned body (exact-duplicate key and default article id)."""
    return xxhash.xxh3_64_hexdigest(normalise_line(body).encode("utf-8", "surrogatepass"))


def text_id(text: str) -> str:
    """Stable hex id of a text as it is (the default Article id: a hash of the cleaned body)."""
    return xxhash.xxh3_64_hexdigest(text.encode("utf-8", "surrogatepass"))


def word_count(text: str) -> int:
    return len(text.split())


def word_alternation(words: Iterable[str], *, ignore_case: bool = False, boundary: bool = False) -> str:
    """A regex alternation matching any of ``words``, written as a trie.

    Matches exactly what ``"|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))``
    matches, in the same order of preference (longest first), but a position where no word
    starts fails after one character instead of one attempt per word: large word lists (month
    and weekday names, labels, agencies) cost almost nothing where they do not match.
    ``ignore_case``: the pattern will be compiled with ``re.IGNORECASE`` (words are folded to
    lower case).  ``boundary``: a word ending in a letter or digit must not be followed by one
    (``(?!\\w)``).
    """
    root: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        if ignore_case and len(word.lower()) == len(word):
            word = word.lower()
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = r"(?!\w)" if boundary and word[-1].isalnum() else ""
    return _trie_pattern(root) if root else "(?!)"


def _trie_pattern(node: dict[str, Any]) -> str:
    end: str | None = node.get("")
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return end or ""
    if end is None:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end == "":
        # optional, greedy: the longer word is tried first, as in a longest-first alternation
        body = (
            branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        )
        return body + "?"
    return "(?:" + "|".join([*branches, end]) + ")"
