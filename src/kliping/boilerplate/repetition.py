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


def repeated_keys(lines: Sequence[str], max_words: int = MAX_WORDS) -> frozenset[str]:
    """Normalised keys of short lines that occur at least twice in ``lines``."""
    counts: Counter[str] = Counter()
    for line in lines:
        if 0 < len(line.split()) <= max_words:
            key = normalise_line(line)
            if key:
                counts[key] += 1
    return frozenset(k for k, n in counts.items() if n > 1)
