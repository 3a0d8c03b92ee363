"""The dateline prefix of a story's first paragraph.

Shapes handled, all by one mechanism (segments before a dash, each classified):
  "TEMPO.CO, Jakarta - "            outlet marker, city
  "SURABAYA, KOMPAS.com - "         city, marker
  "KOMPAS.com - "                   marker only
  "Jakarta - "                      city only (detik)
  "Jakarta, CNN Indonesia -- "      city, marker
  "Weda, N Maluku (ANTARA) - "      city, region, agency
  "WASHINGTON (AP) — "              city, agency
  "JAKARTA, Nov 5 (Reuters) - "     city, date, agency
  "Jakarta, CNBC Indonesia - "      city, an outlet's name (an acronym with a word: unknown outlets too)
  "KONTAN.CO.ID - JAKARTA. "        marker, then the city in capitals before a full stop
A segment is a marker when the outlet registry knows it or it looks like a domain (Liputan6.com);
a city is one to four capitalised words.  Anything else means the line has no dateline.
Without a dash: "SINGAPORE: " (a city in capitals before a colon) and "Jakarta. " (a city before a
full stop, then a long sentence).  Words that open paragraphs this way but are no places ("UPDATE:")
come from ``data/bylines.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kliping.outlets import Outlet, Registry
from kliping.parse.dates import find_dates
from kliping.parse.shapes import outlet_shaped
from kliping.resources import load_toml

_PREFIX = re.compile(r"^\s*(?P<prefix>[^\n]{2,90}?)\s*(?:--|—|–|-)\s+(?=[\w\"\u201c\u2018'(\[])")
_AGENCY_PAREN = re.compile(r"\(\s*([A-Za-z][A-Za-z .&\-]{0,30}?)\s*\)\s*$")
_DOMAINISH = re.compile(r"^[\w\-]+(?:\.[A-Za-z]{2,6}){1,2}$")
_CITY_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]{1,3}\.?|d[aei]|al|of|el|van|upon|am|an|sur|la|le|de)$")
_MONTHISH = re.compile(r"^[A-Za-z]{3,9}\.?\s+\d{1,2}$|^\d{1,2}\s+[A-Za-z]{3,9}\.?$")
_STARTS_SENTENCE = r"(?=[A-Z0-9\"\u201c\u2018'])"
_CAPS_CITY = r"[A-Z][A-Z'’\-]{2,}(?:\s[A-Z][A-Z'’\-]+){0,2}"
_CAPS_PERIOD = re.compile(rf"^(?P<city>{_CAPS_CITY})\.\s+{_STARTS_SENTENCE}")  # "JAKARTA. "
_CAPS_COLON = re.compile(rf"^\s*(?P<city>{_CAPS_CITY})\s?:\s+{_STARTS_SENTENCE}")  # "SINGAPORE: "
# "Jakarta. ", "New York. ": each word long enough not to be an abbreviation ("Gov.", "Mr.")
_TITLE_PERIOD = re.compile(
    rf"^\s*(?P<city>(?:[A-Z][a-z'’\-]+\s){{0,2}}[A-Z][a-z'’\-]{{3,}})\.\s+{_STARTS_SENTENCE}"
)
_PERIOD_LEAD_MIN_WORDS = 8
_SHORT_PREFIX = 40  # a dateline without a dash ends within this many characters


@dataclass(frozen=True)
class Dateline:
    prefix: str
    """The text removed from the paragraph, separator included."""
    city: str | None
    outlet: Outlet | None
    agency: str | None
    marker: str | None


@cache
def _not_places() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_toml("bylines.toml")["not_dateline_words"])


def _titlecase_city(city: str) -> str:
    if city.isupper() and len(city) > 3:
        return " ".join(w.capitalize() for w in city.split())
    return city


def _is_city(segment: str) -> bool:
    words = segment.split()
    if not 1 <= len(words) <= 4:
        return False
    if not words[0][:1].isupper():
        return False
    return all(_CITY_WORD.match(w) for w in words) and not any(ch.isdigit() for ch in segment)


def parse_dateline(line: str, registry: Registry) -> Dateline | None:
    """The dateline at the start of ``line``, or None when the line does not open with one."""
    found = _dash_dateline(line, registry)
    if found is not None:
        return found
    first = line[:1]
    if not first.isupper():
        return None
    m = _CAPS_COLON.match(line) if line.find(":", 3, _SHORT_PREFIX) != -1 else None
    if m is None:
        m = _TITLE_PERIOD.match(line) if line.find(". ", 3, _SHORT_PREFIX) != -1 else None
        if m is None or line.count(" ", m.end()) + 1 < _PERIOD_LEAD_MIN_WORDS:
            return None
    city = m.group("city")
    if any(w.casefold() in _not_places() for w in city.split()):
        return None
    return Dateline(prefix=line[: m.end()], city=_titlecase_city(city), outlet=None, agency=None, marker=None)


def _dash_dateline(line: str, registry: Registry) -> Dateline | None:
    """A dateline that ends with a dash: "TEMPO.CO, Jakarta - "."""
    m = _PREFIX.match(line)
    if not m:
        return None
    prefix = m.group("prefix")
    if prefix.count(",") > 3 or any(q in prefix for q in '"“”‘'):
        return None
    segments = [s.strip() for s in prefix.split(",")]
    city: str | None = None
    outlet: Outlet | None = None
    agency: str | None = None
    marker: str | None = None
    region_seen = False
    for i, seg in enumerate(segments):
        if not seg:
            return None
        pm = _AGENCY_PAREN.search(seg)
        if pm:
            ag_word = pm.group(1)
            ag = registry.agency(ag_word)
            found = registry.outlet_for_marker(ag_word)
            if ag is None and found is None:
                return None
            if ag is not None:
                agency = ag.name
            if found is not None and outlet is None:
                outlet = found
            seg = seg[: pm.start()].strip()
            if not seg:
                continue
        found = registry.outlet_for_marker(seg)
        if found is not None and (i > 0 or len(segments) > 1 or seg.casefold() != seg.casefold().title()):
            # "Jakarta" is a city even if some outlet were called that; a marker needs company
            # (a comma segment) or a marker's shape (TEMPO.CO, detikJabar).
            outlet, marker = found, seg
            continue
        if found is not None and _DOMAINISH.match(seg):
            outlet, marker = found, seg
            continue
        if _DOMAINISH.match(seg):
            marker = seg
            continue
        if marker is None and outlet is None and outlet_shaped(seg) and not (city and city in seg):
            marker = seg  # "Jakarta, CNBC Indonesia - ": an outlet the registry does not know
            continue
        if _is_city(seg):
            if city is None:
                city = _titlecase_city(seg)
            elif not region_seen:
                region_seen = True  # "Denpasar, Bali": the second place is the region
            else:
                return None
            continue
        if i > 0 and (_MONTHISH.match(seg) or find_dates(seg)):
            continue  # "JAKARTA, Nov 5 (Reuters)"
        return None
    if city is None and outlet is None and agency is None and marker is None:
        return None
    rest = line[m.end() :]
    if (
        outlet is None
        and agency is None
        and marker is None
        and not (rest[:1].isupper() or rest[:1].isdigit())
    ):
        return None  # "Presiden Joko Widodo - yang ...": a bare city needs a sentence after it
    end = m.end()
    if city is None:
        after = _CAPS_PERIOD.match(rest)  # "KONTAN.CO.ID - JAKARTA. Penjualan ..."
        if after is not None and not any(w.casefold() in _not_places() for w in after.group("city").split()):
            city = _titlecase_city(after.group("city"))
            end += after.end()
    return Dateline(prefix=line[:end], city=city, outlet=outlet, agency=agency, marker=marker)
