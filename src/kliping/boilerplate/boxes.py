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


def author_box(
    lines: Sequence[str],
    reasons: MutableSequence[Reason | None],
    header: int,
    roles: frozenset[str] = frozenset(),
) -> list[int]:
    """Mark ``credit`` an author box: its header (at ``header``), then the short role and name
    lines under it ("Guest Author", "Rina Kusuma") and a bio that opens with one of those names
    ("Rina Kusuma is a reporter based in Depok.").  The box must name someone, and it ends with
    the bio or, without one, with the last name: a header over anything else is left alone, and
    a short line after the box ("Tags") is not the box's.  A bio may also open with one of
    ``roles`` (case-folded), the writer's job ("Reporter on the city desk. Covers transport.").
    Returns the name lines of the box marked (none when it is left alone)."""
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
            elif names and text.split(" ", 1)[0].casefold() in roles:
                end = j  # "Reporter on the city desk. ...": a bio that opens with the writer's job
            break
        j += 1
    if end < 0:
        return []
    reasons[header] = "credit"
    for k in range(header + 1, end + 1):
        if lines[k]:
            reasons[k] = "credit"
    return [k for k in labels if k <= end and lines[k] in names]


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


_FORM_MAX_LINES = 3
_FORM_LINE_MAX_SPACES = 5
_FORM_QUESTION_MAX_SPACES = 12


def feedback_form(lines: Sequence[str], reasons: MutableSequence[Reason | None]) -> None:
    """Mark ``promo`` the short lines of a feedback form under its question ("Spotted an error in
    this story?" / "Tell us about it." / "Thanks for letting us know!"): at most three lines of a
    few words each right under a question that the rules took as boilerplate, with boilerplate or
    the text's end after them (a paragraph of the story under the question is kept, and so are
    the lines above a paragraph)."""
    if "promo" not in reasons:
        return
    n = len(lines)
    for i in range(n):
        if reasons[i] != "promo" or lines[i][-1:] != "?" or lines[i].count(" ") > _FORM_QUESTION_MAX_SPACES:
            continue
        form: list[int] = []
        j = next_filled(lines, i + 1)
        while (
            j < n
            and len(form) < _FORM_MAX_LINES
            and reasons[j] is None
            and lines[j].count(" ") <= _FORM_LINE_MAX_SPACES
            and lines[j][0] not in _QUOTE_OPEN
        ):
            form.append(j)
            j = next_filled(lines, j + 1)
        if form and (j >= n or reasons[j] not in (None, "empty")):
            for k in form:
                reasons[k] = "promo"


_STORY_MIN_PARAGRAPHS = 2
_PARAGRAPH_MIN_SPACES = 7
_PARAGRAPH_END = frozenset(".!?\"”’'")
_SIGN_OFF = ("credit", "byline")


def _paragraph(text: str) -> bool:
    return text.count(" ") >= _PARAGRAPH_MIN_SPACES and text[-1] in _PARAGRAPH_END


def after_signoff(
    lines: Sequence[str], reasons: MutableSequence[Reason | None], names_news: Callable[[str], bool]
) -> None:
    """Mark ``promo`` the outlet's own paragraph printed after the story's sign-off ("... said the
    minister." / "-- HARIAN" / "Harian Wire delivers news to 40 countries via www.harian.example."):
    the last line left in the text, with boilerplate only after it, when a credit or byline that
    closes the story stands right above it (under a paragraph, and another paragraph above that)
    and it speaks of the news (``names_news``).  A quotation is the story's."""
    j = len(lines) - 1
    while j >= 0 and (not lines[j] or reasons[j] is not None):
        j -= 1
    i = _prev_filled(lines, j - 1)
    if i < 0 or reasons[i] not in _SIGN_OFF:
        return
    p = _prev_filled(lines, i - 1)
    if p < 0 or reasons[p] is not None or not _paragraph(lines[p]):
        return
    q = _prev_filled(lines, p - 1)
    while q >= 0 and (reasons[q] is not None or not _paragraph(lines[q])):
        q = _prev_filled(lines, q - 1)
    text = lines[j]
    if q >= 0 and text[0] not in _QUOTE_OPEN and names_news(text):
        reasons[j] = "promo"
