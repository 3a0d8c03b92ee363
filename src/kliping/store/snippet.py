"""Snippets of the original (unstemmed) text with the words whose stem was searched marked.

Results are plain data: a list of ``(text, marked)`` segments; the web layer escapes each
segment and wraps the marked ones in ``<mark>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kliping.store.stem import stem_word

Segments = list[tuple[str, bool]]

ELLIPSIS = "…"


@lru_cache(maxsize=1024)
def _candidates(stems: frozenset[str]) -> re.Pattern[str]:
    """Whole tokens that could stem to one of ``stems``: a word reaches its stem by losing
    affixes, an infix or the stem's first letter (meN- recoding), so it holds the stem without
    its first letter.  Only these tokens are stemmed (a body has thousands of others)."""
    cores = sorted({s[1:] if len(s) > 2 else s for s in stems}, key=len, reverse=True)
    alternatives = "|".join(re.escape(c) for c in cores)
    return re.compile(rf"(?<![^\W_])[^\W_]*?(?:{alternatives})[^\W_]*", re.IGNORECASE)


def _matches(text: str, stems: set[str]) -> list[tuple[int, int]]:
    if not stems:
        return []
    return [
        (m.start(), m.end())
        for m in _candidates(frozenset(stems)).finditer(text)
        if stem_word(m.group().lower()) in stems
    ]


def _segments(text: str, spans: Iterable[tuple[int, int]], start: int, end: int) -> Segments:
    out: Segments = []
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((text[pos:end], False))
    return out


def highlight(text: str, stems: set[str]) -> Segments:
    """All of ``text`` with the matching words marked (for titles)."""
    return _segments(text, _matches(text, stems), 0, len(text))


def snippet(text: str, stems: set[str], width: int = 220) -> Segments:
    """A window of about ``width`` characters of ``text`` around its densest run of matches."""
    spans = _matches(text, stems)
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        best, best_score = spans[0][0], -1
        for s, _ in spans:
            window = {text[a:b].lower() for a, b in spans if s <= a and b <= s + width}
            score = len(window) * 100 + sum(1 for a, b in spans if s <= a and b <= s + width)
            if score > best_score:
                best, best_score = s, score
        start = max(0, best - width // 4)
        end = min(len(text), start + width)
    # widen to word boundaries
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    segments = _segments(text, spans, start, end)
    segments = [(t.replace("\n", " "), m) for t, m in segments]
    if start > 0:
        segments.insert(0, (ELLIPSIS + " ", False))
    if end < len(text):
        segments.append((" " + ELLIPSIS, False))
    return segments
