"""Date expressions in the body, resolved against ``published``, with their precision.

A precompiled regex layer (no dateparser in the hot path: it is two orders of magnitude slower)
covers the forms Indonesian and English news print:

* day: "Rabu, 5 Oktober 2022", "5 Oktober", "June 14, 2023", "(18/4/2023)", "(3/10)" (the
  publication year), a weekday alone ("Selasa", "on Monday": the latest such day on or before the
  publication date), "kemarin", "hari ini", "pekan lalu" (seven days before publication);
* month: "Februari 2022", "pada Agustus lalu" (the latest August before the publication month),
  "Oktober mendatang", "pada November" (that month of the publication year, or of the year
  before when it lies after the publication month), "bulan lalu";
* year: "sejak 2019", "tahun lalu".

Other languages (``language``): their month and weekday names and relative words from
Babel/CLDR ("gestern", "la semaine dernière", "el año pasado"), "5. Oktober", "1er mars",
"5 de octubre de 2023", and ``data/enrich/dates.toml`` for what CLDR lacks; their words apply to
their own texts only (French "hier" is Dutch "here").

Relative forms need ``published``; without it only absolute dates are reported.  Names of
months and weekdays come from ``data/dates.toml``; relative words from ``data/enrich/dates.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from kliping.article import DateMention, Precision
from kliping.resources import load_toml
from kliping.text import word_alternation


def _alt(words: list[str]) -> str:
    return word_alternation(words)


@dataclass(frozen=True)
class _Tables:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int, str]]
    past: frozenset[str]
    future: frozenset[str]
    pattern: re.Pattern[str]
    starts: re.Pattern[str]
    """A non-word character and what a date can start with (in lowercased text)."""
    starts_any_case: re.Pattern[str]
    first: re.Pattern[str]
    """What a date can start with, for the text's first character."""
    first_any_case: re.Pattern[str]


_BASE_LANGUAGES = ("id", "en")


@cache
def _tables(language: str | None = None) -> _Tables:
    """The patterns for Indonesian and English text (``language`` None), or for them and
    ``language``: its month and weekday names and relative words from Babel/CLDR
    (:func:`_cldr_words`) and ``data/enrich/dates.toml``."""
    base = load_toml("dates.toml")
    rel = load_toml("enrich/dates.toml")
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for lang in _BASE_LANGUAGES:
        months.update(
            {k: v for k, v in base["months"].get(lang, {}).items() if len(k) > 3 or k in ("mei", "may")}
        )
        weekdays.update(
            {k: v for k, v in base["weekdays"].get(lang, {}).items() if len(k) > 3 or k in ("jum'at",)}
        )
    relative = {k: (v[0], int(v[1]), v[2]) for k, v in rel["relative"].items()}
    mw = rel["month_words"]
    before_words = list(mw["before"])
    day_suffix, year_join = "", ""
    if language:
        own = rel.get("lang", {}).get(language, {})
        cldr_months, cldr_weekdays, cldr_relative = _cldr_words(language)
        months.update(cldr_months)
        months.update({k: v for k, v in base["months"].get(language, {}).items() if len(k) > 3})
        weekdays.update(cldr_weekdays)
        weekdays.update({k: v for k, v in base["weekdays"].get(language, {}).items() if len(k) > 3})
        relative.update(cldr_relative)
        relative.update({k.lower(): (v[0], int(v[1]), v[2]) for k, v in own.get("relative", {}).items()})
        for word in own.get("skip", []):
            relative.pop(word.lower(), None)
        before_words += [w.lower() for w in own.get("before", [])]
        # "5. Oktober", "1er octobre", "5 de octubre de 2023"
        day_suffix, year_join = r"(?:\.|er|º)?(?:\s+del?)?", r"(?:\s+del?)?"
    mon, wd = _alt(list(months)), _alt(list(weekdays))
    # (?<!\w) first: a date starts a word, and the check rejects mid-word positions cheaply
    pattern = re.compile(
        rf"""
        (?<!\w)
        (?:
        (?P<full>(?:\b(?:{wd})\b,?\s*\(?)?
            (?:(?P<d1>\d{{1,2}}){day_suffix}\s+(?P<m1>{mon})\b(?:{year_join}\s+(?P<y1>(?:19|20)\d\d))?
              | (?P<m2>{mon})\s+(?P<d2>\d{{1,2}})\b(?:,?\s+(?P<y2>(?:19|20)\d\d))?(?!\s*(?:persen|%))
              | (?P<d3>\d{{1,2}})/(?P<m3>\d{{1,2}})(?:/(?P<y3>(?:19|20)?\d\d))?\b(?=\s*\))
            )\)?)
        | (?P<my>\b(?P<m4>{mon})\s+(?P<y4>(?:19|20)\d\d)\b)
        | (?P<mrel>\b(?P<m5>{mon})\s+(?P<w5>{_alt(mw["past"] + mw["future"])})\b)
        | (?P<mbare>\b(?:{_alt(before_words)})\s+(?P<m6>{mon})\b
            (?!\s+(?:(?:19|20)\d\d|\d{{1,2}}\b|{_alt(mw["past"] + mw["future"])}\b)))
        | (?P<ybare>\b(?:{_alt(before_words)})\s+(?P<y6>(?:19|20)\d\d)\b)
        | (?P<rel>\b(?:{_alt(list(relative))})\b)
        | (?P<wd>\b(?:{wd})\b)
        )
        """,
        re.IGNORECASE | re.VERBOSE,
    )
    # a day before a month ("5 Oktober") or a slash ("3/10"), a month, weekday or relative word,
    # or a word before a bare month or year ("pada Agustus", "sejak 2019") followed by one: a
    # necessary condition for a match of ``pattern``, cheap to scan for
    before = set(before_words)
    firsts = {m.group() for w in [*months, *weekdays, *relative] if (m := _WORD.match(w.lower()))}
    mon_low = word_alternation(months)
    start = (
        rf"(?:\d\d?(?:{day_suffix}\s+{mon_low}|/\d)|(?:{word_alternation(firsts)})(?!\w)"
        rf"|(?:{word_alternation(before - firsts)})\s+(?:\d|{mon_low}))"
    )
    # a word's start is right after a non-word character: scanning for that character first is
    # faster than a lookbehind at every position
    return _Tables(
        months,
        weekdays,
        relative,
        frozenset(mw["past"]),
        frozenset(mw["future"]),
        pattern,
        re.compile(rf"\W{start}"),
        re.compile(rf"\W{start}", re.IGNORECASE),
        re.compile(start),
        re.compile(start, re.IGNORECASE),
    )


_WORD = re.compile(r"\w+")


@cache
def _cldr_words(language: str) -> tuple[dict[str, int], dict[str, int], dict[str, tuple[str, int, str]]]:
    """Month names (1-12), weekday names (ISO) and relative words of ``language`` from Babel's CLDR
    data, in lower case: the names of four letters or more (kliping.parse.dates.cldr_names) and
    the wide names of any length ("mai", "mei"); the date fields' relative days, weeks, months and
    years ("gestern", "la semaine dernière", "el año pasado") as (unit, offset, precision)."""
    from kliping.parse.dates import cldr_names

    names_months, names_weekdays = cldr_names(language)
    months = {k: v for k, v in names_months.items() if len(k) > 3}
    weekdays = {k: v for k, v in names_weekdays.items() if len(k) > 3}
    relative: dict[str, tuple[str, int, str]] = {}
    try:
        from babel import Locale, UnknownLocaleError

        try:
            locale = Locale.parse(language)
        except (UnknownLocaleError, ValueError):
            return months, weekdays, relative
        for number, name in locale.months["format"]["wide"].items():
            months.setdefault(name.lower(), int(number))
        fields = locale._data["date_fields"]
        units = {"day": ("day", 1, "day"), "week": ("day", 7, "day"), "month": ("month", 1, "month")}
        units["year"] = ("year", 1, "year")
        for field, (unit, step, precision) in units.items():
            for offset, word in fields.get(field, {}).get("relative", {}).items():
                for form in {word.lower(), word.lower().replace("’", "'")}:
                    relative.setdefault(form, (unit, int(offset) * step, precision))
    except ImportError:  # pragma: no cover - declared dependency
        pass
    return months, weekdays, relative


def _matches(body: str, t: _Tables) -> Iterator[re.Match[str]]:
    """``t.pattern.finditer(body)``, tried only at words that can start a date (much faster)."""
    # the scan runs on the lowercased text (twice as fast as a case-blind regex) when lowercasing
    # keeps every offset and no letter matches an ASCII letter case-blind that lowercases to
    # something else (dotless ı, long ſ)
    low = body.lower()
    search, first = t.starts.search, t.first.match
    if len(low) != len(body) or "ı" in body or "ſ" in body:
        low, search, first = body, t.starts_any_case.search, t.first_any_case.match
    match = t.pattern.match
    if first(low):
        at = 0
    else:
        w = search(low)
        at = w.start() + 1 if w else -1
    while at >= 0:
        m = match(body, at)
        if m and m.end() > at:
            yield m
            nxt = m.end()
        else:
            nxt = at + 1
        # the next word start at or after nxt: a non-word character at nxt - 1 or later
        w = search(low, nxt - 1)
        at = w.start() + 1 if w else -1


def _key(word: str) -> str:
    """The table key of a word the case-blind pattern matched ("Auguſt" -> "august")."""
    return word.lower().replace("ſ", "s").replace("ı", "i").replace("i\u0307", "i")


def parse_published(published: str | None) -> date | None:
    """The date part of an ISO ``published`` value, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(body: str, published: str | None, language: str | None = None) -> list[DateMention]:
    """Every date expression in ``body`` that can be resolved; ``language`` adds its month and
    weekday names and relative words to Indonesian's and English's ("gestern", "ayer", "ieri")."""
    t = _tables(None if language in _BASE_LANGUAGES else language)
    pub = parse_published(published)
    out: list[DateMention] = []
    for m in _matches(body, t):
        g = m.groupdict()
        value: str | None = None
        precision: Precision = "day"
        start, end = m.start(), m.end()
        if g["full"]:
            if g["d1"]:
                d, mo, y = g["d1"], t.months[_key(g["m1"])], g["y1"]
            elif g["m2"]:
                d, mo, y = g["d2"], t.months[_key(g["m2"])], g["y2"]
            else:
                d, mo, y = g["d3"], int(g["m3"]), g["y3"]
                if y and len(y) == 2:
                    y = "20" + y
            year = int(y) if y else (pub.year if pub else None)
            day = _day(year, mo, int(d)) if year else None
            if day:
                value = day.isoformat()
            text = m.group("full").rstrip(")")
            if (
                text.count("(")
                and not text.endswith(")")
                and body[start + len(text) : start + len(text) + 1] == ")"
            ):
                text += ")"
            end = start + len(text)
        elif g["my"]:
            value, precision = f"{int(g['y4']):04d}-{t.months[_key(g['m4'])]:02d}", "month"
        elif g["mrel"] and pub:
            mo = t.months[_key(g["m5"])]
            if _key(g["w5"]) in t.past:
                year = pub.year if mo < pub.month else pub.year - 1
            else:
                year = pub.year if mo > pub.month else pub.year + 1
            value, precision = f"{year:04d}-{mo:02d}", "month"
        elif g["mbare"] and pub:
            mo = t.months[_key(g["m6"])]
            year = pub.year if mo <= pub.month else pub.year - 1
            value, precision = f"{year:04d}-{mo:02d}", "month"
            start = m.start("m6")
        elif g["ybare"]:
            value, precision = g["y6"], "year"
            start = m.start("y6")
        elif g["rel"] and pub:
            unit, n, prec = t.relative[_key(g["rel"])]
            precision = "day" if prec == "day" else "month" if prec == "month" else "year"
            if unit == "day":
                value = (pub + timedelta(days=n)).isoformat()
            elif unit == "month":
                y, mo = _add_months(pub, n)
                value = f"{y:04d}-{mo:02d}"
            else:
                value = f"{pub.year + n:04d}"
        elif g["wd"] and pub:
            target = t.weekdays[_key(g["wd"])]
            back = (pub.isoweekday() - target) % 7
            value = (pub - timedelta(days=back)).isoformat()
        if value is None:
            continue
        out.append(DateMention(body[start:end], value, precision, start, end))
    return out
