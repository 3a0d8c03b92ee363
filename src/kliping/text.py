"""Small pure text helpers shared by the cleaning, learning and grouping stages."""

from __future__ import annotations

import re
import unicodedata

import xxhash

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")
_DIGIT = re.compile(r"\d")
# ASCII fast path of normalise_line: digits -> 0, punctuation -> space (same result as the regexes).
_ASCII_TABLE = str.maketrans(
    {**{c: "0" for c in "0123456789"}, **{c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~\t\n\r\x0b\x0c"}}
)
_ASCII_TABLE.update({i: " " for i in range(0, 32)})
_ASCII_TABLE[127] = " "


def collapse_ws(text: str) -> str:
    """Collapse runs of white space into one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def normalise_line(line: str) -> str:
    """The key under which a line is compared with other lines.

    Case-folded, NFKC, punctuation and white space folded, digits replaced by ``0`` so that
    "Copyright 2008 - 2023" and "Copyright 2008 - 2024" share a key.
    """
    if line.isascii():
        return " ".join(line.lower().translate(_ASCII_TABLE).split())
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
