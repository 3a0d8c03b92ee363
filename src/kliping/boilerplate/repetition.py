"""Repetition inside one document: a short line that occurs more than once is boilerplate.

News paragraphs are unique within an article; widgets ("Baca berita dengan sedikit iklan, klik di
sini", "ADVERTISEMENT") are printed again and again.  Only short lines count, so that a long
paragraph accidentally pasted twice is not dropped as boilerplate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kliping.text import normalise_line

MAX_WORDS = 15


def repeated_keys(
    lines: Sequence[str], max_words: int = MAX_WORDS, keys: Sequence[str | None] | None = None
) -> frozenset[str]:
    """Normalised keys of short lines (fewer than ``max_words`` words) that occur at least twice.

    ``keys`` may give each line's :func:`normalise_line` already computed (None: compute it).
    """
    counts: Counter[str] = Counter()
    for i, line in enumerate(lines):
        if line and line.count(" ") < max_words:
            key = keys[i] if keys is not None else None
            if key is None:
                key = normalise_line(line)
            if key:
                counts[key] += 1
    if len(counts) == sum(counts.values()):
        return frozenset()
    return frozenset(k for k, n in counts.items() if n > 1)
