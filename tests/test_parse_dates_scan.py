"""find_dates tries its pattern only near years: the same matches as scanning the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kliping.parse.dates import _date_matches, _tables, find_dates

_PIECES = [
    "Senin", "Rabu", "Jumat", "Minggu", "Monday", "Wednesday", "Sept", "Oktober", "Okt", "Mei",
    "January", "Agu", "Des", "5", "12", "31", "03", "2022", "2023", "1999", "2024-10-03",
    "3/10/2022", "12.04.2023", "th", "st", "/", "-", ".", ",", "(", ")", " ", " ", " ", "  ",
    "pukul", "harga", "naik", "WIB", "x", "0", "19", "20", "2020", "201", "\n", "Jum’at", "İ",
]  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
# long, and white space one character at a time: the windowed path, not the fallback
windowed = (
    st.lists(st.sampled_from([p for p in _PIECES if p != "  "]), min_size=40, max_size=90)
    .map("".join)
    .filter(lambda t: len(t) > 2 * _tables().reach and "  " not in t and " \n" not in t and "\n " not in t)
)


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _tables().pattern.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(texts)
def test_scan_equals_full_scan(text: str) -> None:
    assert [m.span() for m in _date_matches(text, _tables())] == _spans(text)


@settings(max_examples=1500, deadline=None)
@given(windowed)
def test_windowed_scan_equals_full_scan(text: str) -> None:
    assert [m.span() for m in _date_matches(text, _tables())] == _spans(text)


def test_long_line_with_dates_far_apart() -> None:
    filler = " ".join(["warga"] * 40)
    text = f"Pada Rabu, 5 Oktober 2022 {filler} lalu 2023-01-02 dan {filler} Senin (3/10/2022) pagi 2024"
    assert [m.span() for m in _date_matches(text, _tables())] == _spans(text)
    assert [f.value.isoformat() for f in find_dates(text)] == ["2022-10-05", "2023-01-02", "2022-10-03"]
