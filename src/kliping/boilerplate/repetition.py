"""Repetition inside one document: a short line that occurs more than once is boilerplate.

News paragraphs are unique within an article; widgets ("Baca berita dengan sedikit iklan, klik di
sini", "ADVERTISEMENT") are printed again and again.  Only short lines count, so that a long
paragraph accidentally pasted twice is not dropped as boilerplate.
"""

from __future__ import annotations

from collections.abc import Sequence

from kliping.text import normalise_line

MAX_WORDS = 15


def repeated_keys(
    lines: Sequence[str], max_words: int = MAX_WORDS, keys: Sequence[str | None] | None = None
) -> frozenset[str]:
    """Normalised keys of short lines (fewer than ``max_words`` words) that occur at least twice.

    ``keys``: the lines' keys computed already — each short line's :func:`normalise_line`, None
    for the other lines (then ``lines`` and ``max_words`` are not looked at).
    """
    if keys is None:
        keys = [normalise_line(line) if line and line.count(" ") < max_words else None for line in lines]
    seen: set[str] = set()
    repeated: set[str] = set()
    for key in keys:
        if key:
            if key in seen:
                repeated.add(key)
            else:
                seen.add(key)
    return frozenset(repeated)
