"""word_alternation: a trie that matches exactly what the plain longest-first alternation matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.text import word_alternation

_ALPHABET = "abAB .-1"
words = st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8)
texts = st.text(alphabet=_ALPHABET + "xY", max_size=40)


def _plain(ws: list[str], boundary: bool) -> str:
    return "|".join(
        re.escape(w) + (r"(?!\w)" if boundary and w[-1].isalnum() else "")
        for w in sorted(set(ws), key=len, reverse=True)
    )


def _spans(pattern: str, suffix: str, text: str, flags: int) -> list[tuple[int, int]]:
    # a suffix that can fail makes the order of backtracking into the alternation observable
    rx = re.compile(rf"(?:{pattern}){suffix}", flags)
    return [m.span() for m in rx.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(words, texts, st.booleans(), st.booleans(), st.sampled_from(["", "x?", "a", r"\b", "(?!b)", "[ .]a"]))
def test_same_matches_as_plain_alternation(
    ws: list[str], text: str, ignore_case: bool, boundary: bool, suffix: str
) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    trie = word_alternation(ws, ignore_case=ignore_case, boundary=boundary)
    assert _spans(trie, suffix, text, flags) == _spans(_plain(ws, boundary), suffix, text, flags)


def test_shape_and_edge_cases() -> None:
    assert word_alternation(["jan", "januari", "january"], ignore_case=True) == "jan(?:uar(?:i|y))?"
    assert word_alternation(["Baca", "baca juga"], boundary=True) == r"(?:Baca(?!\w)|baca\ juga(?!\w))"
    assert re.fullmatch(word_alternation([]), "") is None  # no words: matches nothing
    assert re.fullmatch(word_alternation(["MEI"], ignore_case=True), "Mei", re.IGNORECASE)
