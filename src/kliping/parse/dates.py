"""Absolute dates as news sites print them, Indonesian and English, parsed with precompiled rules.

Fast enough for the hot path (no dateparser here): "Rabu, 5 Oktober 2022", "Senin (3/10/2022)",
"12 Mar 2024, 08:47 WIB", "17/04/2023, 16:15 WIB", "Monday, January 6, 2025", "2023-04-17",
and dates inside URLs (/read/2023/04/17/, /20240312110512-).  Names come from ``data/dates.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from kliping.resources import load_toml
from kliping.text import word_alternation


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int
    weekday_named: bool
    """True when a weekday name stands with the date ("Rabu, 5 Oktober 2022")."""


@dataclass(frozen=True)
class _Tables:
    months: dict[str, int]
    weekdays: dict[str, int]
    pattern: re.Pattern[str]
    lower_pattern: re.Pattern[str]
    """``pattern`` without IGNORECASE, for ASCII text put in lower case: the same matches, twice
    as fast (the regex engine skips a literal branch at once, a case-folded one it must try)."""
    reach: int
    """Most characters a date can span before its year starts, when no two white-space
    characters stand together (each ``\\s*`` then takes at most one)."""


def _alt(words: list[str]) -> str:
    """Names for a pattern compiled with IGNORECASE."""
    return word_alternation(words, ignore_case=True)


@cache
def _tables() -> _Tables:
    data = load_toml("dates.toml")
    months: dict[str, int] = {}
    for table in data["months"].values():
        months.update(table)
    weekdays: dict[str, int] = {}
    for table in data["weekdays"].values():
        weekdays.update(table)
    mon = _alt(list(months))
    wd = _alt(list(weekdays))
    # One alternation, tried left to right at each position.
    source = rf"""
        (?:(?P<wd>\b(?:{wd}))\.?\s*,?\s*(?:\(\s*)?)?          # optional weekday, "Senin (" or "Rabu, "
        (?:
            (?P<d1>\d{{1,2}})\s+(?P<m1>{mon})\.?\s+(?P<y1>(?:19|20)\d\d)\b          # 5 Oktober 2022
          | (?P<m2>{mon})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b   # January 6, 2025
          | (?P<d3>\d{{1,2}})[/.\-](?P<m3>\d{{1,2}})[/.\-](?P<y3>(?:19|20)\d\d)\b    # 3/10/2022
          | (?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)\b                       # 2022-10-03
        )
        """
    pattern = re.compile(source, re.IGNORECASE | re.VERBOSE)
    lower_pattern = re.compile(source, re.VERBOSE)
    longest_month = max(map(len, months))
    # weekday "." " " "," " " "(" " "  +  the longest form before the year: "January 6th, "
    reach = max(map(len, weekdays)) + 6 + longest_month + 1 + 1 + 2 + 2 + 1 + 1
    return _Tables(months, weekdays, pattern, lower_pattern, reach)


def _make(y: str, m: int, d: str) -> date | None:
    try:
        return date(int(y), m, int(d))
    except ValueError:
        return None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


_ANY_YEAR = re.compile(r"(?=(?:19|20)\d\d)")  # zero-width: overlapping years ("2012024") all count
_WS_RUN = re.compile(r"\s\s")
_AFTER_YEAR = 12
"""Characters from a year's start to past the end of a date that starts with it ("2022-10-03"),
plus the one that ``\\b`` looks at."""


def find_dates(text: str) -> list[FoundDate]:
    """Every absolute day-precision date in ``text``, in order."""
    if not _YEAR.search(text):
        return []  # every form below carries a four-digit year: skip the costly scan
    t = _tables()
    return [d for d in (_found(m, t) for m in _date_matches(text, t)) if d is not None]


def _date_matches(text: str, t: _Tables) -> list[re.Match[str]]:
    """``t.pattern.finditer(text)``, but the pattern is only tried near the years: every date
    holds one, and starts at most ``t.reach`` characters before it (when white space comes in
    single characters; otherwise the whole text is scanned)."""
    pattern = t.pattern
    if text.isascii():
        pattern, text = t.lower_pattern, text.lower()
    if len(text) <= 2 * t.reach or _WS_RUN.search(text):
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    done = 0  # where the last match ended: matches do not overlap
    for year in _ANY_YEAR.finditer(text):
        start = year.start()
        if start + 4 <= done:
            continue
        end = start + _AFTER_YEAR
        m = pattern.search(text, max(done, start - t.reach), end)
        if m is not None and m.end() >= end - 1:
            m = pattern.search(text, max(done, start - t.reach))  # it may run on: look again
        if m is None:
            continue
        out.append(m)
        done = m.end() if m.end() > m.start() else m.end() + 1
    return out


def _found(m: re.Match[str], t: _Tables) -> FoundDate | None:
    g = m.groupdict()
    value: date | None = None
    if g["y1"]:
        value = _make(g["y1"], t.months[g["m1"].lower()], g["d1"])
    elif g["y2"]:
        value = _make(g["y2"], t.months[g["m2"].lower()], g["d2"])
    elif g["y3"]:
        value = _make(g["y3"], int(g["m3"]), g["d3"])
    elif g["y4"]:
        value = _make(g["y4"], int(g["m4"]), g["d4"])
    return FoundDate(value, m.start(), m.end(), bool(g["wd"])) if value is not None else None


_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\b\.?)?")
_SEPARATORS = r"[\s,|/·•●:()\[\]\-–—]"
_LEAD_WORDS = re.compile(r"^\s*[A-Z][\w&'’]*(?:\s+[A-Z][\w&'’]*)?\s*[|·•●/\-–—]?\s*")


@dataclass(frozen=True)
class _Stamp:
    filler: re.Pattern[str]
    """What may stand around the dates of a timestamp line: labels, times, zones, separators."""
    relative: re.Pattern[str]
    """A relative time alone on its line ("2 hours ago", "Updated 5 menit yang lalu")."""
    label: re.Pattern[str]
    """A word that labels a timestamp ("Updated")."""


@cache
def _stamp() -> _Stamp:
    data = load_toml("dates.toml")
    stamp = data["timestamp"]
    zones = word_alternation(data["clock"]["zones"], ignore_case=True, boundary=True)
    labels = word_alternation(stamp["labels"], ignore_case=True, boundary=True)
    units = word_alternation(stamp["units"], ignore_case=True, boundary=True)
    ago = word_alternation(stamp["ago"], ignore_case=True, boundary=True)
    zone = rf"(?:{zones})(?:\s?[+\-−]\s?\d{{1,2}}(?::?\d{{2}})?)?"
    relative = rf"\d{{1,3}}\s+(?:{units})\s+(?:{ago})"
    reading = word_alternation(stamp.get("reading", []), ignore_case=True, boundary=True)
    filler = rf"(?:{_SEPARATORS}|{_TIME.pattern}|{zone}|{relative}|\d{{1,3}}\s*(?:{units})\s+(?:{reading})|{labels})*"
    return _Stamp(
        filler=re.compile(filler, re.IGNORECASE),
        relative=re.compile(rf"(?:(?:{labels})\s*:?\s*)?{relative}\.?", re.IGNORECASE),
        label=re.compile(
            rf"(?<!\w)(?:{word_alternation(stamp['update_labels'], ignore_case=True, boundary=True)})",
            re.IGNORECASE,
        ),
    )


def timestamp_date(line: str) -> date | None:
    """The date of a line that is only a timestamp ("Selasa, 12 Maret 2024 10:42 WIB"), else None.

    Around its date (or its two dates: "04 Apr 2024 10:21AM (Updated: 04 Apr 2024 11:05AM)") the
    line may hold only labels ("Diperbarui", "Issued on:"), clock times, time zones ("GMT+8"),
    relative times ("Updated 2 hours ago") and separators, from ``data/dates.toml``; with a clock
    time, also a leading word or two naming a channel ("News 21 October 2024 13:45").  Anything
    else (a sentence around the date) means the line is not a timestamp.
    """
    found = timestamp(line)
    return found[0] if found is not None else None


def timestamp(line: str) -> tuple[date, int] | None:
    """:func:`timestamp_date`, and where the stamp starts: 0, or past the channel words before
    it ("News 21 October 2024 13:45" -> 5)."""
    found = find_dates(line)
    if not 1 <= len(found) <= 2 or line[:1] == "(":
        return None
    first, last = found[0], found[-1]
    stamp = _stamp()
    filler = stamp.filler.fullmatch
    if len(found) == 2 and (
        stamp.label.search(line, first.end, last.start) is None or not filler(line, first.end, last.start)
    ):
        return None  # "29 November 2018 | 20 January 2019": a span of days, not a stamp and its update
    if not filler(line, last.end):
        return None
    if filler(line, 0, first.start):
        return first.value, 0
    head = _LEAD_WORDS.match(line, 0, first.start)
    if head is not None and filler(line, head.end(), first.start) and _TIME.search(line):
        return first.value, head.end()
    return None


def is_relative_time(line: str) -> bool:
    """Is ``line`` only a relative time ("2 hours ago", "Updated 5 menit yang lalu")?"""
    return _stamp().relative.fullmatch(line.strip()) is not None


_URL_DATE = (
    re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)"),
    re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)\d{4,6}-"),
    re.compile(r"/((?:19|20)\d\d)-(\d\d)-(\d\d)(?:/|-|$)"),
)


def url_date(url: str | None) -> date | None:
    """A publication date written in the URL path (/read/2023/04/17/..., /20240312110512-...)."""
    if not url:
        return None
    for rx in _URL_DATE:
        m = rx.search(url)
        if m:
            found = _make(m.group(1), int(m.group(2)), m.group(3))
            if found:
                return found
    return None
