"""Small pure text helpers shared by the cleaning, learning and grouping stages."""

from __future__ import annotations

import re
import unicodedata

import xxhash

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d+")


def collapse_ws(text: str) -> str:
    """Collapse runs of white space into one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def normalise_line(line: str) -> str:
    """The key under which a line is compared with other lines.

    Case-folded, NFKC, punctuation and white space folded, digit runs replaced by ``0`` so that
    "Copyright 2008 - 2023" and "Copyright 2008 - 2024" share a key.
    """
    text = unicodedata.normalize("NFKC", line).casefold()
    text = _DIGITS.sub("0", text)
    return _NON_WORD.sub(" ", text).strip()


def line_hash(line: str) -> int:
    """64-bit hash of :func:`normalise_line` (what the learned model stores)."""
    return xxhash.xxh3_64_intdigest(normalise_line(line).encode("utf-8", "surrogatepass"))


def body_hash(body: str) -> str:
    """Stable hex id of a cleaned body (exact-duplicate key and default article id)."""
    return xxhash.xxh3_64_hexdigest(normalise_line(body).encode("utf-8", "surrogatepass"))


def word_count(text: str) -> int:
    return len(text.split())
