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
A segment is a marker when the outlet registry knows it or it looks like a domain (Liputan6.com);
a city is one to four capitalised words.  Anything else means the line has no dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kliping.outlets import Outlet, Registry
from kliping.parse.dates import find_dates

_PREFIX = re.compile(r"^\s*(?P<prefix>[^\n]{2,90}?)\s*(?:--|—|–|-)\s+(?=[\w\"\u201c\u2018'(\[])")
_AGENCY_PAREN = re.compile(r"\(\s*([A-Za-z][A-Za-z .&\-]{0,30}?)\s*\)\s*$")
_DOMAINISH = re.compile(r"^[\w\-]+(?:\.[A-Za-z]{2,6}){1,2}$")
_CITY_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]{1,3}\.?|d[aei]|al|of|el|van|upon|am|an|sur|la|le|de)$")
_MONTHISH = re.compile(r"^[A-Za-z]{3,9}\.?\s+\d{1,2}$|^\d{1,2}\s+[A-Za-z]{3,9}\.?$")


@dataclass(frozen=True)
class Dateline:
    prefix: str
    """The text removed from the paragraph, separator included."""
    city: str | None
    outlet: Outlet | None
    agency: str | None
    marker: str | None


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
    return Dateline(prefix=line[: m.end()], city=city, outlet=outlet, agency=agency, marker=marker)
