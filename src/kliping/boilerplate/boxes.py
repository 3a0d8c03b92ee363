"""Boxes that a page prints around the story, known by the line that opens them and the shape of
the lines in them (never by their words, so they work for any outlet): the author box ("About the
author" / "Guest Author" / "Rina Kusuma" / "Rina Kusuma is a reporter based in Depok."), the tag
run under a bare "Tags" header ("Society Southeast Asia Indonesia rural economy"), the title of an
embedded video under the prompt that announces it, the caption above a bare photo credit.
"""

from __future__ import annotations

from collections.abc import Callable, MutableSequence, Sequence

from kliping.article import Reason

_BOX_MAX_LINES = 6
_LABEL_MAX_SPACES = 4  # a role ("Guest Author") or a name ("Rina Kusuma Dewi") has at most five words
_NAME_MIN_WORDS = 2
_NAME_MAX_WORDS = 4
_LABEL_BAD_START = frozenset("\"“”'‘’«(*•·>»-–—#")
_QUOTE_OPEN = "\"“”'‘’«"
_LABEL_BAD_END = frozenset(".!?;:,\"”’'")
_TAG_RUN_MAX_SPACES = 30
_TAG_RUN_BAD = frozenset('.!?;:,"“”()')


def _label(text: str) -> bool:
    """A short label line: a role ("Contributor") or a name ("Rina Kusuma"), no sentence."""
    return (
        text.count(" ") <= _LABEL_MAX_SPACES
        and text[0].isupper()
        and text[0] not in _LABEL_BAD_START
        and text[-1] not in _LABEL_BAD_END
    )


def _name(text: str) -> bool:
    """A person's name: two to four capitalised words, no digits ("Rina Kusuma Dewi")."""
    words = text.split()
    return _NAME_MIN_WORDS <= len(words) <= _NAME_MAX_WORDS and all(
        w[0].isupper() and w.replace("-", "").replace(".", "").replace("'", "").isalpha() for w in words
    )


def author_box(lines: Sequence[str], reasons: MutableSequence[Reason | None], header: int) -> None:
    """Mark ``credit`` an author box: its header (at ``header``), then the short role and name
    lines under it ("Guest Author", "Rina Kusuma") and a bio that opens with one of those names
    ("Rina Kusuma is a reporter based in Depok.").  The box must name someone, and it ends with
    the bio or, without one, with the last name: a header over anything else is left alone, and
    a short line after the box ("Tags") is not the box's."""
    labels: list[int] = []
    names: list[str] = []
    end = -1  # the box's last line
    j = header + 1
    while j < len(lines) and len(labels) < _BOX_MAX_LINES:
        text = lines[j]
        if not text:
            j += 1
            continue
        if reasons[j] is not None:
            break
        if _label(text):
            labels.append(j)
            if _name(text):
                names.append(text)
                end = j
        else:
            if any(text.startswith(name) and not text[len(name) : len(name) + 1].isalnum() for name in names):
                end = j  # the bio closes the box
            break
        j += 1
    if end < 0:
        return
    reasons[header] = "credit"
    for k in range(header + 1, end + 1):
        if lines[k]:
            reasons[k] = "credit"


def tag_run(text: str) -> bool:
    """A page's tags printed as one run of words without separators ("Society Southeast Asia
    Indonesia rural economy"): a few words to thirty, no sentence punctuation at all.  Only
    under a bare "Tags" header, with nothing of the story after it, does this make tags."""
    return (
        1 <= text.count(" ") <= _TAG_RUN_MAX_SPACES
        and text[0] not in _LABEL_BAD_START
        and _TAG_RUN_BAD.isdisjoint(text)
    )


def next_filled(lines: Sequence[str], j: int) -> int:
    """The index of the first non-empty line from ``j`` (``len(lines)`` if none)."""
    while j < len(lines) and not lines[j]:
        j += 1
    return j


def _prev_filled(lines: Sequence[str], j: int) -> int:
    while j >= 0 and not lines[j]:
        j -= 1
    return j


def rest_taken(lines: Sequence[str], reasons: Sequence[Reason | None], i: int) -> bool:
    """Is the first non-empty line after ``i`` boilerplate or metadata, or is the text over?"""
    j = next_filled(lines, i + 1)
    return j >= len(lines) or reasons[j] is not None


def embed_title(
    lines: Sequence[str],
    reasons: MutableSequence[Reason | None],
    prompt: int,
    headline: Callable[[str], bool],
) -> None:
    """Mark ``promo`` the title of the video or graphic that the prompt at ``prompt`` announces
    ("Saksikan video pilihan berikut:" / "Infografis Harga Cabai Sepekan"): a ``headline``-shaped
    line right under it, with boilerplate, metadata or the text's end after it (under a paragraph
    of the story, the line is the story's)."""
    j = next_filled(lines, prompt + 1)
    if j < len(lines) and reasons[j] is None and headline(lines[j]) and rest_taken(lines, reasons, j):
        reasons[j] = "promo"


def caption_above(
    lines: Sequence[str],
    reasons: MutableSequence[Reason | None],
    credit: int,
    cue: Callable[[str], bool],
    max_words: int,
) -> None:
    """Mark ``caption`` the caption printed above the bare photo credit at ``credit`` when the
    datelined lead follows the credit ("Ilustrasi petugas menyisir pantai." / "HARIAN.COM/DOK.
    BASARNAS" / "KOTA, HARIAN.COM - ..."): a line of up to ``max_words`` words that opens with a
    caption's word (``cue``: "Ilustrasi", "Foto") or has metadata or boilerplate above it.  The
    headline (nothing above it) is never taken."""
    p = _prev_filled(lines, credit - 1)
    if p < 0 or reasons[p] is not None:
        return
    text = lines[p]
    if not 2 <= text.count(" ") + 1 <= max_words or text[0] in _QUOTE_OPEN:
        return
    q = _prev_filled(lines, p - 1)
    if q >= 0 and (reasons[q] not in (None, "empty") or cue(text)):
        reasons[p] = "caption"
