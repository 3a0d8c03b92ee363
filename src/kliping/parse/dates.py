"""Absolute dates as news sites print them, in any language whose month names are known, parsed
with precompiled rules.

Fast enough for the hot path (no dateparser here): "Rabu, 5 Oktober 2022", "Senin (3/10/2022)",
"12 Mar 2024, 08:47 WIB", "17/04/2023, 16:15 WIB", "Monday, January 6, 2025", "2023-04-17",
"5. Oktober 2023, 14:32 Uhr", "jeudi 5 octobre 2023 à 14h32", "5 de octubre de 2023", "12.jun.2025",
and dates inside URLs (/read/2023/04/17/, /20240312110512-).  Month and weekday names come from
Babel's CLDR data for the languages listed in ``data/dates.toml`` and from its own tables there
(:func:`calendar_names`), which is the one loader every module reads them through.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

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
    lower_starts: re.Pattern[str]
    """Matches where ``lower_pattern`` matches, and nowhere else, but written as one branch per
    first character: the regex engine then skips at C speed every character no date can start
    with, where ``lower_pattern`` is tried position by position.  No groups: ``lower_pattern``
    reads the date found."""
    reach: int
    """Most characters a date can span before its year starts, when no two white-space
    characters stand together (each ``\\s*`` then takes at most one)."""


def _alt(words: list[str]) -> str:
    """Names for a pattern compiled with IGNORECASE."""
    return word_alternation(words, ignore_case=True)


_GROUPS = (
    "wd",
    "d1",
    "m1",
    "y1",
    "d5",
    "s5",
    "m5",
    "y5",
    "m2",
    "d2",
    "y2",
    "d3",
    "m3",
    "y3",
    "y4",
    "m4",
    "d4",
)


_CLDR_MIN_CHARS = 3
"""Shorter CLDR forms are left out: two-letter weekdays ("di", "do", "so") are common words."""


def _folded(word: str) -> str:
    """``word`` without its accents ("février" -> "fevrier", "lunedì" -> "lunedi"): sites
    and feeds often drop them."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@cache
def cldr_names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month names (1-12) and weekday names (ISO, 1 = Monday) of ``language`` from Babel's CLDR
    data, wide and abbreviated, format and stand-alone, in lower case, without the abbreviation's
    dot ("janv." -> "janv") and also without accents; empty tables for a locale Babel lacks.
    E.g. ``cldr_names("nl")[0]["mrt"] == 3``, ``cldr_names("de")[1]["mittwoch"] == 3``."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}, {}

    def names(table: Any, number: Callable[[int], int]) -> dict[str, int]:
        """``table``: Babel's months or days, by context ("format"), width ("wide") and key."""
        out: dict[str, int] = {}
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for key, name in table.get(context, {}).get(width, {}).items():
                    word = name.lower().rstrip(".")
                    if len(word) >= _CLDR_MIN_CHARS and not any(c.isdigit() for c in word):
                        out.setdefault(word, number(key))
                        out.setdefault(_folded(word), number(key))
        return out

    return names(locale.months, int), names(locale.days, lambda k: k + 1)


@cache
def calendar_names() -> tuple[dict[str, int], dict[str, int]]:
    """Every month name (to 1-12) and weekday name (to ISO 1-7) the parsers know: CLDR's for each
    language in ``cldr`` of ``data/dates.toml`` (:func:`cldr_names`), and the tables there, which
    add what CLDR lacks (news abbreviations such as "Sept", older spellings such as "Nopember").
    The one loader for month and weekday names: ``month_names()["oktober"] == 10``."""
    data = load_toml("dates.toml")
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for table in data["months"].values():
        months.update(table)
    for table in data["weekdays"].values():
        weekdays.update(table)
    for language in data.get("cldr", []):
        cldr_months, cldr_weekdays = cldr_names(language)
        for word, number in cldr_months.items():
            months.setdefault(word, number)
        for word, number in cldr_weekdays.items():
            weekdays.setdefault(word, number)
    return months, weekdays


def month_names() -> dict[str, int]:
    """Month names in lower case, every language, to their number: see :func:`calendar_names`."""
    return calendar_names()[0]


def weekday_names() -> dict[str, int]:
    """Weekday names in lower case, every language, to their ISO number (1 = Monday)."""
    return calendar_names()[1]


_DAY_SUFFIX = r"(?:\.|er|º|°)?"
"""What may follow a day before its month: "5. Oktober" (de, nl), "1er octobre", "1º de octubre"."""
_JOIN = r"(?:\s+del?)?"
"""A word that may join day, month and year: "5 de octubre de 2023", "1 de outubro del 2023"."""


@cache
def _tables() -> _Tables:
    months, weekdays = calendar_names()
    mon = _alt(list(months))
    wd = _alt(list(weekdays))
    # One alternation, tried left to right at each position.
    source = rf"""
        (?:(?P<wd>\b(?:{wd}))\.?\s*,?\s*(?:\(\s*)?)?          # optional weekday, "Senin (" or "Rabu, "
        (?:
            (?P<d1>\d{{1,2}}){_DAY_SUFFIX}{_JOIN}\s+(?P<m1>{mon})\.?,?{_JOIN}\s+(?P<y1>(?:19|20)\d\d)\b  # 5 Oktober 2022, 22 Abr, 2024
          | (?P<d5>\d{{1,2}})(?P<s5>[.\-/])(?P<m5>{mon})(?P=s5)(?P<y5>(?:19|20)\d\d)\b   # 12.jun.2025, 5-Okt-2023
          | (?P<m2>{mon})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b   # January 6, 2025
          | (?P<d3>\d{{1,2}})[/.\-](?P<m3>\d{{1,2}})[/.\-](?P<y3>(?:19|20)\d\d)\b    # 3/10/2022
          | (?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)\b                       # 2022-10-03
        )
        """
    pattern = re.compile(source, re.IGNORECASE | re.VERBOSE)
    if tuple(pattern.groupindex) != _GROUPS:
        raise ValueError("the date pattern's groups must open in the order _found reads them")
    lower_pattern = re.compile(source, re.VERBOSE)
    longest_month = max(map(len, months))
    # weekday "." " " "," " " "(" " "  +  the longest form before the year: "January 6th, "
    reach = max(map(len, weekdays)) + 6 + longest_month + 1 + 1 + 2 + 2 + 1 + 1
    reach += len("er de , del ")  # "1er", "5 de octubre del 2023", "22 Abr, 2024"
    lower_starts = re.compile(_starts_source(list(months), list(weekdays)))
    return _Tables(months, weekdays, pattern, lower_pattern, lower_starts, reach)


def _lowered(words: list[str]) -> list[str]:
    """``words`` as :func:`word_alternation` writes them for IGNORECASE: in lower case where
    that keeps their length."""
    return [w.lower() if len(w.lower()) == len(w) else w for w in words]


def _after_first(words: list[str], first: str) -> str | None:
    """A pattern for the rest of each of ``words`` that starts with ``first``; None when none does."""
    rests = [w[1:] for w in words if w[:1] == first]
    if not rests:
        return None
    body = word_alternation([r for r in rests if r])
    if "" in rests:
        return "" if body == "(?!)" else f"(?:{body})?"
    return body


def _starts_source(months: list[str], weekdays: list[str]) -> str:
    r"""The pattern of :attr:`_Tables.lower_starts`: the date pattern (lower case, no groups)
    split by its first character.  A digit opens "5 oktober 2022", "3/10/2022" or "2022-10-03";
    a letter opens a weekday (at a word's start: ``(?<!\w.)`` after its first letter is the
    ``\b`` before it) or a month ("january 6, 2025")."""
    months, weekdays = _lowered(months), _lowered(weekdays)
    mon = word_alternation(months)
    year = r"(?:19|20)\d\d"
    after_day = [  # 5 oktober 2022, 5. oktober 2022, 5 de octubre de 2023, 12.jun.2025, 3/10/2022
        rf"{_DAY_SUFFIX}{_JOIN}\s+{mon}\.?,?{_JOIN}\s+{year}\b",
        rf"(?:\.{mon}\.|-{mon}-|/{mon}/){year}\b",
        rf"[/.\-]\d{{1,2}}[/.\-]{year}\b",
    ]
    after_month = rf"\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{year}\b"  # january 6, 2025
    after_year = r"-\d\d-\d\d\b"  # 2022-10-03
    any_date = "|".join([*(rf"\d{{1,2}}{a}" for a in after_day), mon + after_month, year + after_year])
    branches = []
    for digit in "0123456789":
        alternatives = [rf"\d?{a}" for a in after_day]  # "\d{1,2}" less its first digit
        if digit in "12":  # "(?:19|20)\d\d" less its first digit
            alternatives.append(("9" if digit == "1" else "0") + r"\d\d" + after_year)
        branches.append(digit + "(?:" + "|".join(alternatives) + ")")
    for letter in sorted({w[:1] for w in [*months, *weekdays] if w}):
        alternatives = []
        weekday_rest = _after_first(weekdays, letter)
        if weekday_rest is not None:
            alternatives.append(rf"(?<!\w.){weekday_rest}\.?\s*,?\s*(?:\(\s*)?(?:{any_date})")
        month_rest = _after_first(months, letter)
        if month_rest is not None:
            alternatives.append(month_rest + after_month)
        branches.append(re.escape(letter) + "(?:" + "|".join(alternatives) + ")")
    return "|".join(branches)


_CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
_UNESCAPED_CAPITAL = re.compile(r"(?<!\\)[A-Z]")


def _lower_source(source: str, words: list[str]) -> re.Pattern[str] | None:
    """``source`` (an IGNORECASE pattern made of ``words`` and fixed parts) compiled without
    IGNORECASE for ASCII text in lower case, or None when that could match differently: "[A-Z]"
    becomes "[a-z]", and no other capital may stand outside a class that holds its small letter
    too ("[AaPp]")."""
    lowered = source.replace("[A-Z]", "[a-z]")
    if not all(lower_safe(w) for w in words):
        return None
    for part in _CHAR_CLASS.findall(lowered):
        if any(ch.isupper() and ch.lower() not in part for ch in part):
            return None
    if _UNESCAPED_CAPITAL.search(_CHAR_CLASS.sub("", lowered)):
        return None
    return re.compile(lowered)


def lower_safe(word: str) -> bool:
    """Does ``word`` match ASCII text the same way case-insensitively and, lowered, against the
    lowered text?  True unless a non-ASCII letter of it has an ASCII case partner ("İ" ~ "i",
    "ſ" ~ "s", the Kelvin sign ~ "k") or lowers to more than one character."""
    for ch in word:
        if ch.isascii():
            continue
        low, up = ch.lower(), ch.upper()
        if len(low) != 1 or len(up) != 1 or low.isascii() or up.isascii():
            return False
    return True


def _make(y: str, m: int, d: str) -> date | None:
    try:
        return date(int(y), m, int(d))
    except ValueError:
        return None


# "(?<!\d)(?:19|20)\d\d(?!\d)", each branch opening with its digit: the regex engine skips to a
# "1" or a "2" at C speed (a pattern that opens with a look-behind is tried at every position)
_YEAR = re.compile(r"(?:1(?<!\d.)9|2(?<!\d.)0)\d\d(?!\d)")


# a year's first digit: overlapping years ("2012024") all count
_ANY_YEAR = re.compile(r"1(?=9\d\d)|2(?=0\d\d)")
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


_Search = Callable[[str, int, int], "re.Match[str] | None"]
"""``Pattern.search`` with its ``pos`` and ``endpos``."""


def _date_matches(text: str, t: _Tables) -> list[re.Match[str]]:
    """``t.pattern.finditer(text)``, but the pattern is only tried near the years: every date
    holds one, and starts at most ``t.reach`` characters before it (when white space comes in
    single characters; otherwise the whole text is scanned).  ASCII text is read in lower case,
    and ``t.lower_starts`` finds where a date starts before ``t.lower_pattern`` reads it."""
    search: _Search = t.pattern.search
    if text.isascii():
        text = text.lower()
        search = _lower_search
    if len(text) <= 2 * t.reach or _WS_RUN.search(text):
        return _all_matches(search, text)
    out: list[re.Match[str]] = []
    done = 0  # where the last match ended: matches do not overlap
    for year in _ANY_YEAR.finditer(text):
        start = year.start()
        if start + 4 <= done:
            continue
        end = start + _AFTER_YEAR
        m = search(text, max(done, start - t.reach), end)
        if m is not None and m.end() >= end - 1:
            m = search(text, max(done, start - t.reach), len(text))  # it may run on: look again
        if m is None:
            continue
        out.append(m)
        done = m.end() if m.end() > m.start() else m.end() + 1
    return out


def _all_matches(search: _Search, text: str) -> list[re.Match[str]]:
    """What ``finditer`` finds with ``search`` (a date is never empty: each search starts where
    the last match ended)."""
    out: list[re.Match[str]] = []
    pos = 0
    while (m := search(text, pos, len(text))) is not None:
        out.append(m)
        pos = m.end()
    return out


def _lower_search(text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """``lower_pattern.search``, where ``lower_starts`` finds the start first."""
    t = _tables()
    while (start := t.lower_starts.search(text, pos, endpos)) is not None:
        m = t.lower_pattern.match(text, start.start(), endpos)
        if m is not None:
            return m
        pos = start.start() + 1  # never taken: both patterns match at the same places
    return None


def _found(m: re.Match[str], t: _Tables) -> FoundDate | None:
    # the groups in the order the pattern opens them (one tuple is cheaper than a dict)
    wd, d1, m1, y1, d5, _, m5, y5, m2, d2, y2, d3, m3, y3, y4, m4, d4 = m.groups()
    value: date | None = None
    if y1:
        value = _make(y1, t.months[m1.lower()], d1)
    elif y5:
        value = _make(y5, t.months[m5.lower()], d5)
    elif y2:
        value = _make(y2, t.months[m2.lower()], d2)
    elif y3:
        value = _make(y3, int(m3), d3)
    elif y4:
        value = _make(y4, int(m4), d4)
    return FoundDate(value, m.start(), m.end(), bool(wd)) if value is not None else None


_TIME = re.compile(r"\b\d{1,2}[:.hH]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\b\.?)?")  # "9:15 a. m." too
_SEPARATORS = r"[\s,|/·•●:()\[\]\-–—@]|\.$"  # a full stop may end the line: "a las 13:45h."
_LEAD_WORDS = re.compile(r"^\s*[A-Z][\w&'’]*(?:\s+[A-Z][\w&'’]*)?\s*[|·•●/\-–—]?\s*")


@dataclass(frozen=True)
class _Stamp:
    filler: re.Pattern[str]
    """What may stand around the dates of a timestamp line: labels, times, zones, separators."""
    filler_lower: re.Pattern[str] | None
    """``filler`` without IGNORECASE, for ASCII lines in lower case (the same matches, faster)."""
    relative: re.Pattern[str]
    """A relative time alone on its line ("2 hours ago", "Updated 5 menit yang lalu")."""
    label: re.Pattern[str]
    """A word that labels a timestamp ("Updated")."""
    words: frozenset[str]
    """Every run of letters that ``filler`` and a date are made of ("wib", "updated", "pm",
    "selasa", "th" of "6th"), in lower case."""
    word_then_month: re.Pattern[str]
    """Two of ``words`` without a space between them, the second a month's name: a month opens a
    date without a word boundary ("Updatedjan 5, 2024", "Saturdayjan 5, 2024")."""


@cache
def _stamp() -> _Stamp:
    data = load_toml("dates.toml")
    stamp = data["timestamp"]
    zones = word_alternation(data["clock"]["zones"], ignore_case=True, boundary=True)
    labels = word_alternation(stamp["labels"], ignore_case=True, boundary=True)
    units = word_alternation(stamp["units"], ignore_case=True, boundary=True)
    ago = word_alternation(stamp["ago"], ignore_case=True, boundary=True)
    zone = rf"(?:{zones})(?:\s?[+\-−]\s?\d{{1,2}}(?::?\d{{2}})?)?"
    ago_before = word_alternation(stamp.get("ago_before", []), ignore_case=True, boundary=True)
    # "2 hours ago", "vor 2 Stunden"
    relative = rf"(?:\d{{1,3}}\s+(?:{units})\s+(?:{ago})|(?:{ago_before})\s+\d{{1,3}}\s+(?:{units})(?!\w))"
    reading = word_alternation(stamp.get("reading", []), ignore_case=True, boundary=True)
    pages = word_alternation(stamp.get("pages", []), ignore_case=True, boundary=True)
    page = rf"(?:{pages})\.?\s?[A-Z]?\d{{1,3}}[A-Z]?\b"  # "page 3", "Hal. 5", "p A12"
    reading_labels = word_alternation(stamp.get("reading_labels", []), ignore_case=True, boundary=True)
    filler = (
        rf"(?:{_SEPARATORS}|{_TIME.pattern}|{zone}|{relative}|\d{{1,3}}\s*(?:{units})\s+(?:{reading})"
        rf"|(?:{reading_labels})\s*:?\s*\d{{1,3}}\s*(?:{units})\b\.?|{page}|{labels})*"
    )
    days = word_alternation(stamp.get("days", []), ignore_case=True, boundary=True)
    clock_labels = word_alternation(stamp.get("clock_labels", []), ignore_case=True, boundary=True)
    clock = rf"{_TIME.pattern}(?:\s*(?:{zone}|uhr|uur|h|hrs|horas)\b)?\.?"
    # "Vandaag, 14:12", "Gestern um 18:05 Uhr", "Laatste update: 16:30": a stamp without a date
    clock_stamp = (
        rf"(?:(?:{clock_labels})\s*:?\s*)?(?:{days})\s*,?\s*(?:(?:{labels})\s+)?{clock}"
        rf"|(?:{clock_labels})\s*:?\s*(?:(?:{labels})\s+)?{clock}"
    )
    t = _tables()
    phrases = [
        *data["clock"]["zones"],
        *stamp["labels"],
        *stamp["update_labels"],
        *stamp["units"],
        *stamp["ago"],
        *stamp.get("ago_before", []),
        *stamp.get("reading", []),
        *stamp.get("pages", []),
        *stamp.get("reading_labels", []),
        *t.months,
        *t.weekdays,
        *_CLOCK_AND_DAY_LETTERS,
    ]
    words = frozenset(w for phrase in phrases for w in _LETTERS.findall(phrase.lower()))
    return _Stamp(
        words=words,
        word_then_month=re.compile(
            f"(?:{word_alternation(words)})(?:{word_alternation(_lowered(list(t.months)))})"
        ),
        filler=re.compile(filler, re.IGNORECASE),
        # the same, for ASCII lines put in lower case: its letters are all lower case or paired
        # with their capital ("[AaPp]"), and "[A-Z]" becomes "[a-z]"
        filler_lower=_lower_source(filler, phrases),
        relative=re.compile(rf"(?:(?:{labels})\s*:?\s*)?{relative}\.?|{clock_stamp}", re.IGNORECASE),
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
    if line[:1] == "(" or not stamp_words_only(line):
        return None
    found = find_dates(line) or _short_year_date(line)
    if not 1 <= len(found) <= 2:
        return None
    first, last = found[0], found[-1]
    stamp = _stamp()
    if stamp.filler_lower is not None and line.isascii():
        filler: Callable[..., re.Match[str] | None] = stamp.filler_lower.fullmatch
        text = line.lower()  # the same places as in ``line``
    else:
        filler = stamp.filler.fullmatch
        text = line
    if len(found) == 2 and (
        stamp.label.search(line, first.end, last.start) is None or not filler(text, first.end, last.start)
    ):
        return None  # "29 November 2018 | 20 January 2019": a span of days, not a stamp and its update
    if not filler(text, last.end):
        return None
    if filler(text, 0, first.start):
        return first.value, 0
    head = _LEAD_WORDS.match(line, 0, first.start)
    if head is not None and filler(text, head.end(), first.start) and _TIME.search(line):
        return first.value, head.end()
    return None


# "05-06-24, 07:45", "Publié le 05/06/24 à 07h45": a day, month and two-digit year, read only in a
# timestamp line (in a sentence such figures are as often a score or a range)
_SHORT_YEAR_STAMP = re.compile(r"(?<![\d./-])(\d{1,2})([-./])(\d{1,2})\2(\d\d)(?![\d./-])")


def _short_year_date(line: str) -> list[FoundDate]:
    """The dates of a timestamp line written with two-digit years ("05-06-24, 07:45"), this
    century's; the caller checks that nothing but a stamp's words stands around them."""
    out = []
    for m in _SHORT_YEAR_STAMP.finditer(line):
        value = _make("20" + m.group(4), int(m.group(3)), m.group(1))
        if value is None:
            return []
        out.append(FoundDate(value, m.start(), m.end(), False))
    return out


_LETTERS = re.compile(r"[^\W\d_]+")
# "10:21AM", "5 p.m.", "6th", "1er", "5 de octubre del 2023"
_CLOCK_AND_DAY_LETTERS = ("am", "pm", "a", "p", "m", "st", "nd", "rd", "th", "er", "de", "del")
_LEAD_WORDS_MAX = 2  # as many as _LEAD_WORDS takes


def stamp_words_only(line: str, lead_words: int = _LEAD_WORDS_MAX) -> bool:
    """A cheap gate before :func:`timestamp`, which finds nothing where this is False: past
    its first ``lead_words`` words (the channel words a stamp may open with), a timestamp line
    holds no run of letters but the names of its dates and the words of its filler.  With
    ``lead_words=0``, a gate for a stamp that opens the line (start 0).  Only ASCII lines are
    judged (the filler ignores case, and outside ASCII more letters fold to the same one)."""
    if not line.isascii():
        return True
    tokens = line.lower().split(None, lead_words)
    if len(tokens) <= lead_words:
        return True
    stamp = _stamp()
    runs = _LETTERS.findall(tokens[lead_words])
    return stamp.words.issuperset(runs) or all(
        run in stamp.words or stamp.word_then_month.fullmatch(run) is not None for run in runs
    )


def is_relative_time(line: str) -> bool:
    """Is ``line`` only a relative time ("2 hours ago", "Updated 5 menit yang lalu", "vor 3 Stunden"),
    or a clock time with a day named relative to today or a label ("Vandaag, 14:12", "Laatste
    update: 16:30"): a stamp without a date?"""
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
