"""Shared text helpers: the fast paths agree with the plain ones."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.text import _normalise_any, normalise_line, word_alternation

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


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_fast_path_of_normalise_line(line: str) -> None:
    assert normalise_line(line) == _normalise_any(line)


def test_normalise_line_examples() -> None:
    assert normalise_line("Copyright 2008 - 2023, TEMPO.CO") == "copyright 0000 0000 tempo co"
    assert normalise_line("Baca juga:  Harga_Beras\tNaik!") == "baca juga harga_beras naik"
    assert normalise_line("Ｂａｃａ Juga") == "baca juga"  # NFKC on the general path
