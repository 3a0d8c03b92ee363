"""Shapes of outlet names, for outlets the registry does not know.

"CNBC Indonesia", "BBC News"      an acronym with a capitalised word: an outlet's name
"KONTAN.CO.ID" -> "Kontan"        a domain-shaped marker names its outlet by its first label
"rappler.com"  -> "Rappler"       so does a domain
"The Example Times" on exampletimes.com.xx: the page writes its site's name
"""

from __future__ import annotations

import re
from functools import cache

_ACRONYM = re.compile(r"^(?:[A-Z]{3,}|[A-Z]{2,}(?:-[A-Z]{2,})+)$")  # "CNBC", "ABC-XYZ"
_DOMAINISH = re.compile(r"^[\w\-]+(?:\.[A-Za-z]{2,6}){1,2}$")
_NAME_MIN_CAPS = 5
_LANG_LABELS = frozenset(["en", "id", "ms", "ar", "zh", "jp", "ja", "ko", "fr", "de", "es", "ru", "www", "m"])


def outlet_shaped(segment: str) -> bool:
    """ "CNBC Indonesia", "BBC News", "ABC-XYZ News": an acronym with a capitalised word, as outlets name
    themselves (a region is "Bali" or "N Maluku", a person "Budi Santoso", not this)."""
    words = segment.split()
    return (
        2 <= len(words) <= 4
        and any(_ACRONYM.match(w) for w in words)
        and any(w[:1].isupper() and not w.isupper() for w in words)
    )


def domain_shaped(segment: str) -> bool:
    """ "Liputan6.com", "KONTAN.CO.ID": a marker written as a domain."""
    return _DOMAINISH.match(segment.strip()) is not None


def _label_name(label: str) -> str:
    if label.isupper() or label.islower():
        return "-".join(part[:1].upper() + part[1:].lower() for part in label.split("-"))
    return label  # "SuaraJogja", "detikNews": the outlet's own capitals


def outlet_name(marker: str) -> str | None:
    """A display name for an outlet known only by how it names itself: "KONTAN.CO.ID" -> "Kontan",
    "CNBC Indonesia" -> "CNBC Indonesia", "en.rappler.com" -> "Rappler", "EXAMPLENEWS" -> "Examplenews"."""
    marker = marker.strip()
    if not marker:
        return None
    if not domain_shaped(marker) and "." not in marker:
        if marker.isupper() and marker.isalpha() and len(marker) >= _NAME_MIN_CAPS:
            return marker.capitalize()  # "EXAMPLENEWS" -> "Examplenews"; "ABC" stays an acronym
        return marker
    labels = [lb for lb in marker.split(".") if lb]
    while len(labels) > 2 and labels[0].casefold() in _LANG_LABELS:
        labels = labels[1:]
    return _label_name(labels[0]) if labels else None


_SELF_NAME_MIN = 4  # "rm": shorter labels are as often a word or a currency as a name
_SELF_NAME_MAX_WORDS = 4


def site_label(site: str) -> str:
    """ "examplenews.com" -> "examplenews", "en.example.co.id" -> "example": the name part of a
    registered domain."""
    labels = [lb for lb in site.split(".") if lb]
    while len(labels) > 2 and labels[0] in _LANG_LABELS:
        labels = labels[1:]
    return labels[0] if labels else ""


@cache
def _self_name_re(label: str) -> re.Pattern[str]:
    # the label's letters, a space or a hyphen allowed between any two: "fijitimes" finds "Fiji Times"
    letters = r"[\s\-]?".join(re.escape(ch) for ch in label)
    return re.compile(rf"(?<![\w.@/])(?:The\s)?(?i:{letters})(?![\w.]\w|\w)")


def self_name(site: str, text: str, place: str | None = None) -> str | None:
    """How a site the registry does not know writes its own name in its page: "The Example Times"
    on exampletimes.com.xx ("Subscribe to The Example Times e-paper"), each word capitalised; a
    name in lower case is a domain or a word, not this.  One word in title case is a name only
    when it is long ("Examplenews"): a short one ("Space") opens sentences as a word; nor is
    ``place``, the dateline's city ("SPRINGFIELD, Ill." on springfield.com)."""
    label = site_label(site).replace("-", "")
    if len(label) < _SELF_NAME_MIN or not label.isalnum():
        return None
    for m in _self_name_re(label.casefold()).finditer(text):
        name = m.group()
        words = name.split()
        if len(words) > _SELF_NAME_MAX_WORDS or not all(w[:1].isupper() for w in words):
            continue
        if place is not None and name.casefold() == place.casefold():
            continue
        if len(words) == 1 and name[1:].islower() and len(name) < _SELF_NAME_WORD_MIN:
            continue
        return name
    return None


_SELF_NAME_WORD_MIN = 7
