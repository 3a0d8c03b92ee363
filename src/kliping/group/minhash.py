"""MinHash signatures of clean bodies, and their comparison.

The body the cleaner leaves in :attr:`Article.body` has no dateline prefix, credit, byline or
promo lines, so a signature sees only the story itself.

Parameters (chosen on the syndication groups of the dev set, see ``docs/stories.md``):

- tokens: NFKC, case-folded runs of letters, and runs of digits (``Rp80.000`` and ``Rp 80.000``
  both give ``rp 80 000``); numbers are kept, because they tell two reports apart;
- shingles: :data:`SHINGLE` = 4 consecutive tokens.  On the dev set, copies of one wire story
  (other datelines, light edits, a paragraph added or dropped) have a 4-shingle Jaccard of
  0.59-0.95, while any two different stories stay under 0.01;
- :data:`NUM_PERM` = 120 permutations (rensa ``RMinHash``, seed :data:`SEED`), cut into
  :data:`BANDS` = 40 bands of :data:`ROWS` = 3 rows: the LSH S-curve passes 0.5 at
  J ~= 0.29, so a pair at J = 0.45 becomes a candidate with probability 0.98 and one at
  J = 0.55 with 0.9996.  Candidates are then verified (:func:`similar`): estimated Jaccard
  >= :data:`JACCARD` (0.45), or estimated containment >= :data:`CONTAINMENT` (0.8) with
  Jaccard >= :data:`MIN_JACCARD_CONTAINED` (0.3) — a short copy that dropped several paragraphs.

A signature is :data:`SIGNATURE_BYTES` bytes: the shingle count (uint32) followed by the
:data:`NUM_PERM` minimum hashes (uint32), little-endian.  It is a plain ``bytes`` object,
picklable and cheap to send between processes.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from typing import Final

import numpy as np
import numpy.typing as npt
from rensa import RMinHash

from kliping.article import Article

SHINGLE: Final = 4
NUM_PERM: Final = 120
BANDS: Final = 40
ROWS: Final = 3
SEED: Final = 1_234_567
JACCARD: Final = 0.45
CONTAINMENT: Final = 0.8
MIN_JACCARD_CONTAINED: Final = 0.3
#: Version of the signature definition; a signature cache made under another version is not reused.
VERSION: Final = f"k{SHINGLE}-p{NUM_PERM}-s{SEED}-rensa{getattr(RMinHash, 'ALGORITHM_VERSION', '?')}"
SIGNATURE_BYTES: Final = 4 * (NUM_PERM + 1)

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_ASCII_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_HEADER = struct.Struct("<I")

assert BANDS * ROWS == NUM_PERM


def tokens(body: str) -> list[str]:
    """Word and number tokens of a body, case-folded."""
    if body.isascii():
        return _ASCII_TOKEN.findall(body.lower())
    return _TOKEN.findall(unicodedata.normalize("NFKC", body).casefold())


def shingles(toks: list[str], size: int = SHINGLE) -> list[str]:
    """The ``size``-token shingles of ``toks`` (one shingle of all tokens when there are fewer)."""
    if len(toks) <= size:
        return [" ".join(toks)] if toks else []
    return [" ".join(toks[i : i + size]) for i in range(len(toks) - size + 1)]


def body_signature(body: str) -> bytes:
    """The signature of a clean body; an empty body gives a signature with a shingle count of 0."""
    grams = set(shingles(tokens(body)))
    if not grams:
        return _HEADER.pack(0) + b"\xff" * (4 * NUM_PERM)
    mh = RMinHash(NUM_PERM, SEED)
    mh.update(list(grams))
    return _HEADER.pack(len(grams)) + np.asarray(mh.digest(), dtype="<u4").tobytes()


def signature(article: Article) -> bytes:
    """:func:`body_signature` of ``article.body`` (usable in a worker process: pure and picklable)."""
    return body_signature(article.body)


def shingle_count(sig: bytes) -> int:
    return int(_HEADER.unpack_from(sig)[0])


def minhashes(sig: bytes) -> npt.NDArray[np.uint32]:
    """The :data:`NUM_PERM` minimum hashes of a signature."""
    if len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"a signature has {SIGNATURE_BYTES} bytes, not {len(sig)}")
    return np.frombuffer(sig, dtype="<u4", offset=4).astype(np.uint32)


def estimate(
    mins_a: npt.NDArray[np.uint32], mins_b: npt.NDArray[np.uint32], count_a: int, count_b: int
) -> tuple[float, float]:
    """Estimated (Jaccard, containment of the smaller set) of two documents' shingle sets."""
    jaccard = float(np.mean(mins_a == mins_b))
    return jaccard, containment(jaccard, count_a, count_b)


def containment(jaccard: float, count_a: int, count_b: int) -> float:
    """|A∩B| / min(|A|, |B|) from the Jaccard and the set sizes: |A∩B| = J (|A|+|B|) / (1+J)."""
    small = min(count_a, count_b)
    if small <= 0:
        return 0.0
    return min(1.0, jaccard * (count_a + count_b) / (1.0 + jaccard) / small)


def similar(jaccard: float, contained: float) -> bool:
    """The verification rule applied to every LSH candidate pair."""
    return jaccard >= JACCARD or (contained >= CONTAINMENT and jaccard >= MIN_JACCARD_CONTAINED)


def similar_many(
    jaccard: npt.NDArray[np.float64], count_a: npt.NDArray[np.uint32], count_b: npt.NDArray[np.uint32]
) -> npt.NDArray[np.bool_]:
    """:func:`similar` over arrays of candidate pairs."""
    a = count_a.astype(np.float64)
    b = count_b.astype(np.float64)
    small = np.maximum(np.minimum(a, b), 1.0)
    contained = np.minimum(1.0, jaccard * (a + b) / (1.0 + jaccard) / small)
    ok: npt.NDArray[np.bool_] = (jaccard >= JACCARD) | (
        (contained >= CONTAINMENT) & (jaccard >= MIN_JACCARD_CONTAINED)
    )
    return ok & (a > 0) & (b > 0)
